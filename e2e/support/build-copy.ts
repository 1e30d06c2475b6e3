import fs from 'node:fs';
import path from 'node:path';

const REQUIRED = ['manifest.json', 'background.js', 'sidepanel.html', 'options.html', 'content-scripts/capture.js', 'content-scripts/apply.js'];

/** Whether `dir` holds a whole Chrome build (every file the suite loads). */
export function complete(dir: string): boolean {
  return REQUIRED.every((file) => fs.existsSync(path.join(dir, file)));
}

/**
 * Copies a build to the folder the browser loads; retries while a concurrent `wxt build` is rewriting
 * `.output`. `buildCommand` goes into the error when there is no complete build.
 */
export async function copyBuild(buildDir: string, copyDir: string, buildCommand: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    if (complete(buildDir)) {
      fs.rmSync(copyDir, { recursive: true, force: true });
      try {
        fs.cpSync(buildDir, copyDir, { recursive: true });
        if (complete(copyDir)) return;
      } catch {
        // A file vanished mid-copy: the build is being rewritten. Try again.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`No complete extension build in ${buildDir}. Run \`${buildCommand}\` first.`);
}
