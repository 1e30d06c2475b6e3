import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { CvFonts } from './pdf';

/** DejaVu Sans from the dejavu-fonts-ttf package, read from disk (CLI, tests, bench). */
export async function loadFontsInNode(): Promise<CvFonts> {
  const require = createRequire(import.meta.url);
  const [regular, bold] = await Promise.all([
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  ]);
  return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
}
