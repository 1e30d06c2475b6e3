import type { Page } from '@playwright/test';
import { expect, test, type ExtensionHarness } from './fixtures';
import { allRows } from './support/idb';
import type { Chrome } from './support/chrome';
import { TAG } from './support/messages';

declare const chrome: Chrome;

// "Analyze from URL": an address typed in the Job view is opened in a background tab, read with the
// capture script and closed again; the posting is shown, matched and saved like a captured one.

async function tabCount(ext: ExtensionHarness): Promise<number> {
  return ext.evaluateInWorker(async () => (await chrome.tabs.query({})).length);
}

async function readUrl(panel: Page, url: string): Promise<void> {
  await panel.getByTestId('posting-url').fill(url);
  await panel.getByTestId('read-url').click();
}

test.describe('with the site allowed', () => {
  test.use({ grantedHosts: ['http://127.0.0.1/*'] });

  test('an address becomes a posting in the panel, the background tab is closed, and Save keeps it', async ({ ext }) => {
    const start = await ext.openTab('not-a-job.html');
    const panel = await ext.openPanel(start.tabId);
    const tabsBefore = await tabCount(ext);

    await readUrl(panel.page, ext.server.url('job-posting.html'));
    await expect(panel.postingTitle).toHaveText('Senior Frontend Engineer');
    await expect(panel.postingMeta).toHaveText('Acme Robotics · Lisbon, PT');
    // The offline match speaks about the posting that was read.
    await expect(panel.page.getByTestId('posting-keywords')).toBeVisible();
    await expect.poll(() => tabCount(ext)).toBe(tabsBefore);

    await panel.saveButton.click();
    await expect(panel.statusSelect).toHaveValue('saved');
    const jobs = await allRows<{ title: string; url: string; status: string }>(panel.page, 'jobs');
    expect(jobs.map((j) => [j.title, j.status])).toEqual([['Senior Frontend Engineer', 'saved']]);
    expect(jobs[0]!.url).toContain('/job-posting.html');
    // The tab the panel is bound to was not touched.
    expect(await ext.capture(start.tabId)).toBeUndefined();
  });

  test('a list page, an invalid address and an unreachable page each say what is wrong, and nothing is saved', async ({ ext }) => {
    const start = await ext.openTab('not-a-job.html');
    const panel = await ext.openPanel(start.tabId);
    const error = panel.page.getByTestId('posting-input-error');
    const tabsBefore = await tabCount(ext);

    await readUrl(panel.page, ext.server.url('not-a-job.html'));
    await expect(error).toHaveAttribute('data-code', 'not_a_job_posting');
    await expect(error).toContainText('not a single job posting');
    await expect.poll(() => tabCount(ext)).toBe(tabsBefore);

    await readUrl(panel.page, 'javascript:alert(1)');
    await expect(error).toHaveAttribute('data-code', 'url_invalid');
    await expect(error).toContainText('https://');

    // Nothing listens there: Chromium shows its own error page, which no extension may read.
    await readUrl(panel.page, 'http://127.0.0.1:9/job.html');
    await expect(error).toHaveAttribute('data-code', 'url_unreachable');
    await expect(error).toContainText('could not be loaded');
    await expect.poll(() => tabCount(ext)).toBe(tabsBefore);

    await expect(panel.postingTitle).toHaveCount(0);
    expect(await allRows(panel.page, 'jobs')).toEqual([]);
  });
});

test('without the site permission the worker opens nothing and answers needs_permission', async ({ ext }) => {
  const start = await ext.openTab('not-a-job.html');
  const panel = await ext.openPanel(start.tabId);
  const tabsBefore = await tabCount(ext);
  const url = ext.server.url('job-posting.html');
  const reply = await panel.page.evaluate(
    ([tag, target]) => chrome.runtime.sendMessage({ tag, type: 'captureUrl', data: { url: target } }),
    [TAG, url] as const,
  );
  expect(reply).toEqual({ ok: false, error: { code: 'needs_permission', detail: new URL(url).origin } });
  expect(await tabCount(ext)).toBe(tabsBefore);
});
