import fs from 'node:fs';
import path from 'node:path';
import { oneColumnCv } from '../lib/cv/fixtures/pdf-cvs';
import { writePdf } from '../lib/cv/fixtures/pdf-writer';
import { badFiles, job } from './fixtures-bad';
import { expect, test } from './fixtures';
import { databaseHash, rowCounts } from './support/db-hash';
import { putRows } from './support/idb';
import { BUILD_DIR } from './support/paths';

// Broken files through the real UI of the built extension: the CV view's import and the tracker's backup
// import. Each gets the message of its own error code, and not one row of the database changes.

type Messages = Record<string, { message: string }>;
const english = JSON.parse(fs.readFileSync(path.join(BUILD_DIR, '_locales', 'en', 'messages.json'), 'utf8')) as Messages;
/** The English sentence for an error code, as the UI shows it. */
const messageOf = (code: string) => {
  const entry = english[`errors_${code}`];
  if (!entry) throw new Error(`no message for ${code}`);
  return entry.message;
};

const files = badFiles();

test('at least 20 broken inputs across PDF, DOCX, Markdown, LaTeX, JSON Resume and backups', () => {
  expect(files.length).toBeGreaterThanOrEqual(20);
  const kinds = new Set(files.map((f) => (f.target === 'backup' ? 'backup' : path.extname(f.name))));
  expect([...kinds].sort()).toEqual(['.doc', '.docx', '.json', '.md', '.pdf', '.tex', 'backup'].sort());
});

test('each broken CV file gets its own message in the CV view; the database is unchanged', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto(`${ext.origin}/app.html#/cv`);
  await page.getByTestId('cv-library').waitFor();
  await page.getByTestId('cv-file-input').setInputFiles({ name: 'jordan-avery.pdf', mimeType: 'application/pdf', buffer: Buffer.from(writePdf(oneColumnCv())) });
  await expect(page.getByTestId('cv-name')).toHaveText('Jordan Avery');
  const before = await databaseHash(page);
  const counts = await rowCounts(page);
  expect(counts.cvs).toBe(1);

  const error = page.getByTestId('cv-import-error');
  for (const file of files.filter((f) => f.target === 'cv')) {
    await page.getByTestId('cv-file-input').setInputFiles({ name: file.name, mimeType: file.mimeType, buffer: Buffer.from(file.bytes) });
    // The file's name in the message tells this failure from the previous one.
    await expect(error, file.name).toContainText(file.name);
    await expect(error, file.name).toHaveAttribute('data-code', file.code);
    await expect(error, file.name).toContainText(messageOf(file.code));
  }
  await expect(page.getByTestId('cv-item')).toHaveCount(1);
  await expect(page.getByTestId('cv-name')).toHaveText('Jordan Avery');
  expect(await rowCounts(page)).toEqual(counts);
  expect(await databaseHash(page)).toBe(before);
  // Nothing a file carried reached a prototype.
  expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');
});

test('each broken backup gets its own message in the tracker; the database is unchanged', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto(`${ext.origin}/app.html#/tracker`);
  await expect(page.getByTestId('tracker-empty')).toBeVisible();
  await putRows(page, 'jobs', [job('kept-1', { title: 'Kept Job' }), job('a', { title: 'Stored copy of a' })]);
  await page.reload();
  await expect(page.getByTestId('tracker-row')).toHaveCount(2);
  const before = await databaseHash(page);

  const toasts = page.getByTestId('toast');
  for (const file of files.filter((f) => f.target === 'backup')) {
    await page.getByTestId('import-file').setInputFiles({ name: file.name, mimeType: file.mimeType, buffer: Buffer.from(file.bytes) });
    await expect(toasts, file.name).toHaveCount(1);
    await expect(toasts, file.name).toContainText(messageOf(file.code));
    await expect(page.getByTestId('import-preview'), file.name).toHaveCount(0);
    await toasts.getByRole('button').click(); // close it, so the next file's message is its own
    await expect(toasts).toHaveCount(0);
  }
  await expect(page.getByTestId('tracker-row')).toHaveCount(2);
  expect(await databaseHash(page)).toBe(before);
  expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('isAdmin');
});
