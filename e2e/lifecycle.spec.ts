import type { CDPSession, Page } from '@playwright/test';
import { createMockOpenRouter, type MockOpenRouter } from './mock-openrouter';
import { structuredAnswer } from './mock-openrouter/scenarios';
import { expect, test, type ExtensionHarness } from './fixtures';
import { SidePanelPage } from './po/side-panel-page';
import type { Chrome } from './support/chrome';
import { startGate } from './support/gate-server';
import { allRows, holdStore } from './support/idb';
import { analysis } from './support/llm-data';
import { capturedPanel, chatRequests, setUpLlm } from './support/llm-setup';

declare const chrome: Chrome;

// The MV3 worker's lifetime in the built extension: Chrome may stop it at any moment (during a capture,
// before a call, mid-stream, in the middle of a database write), the extension may be reloaded while a
// page still runs its old content script, and two windows may run analyses at once. Every time: nothing
// saved is lost, nothing is written twice, and the panel says what happened and what to do next.
// Timing comes from events (the mock's hangs, a page held on a request, a held database store), not sleeps.

let mock: MockOpenRouter;

test.beforeAll(async () => {
  mock = await createMockOpenRouter({ port: 0 });
});
test.afterAll(async () => {
  await mock.close();
});
test.beforeEach(() => mock.reset());

interface StoredRun {
  id: string;
  status: string;
  partialText: string;
  resumedFrom?: string;
  generationId?: string;
  cached?: boolean;
}
interface StoredUsage {
  id: string;
  runId: string;
  status: string;
  cached: number;
  cost: number;
  reconciled?: boolean;
}

const chats = () => chatRequests(mock);
const isChat = (r: { method: string; path: string }) => r.method === 'POST' && r.path.endsWith('/chat/completions');
const runsIn = (page: Page) => allRows<StoredRun>(page, 'runs');
const usageIn = (page: Page) => allRows<StoredUsage>(page, 'llmUsage');

/** Settings made, consent given once ("don't ask again"), a posting captured and its panel open. */
async function readyPanel(ext: ExtensionHarness, fixture = 'job-posting.html') {
  const settings = await setUpLlm(ext, mock);
  await settings.evaluate(() => chrome.storage.local.set({ llmConsent: true }));
  const panel = await capturedPanel(ext, fixture);
  return { settings, panel, card: panel.page.getByTestId('ai-analysis') };
}

/** Every usage row belongs to a different run: no call was logged twice. */
function expectOneUsagePerRun(usage: StoredUsage[]): void {
  const runIds = usage.map((u) => u.runId);
  expect(new Set(runIds).size, `usage rows per run: ${runIds.join(', ')}`).toBe(runIds.length);
}

/** A stream that sends its first piece ("alpha …") and then waits until the client goes away. */
const hangingStream = () => structuredAnswer(analysis('alpha beta gamma delta'), { hang: 'afterFirstChunk' });

/** Holds the page's main thread on a synchronous request, so no capture script can run in it until released. */
async function blockPage(page: Page): Promise<{ release(): Promise<void> }> {
  const gate = await startGate();
  const blocked = page.evaluate((url) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', url, false);
    xhr.send();
    return xhr.responseText;
  }, gate.url);
  await gate.arrived;
  return {
    async release() {
      gate.open();
      expect(await blocked).toBe('open');
      await gate.close();
    },
  };
}

test('worker stopped while it reads a page: the panel says so instead of spinning, and Try again reads it', async ({ ext }) => {
  const job = await ext.openTab('job-posting.html');
  const pageErrors: string[] = [];
  job.page.on('pageerror', (e) => pageErrors.push(e.message));
  await job.page.bringToFront();
  const interrupted = (panel: SidePanelPage) =>
    Promise.all([
      expect(panel.alert).toHaveAttribute('data-code', 'capture_failed'),
      expect(panel.alert).toContainText('stopped Jobfit while it was reading this page'),
      expect(panel.page.getByTestId('capturing')).toHaveCount(0),
      expect(panel.analyzeButton).toHaveText('Try again'),
    ]);

  // From the toolbar, with no panel open yet.
  let hold = await blockPage(job.page);
  await ext.clickToolbarButton(job.page);
  await expect.poll(async () => (await ext.capture(job.tabId))?.status).toBe('capturing');
  await ext.stopServiceWorker();
  await hold.release();
  const panel = await ext.openPanel(job.tabId);
  await interrupted(panel);
  await panel.analyzeButton.click();
  await expect(panel.postingTitle).toHaveText('Senior Frontend Engineer');
  await expect(panel.alert).toHaveCount(0);

  // From the panel's own button, while the panel waits for the answer.
  hold = await blockPage(job.page);
  const before = (await ext.capture(job.tabId))!.updatedAt;
  await panel.analyzeButton.click();
  await expect(panel.page.getByTestId('capturing')).toBeVisible();
  await expect.poll(async () => ((c) => c?.status === 'capturing' && c.updatedAt > before)(await ext.capture(job.tabId))).toBe(true);
  await ext.stopServiceWorker();
  await hold.release();
  await interrupted(panel);
  await panel.analyzeButton.click();
  await expect(panel.postingTitle).toHaveText('Senior Frontend Engineer');

  await panel.saveButton.click();
  await expect(panel.statusSelect).toHaveValue('saved');
  expect(await allRows(panel.page, 'jobs')).toHaveLength(1);
  expect(pageErrors).toEqual([]);
});

