/**
 * A job posting from a file: a saved web page (HTML) runs through `readPage`, a PDF's text layer and
 * plain text through `readText`. The HTML parser and the PDF reader are injected: DOMParser and pdf.js
 * in the panel, jsdom and pdf.js's Node build in the CLI; the decisions here are the same for both.
 */
import type { SourceDoc } from '../cv/parse/source';
import { AppError } from '../util/errors';
import { readPage } from './index';
import { readText } from './text';
import type { CaptureResult } from './types';

export const MAX_POSTING_FILE = 10 * 1024 * 1024;

export type PostingFileKind = 'html' | 'pdf' | 'text';

export interface PostingFileReaders {
  /** An inert document (no scripts run, nothing loads). */
  parseHtml(html: string): Document;
  readPdf(data: Uint8Array): Promise<SourceDoc>;
}

const HTML_NAME = /\.(x?html?|mht|xht)$/i;
const TEXT_NAME = /\.(txt|text|md|markdown)$/i;

/** By content first (a renamed file is what it contains), then by name; undefined when it is neither. */
export function postingFileKind(data: Uint8Array, fileName: string): PostingFileKind | undefined {
  const head = new TextDecoder('latin1').decode(data.subarray(0, 1024));
  if (head.startsWith('%PDF-')) return 'pdf';
  if (/^\s*(?:<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<html)/i.test(head.replace(/^\uFEFF|^ï»¿/, ''))) return 'html';
  // Binary formats (ZIP: DOCX/ODT, images, executables) have NUL or control bytes early on.
  if (data.subarray(0, 1024).some((byte) => byte < 0x09 || (byte > 0x0d && byte < 0x1b))) return undefined;
  if (HTML_NAME.test(fileName)) return 'html';
  if (TEXT_NAME.test(fileName) || !/\.[a-z0-9]{1,5}$/i.test(fileName)) return 'text';
  return undefined;
}

function pdfText(doc: SourceDoc): string {
  return doc.lines.map((line) => `${line.blankBefore || (line.gapBefore ?? 0) > 1.6 ? '\n' : ''}${line.text}`).join('\n');
}

/** The posting in a file; an AppError (`posting_file_*`) when the file itself cannot be read. */
export async function readPostingFile(data: Uint8Array, fileName: string, readers: PostingFileReaders): Promise<CaptureResult> {
  if (data.byteLength > MAX_POSTING_FILE) throw new AppError('posting_file_too_large');
  const kind = postingFileKind(data, fileName);
  if (!kind) throw new AppError('posting_file_type');
  if (kind === 'pdf') {
    let doc: SourceDoc;
    try {
      doc = await readers.readPdf(data);
    } catch (error) {
      const code = error instanceof AppError ? error.code : undefined;
      if (code === 'cv_image_only' || code === 'cv_empty') throw new AppError('posting_file_no_text');
      throw new AppError('posting_file_unreadable');
    }
    return readText(pdfText(doc));
  }
  const text = new TextDecoder('utf-8').decode(data);
  return kind === 'html' ? readPage(readers.parseHtml(text)) : readText(text);
}
