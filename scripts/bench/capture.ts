/**
 * Capture speed and accuracy in Chromium, on every HTML page of ../shared/corpus/job_postings, in one run:
 * - `capture.p50_ms` / `capture.p95_ms`: one run of the BUILT capture script (.output/chrome-mv3/
 *   content-scripts/capture.js, exactly what the worker injects: bundle start-up + readPage(document)),
 *   median of 7 runs per page, then p50/p95 over pages;
 * - `capture.readability_p50_ms`: `new Readability(doc.cloneNode(true)).parse()` on the same loaded page;
 * - `capture.ratio_vs_readability`: capture p50 ÷ Readability p50 (budget ≤ 1.0);
 * - `capture.accuracy.*`: the shipped script's results against GROUND_TRUTH.json, normalised as in
 *   lib/capture/capture.corpus.test.ts (case and whitespace; dates by instant).
 * Pages are served on 127.0.0.1 with their own scripts blocked (CSP) and nothing fetched from elsewhere.
 *
 * Run alone: npx tsx scripts/bench/capture.ts   (after npm run build)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../e2e/support/chromium';
import { startStaticServer } from '../../e2e/support/static-server';
import { isPostingTruth, loadJobCorpus, norm, sameDate, type JobTruth } from '../../lib/capture/eval/corpus';

const root = resolve(import.meta.dirname, '../..');
const CORPUS = resolve(root, '../shared/corpus/job_postings');
const RUNS = 7;

interface PageRun {
  result: { ok: boolean; posting?: { title?: string; company?: string; location?: string; datePosted?: string }; error?: { code: string } };
  captureMs: number[];
  readabilityMs: number[];
}


export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const round = (n: number) => Math.round(n * 1000) / 1000;


/** The corpus's saved HTML pages, with their ground truth. */
const manifest = () => loadJobCorpus(CORPUS).filter((row) => /\.html?$/i.test(row.file));

export async function measureCapture(outDir = join(root, '.output', 'chrome-mv3')): Promise<{ results: Record<string, number> }> {
  if (!existsSync(join(CORPUS, 'MANIFEST.tsv'))) {
    console.warn(`capture bench: ${CORPUS} not found; skipping (clone the shared corpus next to the repo).`);
    return { results: {} };
  }
  const script = readFileSync(join(outDir, 'content-scripts', 'capture.js'), 'utf8');
  const readability = readFileSync(join(root, 'node_modules/@mozilla/readability/Readability.js'), 'utf8');
  // Both become functions of the page (CDP evaluation is not subject to the page's CSP): the capture
  // script's body runs anew on every call, as on every injection.
  const install = `globalThis.__jobfitCapture = function () { ${script}\n;return capture; };
globalThis.__Readability = (function () { var module; ${readability}\n;return Readability; })();`;

  const pages = manifest();
  const server = await startStaticServer(CORPUS, { htmlOnly: true, csp: "script-src 'none'" });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless=new', ...CHROMIUM_FLAGS] });
  const runs: { file: string; truth?: JobTruth | undefined; run: PageRun }[] = [];
  try {
    const context = await browser.newContext();
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    const page = await context.newPage();
    for (const { file, truth } of pages) {
      await page.goto(`${server.origin}/${file.split('/').map(encodeURIComponent).join('/')}`, { waitUntil: 'load' });
      await page.evaluate(install);
      const run = await page.evaluate(async (n) => {
        const g = globalThis as unknown as { __jobfitCapture(): Promise<unknown>; __Readability: new (doc: Node) => { parse(): unknown } };
        const captureMs: number[] = [];
        const readabilityMs: number[] = [];
        let result: unknown;
        // One warm-up each, then alternate so both see the same page state and timer noise.
        result = await g.__jobfitCapture();
        new g.__Readability(document.cloneNode(true)).parse();
        for (let i = 0; i < n; i++) {
          let t = performance.now();
          const pending = g.__jobfitCapture(); // readPage runs synchronously inside; the promise only wraps it
          captureMs.push(performance.now() - t);
          result = await pending;
          t = performance.now();
          new g.__Readability(document.cloneNode(true)).parse();
          readabilityMs.push(performance.now() - t);
        }
        return { result, captureMs, readabilityMs } as PageRun;
      }, RUNS);
      runs.push({ file, truth, run });
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const capture = runs.map((r) => percentile(r.run.captureMs, 50));
  const readabilityTimes = runs.map((r) => percentile(r.run.readabilityMs, 50));
  const fields = { title: [0, 0], company: [0, 0], location: [0, 0], date: [0, 0], negatives: [0, 0] };
  const misses: string[] = [];
  for (const { file, truth, run } of runs) {
    if (!truth) continue;
    if (!isPostingTruth(truth)) {
      fields.negatives[1]!++;
      if (!run.result.ok) fields.negatives[0]!++;
      else misses.push(`${file}: negative read as a posting`);
      continue;
    }
    const p = run.result.posting ?? {};
    const check = (field: keyof typeof fields, expected: string | undefined, ok: boolean) => {
      if (!expected) return;
      fields[field][1]!++;
      if (ok) fields[field][0]!++;
      else misses.push(`${file}: ${field}`);
    };
    check('title', truth.title, norm(truth.title) === norm(p.title));
    check('company', truth.company, norm(truth.company) === norm(p.company));
    check('location', truth.location, norm(truth.location) === norm(p.location));
    check('date', truth.date_posted ?? undefined, !!truth.date_posted && sameDate(truth.date_posted, p.datePosted));
  }
  if (misses.length) console.log(`capture bench misses:\n  ${misses.join('\n  ')}`);
  const p50 = percentile(capture, 50);
  const readabilityP50 = percentile(readabilityTimes, 50);
  const share = ([hit, total]: number[]) => (total ? round(hit! / total) : NaN);
  return {
    results: {
      'capture.pages': runs.length,
      'capture.p50_ms': round(p50),
      'capture.p95_ms': round(percentile(capture, 95)),
      'capture.readability_p50_ms': round(readabilityP50),
      'capture.ratio_vs_readability': round(p50 / readabilityP50),
      'capture.accuracy.title': share(fields.title),
      'capture.accuracy.company': share(fields.company),
      'capture.accuracy.location': share(fields.location),
      'capture.accuracy.date': share(fields.date),
      'capture.accuracy.negatives': share(fields.negatives),
    },
  };
}

if (process.argv[1]?.endsWith('capture.ts')) {
  measureCapture().then(({ results }) => console.table(results));
}