test('worker stopped while it starts a run (its row not yet written): the panel asks again with the same request id, one run', async ({ ext }) => {
  const { settings, panel, card } = await readyPanel(ext);
  mock.enqueue(structuredAnswer(analysis('Started once')));
  // The worker's first write of the run waits on the held store; the browser stops it there.
  const release = await holdStore(settings, 'runs');
  await card.getByTestId('ai-start').click();
  await expect(card.getByTestId('ai-start')).toBeDisabled();
  await ext.stopServiceWorker();
  await release();

  await expect(card.getByTestId('ai-role')).toHaveText('Started once');
  await expect(card.getByTestId('ai-error')).toHaveCount(0);
  expect(chats()).toHaveLength(1);
  const runs = await runsIn(panel.page);
  expect(runs.map((r) => r.status)).toEqual(['done']);
  expect((await usageIn(panel.page)).map((u) => u.runId)).toEqual([runs[0]!.id]);
});

test('worker stopped before the call and again while the request waits: one interrupted run, Resume finishes it, nothing twice', async ({ ext }) => {
  await setUpLlm(ext, mock);
  const panel = await capturedPanel(ext);
  const card = panel.page.getByTestId('ai-analysis');
  await card.getByTestId('ai-start').click();
  await expect(panel.page.getByTestId('consent-dialog')).toBeVisible();
  // The worker that prepared the consent preview is gone when the user presses Send.
  await ext.stopServiceWorker();
  mock.enqueue(structuredAnswer(analysis('never answered'), { hang: 'beforeHeaders' }), structuredAnswer(analysis('Resumed: complete')));
  await panel.page.getByTestId('consent-send').click();
  await mock.waitForRequest(isChat, 10_000);
  await expect(card.getByTestId('ai-cancel')).toBeVisible();
  // The request is out, no answer yet: the browser stops the worker.
  await ext.stopServiceWorker();

  await expect(card.getByTestId('ai-run-error')).toHaveAttribute('data-code', 'run_interrupted', { timeout: 20_000 });
  await expect.poll(() => chats()[0]?.clientAborted).toBe(true);
  await card.getByTestId('ai-resume').click();
  await expect(card.getByTestId('ai-role')).toHaveText('Resumed: complete');

  expect(chats()).toHaveLength(2);
  const runs = await runsIn(panel.page);
  expect(runs.map((r) => r.status).sort()).toEqual(['done', 'interrupted']);
  const first = runs.find((r) => r.status === 'interrupted')!;
  const resumed = runs.find((r) => r.status === 'done')!;
  expect(resumed.resumedFrom).toBe(first.id);
  // The unanswered request cost nothing and logged nothing; the resumed one is logged once.
  expect((await usageIn(panel.page)).map((u) => [u.runId, u.status])).toEqual([[resumed.id, 'ok']]);
});

