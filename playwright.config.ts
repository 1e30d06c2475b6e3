import { defineConfig } from '@playwright/test';

// End-to-end tests drive the built extension (`npm run build` first) in Debian's Chromium.
// One worker: each test launches its own browser, and the machines running this have two cores.
export default defineConfig({
  testDir: 'e2e',
  // Only specs: `*.test.ts` under e2e/ (the OpenRouter mock's own tests) belong to vitest.
  testMatch: '**/*.spec.ts',
  // Specs over ../shared/corpus run in `npm run test:corpus` (playwright.corpus.config.ts).
  testIgnore: '**/*.corpus.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    trace: 'retain-on-failure',
  },
});
