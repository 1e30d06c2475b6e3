import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { compareCvs } from '../lib/cv/export/ats';
import { importCv, importCvText } from '../lib/cv/import/index';
import { readPdfInNode } from '../lib/cv/import/pdf-node';
import type { Cv } from '../lib/cv/model';
import type { ApplicationRecord } from '../lib/db/schema';
import { type ExtensionHarness, expect, test } from './fixtures';
import { ApplySection } from './po/apply-section';
import { TrackerPage } from './po/tracker-page';
import { accessibilityProblems } from './support/axe';
import { allRows, putRows } from './support/idb';
import { fileBytes, inputFile, type InputFile } from './support/input-file';

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

async function reimport(file: InputFile): Promise<Cv> {
  return importCv(fileBytes(file), { fileName: file.name, readPdf: readPdfInNode });
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

/** The value the job drawer's application record lists under `label`, in its files or its filled values. */
const recordEntry = (record: Locator, list: 'application-files' | 'application-filled', label: RegExp | string) =>
  record.getByTestId(list).locator('dt').filter({ hasText: label }).locator('xpath=following-sibling::dd[1]');

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
  const file = await inputFile(job.page.locator('input[name=resume]'));
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
  expect(await inputFile(job.page.locator('input[name=resume]'))).toBeNull();

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
  // Correcting a filled answer in the list saves it to the answer bank for the next form.
  const notice = apply.filledRows.filter({ hasText: 'notice period' });
  await expect(notice).toHaveAttribute('data-source', 'answer');
  await notice.getByRole('button', { name: 'Change answer' }).click();
  await notice.getByTestId('apply-answer').fill('Two months');
  await notice.getByTestId('apply-save-answer').click();
  await expect
    .poll(async () => (await allRows<{ question: string; answer: string }>(panel.page, 'answers')).find((a) => a.question.includes('notice period'))?.answer)
    .toBe('Two months');

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

  // The tracker's job drawer lists the record: the CV file, then each filled value by its label.
  await panel.show('tracker');
  const drawer = await new TrackerPage(panel.page).openJob('Senior Frontend Engineer');
  const record = drawer.getByTestId('note').getByTestId('application-record');
  await expect(recordEntry(record, 'application-files', /^CV/)).toHaveText(file!.name);
  await expect(recordEntry(record, 'application-filled', /^Email/)).toHaveText('jane.public@example.com');
  await expect(recordEntry(record, 'application-filled', /notice period/)).toHaveText('One month');
  expect(await accessibilityProblems(panel.page), 'job drawer with an application record').toEqual([]);
  await panel.page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);

  // Settings lists the saved answers; a changed one is what the bank holds, a removed one is gone.
  const settings = await panel.show('settings');
  const bank = settings.getByTestId('answer-bank');
  const noticeAnswer = bank.locator('[data-testid="saved-answer"][data-question*="notice period"]');
  await expect(noticeAnswer.getByTestId('answer-text')).toHaveText('Two months');
  await noticeAnswer.getByTestId('answer-edit').click();
  await noticeAnswer.getByTestId('answer-draft').fill('Three months');
  await noticeAnswer.getByTestId('answer-save').click();
  await expect(noticeAnswer.getByTestId('answer-text')).toHaveText('Three months');
  await bank.locator('[data-testid="saved-answer"][data-question*="gender"]').getByTestId('answer-remove').click();
  await expect(bank.getByTestId('saved-answer')).toHaveCount(1);
  const bankRows = await allRows<{ question: string; answer: string }>(panel.page, 'answers');
  expect(bankRows.map((a) => a.answer)).toEqual(['Three months']);
  expect(await accessibilityProblems(panel.page)).toEqual([]);
});

interface FormCase {
  ats: string;
  fixture: string;
  /** Where the resume input is: a selector in the page, or inside a web component's shadow root. */
  resume: string;
  /** Read a control's value (shadow roots included) by selector. */
  fields: Record<string, { selector: string; value: string }>;
  /** Controls that must stay empty: sensitive questions without a saved answer, unrecognised fields. */
  untouched: string[];
  sensitive?: string;
  /** An answer the user saves from "Left for you" for this question: the next fill chooses it in `selector`. */
  answer?: { label: string; value: string; selector: string };
  /** Save the job with a cover letter first: the letter PDF goes into this file input. */
  letter?: string;
  /** With a saved job: Mark as applied, then the record must hold these filled values, label by value. */
  recorded?: ApplicationRecord['filled'];
}

