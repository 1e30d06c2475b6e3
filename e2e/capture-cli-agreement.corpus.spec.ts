import fs from 'node:fs';
import path from 'node:path';
import { extractFile } from '../scripts/extract';
import { expect, test } from './fixtures';
import { CORPUS_DIR } from './support/paths';
import { startStaticServer } from './support/static-server';

// The CLI (jsdom) and the built extension (toolbar click → injected capture script → worker) read the
// same posting from every HTML page of ../shared/corpus/job_postings. Pages are served with scripts
// blocked by CSP, as jsdom runs none: both read the same saved markup. Runs in `npm run test:corpus`
// (playwright.corpus.config.ts); skips without the corpus.

const CORPUS = path.join(CORPUS_DIR, 'job_postings');
const available = fs.existsSync(path.join(CORPUS, 'MANIFEST.tsv'));

function manifestFiles(): string[] {
  const [header, ...lines] = fs.readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const column = header!.split('\t').indexOf('file');
  return lines.map((l) => l.split('\t')[column]!).filter((f) => /\.html?$/i.test(f));
}


test.skip(!available, `${CORPUS} not found (clone the shared corpus next to the repo)`);
test.setTimeout(240_000);

test('CLI and in-browser capture agree on every corpus page', async ({ ext, context }) => {
  const corpus = await startStaticServer(CORPUS, { htmlOnly: true, csp: "script-src 'none'" });
  // Saved pages link to CDNs; no test reaches the internet.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  const files = manifestFiles();
  expect(files.length).toBeGreaterThan(10);
  const mismatches: string[] = [];
  try {
    for (const file of files) {
      const url = `${corpus.origin}/${file.split('/').map(encodeURIComponent).join('/')}`;
      const fromCli = await extractFile(path.join(CORPUS, file), (code) => code, `${corpus.origin}/`);

      const ids = () => ext.evaluateInWorker(async () => (await chrome.tabs.query({})).map((t) => t.id!), undefined);
      const before = new Set(await ids());
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      let tabId: number | undefined;
      await expect.poll(async () => (tabId = (await ids()).find((id) => !before.has(id)))).toBeDefined();
      await ext.clickToolbarButton(page);
      let state = await ext.waitForCapture(tabId!);
      // A click that lands while the tab is still committing can miss the grant: click once more.
      if (state.error?.code === 'needs_permission') {
        await ext.clickToolbarButton(page);
        state = await ext.waitForCapture(tabId!, state.updatedAt);
      }
      await page.close();

      const browserSide = state.status === 'ready' ? { ok: true, posting: state.posting } : { ok: false, code: state.error?.code };
      const cliSide = fromCli.ok ? { ok: true, posting: fromCli.posting } : { ok: false, code: fromCli.error.code };
      try {
        expect(browserSide).toEqual(cliSide);
      } catch {
        mismatches.push(`${file}: browser ${JSON.stringify(browserSide).slice(0, 300)} ≠ CLI ${JSON.stringify(cliSide).slice(0, 300)}`);
      }
    }
  } finally {
    await corpus.close();
  }
  expect(mismatches, mismatches.join('\n')).toEqual([]);
});

declare const chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } };
