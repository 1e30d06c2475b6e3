import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import type { CvFonts } from './pdf';

/**
 * DejaVu Sans for extension pages: the TTFs ship as build assets and are fetched on the first export
 * only (≈ 1.4 MB), then kept for the page's lifetime.
 */
let fonts: Promise<CvFonts> | undefined;

export function loadFontsInPage(): Promise<CvFonts> {
  fonts ??= Promise.all([regularUrl, boldUrl].map(async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer()))).then(
    ([regular, bold]) => ({ regular: regular!, bold: bold! }),
  );
  fonts.catch(() => (fonts = undefined));
  return fonts;
}