const deep = (selector: string) => `css=${selector}`;

const forms: FormCase[] = [
  {
    ats: 'Ashby',
    fixture: 'apply/ashby.html',
    resume: '#_systemfield_resume',
    fields: {
      fullName: { selector: '#_systemfield_name', value: 'Jane Q. Public' },
      email: { selector: '#_systemfield_email', value: 'jane.public@example.com' },
      linkedin: { selector: '[name="9d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6"]', value: 'linkedin.com/in/janepublic' },
    },
    untouched: ['#autofill-input', 'textarea'],
    sensitive: 'visa sponsorship',
    letter: '#_systemfield_cover_letter',
    recorded: [
      { label: 'Name', value: 'Jane Q. Public' },
      { label: 'Email', value: 'jane.public@example.com' },
      { label: 'LinkedIn Profile', value: 'https://linkedin.com/in/janepublic' },
    ],
  },
  {
    ats: 'Workday',
    fixture: 'apply/workday-steps.html#my-experience',
    resume: '[data-automation-id="file-upload-input-ref"]',
    fields: { linkedin: { selector: '#linkedin', value: 'linkedin.com/in/janepublic' } },
    untouched: ['#ref'],
  },
  {
    ats: 'SmartRecruiters',
    fixture: 'apply/smartrecruiters.html',
    resume: '#resume-dropzone input[type=file]',
    fields: {
      firstName: { selector: '#first-name-input input', value: 'Jane Q.' },
      lastName: { selector: '#last-name-input input', value: 'Public' },
      email: { selector: '#email-input input', value: 'jane.public@example.com' },
      linkedin: { selector: '#linkedin-input input', value: 'linkedin.com/in/janepublic' },
    },
    untouched: ['#salary-expectation-input input', '#question-6a1f3c2e select'],
    sensitive: 'visa sponsorship',
    answer: { label: 'visa sponsorship', value: 'No', selector: '#question-6a1f3c2e select' },
  },
];

