import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Table-driven suites over the real pages in ../shared/corpus. Kept out of `test:unit` because they
// are slower and grow with each extraction feature.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['**/*.corpus.test.ts'],
    exclude: ['**/node_modules/**', '**/.output/**'],
    environment: 'node',
    setupFiles: ['./vitest.setup.ts'],
    pool: 'threads',
    maxWorkers: 2,
    passWithNoTests: true,
    // Whole saved pages in jsdom on a busy 2-core machine: a fill of the SuccessFactors profile (with the
    // form's own settle waits) has taken over 5 s. These suites measure accuracy, never time.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // As the e2e suites do in CI: one more try for a test that failed, so a stall of a shared machine is
    // told apart from a real failure (a real one fails twice, and the report shows the retry).
    retry: process.env.CI ? 1 : 0,
  },
});
