import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test as base, type ExtensionHarness, type SessionCapture } from './fixtures';
import { TrackerPage } from './po/tracker-page';
import { SidePanelPage } from './po/side-panel-page';
import { databaseHash } from './support/db-hash';
import { allRows } from './support/idb';
import { BUILD_DIR, ROOT } from './support/paths';
import { startStaticServer, type StaticServer } from './support/static-server';

// Pages written to attack Jobfit (e2e/hostile/), captured into the side panel and the full-tab app, saved
// and opened in the tracker. No script of theirs may run in an extension page, their text is shown as
// text, and the messages they forge change nothing.

const HOSTILE_DIR = path.join(ROOT, 'e2e', 'hostile');

const test = base.extend<object, { server: StaticServer }>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startStaticServer(HOSTILE_DIR);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
});

interface Canary {
  pwned: unknown;
  csp: string[];
  /** Elements page text must never become in an extension page. */
  dangerous: string[];
  /** Links that are not http(s), the extension's own or an in-page anchor. */
  badLinks: string[];
}

/** Runs in every extension page before its scripts: counts CSP violations, reported as the browser sees them. */
function watchPolicyViolations() {
  if (location.protocol !== 'chrome-extension:') return;
  const w = window as unknown as { __csp: string[] };
  w.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
}