for (const form of forms) {
  test(`${form.ats} (hand-made form): the default CV goes in as a PDF, the fields fill, nothing else is typed, undo restores${form.answer ? ', a saved answer fills its question' : ''}${form.recorded ? ', Mark as applied records the CV, the cover letter and each value' : ''}`, async ({ ext }) => {
    const { job, panel, apply } = await openForm(ext, form.fixture);
    const letterText = 'I have built fleet dashboards in React for five years and would like to do it at Acme Robotics.';
    let letterName: string | undefined;
    if (form.letter) {
      await panel.saveButton.click();
      await expect(panel.statusSelect).toHaveValue('saved');
      const [saved] = await allRows<StoredJob>(panel.page, 'jobs');
      await putRows(panel.page, 'analyses', [{ id: 'letter-1', jobId: saved!.id, kind: 'coverLetter', result: { text: letterText, updatedAt: 5 }, createdAt: 5 }]);
      await panel.page.reload();
    }
    await expect(apply.cvSelect).toHaveValue('cv-jane');
    await apply.fillButton.click();
    await expect(apply.filled('resume')).toBeVisible();

    // Playwright's css engine pierces open shadow roots; the file is read in the page's world.
    const input = job.page.locator(deep(form.resume));
    const file = await inputFile(input);
    expect(file).toMatchObject({ name: 'Jane-Public-Acme-Robotics-Senior-Frontend-Engineer.pdf', type: 'application/pdf' });
    expect(compareCvs(master, await reimport(file!))).toEqual([]);

    for (const [field, { selector, value: expected }] of Object.entries(form.fields)) {
      expect(await job.page.locator(deep(selector)).inputValue(), field).toContain(expected);
      await expect(apply.filled(field).first()).toBeVisible();
    }
    for (const selector of form.untouched) expect(await job.page.locator(deep(selector)).first().inputValue(), selector).toBe('');
    if (form.sensitive) {
      await expect(apply.left(form.sensitive)).toHaveAttribute('data-reason', 'sensitive');
      expect(await job.page.locator('input[type=radio]:checked').count()).toBe(0);
    }
    if (form.answer) {
      // The user saves an explicit answer from "Left for you" (it stays unfilled on this page).
      const row = apply.left(form.answer.label);
      await row.getByTestId('apply-answer').fill(form.answer.value);
      await row.getByTestId('apply-save-answer').click();
      await expect(row.getByRole('status')).toBeVisible();
      expect(await job.page.locator(deep(form.answer.selector)).inputValue()).toBe('');
    }
    if (form.letter) {
      // The cover letter saved with the job, as a PDF in the form's cover-letter input.
      const letter = await inputFile(job.page.locator(form.letter));
      expect(letter).toMatchObject({ name: 'Jane-Public-Acme-Robotics-Cover-letter.pdf', type: 'application/pdf' });
      const text = (await readPdfInNode(fileBytes(letter!))).lines.map((l) => l.text).join(' ');
      expect(text.replace(/\s+/g, ' ')).toContain('fleet dashboards in React');
      await expect(apply.root.locator('[data-testid="apply-filled-row"][data-field="coverLetter"]')).toContainText(letter!.name);
      letterName = letter!.name;
    } else {
      // Not saved: the record needs a saved job.
      await expect(apply.root.getByTestId('apply-save-first')).toBeVisible();
    }
    expect(await job.page.evaluate(() => document.body.dataset.submitted)).toBeUndefined();

    if (form.recorded) {
      // After the user submits: Mark as applied is pre-checked, the user confirms, the job is Applied and the
      // record keeps the CV file, the cover letter and each filled value by its label.
      await expect(apply.markApplied).toBeChecked();
      await apply.markSave.click();
      await expect(apply.marked).toBeVisible();
      await expect(panel.statusSelect).toHaveValue('applied');
      const [applied] = await allRows<StoredJob>(panel.page, 'jobs');
      expect(applied!.status).toBe('applied');
      expect(applied!.history.map((h) => h.to)).toEqual(['saved', 'applied']);
      const notes = await allRows<{ jobId: string; text: string; application?: ApplicationRecord }>(panel.page, 'notes');
      expect(notes).toHaveLength(1);
      expect(notes[0]!.jobId).toBe(applied!.id);
      expect(notes[0]!.application).toEqual({ cvFile: file!.name, ...(letterName ? { coverLetterFile: letterName } : {}), filled: form.recorded });
      expect(notes[0]!.text).toContain(`Cover letter: ${letterName}`);
    }

    await apply.undoAll.click();
    await expect.poll(() => input.evaluate((el: HTMLInputElement) => el.files?.length ?? 0)).toBe(0);
    for (const { selector } of Object.values(form.fields)) expect(await job.page.locator(deep(selector)).inputValue()).toBe('');

    if (form.answer) {
      // The next fill chooses the saved answer, reported as the user's answer.
      await apply.fillButton.click();
      await expect(apply.filled('resume')).toBeVisible();
      await expect(apply.filledRows.filter({ hasText: form.answer.label })).toHaveAttribute('data-source', 'answer');
      await expect(apply.left(form.answer.label)).toHaveCount(0);
      expect(await job.page.locator(deep(form.answer.selector)).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text)).toBe(form.answer.value);
    }

    if (form.recorded) {
      // Undoing the fill afterwards leaves the record; the tracker's job drawer lists it as stored.
      await panel.show('tracker');
      const drawer = await new TrackerPage(panel.page).openJob('Senior Frontend Engineer');
      const record = drawer.getByTestId('note').getByTestId('application-record');
      await expect(recordEntry(record, 'application-files', /^CV/)).toHaveText(file!.name);
      await expect(recordEntry(record, 'application-files', /^Cover letter/)).toHaveText(letterName!);
      await expect(record.getByTestId('application-filled').locator('dt')).toHaveCount(form.recorded.length);
      for (const { label, value: recorded } of form.recorded) await expect(recordEntry(record, 'application-filled', new RegExp(`^${label}$`))).toHaveText(recorded);
    }
  });
}

