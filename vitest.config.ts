import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: fakeBrowser (via WxtVitest) + fake-indexeddb, node by default;
// DOM suites opt in with `// @vitest-environment jsdom`. Corpus suites have their own config.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.tsx', 'scripts/**/*.test.ts', 'e2e/mock-openrouter/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/.output/**', '**/*.corpus.test.ts'],
    environment: 'node',
    setupFiles: ['./vitest.setup.ts'],
    pool: 'threads',
    maxWorkers: 2,
    restoreMocks: true,
    // Generous: a loaded two-core machine must not turn slow into failed (speed is the bench's job).
    testTimeout: 20_000,
    // As the e2e suites do in CI: one more try for a test that failed, so a stall of a shared machine is
    // told apart from a real failure (a real one fails twice, and the report shows the retry).
    retry: process.env.CI ? 1 : 0,
  },
});
