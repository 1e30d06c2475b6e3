import fs from 'node:fs';
import path from 'node:path';
import { writePdf } from '../lib/cv/fixtures/pdf-writer';
import { expect, test } from './fixtures';
import { PAGES_DIR } from './support/paths';

// Other ways in: pasted text and dropped files become a posting in the Job view, read inside the panel
// (DOMParser, pdf.js), shown and saved like a captured one; bad files get their own message.

const pasted = `Backend Developer
Initech | Austin, TX

We are looking for a backend developer. Responsibilities: build APIs.
Requirements: Go and SQL. <img src=x onerror="document.title='pwned'"> Full-time. Apply now.`;

test('pasted text becomes a posting shown as text, which can be saved', async ({ ext }) => {
  const job = await ext.openTab('not-a-job.html');
  const panel = await ext.openPanel(job.tabId);
  await panel.page.getByTestId('paste-text').fill(pasted);
  await panel.page.getByTestId('read-text').click();

  await expect(panel.postingTitle).toHaveText('Backend Developer');
  await expect(panel.postingMeta).toHaveText('Initech · Austin, TX');
  await expect(panel.postingCard).toContainText('from the text you gave');
  await panel.postingCard.getByRole('button', { name: 'View description' }).click();
  await expect(panel.postingCard.locator('.jf-description')).toContainText('<img src=x onerror=');
  await expect(panel.postingCard.locator('img')).toHaveCount(0);
  expect(await panel.page.title()).not.toBe('pwned');

  await panel.saveButton.click();
  await expect(panel.statusSelect).toHaveValue('saved');

  // Back to the tab, then the same text again: recognised as the saved job.
  await panel.page.getByTestId('clear-given').click();
  await expect(panel.postingTitle).toHaveCount(0);
  await panel.page.getByTestId('paste-text').fill(pasted);
  await panel.page.getByTestId('read-text').click();
  await expect(panel.statusSelect).toHaveValue('saved');
});

test('a dropped HTML or PDF file becomes a posting; bad files say what is wrong', async ({ ext }, testInfo) => {
  const job = await ext.openTab('not-a-job.html');
  const panel = await ext.openPanel(job.tabId);
  const input = panel.page.getByTestId('posting-file');
  const error = panel.page.getByTestId('posting-input-error');

  await input.setInputFiles(path.join(PAGES_DIR, 'job-posting.html'));
  await expect(panel.postingTitle).toHaveText('Senior Frontend Engineer');
  await expect(panel.postingMeta).toHaveText('Acme Robotics · Lisbon, PT');
  await expect(panel.postingCard).toContainText("from the page's job data");
  await panel.page.getByTestId('clear-given').click();

  const pdf = testInfo.outputPath('posting.pdf');
  fs.writeFileSync(
    pdf,
    writePdf([
      {
        runs: [
          { text: 'Site Reliability Engineer', x: 50, top: 60, size: 18, font: 'bold' },
          { text: 'Globex Corporation · Madrid, Spain', x: 50, top: 84 },
          { text: 'We are looking for an engineer. Requirements: Kubernetes. Full-time.', x: 50, top: 110 },
        ],
      },
    ]),
  );
  await input.setInputFiles(pdf);
  await expect(panel.postingTitle).toHaveText('Site Reliability Engineer');
  await expect(panel.postingMeta).toHaveText('Globex Corporation · Madrid, Spain');
  await panel.page.getByTestId('clear-given').click();

  await input.setInputFiles({ name: 'posting.docx', mimeType: 'application/zip', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]) });
  await expect(error).toHaveAttribute('data-code', 'posting_file_type');
  await expect(error).toContainText('cannot read this kind of file');

  await input.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(writePdf([{ image: true }])) });
  await expect(error).toHaveAttribute('data-code', 'posting_file_no_text');

  await input.setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from('  \n ') });
  await expect(error).toHaveAttribute('data-code', 'empty_page');

  await input.setInputFiles(path.join(PAGES_DIR, 'not-a-job.html'));
  await expect(error).toHaveAttribute('data-code', 'not_a_job_posting');
  await expect(panel.postingCard).toHaveCount(0);
});