test('worker stopped mid-stream: the partial text is kept, its cost is reconciled once, Resume completes as a new request', async ({ ext }) => {
  const { panel, card } = await readyPanel(ext);
  mock.enqueue(hangingStream(), structuredAnswer(analysis('Resumed: complete')));
  await card.getByTestId('ai-start').click();
  await expect(card.getByTestId('run-text')).toContainText('alpha');
  await expect.poll(async () => (await runsIn(panel.page))[0]?.partialText ?? '').toContain('alpha');
  await expect.poll(async () => (await runsIn(panel.page))[0]?.generationId).toBeTruthy();
  await ext.stopServiceWorker();

  await expect(card.getByTestId('ai-run-error')).toHaveAttribute('data-code', 'run_interrupted', { timeout: 20_000 });
  await expect(card.getByTestId('run-text')).toContainText('alpha');
  await expect(card.getByTestId('ai-resume')).toBeVisible();
  const [first] = await runsIn(panel.page);
  // The new worker asks /generation what the cut stream cost, once.
  await expect.poll(async () => (await usageIn(panel.page)).filter((u) => u.runId === first!.id).length).toBe(1);
  await card.getByTestId('ai-resume').click();
  await expect(card.getByTestId('ai-role')).toHaveText('Resumed: complete');

  expect(chats()).toHaveLength(2);
  expect(chats()[0]!.clientAborted).toBe(true);
  const runs = await runsIn(panel.page);
  expect(runs).toHaveLength(2);
  expect(runs.find((r) => r.id === first!.id)).toMatchObject({ status: 'interrupted', partialText: expect.stringContaining('alpha') });
  const usage = await usageIn(panel.page);
  expectOneUsagePerRun(usage);
  expect(usage).toHaveLength(2);
  expect(usage.find((u) => u.runId === first!.id)).toMatchObject({ status: 'error', reconciled: true });
});

test('worker stopped while it writes the finished run: the paid answer is not lost and Resume does not pay for it again', async ({ ext }) => {
  const { settings, panel, card } = await readyPanel(ext);
  mock.enqueue(structuredAnswer(analysis('Written once'), { chunkDelayMs: 30 }));
  await card.getByTestId('ai-start').click();
  await mock.waitForRequest(isChat, 10_000);
  // Hold the runs store from another extension page: the worker's next write to it waits there.
  const release = await holdStore(settings, 'runs');
  await expect.poll(() => chats()[0]?.endedAt).toBeTruthy();
  // The answer arrived, was logged and cached; the worker now waits to write the run as done.
  await expect.poll(async () => (await usageIn(settings)).map((u) => u.status)).toEqual(['ok']);
  await expect.poll(async () => (await allRows(settings, 'llmCache')).length).toBe(1);
  await ext.stopServiceWorker();
  await release();

  await expect(card.getByTestId('ai-run-error')).toHaveAttribute('data-code', 'run_interrupted', { timeout: 20_000 });
  expect((await runsIn(panel.page)).map((r) => r.status)).toEqual(['interrupted']);
  await card.getByTestId('ai-resume').click();
  await expect(card.getByTestId('ai-role')).toHaveText('Written once');

  // One paid request in all: Resume used the answer the stopped worker had already received.
  expect(chats()).toHaveLength(1);
  const runs = await runsIn(panel.page);
  expect(runs.map((r) => r.status).sort()).toEqual(['done', 'interrupted']);
  const usage = await usageIn(panel.page);
  expectOneUsagePerRun(usage);
  expect(usage.map((u) => [u.status, u.cached]).sort()).toEqual([
    ['ok', 0],
    ['ok', 1],
  ]);
});

/** The content-script worlds of an extension in a page, by CDP execution context. */
async function extensionWorlds(page: Page, origin: string): Promise<{ cdp: CDPSession; ids: () => number[] }> {
  const cdp = await page.context().newCDPSession(page);
  const ids = new Set<number>();
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.origin === origin) ids.add(context.id);
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => ids.delete(executionContextId));
  await cdp.send('Runtime.enable');
  return { cdp, ids: () => [...ids] };
}

