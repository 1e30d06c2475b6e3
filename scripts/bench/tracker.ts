/**
 * Tracker at 10,000 jobs, in Chromium with the built extension (playwright-core, Debian's Chromium):
 * - tracker.bulk_import_10k_ms: the real import path (parseBackup's checks + applyImport's one-transaction
 *   merge) of a backup with 10,000 generated jobs (and their notes and tasks) into an empty database;
 * - tracker.raw_bulkput_10k_ms: a bare Dexie bulkPut of the same rows, same page, same run;
 * - tracker.import_ratio_vs_raw: their ratio (the budget);
 * - tracker.open_filter_search_ms: in the running app (another view open, its start-up done), switch to the
 *   tracker on those jobs (first rows drawn), filter by status (its count shown), search a word (the
 *   expected count shown):
 *   the sum of tracker.open_ms, tracker.filter_ms and tracker.search_ms, each timed inside the page from the
 *   user's event to the frame after the result, median of 5 rounds (the driver's round trips are in
 *   tracker.open_filter_search_with_driver_ms); tracker.raw_toarray_10k_ms is a bare Dexie toArray of the
 *   same jobs in the same run, and tracker.open_filter_search_ratio_vs_toarray their ratio (the budget);
 * - tracker.open_as_first_view_ms: the app opened on the tracker, from the page's start to its first rows;
 * - tracker.board_render_ms: switch to the board until its cards are drawn.
 * Medians of alternating runs for the import pair. Run alone: npx tsx scripts/bench/tracker.ts
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { build } from 'vite';
import type { JobRow, JobStatus, NoteRow, TaskRow } from '../../lib/db/schema';
import { createJobSearch, emptyFilters, filterAndSort } from '../../lib/tracker/query';
import { statuses } from '../../lib/tracker/statuses';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, extensionFlags } from '../../e2e/support/chromium';

const JOBS = 10_000;
const ROUNDS = 3;
/** Rounds of the UI figures (open, filter, search): their median steadies a noisy machine's figure. */
const UI_ROUNDS = 5;
const DAY = 86_400_000;
const SEARCH_STATUS: JobStatus = 'applied';
const SEARCH_WORD = 'platform';

/** Deterministic generator (mulberry32) so every run imports the same rows. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateTracker(n = JOBS) {
  const rnd = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const companies = Array.from({ length: 800 }, (_, i) => `${pick(['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Soylent'])} ${i}`);
  const roles = ['Frontend Engineer', 'Backend Engineer', 'Platform Engineer', 'Data Analyst', 'Product Designer', 'SRE', 'Engineering Manager', 'QA Engineer'];
  const levels = ['Junior', '', 'Senior', 'Staff', 'Lead'];
  const t0 = Date.UTC(2026, 0, 1);
  const jobs: JobRow[] = [];
  const notes: NoteRow[] = [];
  const tasks: TaskRow[] = [];
  for (let i = 0; i < n; i++) {
    const id = `bench-job-${i}`;
    const createdAt = t0 + Math.floor(rnd() * 300) * DAY;
    const status = pick(statuses);
    const history: JobRow['history'] = [{ at: createdAt, to: 'saved' }];
    if (status !== 'saved') history.push({ at: createdAt + 2 * DAY, from: 'saved', to: status });
    const applied = ['applied', 'interview', 'offer', 'rejected', 'ghosted'].includes(status);
    jobs.push({
      id,
      url: `https://jobs.example.com/postings/${i}`,
      title: [pick(levels), pick(roles)].filter(Boolean).join(' '),
      company: pick(companies),
      location: pick(['Berlin, DE', 'Lisbon, PT', 'Remote', 'Paris, FR', 'Madrid, ES']),
      status,
      posting: { workplace: pick(['remote', 'hybrid', 'onsite']), description: 'We build things with TypeScript and React.' },
      score: Math.floor(rnd() * 100),
      tags: rnd() < 0.3 ? [pick(['remote', 'referral', 'dream', 'visa'])] : [],
      createdAt,
      updatedAt: createdAt + 2 * DAY,
      ...(applied ? { appliedAt: createdAt + 2 * DAY } : {}),
      history,
    });
    if (i % 3 === 0) notes.push({ id: `bench-note-${i}`, jobId: id, text: `Recruiter call about the ${pick(['platform', 'data', 'design'])} team`, createdAt, updatedAt: createdAt });
    if (i % 5 === 0) tasks.push({ id: `bench-task-${i}`, jobId: id, title: 'Follow up', dueAt: createdAt + 9 * DAY, done: rnd() < 0.5 ? 1 : 0, createdAt });
  }
  return { jobs, notes, tasks };
}

function backupText({ jobs, notes, tasks }: ReturnType<typeof generateTracker>): string {
  const data = { jobs, notes, tasks } as Record<string, unknown[]>;
  return JSON.stringify({
    formatName: 'dexie',
    formatVersion: 1,
    data: {
      databaseName: 'jobfit',
      databaseVersion: 2,
      tables: Object.keys(data).map((name) => ({ name, schema: '', rowCount: data[name]!.length })),
      data: Object.entries(data).map(([tableName, rows]) => ({ tableName, inbound: true, rows })),
    },
  });
}

/** The in-page bench module as one script (Dexie and Jobfit's import code), evaluated through CDP. */
async function pageScript(root: string): Promise<string> {
  const out = await build({
    root,
    logLevel: 'silent',
    configFile: false,
    build: {
      write: false,
      minify: false,
      lib: { entry: join(root, 'scripts/bench/tracker-page.ts'), formats: ['iife'], name: 'jobfitBenchModule', fileName: () => 'bench.js' },
    },
  });
  const output = (Array.isArray(out) ? out[0]! : out) as { output: { code?: string }[] };
  return output.output[0]!.code!;
}

