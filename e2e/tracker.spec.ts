import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type SessionCapture } from './fixtures';
import { TrackerPage } from './po/tracker-page';
import type { Chrome } from './support/chrome';
import { databaseHash } from './support/db-hash';
import { putRows } from './support/idb';
import { DB_VERSION } from '../lib/db/schema';

declare const chrome: Chrome;
const DAY = 86_400_000;

// The tracker end to end: three served postings read with the toolbar button and saved with the Save
// button, a move on the board, a note and a task, then export → delete all → import, and everything is back.

/**
 * For tests that need jobs in place (the first test saves through the real Save button): saves postings as tracker jobs, the way a saved job is stored (status Saved, one history
 * entry), through the extension page's own IndexedDB. Raw IndexedDB writes do not reach Dexie's live
 * queries, so the caller reloads.
 */
async function saveJobs(page: Page, postings: NonNullable<SessionCapture['posting']>[]): Promise<void> {
  const now = Date.now();
  await putRows(
    page,
    'jobs',
    postings.map((posting, i) => {
      const at = now - (postings.length - i) * 60_000;
      return {
        id: crypto.randomUUID(),
        url: posting.url,
        title: posting.title,
        company: posting.company ?? '',
        ...(posting.location ? { location: posting.location } : {}),
        posting,
        status: 'saved',
        tags: [],
        createdAt: at,
        updatedAt: at,
        history: [{ at, to: 'saved' }],
      };
    }),
  );
}

