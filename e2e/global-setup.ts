import fs from 'node:fs';
import path from 'node:path';
import { BUILD_DIR, EXTENSION_DIR } from './support/paths';

const REQUIRED = ['manifest.json', 'background.js', 'sidepanel.html', 'options.html', 'content-scripts/capture.js', 'content-scripts/apply.js'];

function complete(dir: string): boolean {
  return REQUIRED.every((file) => fs.existsSync(path.join(dir, file)));
}

/** Copies the build once per run; retries while a concurrent `wxt build` is rewriting `.output`. */
export default async function globalSetup(): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    if (complete(BUILD_DIR)) {
      fs.rmSync(EXTENSION_DIR, { recursive: true, force: true });
      try {
        fs.cpSync(BUILD_DIR, EXTENSION_DIR, { recursive: true });
        if (complete(EXTENSION_DIR)) return;
      } catch {
        // A file vanished mid-copy: the build is being rewritten. Try again.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`No complete extension build in ${BUILD_DIR}. Run \`npm run build\` first.`);
}
