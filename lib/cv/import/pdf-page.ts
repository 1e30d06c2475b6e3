import { getDocument, GlobalWorkerOptions, OPS, PDFWorker } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { SourceDoc } from '../parse/source';
import { readPdf, type ReadPdfOptions } from './pdf';

/**
 * pdf.js for extension pages (side panel, full-tab CV view): the modern build with one PDFWorker kept
 * for the page's lifetime — a fresh worker costs ≈ 75 ms, a reused one ≈ 5 ms per CV (TOOLING.md).
 * Loading tasks given a worker leave it running when they are destroyed.
 */
let worker: PDFWorker | undefined;

function sharedWorker(): PDFWorker {
  if (!worker || worker.destroyed) {
    GlobalWorkerOptions.workerSrc = workerUrl;
    worker = new PDFWorker();
  }
  return worker;
}

export function readPdfInPage(data: Uint8Array, options: ReadPdfOptions = {}): Promise<SourceDoc> {
  return readPdf(data, { getDocument, OPS }, { ...options, documentParams: { worker: sharedWorker(), ...options.documentParams } });
}
