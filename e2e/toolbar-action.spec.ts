import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page, type Target, type WebWorker } from 'puppeteer-core';
import type { SessionCapture } from './fixtures';
import { expect, test } from './fixtures';
import type { Chrome } from './support/chrome';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './support/chromium';
import { EXTENSION_DIR } from './support/paths';

declare const chrome: Chrome;

// The real user path, driven by Puppeteer (Playwright cannot see the real side panel): a job page,
// a click on Jobfit's toolbar button, and the side panel reading that page.

interface Session {
  browser: Browser;
  extensionId: string;
  worker: WebWorker;
  errors: string[];
}

async function launch(userDataDir: string): Promise<Session> {
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true, // the new headless mode
    pipe: true, // needed to load the extension and to click its button through CDP
    enableExtensions: [EXTENSION_DIR],
    userDataDir,
    args: CHROMIUM_FLAGS,
  });
  // Loading is asynchronous: the worker's target appears first, then the extension is listed.
  const workerTarget = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
  const extensionId = new URL(workerTarget.url()).host;
  const origin = `chrome-extension://${extensionId}`;
  await expect.poll(async () => (await browser.extensions()).get(extensionId)?.path).toBe(EXTENSION_DIR);
  const errors: string[] = [];
  // Watch every page from its creation (its URL is not known yet then); keep only Jobfit's own pages.
  const watch = (page: Page) => {
    const ours = () => page.url().startsWith(origin);
    page.on('console', (m) => m.type() === 'error' && ours() && errors.push(`${page.url()}: ${m.text()}`));
    page.on('pageerror', (e) => ours() && errors.push(`${page.url()}: uncaught ${String(e)}`));
  };
  // The side panel's target starts as type "other" and becomes a page: look at both events.
  const watched = new WeakSet<Target>();
  const onTarget = (target: Target) => {
    if (target.type() !== 'page' || watched.has(target)) return;
    watched.add(target);
    void target.asPage().then(watch);
  };
  browser.on('targetcreated', onTarget);
  browser.on('targetchanged', onTarget);
  const worker = (await workerTarget.worker())!;
  // The target can be attached before the extension APIs are bound to the worker's global.
  await expect.poll(() => worker.evaluate(() => typeof chrome === 'object' && typeof chrome.tabs?.query === 'function')).toBe(true);
  worker.on('console', (m) => m.type() === 'error' && errors.push(`worker: ${m.text()}`));
  // The install opens the welcome page in a tab of its own; close it so the tests count only their tabs.
  const welcome = await browser.waitForTarget((t) => t.url() === `${origin}/onboarding.html` && t.type() === 'page', { timeout: 10_000 });
  await (await welcome.asPage())!.close();
  return { browser, extensionId, worker, errors };
}

async function openTab(session: Session, url: string): Promise<{ page: Page; tabId: number }> {
  const ids = () => session.worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id!));
  const before = new Set(await ids());
  const page = await session.browser.newPage();
  await page.goto(url);
  const added = (await ids()).filter((id) => !before.has(id));
  expect(added).toHaveLength(1);
  return { page, tabId: added[0]! };
}

function canScript(worker: WebWorker, tabId: number) {
  return worker.evaluate(async (tabId) => {
    try {
      const [first] = await chrome.scripting.executeScript({ target: { tabId }, func: () => document.title });
      return { ok: true, title: first?.result };
    } catch (error) {
      return { ok: false, error: String(error) };
    }
  }, tabId);
}

function hostAccess(worker: WebWorker, origin: string) {
  return worker.evaluate(
    async (origin) => ({
      anyLocalhost: await chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }),
      thisOrigin: await chrome.permissions.contains({ origins: [`${origin}/*`] }),
      granted: (await chrome.permissions.getAll()).origins,
    }),
    origin,
  );
}

