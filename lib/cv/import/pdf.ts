import type * as PdfJs from 'pdfjs-dist';
import { AppError } from '../../util/errors';
import type { CvWarning } from '../model';
import type { SourceDoc } from '../parse/source';
import { layoutPages, type PdfItem, type PdfPageItems } from './pdf-layout';

/**
 * PDF → lines, with an injected pdf.js so the same code runs in an extension page (the modern build
 * with one shared worker) and in Node (the legacy build, for the CLI and tests). Only text content is
 * read; operator lists are fetched only to tell a scanned PDF from an empty one.
 */

/** The parts of pdf.js this importer uses (the page build and the Node legacy build both fit). */
export type PdfJsModule = Pick<typeof PdfJs, 'getDocument' | 'OPS'>;
type DocumentParams = Exclude<Parameters<typeof PdfJs.getDocument>[0], string | URL | ArrayBuffer | ArrayLike<number> | undefined>;

export interface ReadPdfOptions {
  /** Extra getDocument parameters, e.g. `{ worker }` to reuse one PDFWorker. */
  documentParams?: Partial<DocumentParams>;
  /** Pages read at most; longer PDFs are cut with a warning (a CV is rarely over 10 pages). */
  maxPages?: number;
}

/** Fewer visible characters than this in the whole file: no usable text layer. */
const MIN_TEXT_CHARS = 30;

export async function readPdf(data: Uint8Array, pdfjs: PdfJsModule, options: ReadPdfOptions = {}): Promise<SourceDoc> {
  const maxPages = options.maxPages ?? 20;
  const task = pdfjs.getDocument({
    // pdf.js may transfer the buffer to its worker: hand it a copy so the caller keeps the file.
    data: data.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    ...options.documentParams,
  });
  let doc: PdfJs.PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw pdfError(error);
  }
  try {
    const warnings: CvWarning[] = [];
    const count = Math.min(doc.numPages, maxPages);
    if (doc.numPages > maxPages) warnings.push({ code: 'pages_truncated', detail: `${maxPages}/${doc.numPages}` });
    const pages: PdfPageItems[] = [];
    let chars = 0;
    for (let n = 1; n <= count; n++) {
      const page = await doc.getPage(n).catch((error: unknown) => {
        throw pdfError(error);
      });
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str) continue;
        const [a, b, c, d, e, f] = item.transform as number[];
        // Rotated text (vertical labels in margins) is not part of the reading flow.
        if (Math.abs(b ?? 0) > Math.abs(a ?? 0) * 0.1 || Math.abs(c ?? 0) > Math.abs(d ?? 0) * 0.1) continue;
        const size = Math.hypot(c ?? 0, d ?? 0) || Math.abs(a ?? 0);
        items.push({ str: item.str, x: e ?? 0, y: f ?? 0, w: item.width, size, font: item.fontName });
        chars += item.str.replace(/\s/g, '').length;
      }
      pages.push({ width: viewport.width, height: viewport.height, items });
      page.cleanup();
    }
    if (chars < MIN_TEXT_CHARS) {
      throw new AppError((await hasImages(doc, pdfjs, count)) ? 'cv_image_only' : 'cv_empty');
    }
    return { format: 'pdf', lines: layoutPages(pages), pages: doc.numPages, warnings };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

async function hasImages(doc: PdfJs.PDFDocumentProxy, pdfjs: PdfJsModule, count: number): Promise<boolean> {
  const imageOps = new Set(
    Object.entries(pdfjs.OPS)
      .filter(([name]) => /image/i.test(name))
      .map(([, op]) => op),
  );
  for (let n = 1; n <= Math.min(count, 5); n++) {
    const page = await doc.getPage(n);
    const ops = await page.getOperatorList();
    page.cleanup();
    if (ops.fnArray.some((op) => imageOps.has(op))) return true;
  }
  return false;
}

/** pdf.js failures → our codes. Exceptions cross the worker boundary as objects with a `name`. */
function pdfError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'PasswordException') return new AppError('cv_encrypted');
  return new AppError('cv_corrupt', name ?? 'pdf');
}
