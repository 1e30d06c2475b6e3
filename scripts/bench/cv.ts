/**
 * CV import and export on the resume corpus (../shared/corpus/resumes), in Node with pdf.js's legacy
 * build (lib/cv/import/pdf-node.ts): the same parsing code the extension pages run, with pdf.js's worker
 * in-process instead of a Web Worker. Warm: one untimed pass first, so pdf.js and the parser are loaded.
 *
 * - cv_import.p50_ms: importCv per file (pdf.js text + layout + parse), median over files and rounds;
 * - cv_import.pdfjs_text_p50_ms: raw getDocument + getTextContent of every page on the same files, same run;
 * - cv_import.ratio_vs_pdfjs: what our parsing adds over reading the text at all: per file, the fastest
 *   import over the fastest raw read (the minimum is what load from other processes cannot inflate),
 *   then the median over files;
 * - cv_export.pdf_ms: exportPdf of the corpus CV with the most lines (fonts loaded and code warm, as in a
 *   page after its first export), median of 7;
 * - cv_import.accuracy.*: share of TRUTH.json fields recovered (lib/cv/eval/corpus.ts, as the corpus suite).
 *
 * Run alone: npx tsx scripts/bench/cv.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { corpusPdfs, type FileScore, hasResumeCorpus, loadTruth, percent, RESUME_CORPUS, scoreCv, totals } from '../../lib/cv/eval/corpus';
import { loadFontsInNode } from '../../lib/cv/export/fonts-node';
import { exportPdf } from '../../lib/cv/export/pdf';
import { importCv } from '../../lib/cv/import/index';
import { readPdfInNode } from '../../lib/cv/import/pdf-node';
import type { Cv } from '../../lib/cv/model';

const ROUNDS = 3;
const round = (n: number) => Math.round(n * 100) / 100;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** What any PDF text reader must do at least: open the file and get every page's text items. */
async function rawText(data: Uint8Array): Promise<number> {
  const task = pdfjs.getDocument({ data: data.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const doc = await task.promise;
  let items = 0;
  for (let n = 1; n <= Math.min(doc.numPages, 20); n++) {
    const page = await doc.getPage(n);
    items += (await page.getTextContent()).items.length;
    page.cleanup();
  }
  await task.destroy();
  return items;
}

export async function measureCv(): Promise<{ results: Record<string, number> }> {
  if (!hasResumeCorpus()) {
    console.warn(`cv: skipped, ${RESUME_CORPUS} is absent`);
    return { results: {} };
  }
  const truth = loadTruth();
  const files = corpusPdfs().map((file) => ({ file, data: new Uint8Array(readFileSync(join(RESUME_CORPUS, file))) }));
  const parsed = new Map<string, Cv>();
  for (const { file, data } of files) {
    await rawText(data);
    parsed.set(file, await importCv(data, { fileName: file, readPdf: readPdfInNode }));
  }

  const ours: number[] = [];
  const raw: number[] = [];
  const fastest = files.map(() => ({ ours: Infinity, raw: Infinity }));
  for (let r = 0; r < ROUNDS; r++) {
    // Interleaved per file so both readers see the same machine load.
    for (const [i, { file, data }] of files.entries()) {
      let t = performance.now();
      await rawText(data);
      const rawMs = performance.now() - t;
      t = performance.now();
      await importCv(data, { fileName: file, readPdf: readPdfInNode });
      const oursMs = performance.now() - t;
      raw.push(rawMs);
      ours.push(oursMs);
      fastest[i] = { ours: Math.min(fastest[i]!.ours, oursMs), raw: Math.min(fastest[i]!.raw, rawMs) };
    }
  }

  const scores: FileScore[] = files.filter(({ file }) => truth[file]).map(({ file }) => scoreCv(file, truth[file]!, parsed.get(file)!));
  const all = totals(scores);

  // Export: the corpus CV with the most lines, so page breaks are part of the figure.
  const fonts = await loadFontsInNode();
  const longest = [...parsed.values()].sort((a, b) => b.source.lines.length - a.source.lines.length)[0]!;
  for (let w = 0; w < 3; w++) await exportPdf(longest, { fonts });
  const exports: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t = performance.now();
    await exportPdf(longest, { fonts });
    exports.push(performance.now() - t);
  }

  const importP50 = median(ours);
  const rawP50 = median(raw);
  return {
    results: {
      'cv_import.files': files.length,
      'cv_import.p50_ms': round(importP50),
      'cv_import.pdfjs_text_p50_ms': round(rawP50),
      'cv_import.ratio_vs_pdfjs': round(median(fastest.map((f) => f.ours / f.raw))),
      'cv_export.pdf_ms': round(median(exports)),
      'cv_import.accuracy.name': round(percent(all.name) / 100),
      'cv_import.accuracy.email': round(percent(all.email) / 100),
      'cv_import.accuracy.phone': round(percent(all.phone) / 100),
      'cv_import.accuracy.contact': round(percent(all.contact) / 100),
      'cv_import.accuracy.employer': round(percent(all.employer) / 100),
      'cv_import.accuracy.title': round(percent(all.title) / 100),
      'cv_import.accuracy.school': round(percent(all.school) / 100),
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table((await measureCv()).results);
}
