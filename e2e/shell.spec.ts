import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { SHELL_ROUTES, SidePanelPage } from './po/side-panel-page';
import { accessibilityProblems } from './support/axe';
import { ROOT } from './support/paths';
import { putRows } from './support/idb';

// The app shell: the same app in the side panel (as a pinned tab at panel width) and in a full tab.

const SCREENSHOTS = path.join(ROOT, 'e2e', 'screenshots');
const PANEL = { width: 400, height: 860 };
const WIDE = { width: 1280, height: 860 };

test('the views switch by tab, by keyboard and by the hash, and a reload keeps the view', async ({ ext }) => {
  const job = await ext.openTab('job-posting.html');
  const panel = await ext.openPanel(job.tabId);
  await expect(panel.view('job')).toBeVisible();

  // Job is already shown: visit the others, then come back to it.
  for (const route of [...SHELL_ROUTES.slice(1), 'job'] as const) {
    const view = await panel.show(route);
    await expect(view).toBeVisible();
    await expect(panel.nav(route)).toHaveAttribute('aria-selected', 'true');
    expect(new URL(panel.page.url()).hash).toBe(`#/${route}`);
  }
  await panel.show('settings');
  await panel.page.reload();
  await expect(panel.view('settings')).toBeVisible();
  await expect(panel.page.getByTestId('key-section')).toBeVisible();

  // Keyboard only: arrows move between views, Home goes back to Job, Tab reaches its action, Enter runs it.
  await panel.nav('settings').focus();
  await panel.page.keyboard.press('Home');
  await expect(panel.view('job')).toBeVisible();
  await panel.page.keyboard.press('ArrowRight');
  await expect(panel.view('cv')).toBeVisible();
  await expect(panel.nav('cv')).toBeFocused();
  await panel.page.keyboard.press('ArrowLeft');
  await expect(panel.view('job')).toBeVisible();
  for (let i = 0; i < 10 && !(await panel.analyzeButton.evaluate((el) => el === document.activeElement)); i++) {
    await panel.page.keyboard.press('Tab');
  }
  await expect(panel.analyzeButton).toBeFocused();
  await panel.page.keyboard.press('Enter');
  await expect(panel.alert).toHaveAttribute('data-code', 'needs_permission');
});

test('"Open in a tab" opens the same view in the full-tab app, still bound to the job tab', async ({ ext, context }) => {
  const job = await ext.openTab('job-posting.html');
  await ext.clickToolbarButton(job.page);
  await ext.waitForCapture(job.tabId);
  const panel = await ext.openPanel(job.tabId);
  await panel.show('usage');
  const opened = context.waitForEvent('page');
  await panel.page.getByTestId('open-in-tab').click();
  const tab = await opened;
  await tab.waitForLoadState();
  expect(tab.url()).toBe(`${ext.origin}/app.html?tabId=${job.tabId}#/usage`);
  const app = new SidePanelPage(tab);
  await expect(app.view('usage')).toBeVisible();
  await expect(tab.locator('.jf-shell')).toHaveAttribute('data-frame', 'tab');
  await expect(tab.getByTestId('open-in-tab')).toHaveCount(0);
  await app.show('job');
  await expect(app.postingTitle).toHaveText('Senior Frontend Engineer');
});

