import fs from 'node:fs';
import path from 'node:path';
import { compareCvs } from '../lib/cv/export/ats';
import { importCv, importCvText } from '../lib/cv/import/index';
import { readPdfInNode } from '../lib/cv/import/pdf-node';
import type { Cv } from '../lib/cv/model';
import { expect, test } from './fixtures';
import { ApplySection } from './po/apply-section';
import { putRows } from './support/idb';
import { fileBytes, inputFile } from './support/input-file';
import { CORPUS_DIR, ROOT } from './support/paths';
import { startStaticServer, type StaticServer } from './support/static-server';

// Apply on the real application forms of ../shared/corpus/application_forms (Greenhouse, SuccessFactors),
// served from 127.0.0.1 with the pages' own scripts and every remote load blocked (the saved markup, as
// the unit corpus test reads it). Runs in `npm run test:corpus` (playwright.corpus.config.ts); skips without
// the corpus.

const CORPUS = path.join(CORPUS_DIR, 'application_forms');
const available = fs.existsSync(path.join(CORPUS, 'MANIFEST.tsv'));
const GREENHOUSE = 'Ravi-30__project-autofill-resume-json-extension/greenhouse_sonatus_senior-staff-ai-engineer.html';
const SUCCESSFACTORS = 'Saurabhkg03__Job-autofill/sap-successfactors_career-portal_my-profile.html';

const master = importCvText(fs.readFileSync(path.join(ROOT, 'lib/cv/fixtures/jane-public.txt'), 'utf8'), { fileName: 'jane-public.txt' }) as Cv;


test.skip(!available, `${CORPUS} not found (clone the shared corpus next to the repo)`);

let corpus: StaticServer;
test.beforeAll(async () => {
  corpus = await startStaticServer(CORPUS, { htmlOnly: true, csp: "default-src 'none'; style-src 'unsafe-inline'" });
});
test.afterAll(async () => corpus?.close());

/** Opens a corpus form in a tab bound to the panel, with the default CV stored and the toolbar grant. */
async function openCorpusForm(ext: Parameters<Parameters<typeof test>[2]>[0]['ext'], file: string, profile?: Record<string, unknown>) {
  const tabIds = () => ext.evaluateInWorker(async () => (await chrome.tabs.query({})).map((t) => t.id!), undefined);
  const before = new Set(await tabIds());
  const page = await ext.context.newPage();
  await page.goto(`${corpus.origin}/${file}`);
  let tabId: number | undefined;
  await expect.poll(async () => (tabId = (await tabIds()).find((id) => !before.has(id)))).toBeDefined();
  const panel = await ext.openPanel(tabId!);
  await expect.poll(() => panel.page.evaluate(async () => (await indexedDB.databases()).some((d) => d.name === 'jobfit'))).toBe(true);
  await putRows(panel.page, 'cvs', [{ id: 'cv-jane', name: 'Jane', isDefault: 1, data: master, createdAt: 1, updatedAt: 1 }]);
  // The profile from Settings (lib/storage/items.ts profileItem), stored as the options page stores it.
  if (profile) await panel.page.evaluate((value) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ profile: value }), profile);
  await panel.page.reload();
  await ext.clickToolbarButton(page);
  await ext.waitForCapture(tabId!);
  const apply = new ApplySection(panel.page);
  await expect(apply.fillButton).toBeVisible();
  return { page, panel, apply };
}

declare const chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } };

test('Greenhouse (corpus): the CV PDF in #resume re-imports to the CV, profile fields filled, every sensitive question left', async ({ ext }) => {
  const { page, apply } = await openCorpusForm(ext, GREENHOUSE);
  await apply.fillButton.click();
  await expect(apply.filled('resume')).toBeVisible({ timeout: 20_000 });
  const file = await inputFile(page.locator('#resume'));
  expect(file?.type).toBe('application/pdf');
  const back = await importCv(fileBytes(file!), { fileName: file!.name, readPdf: readPdfInNode });
  expect(compareCvs(master, back)).toEqual([]);

  expect(await page.locator('#first_name').inputValue()).toBe('Jane Q.');
  expect(await page.locator('#last_name').inputValue()).toBe('Public');
  expect(await page.locator('#email').inputValue()).toBe('jane.public@example.com');
  expect(await page.locator('#question_11493141007').inputValue()).toContain('linkedin.com/in/janepublic');
  // Questions without a saved answer stay empty; sensitive ones are listed as left for the user.
  expect(await page.locator('#preferred_name').inputValue()).toBe('');
  expect(await page.locator('#question_11493143007').inputValue()).toBe('');
  await expect(apply.leftRows.and(apply.page.locator('[data-reason="sensitive"]'))).toHaveCount(8);
  for (const id of ['4011014007', '4011015007', '4011018007', '4011019007']) {
    expect(await page.locator(`[id="${id}"]`).first().inputValue(), id).toBe('');
  }
});

test('SuccessFactors (corpus): values already there are kept, no file input is said, only empty known fields are filled', async ({ ext, consoleErrors }) => {
  // The saved page's inline onchange handlers fire on Jobfit's change events and are blocked by the CSP
  // the corpus is served with (no page script runs): the browser reports that against the apply script.
  consoleErrors.allow(/Executing inline event handler violates the following Content Security Policy/);
  const { page, apply } = await openCorpusForm(ext, SUCCESSFACTORS, { name: '', email: '', phone: '', location: 'Berlin, Germany', links: [] });
  await apply.fillButton.click();
  await expect(apply.problems.first()).toBeVisible({ timeout: 20_000 });
  await expect(apply.root.locator('[data-testid="apply-problems"] li[data-code="no_file_input"]')).toHaveCount(1);
  expect(await page.locator('[name=firstName]').inputValue()).toBe('Redacted');
  expect(await page.locator('[name=contactEmail]').inputValue()).toBe('redacted@example.com');
  expect(await page.locator('[name=city]').inputValue()).toBe('Berlin');
  await expect(apply.filled('city')).toBeVisible();
  expect(await page.locator('[name=custSocialURL]').inputValue()).toBe('');
  await expect(apply.leftRows.and(apply.page.locator('[data-reason="already_filled"]')).first()).toBeVisible();
});
