import type { Page } from '@playwright/test';
import { expect, test, type ExtensionHarness } from './fixtures';
import { allRows } from './support/idb';
// Save from the Job view: toolbar click on a served posting → structured posting in the panel → Save →
// the saved job survives a worker restart and a reopened panel, which shows it as saved.

interface StoredJob {
  id: string;
  url: string;
  title: string;
  company: string;
  location?: string;
  status: string;
  history: { to: string }[];
}

/** The jobs table as the extension's own page reads it (plain IndexedDB, no Dexie in the test). */
const storedJobs = (page: Page) => allRows<StoredJob>(page, 'jobs');

async function captureInPanel(ext: ExtensionHarness, fixture: string) {
  const job = await ext.openTab(fixture);
  await ext.clickToolbarButton(job.page);
  await ext.waitForCapture(job.tabId);
  const panel = await ext.openPanel(job.tabId);
  await expect(panel.postingTitle).toHaveText('Senior Frontend Engineer');
  return { job, panel };
}

test('Save keeps the posting as a saved job across a new worker and panel, and the panel shows it saved', async ({ ext }) => {
  const { job, panel } = await captureInPanel(ext, 'job-posting.html');
  await expect(panel.saveButton).toBeVisible();
  await expect(panel.savedJob).toHaveCount(0);

  await panel.saveButton.click();

  // The Save button becomes the status dropdown, from the live query on the database.
  await expect(panel.statusSelect).toHaveValue('saved');
  await expect(panel.saveButton).toHaveCount(0);
  const [saved] = await storedJobs(panel.page);
  expect(saved).toMatchObject({ url: job.url, title: 'Senior Frontend Engineer', company: 'Acme Robotics', location: 'Lisbon, PT', status: 'saved' });

  // Saving again is an update, not a second job; a status change lands in the history.
  await panel.statusSelect.selectOption('interested');
  await expect.poll(async () => (await storedJobs(panel.page))[0]?.status).toBe('interested');

  // Close the panel and stop the worker (as Chrome does when idle); then read the page again with a fresh
  // worker and open a new panel: the posting shows as already saved, with its status.
  await panel.page.close();
  await ext.stopServiceWorker();
  await ext.clickToolbarButton(job.page);
  await ext.waitForCapture(job.tabId);
  const reopened = await ext.openPanel(job.tabId);
  await expect(reopened.postingTitle).toHaveText('Senior Frontend Engineer');
  await expect(reopened.statusSelect).toHaveValue('interested');
  await expect(reopened.saveButton).toHaveCount(0);
  const jobs = await storedJobs(reopened.page);
  expect(jobs).toHaveLength(1);
  expect(jobs[0]!.history.map((h) => h.to)).toEqual(['saved', 'interested']);

  // Reload the extension itself (as an update does): its pages close, a new worker starts, and the saved
  // job is still there when the posting is read again.
  await ext.reloadExtension();
  await expect.poll(() => ext.context.pages().filter((p) => p.url().startsWith(ext.origin)).length).toBe(0);
  const reloadedAt = Date.now();
  await ext.clickToolbarButton(job.page);
  await ext.waitForCapture(job.tabId, reloadedAt);
  const afterReload = await ext.openPanel(job.tabId);
  await expect(afterReload.postingTitle).toHaveText('Senior Frontend Engineer');
  await expect(afterReload.statusSelect).toHaveValue('interested');
  expect(await storedJobs(afterReload.page)).toHaveLength(1);
});

test('the same job at another address is offered as probably the same; the user chooses', async ({ ext }) => {
  const first = await captureInPanel(ext, 'job-posting.html');
  await first.panel.saveButton.click();
  await expect(first.panel.statusSelect).toHaveValue('saved');

  const mirror = await captureInPanel(ext, 'job-posting-mirror.html');
  // Not the same URL: not shown as saved, and nothing merged on its own.
  await expect(mirror.panel.saveButton).toBeVisible();
  await mirror.panel.saveButton.click();
  await expect(mirror.panel.probableDuplicate).toBeVisible();
  await expect(mirror.panel.probableDuplicate.getByTestId('duplicate-candidate')).toHaveCount(1);
  await expect(mirror.panel.probableDuplicate).toContainText('Senior Frontend Engineer · Acme Robotics · Lisbon, PT');
  expect(await storedJobs(mirror.panel.page)).toHaveLength(1);

  // "Update this one": the saved job now points at the mirror's address; still one job.
  await mirror.panel.probableDuplicate.getByTestId('update-candidate').click();
  await expect(mirror.panel.statusSelect).toHaveValue('saved');
  await expect(mirror.panel.probableDuplicate).toHaveCount(0);
  const jobs = await storedJobs(mirror.panel.page);
  expect(jobs.map((j) => j.url)).toEqual([mirror.job.url]);

  // Back on the first address: offered again; "Save as new" makes a second job.
  await first.panel.page.reload();
  await expect(first.panel.saveButton).toBeVisible();
  await first.panel.saveButton.click();
  await first.panel.probableDuplicate.getByTestId('save-as-new').click();
  await expect(first.panel.statusSelect).toHaveValue('saved');
  expect((await storedJobs(first.panel.page)).map((j) => j.url).sort()).toEqual([first.job.url, mirror.job.url].sort());
});
