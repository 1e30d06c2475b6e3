import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { SourceDoc } from '../parse/source';
import { readPdf, type ReadPdfOptions } from './pdf';

/** pdf.js for Node (CLI, tests, bench): the legacy build, which runs its worker in-process. */
export function readPdfInNode(data: Uint8Array, options?: ReadPdfOptions): Promise<SourceDoc> {
  return readPdf(data, pdfjs, options);
}
