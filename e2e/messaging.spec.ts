import type { Page } from '@playwright/test';
import type { Chrome } from './support/chrome';
import { envelopes, MESSAGE_TYPES, PRIVILEGED_MESSAGES, TAG, validPayloads } from './support/messages';
import { expect, test } from './fixtures';

declare const chrome: Chrome;

// The background fails closed: who sent a message is decided from what the browser sets on `sender`,
// then the payload is parsed, and only then does a handler run.

interface Sent {
  tag?: string;
  type?: string;
  data?: unknown;
}

/** Sends raw messages from a content script: runs in the page's isolated world, like capture.js. */
function sendFromContentScript(messages: Sent[]) {
  return Promise.all(
    messages.map(async (message) => {
      try {
        return (await chrome.runtime.sendMessage(message)) as unknown;
      } catch (error) {
        return { thrown: String(error) };
      }
    }),
  );
}

function sendFromPage(page: Page, message: Sent): Promise<unknown> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

test('a content script can send nothing privileged, even with a valid payload', async ({ ext }) => {
  const tab = await ext.openTab('not-a-job.html');
  await ext.clickToolbarButton(tab.page); // the grant lets the worker inject into the tab
  const before = await ext.waitForCapture(tab.tabId);

  expect(Object.keys(validPayloads(tab.tabId)).sort()).toEqual([...MESSAGE_TYPES].sort());
  // Whatever else gets added, these two stay out of a content script's reach.
  expect(PRIVILEGED_MESSAGES).toEqual(expect.arrayContaining(['captureTab', 'validateKey']));

  const outcome = await ext.executeInTab(tab.tabId, sendFromContentScript, envelopes(PRIVILEGED_MESSAGES, tab.tabId));
  expect(outcome).toEqual({ ok: true, result: PRIVILEGED_MESSAGES.map((type) => ({ ok: false, error: { code: 'forbidden_sender', detail: type } })) });

  // Rejected before the handler: the forged captureTab did not capture again.
  expect((await ext.capture(tab.tabId))?.updatedAt).toBe(before.updatedAt);

  const unknown = await ext.executeInTab(tab.tabId, sendFromContentScript, [
    { tag: TAG, type: 'deleteAllJobs', data: {} },
    { type: 'captureTab', data: { tabId: tab.tabId } },
  ]);
  expect(unknown).toEqual({ ok: true, result: [{ ok: false, error: { code: 'unknown_message' } }, { ok: false, error: { code: 'unknown_message' } }] });
});

test('an extension page gets invalid_payload for malformed data and unknown_message for unknown types', async ({ ext }) => {
  const tab = await ext.openTab('not-a-job.html');
  const options = await ext.openOptions();
  const page = options.page;
  const invalid = { ok: false, error: { code: 'invalid_payload', detail: expect.any(String) } };
  const unknown = { ok: false, error: { code: 'unknown_message' } };

  // The sender is allowed: well-formed messages reach their handlers.
  expect(await sendFromPage(page, { tag: TAG, type: 'validateKey', data: {} })).toEqual({ ok: false, error: { code: 'no_key' } });
  expect(await sendFromPage(page, { tag: TAG, type: 'captureTab', data: { tabId: tab.tabId } })).toMatchObject({
    ok: true,
    value: { status: 'error', tabId: tab.tabId, error: { code: 'needs_permission' } },
  });

  for (const data of [{ tabId: 'x' }, { tabId: -1 }, { tabId: 1.5 }, { tabId: tab.tabId, extra: true }, {}, null, undefined]) {
    expect(await sendFromPage(page, { tag: TAG, type: 'captureTab', data }), JSON.stringify(data)).toEqual(invalid);
  }
  // No message carries the key: a payload that tries is refused.
  expect(await sendFromPage(page, { tag: TAG, type: 'validateKey', data: { key: 'sk-or-v1-abc' } })).toEqual(invalid);

  for (const type of ['deleteAllJobs', 'toString', 'constructor', '__proto__', 'hasOwnProperty', '']) {
    expect(await sendFromPage(page, { tag: TAG, type, data: {} }), type).toEqual(unknown);
  }
  expect(await sendFromPage(page, { tag: 'jobfit/0', type: 'validateKey', data: {} })).toEqual(unknown);
  expect(await sendFromPage(page, { type: 'validateKey', data: {} })).toEqual(unknown);
});

test('a frame inside an extension page is not trusted as the page', async ({ ext }) => {
  const options = await ext.openOptions();
  const reply = await options.page.evaluate(async (tag) => {
    const frame = document.createElement('iframe');
    frame.src = chrome.runtime.getURL('/options.html');
    await new Promise((resolve) => {
      frame.onload = resolve;
      document.body.append(frame);
    });
    const framed = frame.contentWindow as unknown as { chrome: Chrome };
    return framed.chrome.runtime.sendMessage({ tag, type: 'validateKey', data: {} });
  }, TAG);
  expect(reply).toEqual({ ok: false, error: { code: 'forbidden_sender', detail: 'validateKey' } });
});