async function seriousAxeFindings(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('save three postings, move one on the board, add a note and a task, export, delete all, import: all back', async ({ ext }, testInfo) => {
  // Three served postings, each read with the toolbar button and saved with the panel's Save button.
  const panel = await ext.openPanel((await ext.openTab('not-a-job.html')).tabId);
  const expected = [
    ['job-posting.html', 'Senior Frontend Engineer', 'Acme Robotics'],
    ['job-heading.html', 'Data Analyst, Logistics', 'Northwind Traders'],
    ['match-posting.html', 'Senior Backend Engineer', 'Initech'],
  ] as const;
  for (const [fixture, title] of expected) {
    const tab = await ext.openTab(fixture);
    await ext.clickToolbarButton(tab.page);
    const capture = await ext.waitForCapture(tab.tabId);
    expect(capture.status, `${fixture}: ${JSON.stringify(capture.error)}`).toBe('ready');
    await ext.openPanel(tab.tabId, panel.page);
    await expect(panel.postingTitle).toContainText(title);
    await panel.saveButton.click();
    await expect(panel.statusSelect).toHaveValue('saved');
  }

  await panel.show('tracker');
  const tracker = new TrackerPage(panel.page);
  await expect(tracker.rows).toHaveCount(3);
  for (const [, title, company] of expected) await expect(tracker.row(title)).toContainText(company);
  expect(await seriousAxeFindings(panel.page), 'table').toEqual([]);

  // Board: drag the first job from Saved to Applied; the follow-up reminder is offered.
  await tracker.showTab('board');
  await expect(tracker.column('saved').getByTestId('board-card')).toHaveCount(3);
  expect(await seriousAxeFindings(panel.page), 'board').toEqual([]);
  await tracker.dragCard('Senior Frontend Engineer', 'applied');
  await expect(tracker.column('applied').getByTestId('board-card')).toHaveText(/Senior Frontend Engineer/);
  await expect(tracker.column('saved').getByTestId('board-card')).toHaveCount(2);
  // Keyboard: Alt+→ moves a focused card one column on.
  await tracker.card('Data Analyst, Logistics').focus();
  await panel.page.keyboard.press('Alt+ArrowRight');
  await expect(tracker.column('interested').getByTestId('board-card')).toHaveText(/Data Analyst, Logistics/);
  await expect(panel.page.getByTestId('follow-up')).toBeVisible();
  await panel.page.getByTestId('follow-up').getByRole('button', { name: 'Add follow-up' }).click();

  // Drawer: a note and a task with a due date.
  const drawer = await tracker.openJob('Senior Frontend Engineer');
  await expect(drawer.getByTestId('drawer-history')).toContainText('Saved → Applied');
  await drawer.getByLabel('Write a note').fill('Recruiter: Sam, call on Friday');
  await drawer.getByRole('button', { name: 'Add note' }).click();
  await expect(drawer.getByTestId('note')).toContainText('Recruiter: Sam, call on Friday');
  await drawer.getByLabel('Task', { exact: true }).fill('Send portfolio');
  await drawer.getByLabel('Due').fill('2030-01-15');
  await drawer.getByRole('button', { name: 'Add task' }).click();
  await expect(drawer.getByTestId('task')).toHaveCount(2); // the follow-up and this one
  await expect(drawer.getByTestId('task').filter({ hasText: 'Send portfolio' })).toContainText('2030');
  expect(await seriousAxeFindings(panel.page), 'drawer').toEqual([]);
  await panel.page.screenshot({ path: testInfo.outputPath('drawer.png') });
  await drawer.getByRole('button', { name: 'Close' }).click();
  await tracker.showTab('tasks');
  await expect(panel.page.getByTestId('open-task')).toHaveCount(2);
  await expect(panel.page.getByTestId('tasks-list')).toContainText('Send portfolio');
  await tracker.showTab('stats');
  await expect(panel.page.getByTestId('tracker-stats')).toContainText('Funnel');
  expect(await seriousAxeFindings(panel.page), 'stats').toEqual([]);
  await panel.page.screenshot({ path: testInfo.outputPath('stats.png') });
  await tracker.showTab('table');
  await expect(tracker.row('Senior Frontend Engineer')).toContainText('Applied');

  // A reminder alarm exists for each task, in the worker.
  const alarms = await ext.evaluateInWorker(async () => (await chrome.alarms.getAll()).map((a) => a.name));
  expect(alarms.filter((n) => n.startsWith('jobfit-task:'))).toHaveLength(2);

  // Export.
  const [download] = await Promise.all([panel.page.waitForEvent('download'), panel.page.getByTestId('export-backup').click()]);
  expect(download.suggestedFilename()).toMatch(/^jobfit-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  // The export counts as a backup.
  await expect(panel.page.getByTestId('last-backup')).toContainText('Last backup:');
  const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as { formatName: string; data: { databaseVersion: number } };
  expect(exported.formatName).toBe('dexie');
  expect(exported.data.databaseVersion).toBe(DB_VERSION);

  // Delete all.
  await panel.page.getByTestId('delete-all').click();
  await panel.page.getByTestId('confirm-delete-all').click();
  await expect(tracker.empty).toBeVisible();

  // Import: preview first, then everything is back.
  await panel.page.getByTestId('import-file').setInputFiles(file);
  const preview = panel.page.getByTestId('import-preview');
  await expect(preview).toContainText('Jobs: 3');
  await expect(preview).toContainText('Notes: 1');
  await expect(preview).toContainText('Tasks: 2');
  await preview.getByTestId('confirm-import').click();
  await expect(tracker.rows).toHaveCount(3);
  await expect(tracker.row('Senior Frontend Engineer')).toContainText('Applied');
  await expect(tracker.row('Data Analyst, Logistics')).toContainText('Interested');
  const back = await tracker.openJob('Senior Frontend Engineer');
  await expect(back.getByTestId('note')).toContainText('Recruiter: Sam, call on Friday');
  await expect(back.getByTestId('task').filter({ hasText: 'Send portfolio' })).toBeVisible();
  await expect(back.getByTestId('drawer-history')).toContainText('Saved → Applied');
  await back.getByRole('button', { name: 'Close' }).click();
  await panel.page.screenshot({ path: testInfo.outputPath('table.png'), fullPage: true });
});

test('a damaged backup is refused with a clear message and nothing changes', async ({ ext }, testInfo) => {
  const tab = await ext.openTab('not-a-job.html');
  const panel = await ext.openPanel(tab.tabId);
  await panel.show('tracker');
  const tracker = new TrackerPage(panel.page);
  await saveJobs(panel.page, [{ title: 'Kept Job', company: 'Initech', source: 'json-ld', url: 'https://jobs.example.com/kept' }]);
  await panel.page.reload();
  await expect(tracker.rows).toHaveCount(1);

  const truncated = testInfo.outputPath('truncated.json');
  fs.writeFileSync(truncated, '{"formatName":"dexie","formatVersion":1,"data":{"databaseName":"jobfit","databaseVersion":2,"data":[{"tableName":"jobs","rows":[{"id":');
  await panel.page.getByTestId('import-file').setInputFiles(truncated);
  await expect(panel.page.getByTestId('toast')).toContainText('This file is not complete JSON (it may be cut off). Nothing was imported.');
  await expect(panel.page.getByTestId('import-preview')).toHaveCount(0);
  await expect(tracker.rows).toHaveCount(1);
});

test('saved filters: name the current filters, bring them back with one click, still there after a reload', async ({ ext, context }) => {
  const page = await context.newPage();
  await page.goto(`${ext.origin}/app.html#/tracker`);
  await expect(new TrackerPage(page).empty).toBeVisible();
  const posting = { url: 'https://jobs.example.com/1', title: 'Robotics Engineer', company: 'Acme Robotics', description: 'Build robots.', source: 'json-ld' };
  await saveJobs(page, [posting as NonNullable<SessionCapture['posting']>]);
  await page.reload();
  const search = page.getByTestId('tracker-filters').getByRole('searchbox');
  await expect(page.getByTestId('save-filter')).toHaveCount(0); // nothing to save without a filter
  await search.fill('robotics');
  await page.getByTestId('save-filter-name').fill('Robotics jobs');
  await page.getByTestId('save-filter').click();
  await expect(page.getByTestId('saved-filter')).toHaveText(['Robotics jobs']);
  await search.fill('');
  await page.reload();
  await page.getByTestId('saved-filter').click();
  await expect(search).toHaveValue('robotics');
  await page.getByRole('button', { name: 'Remove the saved filter Robotics jobs' }).click();
  await expect(page.getByTestId('saved-filter')).toHaveCount(0);
});

test('backup reminder: the banner shows when a backup is due; Back up now saves a file that imports back losslessly', async ({ ext, context }, testInfo) => {
  // The browser's own download handling, so the file gets the name Jobfit asks for (Playwright's
  // handling names files by a GUID).
  const cdp = await context.browser()!.newBrowserCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
  const page = await context.newPage();
  await page.goto(`${ext.origin}/app.html#/tracker`);
  const tracker = new TrackerPage(page);
  await expect(tracker.empty).toBeVisible();
  // Nothing saved: nothing to back up, no banner; weekly is the default.
  await expect(page.getByTestId('backup-due')).toHaveCount(0);
  await expect(page.getByTestId('backup-interval')).toHaveValue('weekly');
  await expect(page.getByTestId('last-backup')).toHaveText('No backup saved yet.');

  const now = Date.now();
  const jobId = crypto.randomUUID();
  await putRows(page, 'jobs', [
    { id: jobId, url: 'https://jobs.example.com/a', title: 'Robotics Engineer', company: 'Acme Robotics', status: 'applied', tags: ['dream'], createdAt: now - 9 * DAY, updatedAt: now - DAY, appliedAt: now - DAY, history: [{ at: now - 9 * DAY, to: 'saved' }, { at: now - DAY, from: 'saved', to: 'applied' }] },
    { id: crypto.randomUUID(), url: 'https://jobs.example.com/b', title: 'Data Analyst', company: 'Northwind', status: 'saved', tags: [], createdAt: now - 2 * DAY, updatedAt: now - 2 * DAY, history: [{ at: now - 2 * DAY, to: 'saved' }] },
  ]);
  await putRows(page, 'notes', [{ id: crypto.randomUUID(), jobId, text: 'Recruiter: Sam — «call» on Friday', createdAt: now - DAY, updatedAt: now - DAY }]);
  await putRows(page, 'tasks', [{ id: crypto.randomUUID(), jobId, title: 'Send portfolio', dueAt: now + 5 * DAY, done: 0, createdAt: now - DAY }]);
  // The last backup was eight days ago: a weekly backup is due.
  await page.evaluate((at) => chrome.storage.local.set({ lastBackupAt: at }), now - 8 * DAY);
  await page.reload();
  const banner = page.getByTestId('backup-due');
  await expect(banner).toContainText('Your last backup is 8 days old.');
  // Monthly: not due yet; back to weekly: due again.
  await page.getByTestId('backup-interval').selectOption('monthly');
  await expect(banner).toHaveCount(0);
  await page.getByTestId('backup-interval').selectOption('weekly');
  await expect(banner).toBeVisible();
  expect(await seriousAxeFindings(page), 'backup banner').toEqual([]);

  const before = await databaseHash(page);
  await banner.getByTestId('backup-now').click();
  await expect(page.getByTestId('toast')).toContainText(/Backup saved in your downloads: jobfit-backup-\d{4}-\d{2}-\d{2}.*\.json/);
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId('last-backup')).toContainText('Last backup:');
  // The file went through the downloads API, complete, on disk.
  const [item] = await page.evaluate(() => chrome.downloads.search({ orderBy: ['-startTime'] }));
  expect(item).toMatchObject({ state: 'complete', mime: 'application/json' });
  const file = item!.filename;
  // In the browser's downloads folder: copied into the test's output and removed from there.
  const copy = testInfo.outputPath(path.basename(file));
  fs.copyFileSync(file, copy);
  fs.rmSync(file);
  expect(path.basename(file)).toMatch(/^jobfit-backup-\d{4}-\d{2}-\d{2}( \(\d+\))?\.json$/);
  const saved = JSON.parse(fs.readFileSync(copy, 'utf8')) as { formatName: string; data: { databaseVersion: number } };
  expect(saved).toMatchObject({ formatName: 'dexie', data: { databaseVersion: DB_VERSION } });
  // The next reminder is a week from now, in the worker.
  const alarm = await ext.evaluateInWorker(() => chrome.alarms.get('jobfit-backup'));
  expect(alarm!.scheduledTime).toBeGreaterThan(now + 6.9 * DAY);

  // Delete all, import the saved file: the database is as it was.
  await page.getByTestId('delete-all').click();
  await page.getByTestId('confirm-delete-all').click();
  await expect(tracker.empty).toBeVisible();
  await page.getByTestId('import-file').setInputFiles(copy);
  await expect(page.getByTestId('import-preview')).toContainText('Jobs: 2');
  await page.getByTestId('confirm-import').click();
  await expect(tracker.rows).toHaveCount(2);
  expect(await databaseHash(page)).toBe(before);
});
