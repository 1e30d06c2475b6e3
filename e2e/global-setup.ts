import { copyBuild } from './support/build-copy';
import { BUILD_DIR, EXTENSION_DIR } from './support/paths';

/** Copies the build once per run (see support/paths.ts). */
export default async function globalSetup(): Promise<void> {
  await copyBuild(BUILD_DIR, EXTENSION_DIR, 'npm run build');
}