test('the install opens the welcome page: what Jobfit does, the steps, privacy and the export warning', async ({ ext, context }) => {
  expect(ext.welcomePageOpened).toBe(true);
  const page = await context.newPage();
  await page.goto(`${ext.origin}/onboarding.html`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Jobfit');
  await expect(page.getByTestId('onboarding-privacy')).toContainText('export it before uninstalling');
  await expect(page.getByTestId('onboarding-cv')).toHaveAttribute('href', `${ext.origin}/app.html#/cv`);
  await page.getByTestId('onboarding-cv').click();
  await expect(new SidePanelPage(page).view('cv')).toBeVisible();
  expect(await accessibilityProblems(page)).toEqual([]);
});

test('every view passes axe (no serious or critical findings) at panel width and in the full tab', async ({ ext, context }) => {
  const job = await ext.openTab('job-posting.html');
  await ext.clickToolbarButton(job.page);
  await ext.waitForCapture(job.tabId);
  for (const [frame, size] of [['sidepanel', PANEL], ['app', WIDE]] as const) {
    const page = await context.newPage();
    await page.setViewportSize(size);
    await page.goto(`${ext.origin}/${frame}.html?tabId=${job.tabId}`);
    const shell = new SidePanelPage(page);
    for (const route of SHELL_ROUTES) {
      await shell.show(route);
      await page.waitForLoadState('networkidle');
      expect(await accessibilityProblems(page), `${frame} #/${route}`).toEqual([]);
    }
    await page.close();
  }
  const options = await ext.openOptions();
  expect(await accessibilityProblems(options.page), 'options page').toEqual([]);
});

test('screenshots of every view, light and dark, panel width and full tab', async ({ ext, context }) => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const job = await ext.openTab('job-posting.html');
  await ext.clickToolbarButton(job.page);
  await ext.waitForCapture(job.tabId);
  for (const [frame, size] of [['panel', PANEL], ['tab', WIDE]] as const) {
    const page = await context.newPage();
    await page.setViewportSize(size);
    await page.goto(`${ext.origin}/${frame === 'panel' ? 'sidepanel' : 'app'}.html?tabId=${job.tabId}`);
    const shell = new SidePanelPage(page);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const route of SHELL_ROUTES) {
        await shell.show(route);
        await page.waitForLoadState('networkidle');
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        const file = path.join(SCREENSHOTS, `${frame}-${route}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect(fs.statSync(file).size).toBeGreaterThan(2000);
      }
      // Dark really is dark: the page background follows the system.
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r = 0, g = 0, b = 0] = (bg.match(/\d+/g) ?? []).map(Number);
      expect((r + g + b) / 3, `${scheme} background ${bg}`)[scheme === 'dark' ? 'toBeLessThan' : 'toBeGreaterThan'](128);
    }
    await page.close();
  }
});

test('the Usage view lists each call and the totals per day and model; Clear history asks, then empties it', async ({ ext, context }) => {
  const page = await context.newPage();
  await page.goto(`${ext.origin}/sidepanel.html#/usage`);
  const shell = new SidePanelPage(page);
  await expect(page.getByTestId('usage-empty')).toBeVisible();
  // Rows as the worker's usage log writes them (lib/db/repos/llm-usage.ts), put straight into IndexedDB.
  const at = Date.now();
  await putRows(page, 'llmUsage', [
    { id: 'u1', feature: 'analysis', model: 'openai/gpt-4o-mini', promptTokens: 1200, completionTokens: 300, cost: 0.0021, latencyMs: 2100, cached: 0, status: 'ok', at },
    { id: 'u2', feature: 'analysis', model: 'openai/gpt-4o-mini', promptTokens: 0, completionTokens: 0, cost: 0, latencyMs: 12, cached: 1, status: 'ok', at: at + 1 },
    { id: 'u3', feature: 'tailoring', model: 'anthropic/claude-3.5-haiku', promptTokens: 2000, completionTokens: 900, cost: 0.0415, latencyMs: 6400, cached: 0, status: 'error', at: at + 2 },
  ]);
  // Written behind Dexie's back, so its live query cannot know: reload.
  await page.reload();
  await expect(page.getByTestId('usage-row')).toHaveCount(3);
  const totals = page.getByTestId('usage-totals');
  await expect(totals).toContainText('$0.04'); // 0.0021 + 0.0415
  await expect(totals).toContainText('openai/gpt-4o-mini');
  await expect(totals).toContainText('1 from cache');
  await expect(page.getByTestId('usage-calls')).toContainText('Tailored CV');
  await expect(page.getByTestId('usage-calls')).toContainText('Failed');
  await page.getByTestId('usage-clear').click();
  await expect(page.getByTestId('usage-row')).toHaveCount(3); // asked first, nothing gone yet
  await page.getByTestId('usage-clear-yes').click();
  await expect(page.getByTestId('usage-empty')).toBeVisible();
  await expect(page.getByTestId('toast')).toContainText('Usage history cleared.');
  await expect(shell.nav('usage')).toHaveAttribute('aria-selected', 'true');
});

test('offline, the panel says what still works instead of failing', async ({ ext, context }) => {
  const job = await ext.openTab('job-posting.html');
  const panel = await ext.openPanel(job.tabId);
  await expect(panel.page.getByTestId('offline')).toHaveCount(0);
  await context.setOffline(true);
  await expect(panel.page.getByTestId('offline')).toContainText('You are offline');
  await context.setOffline(false);
  await expect(panel.page.getByTestId('offline')).toHaveCount(0);
});
