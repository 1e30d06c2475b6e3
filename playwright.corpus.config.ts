import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The browser specs over the real pages of ../shared/corpus (`*.corpus.spec.ts`), run by
// `npm run test:corpus` after the vitest corpus suites. Same browser, worker and timeouts as `npm test`'s
// e2e; the setup builds the extension when there is no build yet. Without the corpus the specs skip.
export default defineConfig({
  ...base,
  testMatch: '**/*.corpus.spec.ts',
  testIgnore: [],
  globalSetup: './e2e/corpus-setup.ts',
});
