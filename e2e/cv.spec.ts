import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import mammoth from 'mammoth';
import type { Download, Locator, Page } from '@playwright/test';
import { importCv } from '../lib/cv/import/index';
import { readPdfInNode } from '../lib/cv/import/pdf-node';
import { oneColumnCv } from '../lib/cv/fixtures/pdf-cvs';
import { writePdf } from '../lib/cv/fixtures/pdf-writer';
import { writeZip } from '../lib/cv/fixtures/zip-writer';
import { expect, test } from './fixtures';
import { allRows, putRows } from './support/idb';

// The CV view in the built extension: import in the page (pdf.js with its worker), edit, reload, export
// and read the downloads back in Node with the project's own importer (PDF) and mammoth (DOCX).

/** The CV view as a full tab (`app.html#/cv`) or in the side panel page (`sidepanel.html#/cv`). */
class CvPage {
  readonly fileInput: Locator;
  readonly items: Locator;
  readonly importError: Locator;
  readonly name: Locator;

  constructor(readonly page: Page) {
    this.fileInput = page.getByTestId('cv-file-input');
    this.items = page.getByTestId('cv-item');
    this.importError = page.getByTestId('cv-import-error');
    this.name = page.getByTestId('cv-name');
  }

  async open(extensionId: string, file: 'app.html' | 'sidepanel.html' = 'app.html'): Promise<this> {
    await this.page.goto(`chrome-extension://${extensionId}/${file}#/cv`);
    await this.page.getByTestId('cv-library').waitFor();
    return this;
  }

  async upload(name: string, bytes: Uint8Array, mimeType = 'application/pdf'): Promise<void> {
    await this.fileInput.setInputFiles({ name, mimeType, buffer: Buffer.from(bytes) });
  }

  field(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** Types a new value and leaves the field, which saves it. */
  async edit(testId: string, value: string): Promise<void> {
    await this.field(testId).fill(value);
    await this.field(testId).press('Tab');
  }

  async download(format: 'pdf' | 'docx'): Promise<{ download: Download; bytes: Uint8Array }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(`cv-export-${format}`).click()]);
    const path = await download.path();
    return { download, bytes: new Uint8Array(fs.readFileSync(path)) };
  }
}

const jordanPdf = () => writePdf(oneColumnCv());

/** Serious and critical axe findings (WCAG 2 A/AA) on the CV view as it is now. */
async function accessibilityProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('import a PDF, fix a field, reload: the fix is kept; PDF and DOCX exports read back', async ({ ext }) => {
  const cv = await new CvPage(await ext.context.newPage()).open(ext.id);
  await expect(cv.page.getByTestId('cv-empty')).toBeVisible();

  await cv.upload('jordan-avery.pdf', jordanPdf());
  await expect(cv.name).toHaveText('Jordan Avery');
  await expect(cv.field('cv-basics-email')).toHaveValue('jordan.avery@example.com');
  await expect(cv.field('cv-work-0-position')).toHaveValue('Staff Data Engineer');
  await expect(cv.field('cv-work-1-name')).toHaveValue('Contoso Retail');
  await expect(cv.page.getByTestId('cv-is-default')).toBeVisible();
  // The original text sits beside the structure in the full tab, with its page and line.
  await expect(cv.page.getByTestId('cv-source')).toContainText('Northwind Analytics Inc.');
  await expect(cv.page.getByTestId('cv-source')).toContainText('p. 1 · l. 1');
  expect(await accessibilityProblems(cv.page), 'CV view, full tab').toEqual([]);

  await cv.edit('cv-work-0-position', 'Principal Data Engineer');
  await expect(cv.page.getByTestId('toast').filter({ hasText: 'Saved.' })).toBeVisible();
  await cv.edit('cv-work-0-start', 'April 2021');
  await expect(cv.page.getByRole('alert').filter({ hasText: 'YYYY-MM' })).toBeVisible();

  await cv.page.reload();
  await expect(cv.field('cv-work-0-position')).toHaveValue('Principal Data Engineer');
  await expect(cv.field('cv-work-0-start')).toHaveValue('2021-04');
  await expect(cv.items).toHaveCount(1);

  const pdf = await cv.download('pdf');
  expect(pdf.download.suggestedFilename()).toBe('Jordan-Avery.pdf');
  const back = await importCv(pdf.bytes, { fileName: 'Jordan-Avery.pdf', readPdf: readPdfInNode });
  expect(back.basics).toMatchObject({ name: 'Jordan Avery', email: 'jordan.avery@example.com' });
  expect(back.basics.phone?.replace(/\D/g, '')).toBe('12025550147');
  expect(back.work.map((w) => [w.position, w.name, w.startDate, w.endDate])).toEqual([
    ['Principal Data Engineer', 'Northwind Analytics Inc.', '2021-04', undefined],
    ['Data Engineer', 'Contoso Retail', '2017-06', '2021-03'],
  ]);
  expect(back.education.map((e) => e.institution)).toEqual(['University of Colorado Boulder']);

  const docx = await cv.download('docx');
  expect(docx.download.suggestedFilename()).toBe('Jordan-Avery.docx');
  const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(docx.bytes) });
  for (const expected of ['Jordan Avery', 'jordan.avery@example.com', 'Principal Data Engineer', 'Northwind Analytics Inc.', 'Contoso Retail', 'University of Colorado Boulder', 'Mentored six engineers.']) {
    expect(text).toContain(expected);
  }

  // What an ATS will read: the exported PDF re-imported in the page gives every field back.
  await cv.page.getByTestId('cv-ats-run').click();
  await expect(cv.page.getByTestId('cv-ats-clean')).toBeVisible();
});

