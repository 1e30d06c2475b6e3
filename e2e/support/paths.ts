import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export const ROOT = path.resolve(here, '../..');

/** What `npm run build` produced. `JOBFIT_EXTENSION_DIR` points the suite at another build. */
export const BUILD_DIR = path.resolve(ROOT, process.env.JOBFIT_EXTENSION_DIR ?? '.output/chrome-mv3');

/**
 * The suite loads a copy of the build taken once per run (global-setup.ts), so a rebuild running
 * alongside (watch mode, another terminal) cannot swap files under a launched browser. The folder is
 * per checkout, so two clones testing at once do not share it.
 */
const checkout = createHash('sha256').update(ROOT).digest('hex').slice(0, 12);
export const EXTENSION_DIR = path.join(os.tmpdir(), `jobfit-e2e-${checkout}`, 'chrome-mv3');

/** What `npm run build:firefox` produced, and the copy the Firefox smoke test installs. */
export const FIREFOX_BUILD_DIR = path.resolve(ROOT, '.output/firefox-mv3');
export const FIREFOX_EXTENSION_DIR = path.join(os.tmpdir(), `jobfit-e2e-${checkout}`, 'firefox-mv3');

/** Hand-made fixture pages served on 127.0.0.1. */
export const PAGES_DIR = path.join(ROOT, 'e2e', 'pages');

/** The shared corpus, cloned next to the repo (`../shared/corpus`); the `*.corpus.spec.ts` specs read it. */
export const CORPUS_DIR = path.resolve(ROOT, '../shared/corpus');
