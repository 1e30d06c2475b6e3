import type { Chrome } from './support/chrome';
import { KEY, KEY_HINT, keyFragmentIn, probe, readStoredKey } from './support/key-probe';
import { envelopes, MESSAGE_TYPES, PRIVILEGED_MESSAGES } from './support/messages';
import { expect, test } from './fixtures';

declare const chrome: Chrome;

// The OpenRouter key is written by the options page into the extension's own IndexedDB database
// `jobfit-secrets` and read only by the worker. Nothing a content script can reach may contain it.

function expectNoKey(value: unknown, where: string) {
  expect(keyFragmentIn(value), `${where} contains the key`).toBeUndefined();
}

test('the saved key shows only as a hint and never reaches a content script', async ({ ext }) => {
  const options = await ext.openOptions();
  await expect(options.keyHint).not.toContainText('sk-or-');
  await options.saveKey(KEY);

  await expect(options.keyHint).toContainText(KEY_HINT);
  await expect(options.keyInput).toHaveValue('');
  expectNoKey(await options.page.content(), 'the options page DOM');
  await options.page.reload();
  await expect(options.keyHint).toContainText(KEY_HINT);
  expectNoKey(await options.page.content(), 'the reloaded options page DOM');

  // Positive control: the key is where it belongs, the extension origin's `jobfit-secrets`.
  const stored = await options.page.evaluate(readStoredKey);
  expect(stored).toBe(KEY);

  // Not in extension storage either (Firefox lets content scripts read storage.local).
  const storage = await ext.evaluateInWorker(async () => ({
    local: await chrome.storage.local.get(null),
    session: await chrome.storage.session.get(null),
    sync: await chrome.storage.sync.get(null),
  }));
  expect(storage.local).toHaveProperty('keyHint', KEY_HINT);
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