/** JOBFIT_PROFILE=1: the last round's hottest functions, by self and by total time, to see where it goes. */
function printProfile(profile: {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
}) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (id: number) => {
    const f = nodes.get(id)!.callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const ms = (profile.timeDeltas?.[i] ?? 0) / 1000;
    self.set(name(id), (self.get(name(id)) ?? 0) + ms);
    const stack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.add(name(at));
    for (const key of stack) total.set(key, (total.get(key) ?? 0) + ms);
  });
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([where, ms]) => ({ where, ms: round(ms) }));
  console.table(top(self));
  console.table(top(total).filter((r) => !r.where.startsWith('(root)')));
}

/** JOBFIT_TRACE=file.json: a DevTools trace of the last round (open it in DevTools' Performance panel). */
async function saveTrace(session: CDPSession, file: string): Promise<void> {
  const complete = new Promise<string>((resolve) => session.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
  await session.send('Tracing.end');
  const stream = await complete;
  let text = '';
  for (;;) {
    const chunk = await session.send('IO.read', { handle: stream });
    text += chunk.data;
    if (chunk.eof) break;
  }
  await session.send('IO.close', { handle: stream });
  writeFileSync(file, text);
  console.log(`tracker: trace written to ${file}`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (n: number) => Math.round(n * 10) / 10;

async function timeUntil(page: Page, action: () => Promise<unknown>, done: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  await done();
  return performance.now() - started;
}

/** tsx names inner functions with a `__name` helper that the page does not have: give it one. */
const withNameShim = (page: Page) => page.evaluate('globalThis.__name ??= (f) => f');

/**
 * The same span measured inside the page: from the first of `events` (the user's press, change or input,
 * by the event's own timestamp) to the frame after `selector` shows (containing `text`), so the figure is
 * the app's work, without the driver's round trips.
 */
async function timeInPage(page: Page, events: string[], selector: string, text: string | undefined, action: () => Promise<unknown>): Promise<number> {
  await withNameShim(page);
  await page.evaluate(([events, selector, text]) => {
    const state: { start?: number; end?: Promise<number> } = {};
    (window as never as { jobfitTiming: typeof state }).jobfitTiming = state;
    const mark = (e: Event) => {
      state.start ??= e.timeStamp;
    };
    for (const type of events) document.addEventListener(type, mark, { capture: true, once: true });
    const matches = () => {
      const el = document.querySelector(selector);
      return !!el && (!text || (el.textContent ?? '').includes(text));
    };
    state.end = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (state.start === undefined || !matches()) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
      });
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  }, [events, selector, text] as const);
  await action();
  return page.evaluate(async () => {
    const state = (window as never as { jobfitTiming: { start: number; end: Promise<number> } }).jobfitTiming;
    return (await state.end) - state.start;
  });
}

/** Resolves once the page has a truly idle period (its start-up work is done), or after 3 s. */
async function untilIdle(page: Page): Promise<void> {
  await withNameShim(page);
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const started = performance.now();
        const check = (deadline: IdleDeadline) => (deadline.timeRemaining() >= 40 || performance.now() - started > 3000 ? resolve() : requestIdleCallback(check));
        requestIdleCallback(check);
      }),
  );
}

