import { execSync } from 'node:child_process';
import fs from 'node:fs';
import { complete, copyBuild } from './support/build-copy';
import { BUILD_DIR, CORPUS_DIR, EXTENSION_DIR, ROOT } from './support/paths';

/**
 * Global setup of the corpus specs (playwright.corpus.config.ts): builds the extension when
 * `.output/chrome-mv3` has no complete build (a fresh clone running `npm run test:corpus` alone), then
 * copies it as `npm test`'s setup does. Without the corpus the specs skip, so nothing is built.
 */
export default async function corpusSetup(): Promise<void> {
  if (!fs.existsSync(CORPUS_DIR)) {
    console.log(`${CORPUS_DIR} not found: the corpus browser specs skip (clone the shared corpus next to the repo).`);
    return;
  }
  // A build named by JOBFIT_EXTENSION_DIR is someone else's to make.
  if (!complete(BUILD_DIR) && !process.env.JOBFIT_EXTENSION_DIR) {
    console.log('No extension build yet: running `npm run build`.');
    execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
  }
  await copyBuild(BUILD_DIR, EXTENSION_DIR, 'npm run build');
}
