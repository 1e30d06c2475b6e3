import type { Chrome } from './support/chrome';
import { envelopes, MESSAGE_TYPES, PRIVILEGED_MESSAGES } from './support/messages';
import { expect, test } from './fixtures';

declare const chrome: Chrome;

// The OpenRouter key is written by the options page into the extension's own IndexedDB database
// `jobfit-secrets` and read only by the worker. Nothing a content script can reach may contain it.

const KEY = 'sk-or-v1-0123456789abcdeftestkey';
/** Parts that would give the key away even if reformatted or cut. */
const FRAGMENTS = [KEY, '0123456789abcdeftestkey', '0123456789abcdef'];

function expectNoKey(value: unknown, where: string) {
  const text = JSON.stringify(value) ?? '';
  for (const fragment of FRAGMENTS) expect(text, `${where} contains the key`).not.toContain(fragment);
}

/**
 * Everything a content script could try, run in the page's isolated world (or the page itself).
 * Self-contained: it is serialised and injected by `chrome.scripting.executeScript`.
 */
async function probe(messages: { tag: string; type: string; data: unknown }[]) {
  const settle = async (fn: () => Promise<unknown>) => {
    try {
      return { value: await fn() };
    } catch (error) {
      return { denied: String(error) };
    }
  };
  const dumpDatabase = (name: string) =>
    new Promise((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const db = request.result;
        const stores = Array.from(db.objectStoreNames);
        if (stores.length === 0) {
          db.close();
          resolve({ stores });
          return;
        }
        const tx = db.transaction(stores, 'readonly');
        const rows: Record<string, unknown> = {};
        for (const store of stores) {
          const all = tx.objectStore(store).getAll();
          all.onsuccess = () => {
            rows[store] = all.result;
          };
        }
        tx.oncomplete = () => {
          db.close();
          resolve({ stores, rows });
        };
      };
    });
  const api = (globalThis as { chrome?: Chrome }).chrome;
  const databases = await settle(() => indexedDB.databases());
  const names = new Set(['jobfit-secrets', 'jobfit', ...((databases.value as { name?: string }[] | undefined) ?? []).map((d) => d.name ?? '')]);
  const contents: Record<string, unknown> = {};
  for (const name of names) if (name) contents[name] = await settle(() => dumpDatabase(name));
  return {
    hasRuntime: typeof api?.runtime?.sendMessage === 'function',
    local: await settle(async () => api!.storage.local.get(null)),
    session: await settle(async () => api!.storage.session.get(null)),
    sync: await settle(async () => api!.storage.sync.get(null)),
    databases,
    contents,
    localStorage: { ...localStorage },
    cookies: document.cookie,
    replies: await Promise.all(messages.map((m) => settle(async () => api!.runtime.sendMessage(m)))),
  };
}

test('the saved key shows only as a hint and never reaches a content script', async ({ ext }) => {
  const options = await ext.openOptions();
  await expect(options.keyHint).not.toContainText('sk-or-');
  await options.saveKey(KEY);

  await expect(options.keyHint).toContainText('sk-or-…tkey');
  await expect(options.keyInput).toHaveValue('');
  expectNoKey(await options.page.content(), 'the options page DOM');
  await options.page.reload();
  await expect(options.keyHint).toContainText('sk-or-…tkey');
  expectNoKey(await options.page.content(), 'the reloaded options page DOM');

  // Positive control: the key is where it belongs, the extension origin's `jobfit-secrets`.
  const stored = await options.page.evaluate(
    () =>
      new Promise<unknown>((resolve, reject) => {
        const request = indexedDB.open('jobfit-secrets');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const get = request.result.transaction('secrets').objectStore('secrets').get('openrouterKey');
          get.onsuccess = () => resolve((get.result as { value?: string } | undefined)?.value);
        };
      }),
  );
  expect(stored).toBe(KEY);

  // Not in extension storage either (Firefox lets content scripts read storage.local).
  const storage = await ext.evaluateInWorker(async () => ({
    local: await chrome.storage.local.get(null),
    session: await chrome.storage.session.get(null),
    sync: await chrome.storage.sync.get(null),
  }));
  expect(storage.local).toHaveProperty('keyHint', 'sk-or-…tkey');
  expectNoKey(storage, "the extension's storage areas");

  // A job site after the toolbar click: the worker injects the probe like capture.js is injected.
  const tab = await ext.openTab('job-posting.html');
  await ext.clickToolbarButton(tab.page);
  await ext.waitForCapture(tab.tabId);
  const messages = envelopes(MESSAGE_TYPES, tab.tabId);
  const isolated = await ext.executeInTab(tab.tabId, probe, messages, 'ISOLATED');
  if (!isolated.ok) throw new Error(`probe was not injected: ${isolated.error}`);
  const seen = isolated.result;
  expectNoKey(seen, 'what a content script can read');
  expect(seen.hasRuntime).toBe(true);
  // storage.local is restricted to trusted contexts in Chrome; storage.session is by default.
  expect(seen.local).toEqual({ denied: expect.stringMatching(/not allowed|access/i) });
  expect(seen.session).toEqual({ denied: expect.stringMatching(/not allowed|access/i) });
  // The content script sees the page's IndexedDB: no secrets table there, let alone the key.
  expect(seen.contents['jobfit-secrets']).toEqual({ value: { stores: [] } });
  // Every message type was sent well formed; the privileged ones (all, today) are refused, and no
  // reply carried the key (checked above).
  expect(seen.replies).toEqual(
    messages.map((m) =>
      (PRIVILEGED_MESSAGES as string[]).includes(m.type)
        ? { value: { ok: false, error: { code: 'forbidden_sender', detail: m.type } } }
        : expect.anything(),
    ),
  );

  // The page's own scripts have even less: no extension API at all.
  const main = await ext.executeInTab(tab.tabId, probe, messages, 'MAIN');
  if (!main.ok) throw new Error(`probe was not injected: ${main.error}`);
  expectNoKey(main.result, 'what the page can read');
  expect(main.result.hasRuntime).toBe(false);
});
