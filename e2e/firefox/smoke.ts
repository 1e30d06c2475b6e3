/**
 * Firefox smoke test: the built add-on (.output/firefox-mv3) installed as a temporary add-on in Debian's
 * `firefox-esr`, driven by puppeteer-core over WebDriver BiDi (no downloaded browser). It checks that the
 * add-on loads (its background page opens the welcome page on install), that the sidebar page renders,
 * that capture reads a posting served on 127.0.0.1 once the site is allowed, that the saved API key and
 * the profile (moved out of storage.local, as an older version kept it) are unreadable from a content
 * script and from the page, that the optional data collection consent is declared and can be asked for
 * from a click; and that no Jobfit page, nor its background page, logs an error meanwhile.
 *
 * Usage: npm run test:firefox   (after `npm run build:firefox`; `FIREFOX_PATH` overrides the binary)
 * Without firefox-esr it prints one line saying so and exits 0.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Chrome } from '../support/chrome';
import { copyBuild } from '../support/build-copy';
import { KEY, KEY_HINT, keyFragmentIn, probe, readPrivateValue, readStoredKey } from '../support/key-probe';
import { analysis, profile } from '../support/llm-data';
import { createMockOpenRouter, type MockOpenRouter } from '../mock-openrouter';
import { structuredAnswer } from '../mock-openrouter/scenarios';
import { envelopes, MESSAGE_TYPES, PRIVILEGED_MESSAGES } from '../support/messages';
import { FIREFOX_BUILD_DIR, FIREFOX_EXTENSION_DIR, PAGES_DIR } from '../support/paths';
import { startStaticServer, type StaticServer } from '../support/static-server';

declare const browser: Chrome;

const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** A fixed internal UUID (pref `extensions.webextensions.uuids`), so the test knows the moz-extension origin. */
const UUID = '3c1e5d2a-7b4f-4e8a-9c6d-2f0a1b3c4d5e';
const ORIGIN = `moz-extension://${UUID}`;
/** Hang guard for the whole run (a stuck browser must not stall CI); not a performance check. */
const RUN_TIMEOUT_MS = 120_000;

if (!fs.existsSync(FIREFOX_PATH)) {
  console.log(`Firefox smoke test skipped: ${FIREFOX_PATH} not found (install it with: apt-get install -y firefox-esr).`);
  process.exit(0);
}

const manifest = JSON.parse(fs.readFileSync(`${FIREFOX_BUILD_DIR}/manifest.json`, 'utf8')) as {
  browser_specific_settings: { gecko: { id: string; data_collection_permissions?: { required?: string[]; optional?: string[] } } };
  sidebar_action?: { default_panel?: string };
};
const GECKO_ID = manifest.browser_specific_settings.gecko.id;

/**
 * Console errors of web content and uncaught errors of Jobfit's pages and background page, read from
 * Firefox's own output: BiDi does not report the console of moz-extension:// pages. With the pref
 * `devtools.console.stdout.content` Firefox prints `console.error: …` for content (extension pages and
 * the fixture site, which logs nothing), and it always prints `JavaScript error: <url>, line N: …`.
 */
const browserErrors: string[] = [];
let watchingOutput = true;

function watchBrowserOutput(firefox: Browser): void {
  const ours = (line: string) => line.startsWith(`JavaScript error: ${ORIGIN}/`) || line.startsWith('console.error: ');
  for (const stream of [firefox.process()?.stdout, firefox.process()?.stderr]) {
    let rest = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      if (watchingOutput) browserErrors.push(...lines.filter(ours));
    });
  }
}

function withTimeout(page: Page): Page {
  page.setDefaultTimeout(10_000);
  return page;
}

/**
 * The tab showing an extension page. Puppeteer does not follow moz-extension:// navigations over BiDi
 * (its `url()` stays about:blank and `goto` never resolves), so each page is asked where it is.
 */
async function findExtensionPage(firefox: Browser, pathAndQuery: string): Promise<Page> {
  const url = `${ORIGIN}/${pathAndQuery}`;
  let found: Page | undefined;
  await waitFor(url, async () => {
    for (const page of await firefox.pages()) {
      const here = await page.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
      if (here === url) found = page;
    }
    return found !== undefined;
  });
  return withTimeout(found!);
}