test('Workday step by step (hand-made flow): My Information fills the contact fields, Voluntary Disclosures leaves every question to the user, Review says which step to go to', async ({ ext }) => {
  const { job, apply } = await openForm(ext, 'apply/workday-steps.html');
  const activeStep = job.page.locator('[data-automation-id="progressBarActiveStep"]');
  await expect(activeStep).toContainText('My Information');
  await apply.fillButton.click();
  await expect(apply.filled('email')).toBeVisible();

  // My Information: the standard fields, and nothing else.
  expect(await value(job.page, '#first')).toBe('Jane Q.');
  expect(await value(job.page, '#last')).toBe('Public');
  expect(await value(job.page, '#email')).toBe('jane.public@example.com');
  expect((await value(job.page, '#phone')).replace(/\D/g, '')).toBe('14155550199');
  expect(Object.keys(await apply.filledValues()).sort()).toEqual(['email', 'firstName', 'lastName', 'phone']);
  // Jane's CV gives no city (only "Berlin, Germany" as an address) and there is no profile: asked, not guessed.
  await expect(apply.left('City')).toHaveAttribute('data-reason', 'no_value');
  for (const selector of ['#source', '#address1', '#city', '#postal', '#phone-code', '#extension']) expect(await value(job.page, selector), selector).toBe('');
  expect(await job.page.locator('input[type=radio]:checked').count()).toBe(0);
  // The phone device type says "phone" but is a question for the user; its list is untouched.
  await expect(apply.left('Phone Device Type')).toHaveAttribute('data-reason', 'no_answer');
  await expect(job.page.locator('#device')).toHaveText('Select One');
  // No file input on this step: the panel says where the CV goes.
  await expect(apply.root.locator('[data-testid="apply-problems"] li[data-code="workday_resume_step"]')).toContainText('My Experience');

  // The user saves and continues to Voluntary Disclosures (My Experience and Application Questions are other tests' business).
  for (const step of ['My Experience', 'Application Questions', 'Voluntary Disclosures']) {
    await job.page.locator('#next').click();
    await expect(activeStep).toContainText(step);
  }
  await apply.fillButton.click();
  // Every question is sensitive and has no saved answer: nothing filled, each listed as left for the user.
  const disclosures: [string, string][] = [
    ['Gender', 'gender'],
    ['Are you Hispanic or Latino?', 'race'],
    ['Race/Ethnicity', 'race'],
    ['Veteran Status', 'veteran'],
    ['Disability Status', 'disability'],
  ];
  for (const [label, topic] of disclosures) {
    await expect(apply.left(label)).toHaveAttribute('data-reason', 'sensitive');
    await expect(apply.left(label)).toHaveAttribute('data-topic', topic);
  }
  await expect(apply.filledRows).toHaveCount(0);
  for (const id of ['gender', 'hispanic', 'ethnicity', 'veteran', 'disability']) await expect(job.page.locator(`#${id}`)).toHaveText('Select One');
  // The consent box is the user's to tick.
  await expect(apply.left('terms and conditions')).toHaveAttribute('data-reason', 'no_answer');
  await expect(job.page.locator('#agree')).not.toBeChecked();
  await expect(apply.root.locator('[data-testid="apply-problems"] li[data-code="workday_wrong_step"]')).toHaveCount(0);

  // Review has nothing to fill: the panel names the step and where to go instead.
  await job.page.locator('#next').click();
  await expect(activeStep).toContainText('Review');
  await apply.fillButton.click();
  await expect(apply.problems.first()).toHaveAttribute('data-code', 'workday_wrong_step');
  await expect(apply.problems).toHaveCount(1);
  await expect(apply.problems.first()).toContainText('(Review)');
  await expect(apply.problems.first()).toContainText('My Information');
  await expect(apply.leftRows).toHaveCount(0);
  // What was filled on My Information is what Workday kept; nothing was submitted.
  await expect(job.page.locator('#review')).toContainText('jane.public@example.com');
  expect(await job.page.evaluate(() => document.body.dataset.submitted)).toBeUndefined();
});

test('explained, never a silent half fill: Workday on the wrong step, no form, a site that ignores synthetic events, a board in a frame not granted', async ({ ext }) => {
  const workday = await openForm(ext, 'apply/workday-start.html');
  await workday.apply.fillButton.click();
  await expect(workday.apply.problems.first()).toHaveAttribute('data-code', 'workday_wrong_step');
  await expect(workday.apply.problems.first()).toContainText('My Information');
  expect(await accessibilityProblems(workday.panel.page), 'Apply section with a problem').toEqual([]);

  const none = await openForm(ext, 'job-posting.html');
  await none.apply.fillButton.click();
  await expect(none.apply.problems).toHaveCount(1);
  await expect(none.apply.problems.first()).toHaveAttribute('data-code', 'no_form');

  // A site that throws away what Jobfit types: said, field by field, never reported as filled.
  const strict = await openForm(ext, 'apply/ignores-events.html');
  await strict.apply.fillButton.click();
  await expect(strict.apply.root.locator('[data-testid="apply-problems"] li[data-code="synthetic_ignored"]')).toContainText('Email');
  await expect(strict.apply.left('Email')).toHaveAttribute('data-reason', 'site_refused');
  await expect(strict.apply.filled('email')).toHaveCount(0);
  await expect(strict.apply.filled('phone')).toBeVisible();
  expect(await strict.job.page.locator('#email').inputValue()).toBe('');
  // No posting on this page, so no saved job to keep the record with: said instead of a Mark button.
  await expect(strict.apply.root.getByTestId('apply-save-first')).toContainText('open the posting');
  await expect(strict.apply.markSave).toHaveCount(0);

  const embed = await openEmbed(ext);
  await embed.apply.fillButton.click();
  const problem = embed.apply.root.locator('[data-testid="apply-problems"] li[data-code="frame_needs_permission"]');
  await expect(problem).toHaveCount(1);
  await expect(problem).toContainText(`localhost:${new URL(embed.job.url).port}`);
  await expect(problem.getByRole('button')).toHaveText(`Allow localhost:${new URL(embed.job.url).port}`);
  expect(await embed.board().locator('#email').inputValue()).toBe('');
  expect(await embed.board().locator('#resume').evaluate((el: HTMLInputElement) => el.files?.length ?? 0)).toBe(0);
  // The top page (the careers page, granted by the toolbar click) has nothing to fill and is not touched.
  await expect(embed.apply.filledRows).toHaveCount(0);
});

