import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { compareCvs } from '../lib/cv/export/ats';
import { importCv, importCvText } from '../lib/cv/import/index';
import { readPdfInNode } from '../lib/cv/import/pdf-node';
import type { Cv } from '../lib/cv/model';
import { type ExtensionHarness, expect, test } from './fixtures';
import { ApplySection } from './po/apply-section';
import { accessibilityProblems } from './support/axe';
import { allRows, putRows } from './support/idb';

// Apply from the Job view on hand-made application forms (e2e/pages/apply, modelled on each ATS's markup):
// the worker injects the apply script, the CV goes into the resume input as the ATS-safe PDF, the
// recognised fields are filled, the rest is listed, undo puts everything back, Mark as applied records it.

const CV_TEXT = readFileSync(join(import.meta.dirname, '../lib/cv/fixtures/jane-public.txt'), 'utf8');
const master = importCvText(CV_TEXT, { fileName: 'jane-public.txt' }) as Cv;

interface StoredJob {
  id: string;
  status: string;
  history: { to: string }[];
}

/** The file in a page's input, as base64 (read in the page's own world). */
async function inputFile(page: Page, selector: string, frame = page.mainFrame()) {
  return frame.evaluate(async (sel) => {
    const input = document.querySelector<HTMLInputElement>(sel);
    const file = input?.files?.[0];
    if (!file) return null;
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return { name: file.name, type: file.type, base64: btoa(binary) };
  }, selector);
}

async function reimport(file: { base64: string; name: string }): Promise<Cv> {
  return importCv(new Uint8Array(Buffer.from(file.base64, 'base64')), { fileName: file.name, readPdf: readPdfInNode });
}

/** Opens a form, stores the default CV, captures the posting with the toolbar button and shows the Apply section. */
async function openForm(ext: ExtensionHarness, fixture: string) {
  const job = await ext.openTab(fixture);
  const panel = await ext.openPanel(job.tabId);
  await expect.poll(() => panel.page.evaluate(async () => (await indexedDB.databases()).some((d) => d.name === 'jobfit'))).toBe(true);
  await putRows(panel.page, 'cvs', [{ id: 'cv-jane', name: 'Jane', isDefault: 1, data: master, createdAt: 1, updatedAt: 1 }]);
  await panel.page.reload();
  await ext.clickToolbarButton(job.page);
  await ext.waitForCapture(job.tabId);
  const apply = new ApplySection(panel.page);
  await expect(apply.fillButton).toBeVisible();
  return { job, panel, apply };
}

const value = (page: Page, selector: string) => page.locator(selector).inputValue();