test('reloading the extension mid-stream: the old content script is invalidated and quiet, the page is untouched, the run is offered again', async ({ ext }) => {
  const settings = await setUpLlm(ext, mock);
  await settings.evaluate(() => chrome.storage.local.set({ llmConsent: true }));
  const job = await ext.openTab('job-posting.html');
  const pageErrors: string[] = [];
  job.page.on('pageerror', (e) => pageErrors.push(e.message));
  // The fixture server has no favicon: that 404 is the browser's, not ours.
  job.page.on('console', (m) => m.type() === 'error' && !m.location().url.endsWith('/favicon.ico') && pageErrors.push(`${m.location().url}: ${m.text()}`));
  const pageBefore = await job.page.evaluate(() => document.documentElement.outerHTML);
  await ext.clickToolbarButton(job.page);
  await ext.waitForCapture(job.tabId);
  const panel = await ext.openPanel(job.tabId);
  const worlds = await extensionWorlds(job.page, ext.origin);
  expect(worlds.ids().length).toBeGreaterThan(0); // the capture script's world

  mock.enqueue(hangingStream(), structuredAnswer(analysis('After the reload')));
  const card = panel.page.getByTestId('ai-analysis');
  await card.getByTestId('ai-start').click();
  await expect(card.getByTestId('run-text')).toContainText('alpha');
  await expect.poll(async () => (await runsIn(panel.page))[0]?.partialText ?? '').toContain('alpha');

  // Reload (as an update does): the old worker goes, the extension's pages close, and the new worker
  // starts with the next event.
  const panelClosed = panel.page.waitForEvent('close');
  await ext.reloadExtension();
  await panelClosed;
  await expect.poll(() => chats()[0]?.clientAborted).toBe(true);

  // The old script's world is still in the page, with a dead runtime: no id (what WXT's ctx.isInvalid
  // reads), and any call fails.
  const old = worlds.ids();
  expect(old.length).toBeGreaterThan(0);
  for (const contextId of old) {
    const { result } = await worlds.cdp.send('Runtime.evaluate', {
      contextId,
      returnByValue: true,
      expression: `(() => { const id = globalThis.chrome?.runtime?.id; try { chrome.runtime.sendMessage({}); return [id, 'sent']; } catch (e) { return [id, String(e && e.message)]; } })()`,
    });
    expect(result.value[0] ?? undefined).toBeUndefined();
    expect(result.value[1]).toMatch(/Extension context invalidated|Cannot read properties of undefined/);
  }
  await worlds.cdp.detach();

  // The new extension reads the page again; the old script stays quiet and the page shows nothing of ours.
  await ext.clickToolbarButton(job.page);
  await ext.waitForCapture(job.tabId);
  const reopened = await ext.openPanel(job.tabId);
  const again = reopened.page.getByTestId('ai-analysis');
  await expect(again.getByTestId('ai-run-error')).toHaveAttribute('data-code', 'run_interrupted', { timeout: 20_000 });
  await expect(again.getByTestId('run-text')).toContainText('alpha');
  await again.getByTestId('ai-resume').click();
  await expect(again.getByTestId('ai-role')).toHaveText('After the reload');

  expect(await job.page.evaluate(() => document.documentElement.outerHTML)).toBe(pageBefore);
  expect(pageErrors).toEqual([]);
  const runs = await runsIn(reopened.page);
  expect(runs.map((r) => r.status).sort()).toEqual(['done', 'interrupted']);
  expectOneUsagePerRun(await usageIn(reopened.page));
  expect(chats()).toHaveLength(2);
});

test('two windows analyse two jobs at once: each panel shows its own answer, each run logged once', async ({ ext, context }) => {
  const settings = await setUpLlm(ext, mock);
  await settings.evaluate(() => chrome.storage.local.set({ llmConsent: true }));
  const first = await capturedPanel(ext, 'job-posting.html');
  const other = await ext.openTab('match-posting.html');
  await ext.clickToolbarButton(other.page);
  await ext.waitForCapture(other.tabId);
  // The second panel in a window of its own.
  const [page] = await Promise.all([
    context.waitForEvent('page', { predicate: (p) => p.url().includes('sidepanel.html') }),
    ext.evaluateInWorker((url) => chrome.windows.create({ url }).then(() => undefined), SidePanelPage.url(ext.id, other.tabId)),
  ]);
  const second = new SidePanelPage(page);
  await page.locator(`main[data-bound-tab="${other.tabId}"]`).waitFor();

  const words = (prefix: string) => Array.from({ length: 12 }, (_, i) => `${prefix}${i}`).join(' ');
  mock.enqueue(
    structuredAnswer(analysis(words('acme')), { match: { matchUserText: 'Acme Robotics' }, chunkDelayMs: 100 }),
    structuredAnswer(analysis(words('initech')), { match: { matchUserText: 'Initech' }, chunkDelayMs: 60 }),
  );
  const cardA = first.page.getByTestId('ai-analysis');
  const cardB = second.page.getByTestId('ai-analysis');
  await cardA.getByTestId('ai-start').click();
  await expect(cardA.getByTestId('run-text')).toContainText('acme0');
  await cardB.getByTestId('ai-start').click();
  await expect(cardB.getByTestId('run-text')).toContainText('initech0');

  await expect(cardA.getByTestId('ai-role')).toHaveText(words('acme'));
  await expect(cardB.getByTestId('ai-role')).toHaveText(words('initech'));

  const [a, b] = chats();
  expect(chats()).toHaveLength(2);
  expect(b!.startedAt).toBeLessThan(a!.endedAt!); // they really overlapped
  const runs = await runsIn(first.page);
  expect(runs.map((r) => r.status)).toEqual(['done', 'done']);
  const usage = await usageIn(first.page);
  expectOneUsagePerRun(usage);
  expect(usage.map((u) => u.runId).sort()).toEqual(runs.map((r) => r.id).sort());
});
