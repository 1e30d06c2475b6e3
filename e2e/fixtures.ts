import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, chromium, expect, type BrowserContext, type CDPSession, type Page, type Worker } from '@playwright/test';
import { OptionsPage } from './po/options-page';
import { SidePanelPage } from './po/side-panel-page';
import type { Chrome } from './support/chrome';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, extensionFlags } from './support/chromium';
import { EXTENSION_DIR, PAGES_DIR } from './support/paths';
import { startStaticServer, type StaticServer } from './support/static-server';

declare const chrome: Chrome;

/** A function Playwright serialises into the worker, or an expression as source text. */
type WorkerFunction<A, R> = string | ((arg: A) => R | Promise<R>);

/** What the worker keeps per tab in `storage.session` (`capture:<tabId>`); see lib/capture/state.ts. */
export interface SessionCapture {
  status: 'capturing' | 'ready' | 'error';
  tabId: number;
  url?: string;
  posting?: { title: string; company?: string; location?: string; source: string; url: string };
  error?: { code: string; detail?: string };
  updatedAt: number;
}

export type ScriptOutcome<T> = { ok: true; result: T } | { ok: false; error: string };

export interface JobTab {
  page: Page;
  tabId: number;
  url: string;
}

/** Collects console errors and uncaught exceptions of Jobfit's own pages and worker (not of the fixture sites). */
export class ConsoleErrors {
  readonly messages: string[] = [];
  private allowed: RegExp[] = [];

  constructor(context: BrowserContext, extensionOrigin: string) {
    context.on('console', (message) => {
      if (message.type() !== 'error') return;
      const source = message.location().url || message.page()?.url() || message.worker()?.url() || '';
      if (source.startsWith(extensionOrigin)) this.messages.push(`${source}: ${message.text()}`);
    });
    context.on('weberror', (error) => {
      const source = error.page()?.url() ?? '';
      if (source.startsWith(extensionOrigin)) this.messages.push(`${source}: uncaught ${error.error().message}`);
    });
  }

  /** Marks an error the test provokes on purpose. */
  allow(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  unexpected(): string[] {
    return this.messages.filter((m) => !this.allowed.some((p) => p.test(m)));
  }
}

/** The unpacked folder each launched context loaded the extension from. */
const extensionDirs = new WeakMap<BrowserContext, string>();

/** Drives the loaded extension: its worker, its pages, the toolbar button, tabs on the fixture server. */
export class ExtensionHarness {
  readonly origin: string;
  private browserSession: CDPSession | undefined;

  constructor(
    readonly context: BrowserContext,
    readonly id: string,
    readonly server: StaticServer,
  ) {
    this.origin = `chrome-extension://${id}`;
  }

  /** Whether the install opened the welcome page (closed by the fixture so tests start from a clean tab list). */
  welcomePageOpened = false;

  /** The install opens onboarding.html in a tab of its own: wait for it and close it. */
  async closeWelcomePage(): Promise<void> {
    const isWelcome = (p: Page) => p.url() === `${this.origin}/onboarding.html`;
    let welcome: Page | undefined;
    await expect.poll(() => (welcome = this.context.pages().find(isWelcome)) !== undefined, { timeout: 10_000 }).toBe(true);
    this.welcomePageOpened = true;
    await welcome!.close();
  }