async function panelShowing(session: Session, title: string): Promise<Page> {
  const url = `chrome-extension://${session.extensionId}/sidepanel.html`;
  const target = await session.browser.waitForTarget((t) => t.url() === url && t.type() === 'page', { timeout: 10_000 });
  const panel = (await target.asPage())!;
  await panel.waitForFunction(
    (title) => document.querySelector('[data-testid=header-title]')?.textContent === title,
    { timeout: 10_000 },
    title,
  );
  return panel;
}

let userDataDir: string;
let session: Session | undefined;

test.beforeEach(() => {
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobfit-puppeteer-'));
});

test.afterEach(async () => {
  await session?.browser.close();
  session = undefined;
  fs.rmSync(userDataDir, { recursive: true, force: true });
});

test('clicking the toolbar button opens the side panel on the job and grants only that tab', async ({ server }) => {
  session = await launch(userDataDir);
  const { worker } = session;
  const job = await openTab(session, server.url('job-posting.html'));

  // Before the click: no access to the page at all.
  const refused = await canScript(worker, job.tabId);
  expect(refused.ok).toBe(false);
  expect(refused.error).toMatch(/Cannot access contents of the page/);

  const extension = (await session.browser.extensions()).get(session.extensionId)!;
  await job.page.triggerExtensionAction(extension);

  // The real side panel opened and shows the posting captured from this tab.
  const panel = await panelShowing(session, 'Senior Frontend Engineer');
  expect(await panel.$eval('[data-testid=posting-title]', (e) => e.textContent)).toBe('Senior Frontend Engineer');
  expect(await panel.$eval('[data-testid=posting-meta]', (e) => e.textContent)).toBe('Acme Robotics · Lisbon, PT');
  expect(await panel.$eval('main', (e) => e.getAttribute('data-bound-tab'))).toBe(String(job.tabId));

  // The worker bound the panel to the tab's window and recorded the capture in storage.session.
  const state = await worker.evaluate(async (tabId) => {
    const tab = await chrome.tabs.get(tabId);
    const all = await chrome.storage.session.get(null);
    return { binding: all[`binding:${tab.windowId}`] as { tabId: number }, capture: all[`capture:${tabId}`] as SessionCapture };
  }, job.tabId);
  expect(state.binding.tabId).toBe(job.tabId);
  expect(state.capture).toMatchObject({ status: 'ready', tabId: job.tabId, posting: { title: 'Senior Frontend Engineer', source: 'json-ld' } });

  // After the click: activeTab lets the worker script this tab, with no host permission granted.
  expect(await canScript(worker, job.tabId)).toEqual({ ok: true, title: 'Senior Frontend Engineer (m/f/d) – Acme Robotics Careers' });
  expect(await hostAccess(worker, server.origin)).toEqual({ anyLocalhost: false, thisOrigin: false, granted: ['https://openrouter.ai/*'] });

  // A tab nobody clicked on stays out of reach.
  const other = await openTab(session, server.url('job-heading.html'));
  expect((await canScript(worker, other.tabId)).ok).toBe(false);

  expect(session.errors).toEqual([]);
});

test('clicking the button on another tab moves the panel to that tab', async ({ server }) => {
  session = await launch(userDataDir);
  const { worker } = session;
  const extension = (await session.browser.extensions()).get(session.extensionId)!;

  const first = await openTab(session, server.url('job-posting.html'));
  await first.page.triggerExtensionAction(extension);
  await panelShowing(session, 'Senior Frontend Engineer');

  const second = await openTab(session, server.url('job-heading.html'));
  await second.page.bringToFront();
  await second.page.triggerExtensionAction(extension);
  await panelShowing(session, 'Data Analyst, Logistics');

  const binding = await worker.evaluate(async (tabId) => {
    const tab = await chrome.tabs.get(tabId);
    return (await chrome.storage.session.get(`binding:${tab.windowId}`))[`binding:${tab.windowId}`] as { tabId: number };
  }, second.tabId);
  expect(binding.tabId).toBe(second.tabId);
  // Each click granted its own tab.
  expect((await canScript(worker, first.tabId)).ok).toBe(true);
  expect((await canScript(worker, second.tabId)).ok).toBe(true);
  expect(session.errors).toEqual([]);
});