/**
 * A careers page with a Greenhouse board in `iframe#grnhse_iframe` served from another origin
 * (greenhouse-embed.html: the board comes from localhost on the fixture server's port, the page from
 * 127.0.0.1), opened as `openForm` does, once the board frame has loaded.
 */
async function openEmbed(ext: ExtensionHarness) {
  const opened = await openForm(ext, 'apply/greenhouse-embed.html');
  const frameOrigin = `http://localhost:${new URL(opened.job.url).port}`;
  const board = () => opened.job.page.frames().find((f) => f.url().startsWith(frameOrigin))!;
  await expect.poll(() => opened.job.page.frames().some((f) => f.url().startsWith(frameOrigin))).toBe(true);
  await expect(board().locator('#application_form')).toBeVisible();
  return { ...opened, frameOrigin, board };
}

test.describe('a Greenhouse board embedded from another origin that the user allowed', () => {
  // As after the user said Allow on the panel's "allow localhost" button (the prompt cannot be automated).
  test.use({ grantedHosts: ['http://localhost/*'] });

  test('the fill reaches the board frame: the CV PDF in its file input, its fields filled, sensitive ones left, undo restores it, never submitted', async ({ ext }) => {
    const embed = await openEmbed(ext);
    await embed.apply.fillButton.click();
    await expect(embed.apply.filled('resume')).toBeVisible({ timeout: 20_000 });
    const board = embed.board();

    // The file is in the frame's input, and the frame's own marker shows its name.
    const file = await inputFile(board.locator('#resume'));
    expect(file).toMatchObject({ name: 'Jane-Public-Acme-Robotics-Senior-Frontend-Engineer.pdf', type: 'application/pdf' });
    expect(compareCvs(master, await reimport(file!))).toEqual([]);
    await expect(board.locator('#resume_filename')).toHaveText(file!.name);

    expect(await board.locator('#first_name').inputValue()).toBe('Jane Q.');
    expect(await board.locator('#last_name').inputValue()).toBe('Public');
    expect(await board.locator('#email').inputValue()).toBe('jane.public@example.com');
    expect((await board.locator('#phone').inputValue()).replace(/\D/g, '')).toBe('14155550199');
    expect(await board.locator('#job_application_answers_attributes_0_text_value').inputValue()).toContain('linkedin.com/in/janepublic');
    expect(await board.locator('#job_application_answers_attributes_1_text_value').inputValue()).toBe('');
    expect(await board.locator('#job_application_gender').inputValue()).toBe('');
    await expect(embed.apply.left('Gender')).toHaveAttribute('data-reason', 'sensitive');
    // Nothing to ask for: the frame's origin is reached.
    await expect(embed.apply.root.locator('[data-testid="apply-problems"] li[data-code="frame_needs_permission"]')).toHaveCount(0);
    await expect(embed.apply.filled('email')).toContainText('jane.public@example.com');
    expect(await board.evaluate(() => document.body.dataset.submitted)).toBeUndefined();

    // Undo one field in the frame, then everything.
    await embed.apply.filled('email').getByTestId('apply-undo').click();
    await expect.poll(() => board.locator('#email').inputValue()).toBe('');
    expect(await board.locator('#first_name').inputValue()).toBe('Jane Q.');
    await embed.apply.undoAll.click();
    await expect.poll(() => board.locator('#first_name').inputValue()).toBe('');
    expect(await inputFile(board.locator('#resume'))).toBeNull();
  });
});