  /** The extension's service worker. Do not call while it is stopped: wake it with a message first. */
  async worker(): Promise<Worker> {
    const running = this.context.serviceWorkers().find((w) => w.url().startsWith(this.origin));
    return running ?? (await this.context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(this.origin) }));
  }

  async evaluateInWorker<R, A = undefined>(fn: WorkerFunction<A, R>, arg?: A): Promise<R> {
    const worker = await this.worker();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('worker did not answer in 10 s (stopped and not woken?)')), 10_000);
    });
    try {
      const evaluation = worker.evaluate(fn as Parameters<Worker['evaluate']>[0], arg) as Promise<R>;
      return await Promise.race([evaluation, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Everything in `storage.session`, as the worker sees it. */
  session(): Promise<Record<string, unknown>> {
    return this.evaluateInWorker(() => chrome.storage.session.get(null), undefined);
  }

  async capture(tabId: number): Promise<SessionCapture | undefined> {
    return (await this.session())[`capture:${tabId}`] as SessionCapture | undefined;
  }

  /** Waits until the worker has recorded a finished capture (ready or error) for the tab. */
  async waitForCapture(tabId: number, after = 0): Promise<SessionCapture> {
    let found: SessionCapture | undefined;
    await expect
      .poll(async () => {
        found = await this.capture(tabId);
        return found && found.status !== 'capturing' && found.updatedAt > after ? found.status : 'pending';
      })
      .not.toBe('pending');
    return found!;
  }

  /**
   * Opens a fixture page in a new tab and finds its tab id. Without a grant the worker cannot read
   * tab URLs, so the id is the one tab that was not there before.
   */
  async openTab(fixture: string): Promise<JobTab> {
    const tabIds = () => this.evaluateInWorker(async () => (await chrome.tabs.query({})).map((t) => t.id!), undefined);
    const before = new Set(await tabIds());
    const page = await this.context.newPage();
    const url = this.server.url(fixture);
    await page.goto(url);
    let tabId: number | undefined;
    await expect
      .poll(async () => {
        const added = (await tabIds()).filter((id) => !before.has(id));
        tabId = added.length === 1 ? added[0] : undefined;
        return tabId;
      })
      .toBeDefined();
    return { page, tabId: tabId!, url };
  }

  private async cdp(): Promise<CDPSession> {
    const browser = this.context.browser();
    if (!browser) throw new Error('no browser behind the persistent context');
    this.browserSession ??= await browser.newBrowserCDPSession();
    return this.browserSession;
  }

  /**
   * Clicks Jobfit's toolbar button on a tab: CDP `Extensions.triggerAction` with the tab target. It fires
   * `action.onClicked` as a user gesture, so the side panel opens and `activeTab` is granted.
   */
  async clickToolbarButton(page: Page): Promise<void> {
    await page.bringToFront();
    const cdp = await this.cdp();
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tabs = targetInfos.filter((t) => t.type === 'tab' && t.url === page.url());
    if (tabs.length !== 1) throw new Error(`expected one tab target at ${page.url()}, found ${tabs.length}`);
    await cdp.send('Extensions.triggerAction' as never, { id: this.id, targetId: tabs[0]!.targetId } as never);
  }

  /**
   * Injects a function into a tab from the worker (the content-script isolated world by default) and
   * returns its result, or the browser's refusal. The function must be self-contained.
   */
  executeInTab<A, R>(tabId: number, func: (arg: A) => R | Promise<R>, arg: A, world: 'ISOLATED' | 'MAIN' = 'ISOLATED'): Promise<ScriptOutcome<Awaited<R>>> {
    // Sent as source text: Playwright passes no functions into the worker and its CSP forbids `new Function`.
    const injection = `{ target: { tabId: ${JSON.stringify(tabId)} }, world: ${JSON.stringify(world)}, func: ${func.toString()}, args: [${JSON.stringify(arg ?? null)}] }`;
    return this.evaluateInWorker<ScriptOutcome<Awaited<R>>, undefined>(`(async () => {
      try {
        const [first] = await chrome.scripting.executeScript(${injection});
        return { ok: true, result: first ? first.result : undefined };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    })()`);
  }

  /** Whether the worker may run a script in the tab right now (activeTab grant or host permission). */
  async canScript(tabId: number): Promise<ScriptOutcome<string>> {
    return this.executeInTab(tabId, () => document.title, undefined);
  }

  async openPanel(tabId: number, page?: Page): Promise<SidePanelPage> {
    return new SidePanelPage(page ?? (await this.context.newPage())).open(this.id, tabId);
  }

  async openOptions(page?: Page): Promise<OptionsPage> {
    return new OptionsPage(page ?? (await this.context.newPage())).open(this.id);
  }

  /**
   * Reloads the extension from its folder, as an update does (CDP `Extensions.loadUnpacked` of the same
   * path keeps the id): the worker and the extension's pages go, old content scripts keep running with a
   * dead runtime, and the new worker starts with the next event. (`chrome.runtime.reload()` leaves an
   * unpacked extension loaded by flags unloaded here.)
   */
  async reloadExtension(): Promise<void> {
    const dir = extensionDirs.get(this.context);
    if (!dir) throw new Error('no extension folder recorded for this context');
    const worker = await this.worker();
    const gone = new Promise<void>((resolve) => worker.once('close', () => resolve()));
    const started = this.context.waitForEvent('serviceworker', { predicate: (w) => w !== worker && w.url().startsWith(this.origin) });
    const { id } = (await (await this.cdp()).send('Extensions.loadUnpacked' as never, { path: dir } as never)) as { id: string };
    if (id !== this.id) throw new Error(`reloaded as ${id}, expected ${this.id}`);
    await gone;
    await started; // onInstalled (update) starts the new worker
    await expect.poll(() => this.evaluateInWorker(() => typeof chrome === 'object' && chrome.action.onClicked.hasListeners())).toBe(true);
  }

  /**
   * Stops the service worker the way Chrome does when it is idle (CDP `ServiceWorker.stopAllWorkers`)
   * and waits until it is down. The next event (a message, a click) starts a fresh one.
   */
  async stopServiceWorker(): Promise<void> {
    const page = this.context.pages()[0] ?? (await this.context.newPage());
    const cdp = await this.context.newCDPSession(page);
    try {
      let stopRequested = false;
      const stopped = new Promise<void>((resolve) => {
        cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
          const ours = versions.filter((v) => v.scriptURL.startsWith(this.origin));
          if (stopRequested && ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) resolve();
        });
      });
      await cdp.send('ServiceWorker.enable');
      stopRequested = true;
      await cdp.send('ServiceWorker.stopAllWorkers');
      await Promise.race([
        stopped,
        new Promise((_, reject) => setTimeout(() => reject(new Error('service worker did not stop in 10 s')), 10_000)),
      ]);
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  }
}

interface TestFixtures {
  /** The browser's UI language (`--lang`, needs Debian's chromium-l10n); `test.use({ uiLanguage: 'es' })`. */
  uiLanguage: string | undefined;
  /**
   * Sites the extension already holds host permission for, as after the user said Allow:
   * `test.use({ grantedHosts: ['http://127.0.0.1/*'] })`. The browser's own permission prompt cannot be
   * answered by automation; with the grant in place `permissions.request` resolves at once, as it does for
   * a user who allowed the site before.
   */
  grantedHosts: string[];
  extensionId: string;
  consoleErrors: ConsoleErrors;
  ext: ExtensionHarness;
}

interface WorkerFixtures {
  server: StaticServer;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  uiLanguage: [undefined, { option: true }],
  grantedHosts: [[], { option: true }],

  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startStaticServer(PAGES_DIR);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  // A fresh profile per test: storage, IndexedDB, grants and the worker start clean.
  context: async ({ uiLanguage, grantedHosts }, use) => {
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobfit-profile-'));
    const extensionDir = grantedHosts.length > 0 ? extensionWithHosts(grantedHosts) : EXTENSION_DIR;
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: false, // the new headless mode is asked for below; Playwright's own headless shell has no extensions
      ignoreDefaultArgs: ['--disable-extensions'],
      args: ['--headless=new', ...CHROMIUM_FLAGS, ...extensionFlags(extensionDir), ...(uiLanguage ? [`--lang=${uiLanguage}`] : [])],
      ...(uiLanguage ? { env: { ...process.env, LANGUAGE: uiLanguage }, locale: uiLanguage } : {}),
    });
    extensionDirs.set(context, extensionDir);
    await use(context);
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  },

  extensionId: async ({ context }, use) => {
    const worker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://') }));
    await use(new URL(worker.url()).host);
  },

  consoleErrors: async ({ context, extensionId }, use) => {
    const errors = new ConsoleErrors(context, `chrome-extension://${extensionId}`);
    await use(errors);
    expect(errors.unexpected(), 'console errors in Jobfit pages or worker').toEqual([]);
  },

  ext: async ({ context, extensionId, server, consoleErrors }, use) => {
    void consoleErrors; // requested so every test that drives the extension also checks its console
    const harness = new ExtensionHarness(context, extensionId, server);
    // The worker's target can be attached before the extension APIs are bound to its global.
    await expect
      .poll(() => harness.evaluateInWorker(() => typeof chrome === 'object' && typeof chrome.tabs?.query === 'function'))
      .toBe(true);
    await harness.closeWelcomePage();
    await use(harness);
  },
});

/**
 * A copy of the tested build whose manifest also lists these hosts in `host_permissions`, which an
 * unpacked extension holds from its install on. Everything else is the same build, byte for byte.
 */
function extensionWithHosts(hosts: string[]): string {
  const dir = `${EXTENSION_DIR}-hosts-${hosts.join(',').replace(/[^a-z0-9]+/gi, '_')}`;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...hosts];
  fs.writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

export { expect };
