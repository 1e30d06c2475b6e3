/**
 * Postings the user hands to an extension page: pasted text and dropped files. HTML is parsed with
 * DOMParser into an inert document (no scripts, no loads) and read by the same `readPage` as a tab;
 * PDF text comes from pdf.js (loaded on first use), TXT and pasted text go through `readText`.
 */
import { AppError } from '../util/errors';
import { readPostingFile } from './file';
import { MAX_TEXT, readText } from './text';
import type { CaptureResult, JobPosting } from './types';

function postingOrThrow(result: CaptureResult): JobPosting {
  if (!result.ok) throw new AppError(result.error.code);
  return result.posting;
}

export function readPastedText(text: string): JobPosting {
  return postingOrThrow(readText(text.slice(0, MAX_TEXT)));
}

export async function readDroppedFile(file: File): Promise<JobPosting> {
  const data = new Uint8Array(await file.arrayBuffer());
  const result = await readPostingFile(data, file.name, {
    parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html'),
    readPdf: async (pdf) => (await import('../cv/import/pdf-page')).readPdfInPage(pdf),
  });
  return postingOrThrow(result);
}
