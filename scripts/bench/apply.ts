/**
 * Apply fill speed in Chromium on the Greenhouse form of ../shared/corpus/application_forms:
 * - `apply.fill_ms`: one fill by the BUILT apply script (.output/chrome-mv3/content-scripts/apply.js,
 *   what the worker injects), CV attach and the bounded wait for the site's upload reaction included
 *   (the saved page runs no script, so that wait ends at its idle limit); median of 5 runs, undone between;
 * - `apply.fields_ms`: the same fill without a CV: classify the form and write the fields.
 * Printed, not gated. The page is served on 127.0.0.1 with its own scripts and every remote load blocked.
 *
 * Run alone: npx tsx scripts/bench/apply.ts   (after npm run build)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../e2e/support/chromium';
import { startStaticServer } from '../../e2e/support/static-server';
import type { FillPlan } from '../../lib/apply/report';
import { percentile } from './capture';

const root = resolve(import.meta.dirname, '../..');
const CORPUS = resolve(root, '../shared/corpus/application_forms');
const GREENHOUSE = 'Ravi-30__project-autofill-resume-json-extension/greenhouse_sonatus_senior-staff-ai-engineer.html';
const RUNS = 5;

const plan: FillPlan = {
  profile: { firstName: 'Ana', lastName: 'García', email: 'ana@example.com', phone: '+34 600 000 000', linkedin: 'https://www.linkedin.com/in/ana', city: 'Madrid' },
  resume: { name: 'Ana-Garcia.pdf', type: 'application/pdf', base64: Buffer.from('%PDF-1.7\n%bench\n').toString('base64') },
  answers: [],
};


export async function measureApply(outDir = join(root, '.output', 'chrome-mv3')): Promise<{ results: Record<string, number> }> {
  if (!existsSync(join(CORPUS, GREENHOUSE))) {
    console.warn(`apply bench: ${CORPUS} not found; skipping (clone the shared corpus next to the repo).`);
    return { results: {} };
  }
  const script = readFileSync(join(outDir, 'content-scripts', 'apply.js'), 'utf8');
  const server = await startStaticServer(CORPUS, { htmlOnly: true, csp: "default-src 'none'; style-src 'unsafe-inline'" });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless=new', ...CHROMIUM_FLAGS] });
  try {
    const context = await browser.newContext();
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${server.origin}/${GREENHOUSE.split('/').map(encodeURIComponent).join('/')}`, { waitUntil: 'load' });
    // CDP evaluation is not subject to the page's CSP: the bundle installs its fill as on injection.
    await page.evaluate(script);
    // tsx wraps named functions in a `__name` helper that the page does not have.
    await page.evaluate('globalThis.__name = (f) => f');
    const times = await page.evaluate(
      async ({ plan, runs }) => {
        type Api = { fill(p: unknown): Promise<{ ok: boolean; report?: { filled: unknown[] } }>; undo(): unknown };
        const api = (globalThis as unknown as { __jobfitApply: Api }).__jobfitApply;
        const { resume: _resume, ...fieldsOnly } = plan;
        const time = async (p: unknown) => {
          const t = performance.now();
          const result = await api.fill(p);
          const ms = performance.now() - t;
          if (!result.ok || !result.report?.filled.length) throw new Error('the fill filled nothing');
          api.undo();
          return ms;
        };
        await time(fieldsOnly); // warm-up
        const fill: number[] = [];
        const fields: number[] = [];
        for (let i = 0; i < runs; i++) {
          fill.push(await time(plan));
          fields.push(await time(fieldsOnly));
        }
        return { fill, fields };
      },
      { plan, runs: RUNS },
    );
    const round = (n: number) => Math.round(n * 10) / 10;
    return { results: { 'apply.fill_ms': round(percentile(times.fill, 50)), 'apply.fields_ms': round(percentile(times.fields, 50)) } };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1]?.endsWith('apply.ts')) {
  void measureApply().then(({ results }) => console.log(results));
}