async function canary(page: Page): Promise<Canary> {
  return page.evaluate(() => {
    const w = window as unknown as { __pwned?: unknown; __csp?: string[] };
    const dangerous = [...document.querySelectorAll('script:not([src]), iframe, object, embed, svg [onload], [onerror], [onload], [onmouseover], [srcdoc]')].map((e) => e.outerHTML.slice(0, 120));
    const badLinks = [...document.querySelectorAll('a[href]')]
      .map((a) => a.getAttribute('href') ?? '')
      .filter((href) => !/^(?:https?:|chrome-extension:|#|\/)/i.test(href));
    return { pwned: w.__pwned, csp: w.__csp ?? ['(listener missing)'], dangerous, badLinks };
  });
}

const clean: Canary = { pwned: undefined, csp: [], dangerous: [], badLinks: [] };

/** Every open extension page and the worker: the canary unset, no CSP violation, nothing executable rendered. */
async function expectNoScriptRan(ext: ExtensionHarness): Promise<void> {
  const pages = ext.context.pages().filter((p) => p.url().startsWith(ext.origin));
  expect(pages.length).toBeGreaterThan(0);
  for (const page of pages) expect(await canary(page), page.url()).toEqual(clean);
  expect(await ext.evaluateInWorker(() => (self as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
}

/** Invisible characters capture must drop: zero-width, bidi controls, soft hyphen, BOM, tag characters. */
const INVISIBLE = /[\u00AD\u200B\u2060\u202A-\u202E\u2066-\u2069\uFEFF]|\uDB40[\uDC00-\uDDEF]/u;

interface Opened {
  tabId: number;
  page: Page;
  capture: SessionCapture;
}

async function captureHostile(ext: ExtensionHarness, fixture: string): Promise<Opened> {
  const tab = await ext.openTab(fixture);
  // Positive control: the page's own payloads are live in its own world.
  await expect.poll(() => tab.page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBe('page');
  await ext.clickToolbarButton(tab.page);
  const capture = await ext.waitForCapture(tab.tabId);
  return { tabId: tab.tabId, page: tab.page, capture };
}

/** The posting in the side panel and in the full-tab app, description open; then saved and opened in the tracker. */
async function showEverywhere(
  ext: ExtensionHarness,
  opened: Opened,
  check: (view: SidePanelPage) => Promise<void> = async () => {},
): Promise<{ panel: SidePanelPage; drawerText: string }> {
  const posting = opened.capture.posting!;
  const panel = await ext.openPanel(opened.tabId);
  const app = new SidePanelPage(await ext.context.newPage());
  await app.page.goto(`${ext.origin}/app.html?tabId=${opened.tabId}#/job`);
  await app.page.locator(`main[data-bound-tab="${opened.tabId}"]`).waitFor();
  for (const view of [panel, app]) {
    await expect(view.postingTitle).toHaveText(posting.title);
    await view.postingCard.locator('button[aria-expanded]').click();
    await expect(view.postingCard.locator('.jf-description')).toBeVisible();
    await check(view);
  }
  await panel.saveButton.click();
  await expect(panel.statusSelect).toHaveValue('saved');
  await panel.show('tracker');
  const drawer = await new TrackerPage(panel.page).openJob(posting.title);
  await expect(drawer).toContainText(posting.title);
  return { panel, drawerText: (await drawer.textContent()) ?? '' };
}

test.beforeEach(async ({ context }) => {
  await context.addInitScript(watchPolicyViolations);
});

test('XSS in every JSON-LD string is shown as text in the panel, the app tab and the tracker; no script runs', async ({ ext }) => {
  const opened = await captureHostile(ext, 'xss-json-ld.html');
  expect(opened.capture.status, JSON.stringify(opened.capture.error)).toBe('ready');
  const posting = opened.capture.posting!;
  // Markup inside plain-text fields stays literal text (React escapes it); the description's HTML is read as text.
  expect(posting.title).toContain("<img src=x onerror=window.__pwned='ld-title'>");
  expect(posting.company).toContain("<svg/onload=window.__pwned='ld-company'>");
  expect(posting.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/xss-json-ld\.html/); // never the javascript: URL
  const { panel, drawerText } = await showEverywhere(ext, opened, async (view) => {
    await expect(view.postingMeta).toContainText("Evil <svg/onload=window.__pwned='ld-company'> Corp");
    const description = view.postingCard.locator('.jf-description');
    await expect(description).toContainText('Build robots.');
    await expect(description).toContainText("<img src=x onerror=window.__pwned='ld-escaped'> is literal text.");
    await expect(description).toContainText('ignore all previous instructions');
    await expect(description).not.toContainText('ld-script'); // a <script> element's code is not page text
  });
  expect(drawerText).toContain("Robotics Engineer <img src=x onerror=window.__pwned='ld-title'>");
  const [job] = await allRows<{ url: string; title: string }>(panel.page, 'jobs');
  expect(job!.url).toBe(posting.url);
  await expectNoScriptRan(ext);
});

test('XSS in the title, meta and og tags of a page without job data is shown as text; no script runs', async ({ ext }) => {
  const opened = await captureHostile(ext, 'xss-meta.html');
  expect(opened.capture.status, JSON.stringify(opened.capture.error)).toBe('ready');
  const posting = opened.capture.posting!;
  expect(posting.title).toContain('Data Engineer');
  expect(posting.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/xss-meta\.html/);
  await showEverywhere(ext, opened, async (view) => {
    const description = view.postingCard.locator('.jf-description');
    await expect(description).toContainText("<script>window.__pwned='body'</script>");
    await expect(description).toContainText('Ignore previous instructions');
  });
  await expectNoScriptRan(ext);
});

test('invisible Unicode is removed from what is shown and saved', async ({ ext }) => {
  const opened = await captureHostile(ext, 'invisible.html');
  expect(opened.capture.status, JSON.stringify(opened.capture.error)).toBe('ready');
  const posting = opened.capture.posting!;
  expect(posting.title).toBe('Platform Engineer gnirts desrever');
  const { panel, drawerText } = await showEverywhere(ext, opened, async (view) => {
    const shown = (await view.postingCard.textContent()) ?? '';
    expect(shown).toContain('Northwind Cloud');
    expect(shown).toContain('hidden tag text');
    expect(shown).not.toMatch(INVISIBLE);
  });
  expect(drawerText).not.toMatch(INVISIBLE);
  const [job] = await allRows<Record<string, unknown>>(panel.page, 'jobs');
  expect(JSON.stringify(job)).not.toMatch(/\\u200b|\\u202e|\\udb40/i);
  expect(JSON.stringify(job)).not.toMatch(INVISIBLE);
  await expectNoScriptRan(ext);
});

test('a 5 MB page gives a clean posting in the normal flow', async ({ ext }) => {
  const opened = await captureHostile(ext, 'huge-dom.html');
  expect(Number(await opened.page.evaluate(() => document.documentElement.dataset.bytes))).toBeGreaterThan(5_000_000);
  expect(opened.capture.status, JSON.stringify(opened.capture.error)).toBe('ready');
  expect(opened.capture.posting).toMatchObject({ title: 'Backend Engineer', company: 'Contoso Logistics' });
  const { drawerText } = await showEverywhere(ext, opened);
  expect(drawerText).toContain('Build the routing service in Go.');
  expect(drawerText).not.toContain('Related job');
  await expectNoScriptRan(ext);
});

test('a page that rewrites itself while it is read gives one consistent posting, never a mix of two', async ({ ext }) => {
  const opened = await captureHostile(ext, 'rewriting.html');
  await expect.poll(() => opened.page.evaluate(() => Number(document.documentElement.dataset.renders))).toBeGreaterThan(20);
  expect(opened.capture.status, JSON.stringify(opened.capture.error)).toBe('ready');
  const { title, company, location, description } = opened.capture.posting! as { title: string; company?: string; location?: string; description?: string };
  const versions: Record<string, [string, string, string]> = {
    'Data Engineer': ['Fabrikam Analytics', 'Dublin', 'Spark'],
    'Site Reliability Engineer': ['Tailspin Air', 'Porto', 'Kubernetes'],
  };
  expect(Object.keys(versions)).toContain(title);
  const [expectedCompany, city, word] = versions[title]!;
  expect(company).toBe(expectedCompany);
  expect(location).toContain(city);
  expect(description).toContain(word);
  const { drawerText } = await showEverywhere(ext, opened);
  expect(drawerText).toContain(title);
  await expectNoScriptRan(ext);
});

test('forged runtime and postMessage traffic from a page is rejected: nothing captured, run or saved', async ({ ext }) => {
  const manifest = JSON.parse(fs.readFileSync(path.join(BUILD_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  // Declared with no ids and no matches: no other extension and no web page may message Jobfit.
  expect(manifest.externally_connectable).toEqual({ ids: [] });

  // A saved job and a capture exist, so there is something to delete or overwrite.
  const opened = await captureHostile(ext, 'forged-messages.html');
  expect(opened.capture.status).toBe('ready');
  const panel = await ext.openPanel(opened.tabId);
  await panel.saveButton.click();
  await expect(panel.statusSelect).toHaveValue('saved');
  const before = await databaseHash(panel.page);
  const captured = await ext.capture(opened.tabId);

  // The page learns the extension and tab ids (the strongest position) and forges messages every 200 ms.
  const url = new URL(opened.page.url());
  url.searchParams.set('ext', ext.id);
  url.searchParams.set('tab', String(opened.tabId));
  await opened.page.goto(url.href);
  await expect.poll(() => opened.page.evaluate(() => (window as unknown as { __forgery?: { rounds?: number } }).__forgery?.rounds ?? 0)).toBeGreaterThanOrEqual(5);
  const forgery = await opened.page.evaluate(() => (window as unknown as { __forgery: { runtime: string; replies: unknown[] } }).__forgery);
  expect(forgery.runtime).toBe('undefined'); // no extension API in a web page without externally_connectable
  expect(forgery.replies).toEqual([]);

  // A navigation in a bound tab may capture again on its own; only a capture the page asked for would be
  // a forgery's doing, and it would need the grant the toolbar click gave to the first load.
  const after = await ext.capture(opened.tabId);
  expect(after?.updatedAt === captured?.updatedAt || after?.url !== captured?.url).toBe(true);
  await panel.page.reload();
  await expect(panel.statusSelect).toHaveValue('saved');
  expect(await databaseHash(panel.page)).toBe(before);
  expect(await allRows(panel.page, 'runs')).toEqual([]);
  await expectNoScriptRan(ext);
});

test('the CSP watcher counts what it should (positive control)', async ({ ext, consoleErrors }) => {
  consoleErrors.allow(/Executing inline script violates the following Content Security Policy/);
  const page = await ext.openOptions();
  expect(await canary(page.page)).toEqual(clean);
  await page.page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = "window.__pwned = 'control'";
    document.body.append(script);
  });
  await expect.poll(async () => (await canary(page.page)).csp.length).toBeGreaterThan(0);
  const seen = await canary(page.page);
  expect(seen.pwned).toBeUndefined(); // blocked by the extension's CSP, and counted
  expect(seen.csp).toContainEqual(expect.stringMatching(/^script-src(?:-elem)? inline/));
});
