import { expect, test } from './fixtures';

// The side panel UI, opened as a tab pinned with `?tabId=N` (the real side panel is covered in
// toolbar-action.spec.ts). Grants come from a real toolbar click (CDP Extensions.triggerAction).

test('without a grant, Analyze says how to give one instead of leaving the panel blank', async ({ ext }) => {
  const job = await ext.openTab('job-posting.html');
  const panel = await ext.openPanel(job.tabId);

  await expect(panel.noJob).toBeVisible();
  await expect(panel.headerTitle).toHaveText('No job page');

  await panel.analyze();

  // A click inside the panel is no gesture on the page: the worker is refused and the panel explains why.
  await expect(panel.alert).toHaveAttribute('data-code', 'needs_permission');
  await expect(panel.alert).toContainText('Click the Jobfit button in the toolbar');
  await expect(panel.analyzeButton).toBeEnabled();
  expect((await ext.capture(job.tabId))?.error?.code).toBe('needs_permission');
  expect((await ext.canScript(job.tabId)).ok).toBe(false);
});

test('after the toolbar click the panel shows the JSON-LD posting, live', async ({ ext }) => {
  const job = await ext.openTab('job-posting.html');
  const panel = await ext.openPanel(job.tabId);
  await expect(panel.noJob).toBeVisible();

  await ext.clickToolbarButton(job.page);

  // The open panel updates from storage.session without a reload.
  await expect(panel.postingTitle).toHaveText('Senior Frontend Engineer'); // JSON-LD, not the page's h1
  await expect(panel.postingMeta).toHaveText('Acme Robotics · Lisbon, PT');
  await expect(panel.postingCard).toContainText("from the page's job data");
  await expect(panel.headerTitle).toHaveText('Senior Frontend Engineer');
  await expect(panel.alert).toHaveCount(0);
});

test('a posting without JSON-LD falls back to the page heading', async ({ ext }) => {
  const job = await ext.openTab('job-heading.html');
  await ext.clickToolbarButton(job.page);
  await ext.waitForCapture(job.tabId);

  const panel = await ext.openPanel(job.tabId);
  await expect(panel.postingTitle).toHaveText('Data Analyst, Logistics');
  await expect(panel.postingMeta).toContainText('Northwind Traders');
  await expect(panel.postingCard).toContainText('from the page text');
});

test('the capture survives a worker restart and Analyze works with the new worker', async ({ ext }) => {
  const job = await ext.openTab('job-posting.html');
  await ext.clickToolbarButton(job.page);
  const first = await ext.waitForCapture(job.tabId);
  expect(first.status).toBe('ready');
  const panel = await ext.openPanel(job.tabId);
  await expect(panel.postingTitle).toHaveText('Senior Frontend Engineer');

  await ext.evaluateInWorker(() => {
    (globalThis as { e2eMarker?: string }).e2eMarker = 'first worker';
  }, undefined);
  await ext.stopServiceWorker();

  // State lives in storage.session, which the panel reads itself: no worker needed to show it.
  await panel.page.reload();
  await expect(panel.postingTitle).toHaveText('Senior Frontend Engineer');
  await expect(panel.postingMeta).toHaveText('Acme Robotics · Lisbon, PT');

  // The posting changes on the page; Analyze wakes a fresh worker, which captures it again with the
  // activeTab grant the browser still holds for the tab.
  await job.page.evaluate(() => {
    const script = document.querySelector('script[type="application/ld+json"]')!;
    script.textContent = script.textContent!.replace('"Senior Frontend Engineer"', '"Staff Frontend Engineer"');
  });
  await panel.analyze();
  await expect(panel.postingTitle).toHaveText('Staff Frontend Engineer');
  await expect(panel.headerTitle).toHaveText('Staff Frontend Engineer');

  const marker = await ext.evaluateInWorker(() => (globalThis as { e2eMarker?: string }).e2eMarker ?? 'fresh worker', undefined);
  expect(marker).toBe('fresh worker');
  const second = await ext.capture(job.tabId);
  expect(second?.updatedAt).toBeGreaterThan(first.updatedAt);
});

test('the grant ends when the tab leaves the site: Analyze then offers to allow a site', async ({ ext, server }) => {
  const job = await ext.openTab('job-posting.html');
  await ext.clickToolbarButton(job.page);
  await ext.waitForCapture(job.tabId);
  const panel = await ext.openPanel(job.tabId);
  await expect(panel.postingTitle).toHaveText('Senior Frontend Engineer');

  // Chrome keeps activeTab across same-origin navigations and drops it on another origin.
  await job.page.goto(server.url('job-heading.html'));
  expect((await ext.canScript(job.tabId)).ok).toBe(true);
  await job.page.goto(server.url('job-heading.html').replace('127.0.0.1', 'localhost'));
  expect((await ext.canScript(job.tabId)).ok).toBe(false);

  await panel.analyze();
  await expect(panel.alert).toHaveAttribute('data-code', 'needs_permission');
  // The panel offers the optional host permission instead of a dead end.
  await expect(panel.page.getByRole('button', { name: /^Allow Jobfit on / })).toBeVisible();
});