test('a pasted posting: Apply fills the form in the tab in front (once the toolbar grants it), says when that tab is no web page, and keeps the record with the saved job', async ({ ext }) => {
  // The panel is bound to a page that is no form; the posting comes from text the user pasted.
  const start = await ext.openTab('not-a-job.html');
  const panel = await ext.openPanel(start.tabId);
  await expect.poll(() => panel.page.evaluate(async () => (await indexedDB.databases()).some((d) => d.name === 'jobfit'))).toBe(true);
  await putRows(panel.page, 'cvs', [{ id: 'cv-jane', name: 'Jane', isDefault: 1, data: master, createdAt: 1, updatedAt: 1 }]);
  await panel.page.reload();
  await panel.page.getByTestId('paste-text').fill('Senior Frontend Engineer\nAcme Robotics | Lisbon, Portugal\n\nBuild the robot fleet dashboard in React and TypeScript. Full-time.');
  await panel.page.getByTestId('read-text').click();
  await expect(panel.postingTitle).toHaveText('Senior Frontend Engineer');
  await panel.saveButton.click();
  await expect(panel.statusSelect).toHaveValue('saved');
  const apply = new ApplySection(panel.page);
  await expect(apply.root.getByTestId('apply-active-tab-hint')).toBeVisible();
  expect(await accessibilityProblems(panel.page), 'Apply section for a pasted posting').toEqual([]);

  // The application form in another tab, in front; Jobfit holds no grant for it yet: said, nothing typed.
  const form = await ext.openTab('apply/greenhouse-board.html');
  await form.page.bringToFront();
  await apply.fillButton.click();
  await expect(apply.error).toHaveAttribute('data-code', 'needs_permission');
  await expect(apply.error).toContainText('click the Jobfit button in the toolbar');
  expect(await form.page.locator('#email').inputValue()).toBe('');

  // The toolbar click on the form grants it (activeTab): Fill reaches that tab, not the one the panel is bound to.
  await ext.clickToolbarButton(form.page);
  await expect.poll(async () => (await ext.canScript(form.tabId)).ok).toBe(true);
  await apply.fillButton.click();
  await expect(apply.filled('resume')).toBeVisible({ timeout: 20_000 });
  const file = await inputFile(form.page.locator('#resume'));
  expect(file).toMatchObject({ name: 'Jane-Public-Acme-Robotics-Senior-Frontend-Engineer.pdf', type: 'application/pdf' });
  expect(compareCvs(master, await reimport(file!))).toEqual([]);
  expect(await form.page.locator('#first_name').inputValue()).toBe('Jane Q.');
  expect(await form.page.locator('#email').inputValue()).toBe('jane.public@example.com');
  expect(await form.page.locator('#job_application_gender').inputValue()).toBe('');
  await expect(apply.left('Gender')).toHaveAttribute('data-reason', 'sensitive');
  expect(await form.page.evaluate(() => document.body.dataset.submitted)).toBeUndefined();

  // The record goes with the saved pasted job.
  await apply.markSave.click();
  await expect(apply.marked).toBeVisible();
  await expect(panel.statusSelect).toHaveValue('applied');
  const notes = await allRows<{ text: string }>(panel.page, 'notes');
  expect(notes.map((n) => n.text).join('\n')).toContain(`CV: ${file!.name}`);

  // Undo goes to the tab that was filled, even with another tab in front.
  // The browser's own pages (here chrome://version, like the new tab page) are no web page to fill.
  const browserPage = await ext.context.newPage();
  await browserPage.goto('chrome://version/');
  await browserPage.bringToFront();
  await apply.undoAll.click();
  await expect.poll(() => form.page.locator('#email').inputValue()).toBe('');
  expect(await inputFile(form.page.locator('#resume'))).toBeNull();

  // A tab in front that is no web page: said, not tried on another tab.
  await apply.fillButton.click();
  await expect(apply.error).toHaveAttribute('data-code', 'restricted_page');
  await expect(apply.error).toContainText('not a web page');
  expect(await form.page.locator('#email').inputValue()).toBe('');

  // A web page in front without a form: said too.
  await ext.clickToolbarButton(start.page);
  await expect.poll(async () => (await ext.canScript(start.tabId)).ok).toBe(true);
  await apply.fillButton.click();
  await expect(apply.problems).toHaveCount(1);
  await expect(apply.problems.first()).toHaveAttribute('data-code', 'no_form');
});