export async function measureTracker(outDir: string, root: string): Promise<Record<string, number>> {
  if (!existsSync(CHROMIUM_PATH) || !existsSync(join(outDir, 'manifest.json'))) {
    console.warn(`tracker: needs ${CHROMIUM_PATH} and a build in ${outDir}; tracker figures skipped.`);
    return {};
  }
  const generated = generateTracker();
  const text = backupText(generated);
  const script = await pageScript(root);
  const search = createJobSearch(generated.jobs, generated.notes);
  const expectedStatus = generated.jobs.filter((j) => j.status === SEARCH_STATUS).length;
  const expected = filterAndSort(generated.jobs, { ...emptyFilters, statuses: [SEARCH_STATUS], query: SEARCH_WORD }, { key: 'updatedAt', desc: true }, search).length;

  const profile = mkdtempSync(join(tmpdir(), 'jobfit-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: ['--headless=new', ...CHROMIUM_FLAGS, ...extensionFlags(resolve(outDir))],
    viewport: { width: 1280, height: 900 },
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const origin = `chrome-extension://${new URL(worker.url()).host}`;
    const page = await context.newPage();
    await page.goto(`${origin}/onboarding.html`);
    await page.evaluate(script);

    const parseMs = await page.evaluate((t) => (globalThis as never as { jobfitBench: { parseOnly(a: string): number } }).jobfitBench.parseOnly(t), text);
    const imports: number[] = [];
    const raws: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      raws.push(await page.evaluate(([t, name]) => (globalThis as never as { jobfitBench: { rawBulkPut(a: string, b: string): Promise<number> } }).jobfitBench.rawBulkPut(t, name), [text, `jobfit-bench-raw`] as const));
      imports.push(await page.evaluate(([t, name]) => (globalThis as never as { jobfitBench: { importBackup(a: string, b: string): Promise<number> } }).jobfitBench.importBackup(t, name), [text, `jobfit-bench-import`] as const));
    }
    await page.evaluate(async () => {
      const bench = (globalThis as never as { jobfitBench: { drop(n: string): Promise<void> } }).jobfitBench;
      await bench.drop('jobfit-bench-raw');
      await bench.drop('jobfit-bench-import');
    });
    // The user's database for the UI figures.
    await page.evaluate((t) => (globalThis as never as { jobfitBench: { importBackup(a: string, b: string): Promise<number> } }).jobfitBench.importBackup(t, 'jobfit'), text);

    const reads: { all: number; status: number }[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      reads.push(await page.evaluate(([name, status]) => (globalThis as never as { jobfitBench: { rawReads(a: string, b: string): Promise<{ all: number; status: number }> } }).jobfitBench.rawReads(name, status), ['jobfit', SEARCH_STATUS] as const));
    }

    if (process.env.JOBFIT_PROFILE) {
      console.table(await page.evaluate((name) => (globalThis as never as { jobfitBench: { viewReads(a: string): Promise<Record<string, number>> } }).jobfitBench.viewReads(name), 'jobfit'));
    }
    // The app is up (another view drawn, its start-up work done: the page idle) before the clock starts:
    // the figure is the tracker's, not the shell's boot. Each round reloads the app on another view, then:
    // open the tracker (first rows drawn), filter one status (its count shown), search a word (its count
    // shown), each timed inside the page.
    const app = await context.newPage();
    const parts: { open: number; filter: number; search: number; driver: number }[] = [];
    const cold: number[] = [];
    for (let i = 0; i < UI_ROUNDS; i++) {
      // The tracker as the first view: from the page's start to its first rows drawn (nothing read ahead).
      await app.goto(`${origin}/app.html#/tracker`);
      await app.getByTestId('tracker-row').first().waitFor();
      cold.push(await app.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))))));
      await app.goto(`${origin}/app.html#/usage`);
      await app.getByTestId('view-usage').waitFor();
      await untilIdle(app);
      const profiler = process.env.JOBFIT_PROFILE && i === UI_ROUNDS - 1 ? await context.newCDPSession(app) : undefined;
      if (profiler) {
        await profiler.send('Profiler.enable');
        await profiler.send('Profiler.start');
      }
      const tracing = process.env.JOBFIT_TRACE && i === UI_ROUNDS - 1 ? await context.newCDPSession(app) : undefined;
      if (tracing) await tracing.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink,IndexedDB', transferMode: 'ReturnAsStream' });
      const driverStart = performance.now();
      const open = await timeInPage(app, ['pointerdown', 'mousedown', 'click'], '[data-testid="tracker-row"]', undefined, () => app.getByTestId('nav-tracker').click());
      await app.getByTestId('tracker-row').first().waitFor();
      const filter = await timeInPage(app, ['change'], '[data-testid="tracker-count"]', `: ${expectedStatus}`, () =>
        app.getByTestId('tracker-filters').getByRole('combobox').first().selectOption(SEARCH_STATUS),
      );
      const search = await timeInPage(app, ['input'], '[data-testid="tracker-count"]', `: ${expected}`, () => app.getByRole('searchbox').fill(SEARCH_WORD));
      await app.getByTestId('tracker-count').filter({ hasText: `: ${expected}` }).waitFor();
      parts.push({ open, filter, search, driver: performance.now() - driverStart });
      if (profiler) printProfile((await profiler.send('Profiler.stop')).profile);
      if (tracing) await saveTrace(tracing, process.env.JOBFIT_TRACE!);
    }
    const board = await timeUntil(
      app,
      async () => {
        await app.getByRole('button', { name: 'Clear filters' }).click();
        await app.getByTestId('tracker-tab-board').click();
      },
      () => app.getByTestId('board-card').first().waitFor(),
    );
    const openFilterSearch = median(parts.map((p) => p.open + p.filter + p.search));
    const bulkImport = median(imports);
    const raw = median(raws);
    const rawAll = median(reads.map((r) => r.all));
    return {
      'tracker.bulk_import_10k_ms': round(bulkImport),
      'tracker.raw_bulkput_10k_ms': round(raw),
      'tracker.import_ratio_vs_raw': Math.round((bulkImport / raw) * 100) / 100,
      'tracker.import_checks_10k_ms': round(parseMs),
      'tracker.open_filter_search_ms': round(openFilterSearch),
      'tracker.raw_toarray_10k_ms': round(rawAll),
      'tracker.raw_status_query_ms': round(median(reads.map((r) => r.status))),
      'tracker.open_filter_search_ratio_vs_toarray': Math.round((openFilterSearch / rawAll) * 100) / 100,
      'tracker.open_ms': round(median(parts.map((p) => p.open))),
      'tracker.open_as_first_view_ms': round(median(cold)),
      'tracker.filter_ms': round(median(parts.map((p) => p.filter))),
      'tracker.search_ms': round(median(parts.map((p) => p.search))),
      'tracker.open_filter_search_with_driver_ms': round(median(parts.map((p) => p.driver))),
      'tracker.board_render_ms': round(board),
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const root = resolve(import.meta.dirname, '../..');
  console.table(await measureTracker(join(root, '.output', 'chrome-mv3'), root));
}
