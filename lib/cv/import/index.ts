import { AppError } from '../../util/errors';
import type { Cv } from '../model';
import { buildCv } from '../parse/build';
import type { SourceDoc } from '../parse/source';
import { readJsonResume } from './json-resume';
import { readLatex } from './latex';
import { readMarkdown } from './markdown';
import { readText } from './text';
import { decodeText, detectTextFormat, validateCvFile } from './validate';

/**
 * Import any CV file: validate first (size, type by content), then read it with the matching importer
 * and parse the lines into the CV model. The PDF reader is injected (`readPdfInPage` in extension
 * pages, `readPdfInNode` in the CLI and tests) because pdf.js is set up differently in each; mammoth
 * is loaded only when a DOCX arrives.
 */
export interface ImportCvOptions {
  fileName?: string;
  readPdf?: (data: Uint8Array) => Promise<SourceDoc>;
  readDocx?: (data: Uint8Array) => Promise<SourceDoc>;
}

export async function importCv(data: Uint8Array, options: ImportCvOptions = {}): Promise<Cv> {
  const kind = validateCvFile(data);
  const fileName = options.fileName;
  if (kind === 'pdf') {
    // A caller's mistake, not the file's: the PDF reader depends on where we run.
    if (!options.readPdf) throw new Error('importCv: pass readPdf (readPdfInPage in pages, readPdfInNode in Node)');
    return finish(await options.readPdf(data), fileName);
  }
  if (kind === 'docx') {
    const readDocx = options.readDocx ?? (await import('./docx')).readDocx;
    return finish(await readDocx(data), fileName);
  }
  const text = decodeText(data) ?? '';
  return importCvText(text, { ...options, fileName });
}

/** Import CV text (pasted or read from a text file). */
export function importCvText(text: string, options: ImportCvOptions = {}): Cv {
  if (!text.trim()) throw new AppError('cv_empty');
  const format = detectTextFormat(text, options.fileName);
  switch (format) {
    case 'json-resume':
      return readJsonResume(text, options.fileName);
    case 'latex':
      return finish(readLatex(text), options.fileName);
    case 'markdown':
      return finish(readMarkdown(text), options.fileName);
    case 'text':
      return finish(readText(text), options.fileName);
  }
}

function finish(doc: SourceDoc, fileName?: string): Cv {
  if (doc.lines.every((l) => !l.text.trim())) throw new AppError('cv_empty');
  return buildCv(doc, { fileName });
}