test('bad files get their own message and leave saved CVs untouched', async ({ ext }) => {
  const cv = await new CvPage(await ext.context.newPage()).open(ext.id);
  await cv.upload('jordan-avery.pdf', jordanPdf());
  await expect(cv.name).toHaveText('Jordan Avery');

  const exe = new Uint8Array(4096);
  exe.set([0x4d, 0x5a, 0x90, 0x00]);
  const cases: [string, Uint8Array, string, string][] = [
    ['cv.pdf', exe, 'cv_unsupported_type', 'cannot read this kind of file'],
    ['locked.pdf', writePdf(oneColumnCv(), { encrypted: true }), 'cv_encrypted', 'protected by a password'],
    ['scan.pdf', writePdf([{ image: true }]), 'cv_image_only', 'no text layer'],
    ['cut.pdf', jordanPdf().slice(0, 900), 'cv_corrupt', 'damaged or incomplete'],
  ];
  for (const [file, bytes, code, message] of cases) {
    await cv.upload(file, bytes);
    await expect(cv.importError).toHaveAttribute('data-code', code);
    await expect(cv.importError).toContainText(message);
    await expect(cv.importError).toContainText(file);
  }
  await expect(cv.items).toHaveCount(1);
  await expect(cv.name).toHaveText('Jordan Avery');

  // A character the export font cannot draw: a specific message naming it, and nothing downloaded.
  await cv.edit('cv-basics-summary', 'Data engineer 🚀');
  await expect(cv.page.getByTestId('toast').filter({ hasText: 'Saved.' })).toBeVisible();
  await cv.page.getByTestId('cv-export-pdf').click();
  const error = cv.page.getByTestId('cv-export-error');
  await expect(error).toHaveAttribute('data-code', 'cv_export_unsupported_chars');
  await expect(error).toContainText('🚀');
});