test('Lever: the tailored CV goes in as a PDF, the fields fill, sensitive ones stay empty, undo restores, Mark as applied records it', async ({ ext }) => {
  const { job, panel, apply } = await openForm(ext, 'apply/lever.html');
  // Saved job with a CV tailored for it: that one is pre-selected.
  await panel.saveButton.click();
  await expect(panel.statusSelect).toHaveValue('saved');
  const [saved] = await allRows<StoredJob>(panel.page, 'jobs');
  const tailored: Cv = { ...master, work: master.work.map((w, i) => (i === 0 ? { ...w, position: 'Staff Payments Engineer' } : w)) };
  await putRows(panel.page, 'cvs', [{ id: 'cv-jane-acme', name: 'Jane for Acme', parentId: 'cv-jane', jobId: saved!.id, isDefault: 0, data: tailored, createdAt: 2, updatedAt: 2 }]);
  await panel.page.reload();
  await expect(apply.cvSelect).toHaveValue('cv-jane-acme');
  expect(await accessibilityProblems(panel.page), 'Apply section before a fill').toEqual([]);

  await apply.fillButton.click();
  await expect(apply.filled('resume')).toBeVisible();

  // The resume input holds the PDF; read back by Jobfit's importer it is the tailored CV.
  const file = await inputFile(job.page, 'input[name=resume]');
  expect(file).toMatchObject({ name: 'Jane-Public-Acme-Robotics-Senior-Frontend-Engineer.pdf', type: 'application/pdf' });
  const back = await reimport(file!);
  expect(compareCvs(tailored, back)).toEqual([]);
  expect(back.work[0]?.position).toBe('Staff Payments Engineer');
  // The site's own marker: its label shows the file name.
  await expect(job.page.locator('.filename')).toHaveText(file!.name);

  expect(await value(job.page, '[name=name]')).toBe('Jane Q. Public');
  expect(await value(job.page, '[name=email]')).toBe('jane.public@example.com');
  expect((await value(job.page, '[name=phone]')).replace(/\D/g, '')).toBe('14155550199');
  expect(await value(job.page, '[name="urls[LinkedIn]"]')).toContain('linkedin.com/in/janepublic');
  expect(await value(job.page, '[name="urls[GitHub]"]')).toContain('github.com/janeq');
  // Sensitive questions: no saved answer, so empty and listed as left for the user.
  expect(await value(job.page, '[name="eeo[gender]"]')).toBe('');
  expect(await value(job.page, '[name="eeo[veteran]"]')).toBe('');
  await expect(apply.left('Gender')).toHaveAttribute('data-reason', 'sensitive');
  await expect(apply.left('Veteran status')).toHaveAttribute('data-reason', 'sensitive');
  // Nothing typed into what Jobfit did not recognise or has no answer for.
  expect(await value(job.page, '#hcr')).toBe('');
  expect(await value(job.page, 'textarea')).toBe('');
  await expect(apply.left('notice period')).toHaveAttribute('data-reason', 'no_answer');
  // Never submitted.
  expect(await job.page.evaluate(() => document.body.dataset.submitted)).toBeUndefined();

  const reported = await apply.filledValues();
  expect(reported).toMatchObject({ resume: file!.name, fullName: 'Jane Q. Public', email: 'jane.public@example.com' });
  await expect(apply.filled('email')).toContainText('your CV');
  expect(await accessibilityProblems(panel.page), 'Apply section after a fill').toEqual([]);

  // Undo one field, then everything.
  await apply.filled('email').getByTestId('apply-undo').click();
  await expect.poll(() => value(job.page, '[name=email]')).toBe('');
  expect(await value(job.page, '[name=name]')).toBe('Jane Q. Public');
  await apply.undoAll.click();
  await expect.poll(() => value(job.page, '[name=name]')).toBe('');
  expect(await inputFile(job.page, 'input[name=resume]')).toBeNull();

  // The answer bank: an answer saved from "Left for you" fills that question next time; a sensitive one too.
  await apply.fillButton.click();
  await expect(apply.filled('resume')).toBeVisible();
  await apply.left('notice period').getByTestId('apply-answer').fill('One month');
  await apply.left('notice period').getByTestId('apply-save-answer').click();
  await apply.left('Gender').getByTestId('apply-answer').fill('Decline to self-identify');
  await apply.left('Gender').getByTestId('apply-save-answer').click();
  await expect(apply.root.getByRole('status').first()).toBeVisible();
  await expect.poll(async () => (await allRows<{ question: string; answer: string }>(panel.page, 'answers')).length).toBe(2);
  await apply.undoAll.click();
  await apply.fillButton.click();
  await expect(apply.filled('resume')).toBeVisible();
  expect(await value(job.page, 'textarea')).toBe('One month');
  expect(await job.page.locator('[name="eeo[gender]"]').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text)).toBe('Decline to self-identify');
  expect(await value(job.page, '[name="eeo[veteran]"]')).toBe('');

  // After the user submits: Mark as applied (pre-checked) sets the status and keeps the record.
  await expect(apply.markApplied).toBeChecked();
  await apply.markSave.click();
  await expect(apply.marked).toBeVisible();
  await expect(panel.statusSelect).toHaveValue('applied');
  const [appliedJob] = await allRows<StoredJob>(panel.page, 'jobs');
  expect(appliedJob!.history.map((h) => h.to)).toEqual(['saved', 'applied']);
  const notes = await allRows<{ jobId: string; text: string }>(panel.page, 'notes');
  expect(notes).toHaveLength(1);
  expect(notes[0]!.jobId).toBe(saved!.id);
  expect(notes[0]!.text).toContain(`CV: ${file!.name}`);
  expect(notes[0]!.text).toContain('Email: jane.public@example.com');
  expect(notes[0]!.text).toContain('One month');
});