/** Opens an extension page in a new tab, from an extension page (a web page may not open it). */
async function openExtensionTab(firefox: Browser, from: Page, pathAndQuery: string): Promise<Page> {
  await from.evaluate(async (url) => void (await browser.tabs.create({ url })), `${ORIGIN}/${pathAndQuery}`);
  return findExtensionPage(firefox, pathAndQuery);
}

/** Moves an extension page to another page of the extension (same origin, so the page may navigate itself). */
async function navigate(page: Page, pathAndQuery: string): Promise<void> {
  const url = `${ORIGIN}/${pathAndQuery}`;
  await page.evaluate((target) => {
    location.href = target;
  }, url);
  await waitFor(`${url} to load`, () => page.evaluate((target) => location.href === target && document.readyState === 'complete', url));
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Puppeteer's locator actions (click, fill) time out in headless Firefox here; waitForSelector + click work. */
async function click(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(selector, { visible: true });
  await page.click(selector);
}

async function text(page: Page, selector: string): Promise<string> {
  const handle = await page.locator(selector).waitHandle();
  return (await handle.evaluate((element) => element.textContent ?? '')).trim();
}

/** The profile's values as typed in Settings; none may be readable by a content script or the page. */
const PROFILE_VALUES = [profile.name, profile.email, profile.phone, profile.location, profile.links];
const profileValuesIn = (value: unknown) => PROFILE_VALUES.filter((v) => (JSON.stringify(value) ?? '').includes(v));

/** What an AI call asks Firefox for (lib/util/data-consent.ts). */
const AI_DATA_COLLECTION = ['websiteContent', 'personallyIdentifyingInfo'];

/** Replaces a form field's text the way a user does: select it all, type over it. */
async function retype(page: Page, selector: string, value: string): Promise<void> {
  await page.waitForSelector(selector, { visible: true });
  await page.$eval(selector, (field) => (field as HTMLInputElement).select());
  await page.type(selector, value);
}

/** Ids of all tabs, as an extension page sees them (no URLs without host access). */
function tabIds(page: Page): Promise<number[]> {
  return page.evaluate(async () => (await browser.tabs.query({})).map((tab) => tab.id!));
}

/** Runs `probe` in the tab through `scripting.executeScript` from an extension page. */
async function probeTab(page: Page, tabId: number, world: 'ISOLATED' | 'MAIN') {
  const messages = envelopes(MESSAGE_TYPES, tabId);
  // Source text, injected as written. tsx (esbuild) wraps named functions in `__name(…)`: define it there.
  const outcome = (await page.evaluate(`(async () => {
    try {
      const [first] = await browser.scripting.executeScript({
        target: { tabId: ${tabId} }, world: ${JSON.stringify(world)}, func: (messages) => {
          const __name = (target) => target;
          return (${probe.toString()})(messages);
        },
        args: [${JSON.stringify(messages)}],
      });
      return first && 'result' in first ? { ok: true, result: first.result } : { ok: false, error: String(first && first.error) };
    } catch (error) {
      return { ok: false, error: String(error) };
    }
  })()`)) as { ok: true; result: Awaited<ReturnType<typeof probe>> } | { ok: false; error: string };
  if (!outcome.ok) throw new Error(`the probe was not injected (${world}): ${outcome.error}`);
  return { seen: outcome.result, messages };
}

let passed = 0;
async function step(name: string, run: () => Promise<void>): Promise<void> {
  await run();
  passed++;
  console.log(`  ✓ ${name}`);
}

async function main(firefox: Browser, server: StaticServer, mock: MockOpenRouter): Promise<void> {
  let panel!: Page;
  let jobTabId!: number;

  await step(`installs ${FIREFOX_BUILD_DIR} as a temporary add-on (${GECKO_ID})`, async () => {
    await copyBuild(FIREFOX_BUILD_DIR, FIREFOX_EXTENSION_DIR, 'npm run build:firefox');
    assert.equal(await firefox.installExtension(FIREFOX_EXTENSION_DIR), GECKO_ID);
  });

  await step('the background page runs: the welcome page opens on install', async () => {
    const welcome = await findExtensionPage(firefox, 'onboarding.html');
    panel = await openExtensionTab(firefox, welcome, 'sidepanel.html');
    await welcome.close();
  });

  await step('the sidebar page renders (sidebar_action → sidepanel.html)', async () => {
    assert.equal(manifest.sidebar_action?.default_panel, 'sidepanel.html');
    // Not bound to a job tab yet: the header and the Job view say there is no job page (locales/en.yml).
    assert.equal(await text(panel, '[data-testid="header-title"]'), 'No job page');
    assert.match(await text(panel, '[data-testid="no-job"]'), /^No job page/);
    for (const route of ['job', 'cv', 'tracker', 'usage', 'settings']) await panel.locator(`[data-testid="nav-${route}"]`).wait();
  });

  await step('without site access, capture says the site must be allowed', async () => {
    const before = new Set(await tabIds(panel));
    const job = await firefox.newPage();
    await job.goto(server.url('job-posting.html'));
    const added = (await tabIds(panel)).filter((id) => !before.has(id));
    assert.equal(added.length, 1, 'one new tab for the posting');
    jobTabId = added[0]!;
    await navigate(panel, `sidepanel.html?tabId=${jobTabId}`);
    await panel.locator(`main[data-bound-tab="${jobTabId}"]`).wait();
    await click(panel, '[data-testid="analyze"]');
    const code = await panel
      .locator('[data-testid="capture-error"] [role="alert"]')
      .map((alert) => alert.getAttribute('data-code'))
      .wait();
    assert.equal(code, 'needs_permission');
  });

  await step('after allowing 127.0.0.1, capture reads the posting into the panel', async () => {
    // The grant a user gives from the panel or about:addons: permissions.request from a click (the pref
    // `extensions.webextOptionalPermissionPrompts: false` accepts the prompt).
    await panel.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'test-allow-site';
      button.textContent = 'Allow 127.0.0.1';
      button.addEventListener('click', () => {
        browser.permissions.request({ origins: ['http://127.0.0.1/*'] }).then(
          (granted) => (button.dataset.granted = String(granted)),
          (error: unknown) => (button.dataset.granted = String(error)),
        );
      });
      document.body.append(button);
    });
    await click(panel, '#test-allow-site');
    assert.equal(await panel.locator('#test-allow-site[data-granted]').map((b) => b.getAttribute('data-granted')).wait(), 'true');

    await click(panel, '[data-testid="analyze"]');
    assert.equal(await text(panel, '[data-testid="posting-title"]'), 'Senior Frontend Engineer');
    const state = await panel.evaluate(async (key) => (await browser.storage.session.get(key))[key] as { status?: string; url?: string } | undefined, `capture:${jobTabId}`);
    assert.equal(state?.status, 'ready');
    assert.match(state.url ?? '', /^http:\/\/127\.0\.0\.1:\d+\/job-posting\.html/);
  });

  await step('the saved key shows only as a hint; it is in the extension’s own IndexedDB only', async () => {
    const options = await openExtensionTab(firefox, panel, 'options.html');
    await options.waitForSelector('[data-testid="key-input"]', { visible: true });
    await options.type('[data-testid="key-input"]', KEY);
    await click(options, '[data-testid="key-save"]');
    await waitFor('the key hint', async () => (await text(options, '[data-testid="key-hint"]')).includes(KEY_HINT));
    assert.equal(await options.$eval('[data-testid="key-input"]', (input) => (input as HTMLInputElement).value), '');
    assert.equal(keyFragmentIn(await options.content()), undefined, 'the settings page DOM contains the key');
    const stored = await options.evaluate(readStoredKey);
    assert.equal(stored, KEY, 'positive control: the key is where it belongs');
    const areas = await options.evaluate(async () => ({
      local: await browser.storage.local.get(null),
      session: await browser.storage.session.get(null),
    }));
    assert.equal(areas.local.keyHint, KEY_HINT);
    assert.equal(keyFragmentIn(areas), undefined, "the extension's storage areas contain the key");
    await options.close();
  });

  await step('a profile an older version kept in storage.local moves to the extension’s own IndexedDB', async () => {
    const legacy = { name: 'Legacy Name', email: 'legacy@example.com', phone: '', location: '', links: [] };
    await panel.evaluate(async (value) => browser.storage.local.set({ profile: value }), legacy);
    const options = await openExtensionTab(firefox, panel, 'options.html');
    await waitFor('the moved profile in the form', () => options.$eval('[data-testid="profile-name"]', (input) => (input as HTMLInputElement).value === 'Legacy Name'));
    assert.deepEqual(await options.evaluate(readPrivateValue, 'profile'), legacy);
    assert.equal((await options.evaluate(async () => browser.storage.local.get('profile'))).profile, undefined);
    await options.close();
  });

  await step('the profile saved in Settings is in the extension’s IndexedDB, not in storage.local', async () => {
    const options = await openExtensionTab(firefox, panel, 'options.html');
    for (const [field, value] of Object.entries(profile)) await retype(options, `[data-testid="profile-${field}"]`, value);
    await click(options, '[data-testid="profile-save"]');
    await waitFor('the saved profile', async () => ((await options.evaluate(readPrivateValue, 'profile')) as { email?: string } | undefined)?.email === profile.email);
    const stored = (await options.evaluate(readPrivateValue, 'profile')) as Record<string, unknown>;
    assert.deepEqual(stored, { ...profile, links: [profile.links] }, 'positive control: the profile is where it belongs');
    const areas = await options.evaluate(async () => ({ local: await browser.storage.local.get(null), session: await browser.storage.session.get(null) }));
    assert.deepEqual(profileValuesIn(areas), [], "profile values in the extension's storage areas");
    await options.close();
  });

  await step('a content script and the page cannot read the key', async () => {
    const { seen, messages } = await probeTab(panel, jobTabId, 'ISOLATED');
    assert.equal(keyFragmentIn(seen), undefined, 'what a content script can read contains the key');
    assert.equal(seen.hasRuntime, true);
    // Firefox lets content scripts read storage.local (Chrome can hide it): only the hint is there.
    assert.equal((seen.local as { value?: { keyHint?: string } }).value?.keyHint, KEY_HINT);
    // The content script sees the page's IndexedDB: no secrets or private database there.
    assert.deepEqual(seen.contents['jobfit-secrets'], { value: { stores: [] } });
    assert.deepEqual(seen.contents['jobfit-private'], { value: { stores: [] } });
    // Nor the profile: not in storage.local, nowhere else a content script reaches.
    assert.equal((seen.local as { value?: Record<string, unknown> }).value?.profile, undefined);
    assert.deepEqual(profileValuesIn(seen), [], 'profile values a content script can read');
    // Every privileged message, well formed, is refused by the sender check.
    messages.forEach((message, index) => {
      if (!(PRIVILEGED_MESSAGES as string[]).includes(message.type)) return;
      assert.deepEqual(seen.replies[index], { value: { ok: false, error: { code: 'forbidden_sender', detail: message.type } } }, message.type);
    });
    const page = await probeTab(panel, jobTabId, 'MAIN');
    assert.equal(keyFragmentIn(page.seen), undefined, 'what the page can read contains the key');
    assert.deepEqual(profileValuesIn(page.seen), [], 'profile values the page can read');
    assert.equal(page.seen.hasRuntime, false);
  });

  await step('AI calls need Firefox’s data collection consent: declared optional, refused outside a user action', async () => {
    assert.deepEqual(manifest.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'], optional: AI_DATA_COLLECTION });
    const wanted = { data_collection: AI_DATA_COLLECTION };
    assert.equal(await panel.evaluate(async (p) => browser.permissions.contains(p as never), wanted), false, 'not granted at install');
    // Outside a user action Firefox refuses to ask: the reason the dialog's Send asks first thing.
    const outside = await panel.evaluate(async (p) => browser.permissions.request(p as never).then(String, (error: unknown) => `error: ${String(error)}`), wanted);
    assert.match(outside, /^error: .*user input/i);
  });

  await step('the consent dialog’s Send asks Firefox for it (prompt accepted by the pref), then the analysis runs', async () => {
    const options = await openExtensionTab(firefox, panel, 'options.html');
    await retype(options, '[data-testid="endpoint-input"]', mock.baseURL);
    await click(options, '[data-testid="endpoint-save"]');
    const endpointSaved = () => options.evaluate(async () => ((await browser.storage.local.get('endpoint')).endpoint as { baseUrl?: string } | undefined)?.baseUrl);
    await waitFor('the endpoint saved', async () => (await endpointSaved()) === mock.baseURL);
    await options.close();
    // The model list loads when the page opens, from the endpoint then saved.
    const settings = await openExtensionTab(firefox, panel, 'options.html');
    await settings.waitForSelector('[data-testid="model-analysis"] option[value="openai/gpt-4o-mini"]');
    await settings.select('[data-testid="model-analysis"]', 'openai/gpt-4o-mini');
    await waitFor('the model saved', () => settings.evaluate(async () => ((await browser.storage.local.get('models')).models as { analysis?: string } | undefined)?.analysis === 'openai/gpt-4o-mini'));
    await settings.close();

    mock.enqueue(structuredAnswer(analysis('Senior Frontend Engineer')));
    // The button's own click: scrolled into view by the driver, it can sit under the panel's sticky header,
    // where a click at its coordinates lands on the header. Starting needs no user gesture (the consent
    // dialog's Send below, which asks Firefox, is clicked at its coordinates).
    const start = await panel.waitForSelector('[data-testid="ai-analysis"] [data-testid="ai-start"]:not([disabled])', { visible: true });
    await start!.evaluate((button) => (button as HTMLButtonElement).click());
    await panel.waitForSelector('[data-testid="consent-dialog"] [data-testid="consent-data-collection"]', { visible: true });
    const chatsBefore = mock.requests().filter((r) => r.method === 'POST').length;
    assert.equal(chatsBefore, 0, 'nothing sent before Send');
    await click(panel, '[data-testid="consent-send"]');
    assert.equal(await text(panel, '[data-testid="ai-analysis"] [data-testid="ai-role"]'), 'Senior Frontend Engineer');
    assert.equal(await panel.evaluate(async (p) => browser.permissions.contains(p as never), { data_collection: AI_DATA_COLLECTION }), true);
    assert.equal(mock.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/chat/completions')).length, 1);
  });

  watchingOutput = false;
  assert.deepEqual(browserErrors, [], 'errors in Jobfit pages or its background page');
}

const started = Date.now();
console.log(`Firefox smoke test (${FIREFOX_PATH}, puppeteer-core over WebDriver BiDi)`);
const server = await startStaticServer(PAGES_DIR);
// The model endpoint of the AI step, accepting the key the test saves.
const mock = await createMockOpenRouter({ port: 0, keys: [{ key: KEY }] });
const firefox = await puppeteer.launch({
  browser: 'firefox',
  executablePath: FIREFOX_PATH,
  headless: true,
  extraPrefsFirefox: {
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
    'extensions.webextOptionalPermissionPrompts': false,
    'devtools.console.stdout.content': true,
  },
});
watchBrowserOutput(firefox);
const guard = setTimeout(() => {
  console.error(`Firefox smoke test: no result after ${RUN_TIMEOUT_MS / 1000} s, stopping.`);
  firefox.process()?.kill('SIGKILL');
  process.exit(1);
}, RUN_TIMEOUT_MS);
let failed = false;
try {
  console.log(`  ${await firefox.version()}`);
  await main(firefox, server, mock);
} catch (error) {
  failed = true;
  console.error(`  ✗ after ${passed} passed step(s):`, error);
} finally {
  clearTimeout(guard);
  await firefox.close().catch(() => firefox.process()?.kill('SIGKILL'));
  await server.close();
  await mock.close();
}
console.log(`Firefox smoke test ${failed ? 'FAILED' : `passed (${passed} steps)`} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
process.exit(failed ? 1 : 0);