test('what could not be read is shown as warnings; a DOCX zip bomb is refused', async ({ ext }) => {
  const cv = await new CvPage(await ext.context.newPage()).open(ext.id);
  const warnings = cv.page.getByTestId('cv-warnings');

  // 200 pages: the first 20 are read, within the test's timeout, and the view says so.
  const appendix = Array.from({ length: 199 }, (_, i) => ({ runs: [{ text: `Portfolio sample ${i + 2}: a dashboard for the operations team.`, x: 50, top: 300 }] }));
  await cv.upload('long.pdf', writePdf([...oneColumnCv(), ...appendix]));
  await expect(cv.name).toHaveText('Jordan Avery');
  await expect(warnings.locator('[data-code="pages_truncated"]')).toContainText('Only the first pages were read');

  const tex = fs.readFileSync('lib/cv/fixtures/alex-chen.moderncv.tex');
  await cv.upload('alex-chen.tex', tex, 'text/x-tex');
  await expect(cv.name).toHaveText('Alex Chen');
  await expect(warnings.locator('[data-code="latex_input_missing"]')).toContainText('publications');

  const html = '# Sam Rivera\n\nsam@example.com\n\n## Experience\n\n<div><b>Engineer</b> at <i>Acme</i></div>\n<script>alert(1)</script>\n<img src=x onerror=alert(2)>\n';
  await cv.upload('sam.md', new TextEncoder().encode(html), 'text/markdown');
  await expect(cv.name).toHaveText('Sam Rivera');
  await expect(warnings.locator('[data-code="html_removed"]')).toBeVisible();
  await expect(cv.page.getByTestId('cv-source')).not.toContainText('<');
  await expect(cv.page.locator('main img, main script')).toHaveCount(0);

  // The directory claims 1 KB; the document inflates to 80 MB.
  const bomb = writeZip([{ name: 'word/document.xml', data: new Uint8Array(80 * 1024 * 1024).fill(0x20), claimSize: 1024 }]);
  await cv.upload('bomb.docx', bomb, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  await expect(cv.importError).toHaveAttribute('data-code', 'cv_too_large');
  await expect(cv.items).toHaveCount(3);
});

test('in the side panel the original text is behind a toggle; duplicate, rename, make default, delete', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 400, height: 860 });
  const cv = await new CvPage(page).open(ext.id, 'sidepanel.html');
  await cv.upload('jordan-avery.pdf', jordanPdf());
  await expect(cv.name).toHaveText('Jordan Avery');
  await expect(cv.page.getByTestId('cv-original')).toBeHidden();
  await cv.page.getByTestId('cv-source-toggle').click();
  await expect(cv.page.getByTestId('cv-original')).toBeVisible();
  expect(await accessibilityProblems(cv.page), 'CV view, panel').toEqual([]);

  await cv.page.getByTestId('cv-duplicate').click();
  await expect(cv.items).toHaveCount(2);
  await expect(cv.name).toHaveText('Jordan Avery (copy)');
  await cv.page.getByTestId('cv-rename').click();
  await cv.page.getByTestId('cv-rename-input').fill('Jordan, data roles');
  await cv.page.getByTestId('cv-rename-save').click();
  await expect(cv.name).toHaveText('Jordan, data roles');
  await cv.page.getByTestId('cv-make-default').click();
  await expect(cv.page.getByTestId('cv-is-default')).toBeVisible();

  await cv.page.getByTestId('cv-delete').click();
  await cv.page.getByTestId('cv-delete-yes').click();
  await expect(cv.items).toHaveCount(1);
  await expect(cv.name).toHaveText('Jordan Avery');
  await expect(cv.page.getByTestId('cv-is-default')).toBeVisible();

  // A tailored version for a saved job (as tailoring will store it), grouped under that job.
  const [master] = await allRows<{ id: string; data: unknown }>(cv.page, 'cvs');
  const at = Date.now();
  await putRows(cv.page, 'jobs', [{ id: 'job-1', url: 'https://jobs.example/1', title: 'Analytics Engineer', company: 'Acme', status: 'saved', tags: [], createdAt: at, updatedAt: at, history: [] }]);
  await putRows(cv.page, 'cvs', [{ id: 'tailored-1', name: 'Jordan for Acme', parentId: master!.id, jobId: 'job-1', isDefault: 0, data: master!.data, createdAt: at, updatedAt: at }]);
  await cv.page.reload();
  await expect(cv.page.getByTestId('cv-tailored-group')).toContainText('Tailored for Analytics Engineer · Acme');
  await expect(cv.page.getByTestId('cv-tailored-group').getByTestId('cv-item')).toHaveText('Jordan for Acme');

  await cv.page.getByTestId('cv-delete').click();
  await expect(cv.page.getByTestId('cv-delete-dialog')).toContainText('It has tailored versions (1)');
  expect(await accessibilityProblems(cv.page), 'delete dialog').toEqual([]);
  await cv.page.getByTestId('cv-delete-keep').click();
  await expect(cv.items).toHaveCount(1);
  await expect(cv.name).toHaveText('Jordan for Acme');
  await expect(cv.page.getByTestId('cv-tailored-group')).toHaveCount(0);
});
