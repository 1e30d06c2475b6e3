import mammoth from 'mammoth';
import { AppError } from '../../util/errors';
import type { SourceDoc } from '../parse/source';
import { htmlToLines } from './html';
import { MAX_DOCX_UNCOMPRESSED, zipEntries } from './validate';

/**
 * DOCX → lines through mammoth's HTML: headings keep their level (Word's Title style is the name),
 * list items are bullets, a table row is one line whose cells are segments, tabs separate segments
 * ("Engineer<tab>2019 – 2021"), and a paragraph that is bold throughout is marked bold. Images are
 * never decoded (a CV's text is all we read).
 */
export async function readDocx(data: Uint8Array): Promise<SourceDoc> {
  await assertInflatesWithin(data, MAX_DOCX_UNCOMPRESSED);
  let html: string;
  // mammoth's browser build reads `arrayBuffer`, its Node build `buffer`; both take an ArrayBuffer.
  const bytes = data.slice().buffer;
  const input = { arrayBuffer: bytes, buffer: bytes } as unknown as { arrayBuffer: ArrayBuffer };
  try {
    const result = await mammoth.convertToHtml(input, {
      styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"],
      ignoreEmptyParagraphs: true,
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
    });
    html = result.value;
  } catch {
    throw new AppError('cv_corrupt', 'docx');
  }
  const lines = htmlToLines(html);
  if (lines.length === 0) throw new AppError('cv_empty');
  return { format: 'docx', lines };
}

/**
 * Inflates the XML parts (what mammoth reads) with a byte counter and stops past `limit`: a zip bomb
 * that lies about its sizes in the directory is refused before mammoth inflates it whole in memory.
 */
async function assertInflatesWithin(data: Uint8Array, limit: number): Promise<void> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let total = 0;
  for (const entry of zipEntries(data)) {
    if (!/\.(?:xml|rels)$/i.test(entry.name)) continue;
    if (entry.offset + 30 > data.length || view.getUint32(entry.offset, true) !== 0x04034b50) throw new AppError('cv_corrupt', 'zip');
    const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
    const body = data.subarray(start, start + entry.compressed);
    if (entry.method === 0) {
      total += body.length;
    } else if (entry.method === 8) {
      const reader = new Blob([body as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          total += value.length;
          if (total > limit) break;
        }
      } catch {
        throw new AppError('cv_corrupt', 'zip');
      } finally {
        await reader.cancel().catch(() => undefined);
      }
    }
    if (total > limit) throw new AppError('cv_too_large', 'inflated');
  }
}
