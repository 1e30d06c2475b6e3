import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CaptureState } from '../capture/state';
import type { JobPosting } from '../capture/types';
import type { KeyStatus } from '../llm/key-status';
import { AppError } from '../util/errors';
import { sendToBackground } from './client';
import { ENVELOPE_TAG, type Envelope, type Reply } from './envelope';
import type { BackgroundProtocol } from './protocol';
import { createReceiver, registerBackgroundHandlers, toRuntimeListener, type Handlers } from './register';
import { backgroundSchemas, backgroundSenders } from './schemas';
import type { SenderLike } from './sender';

const RUNTIME_ID = 'test-extension-id';
const EXT_ORIGIN = `chrome-extension://${RUNTIME_ID}`;

const panelSender: SenderLike = { id: RUNTIME_ID, origin: EXT_ORIGIN, url: `${EXT_ORIGIN}/sidepanel.html` };
const contentSender: SenderLike = {
  id: RUNTIME_ID,
  origin: 'https://jobs.example.com',
  url: 'https://jobs.example.com/p/1',
  frameId: 0,
  tab: { id: 5, url: 'https://jobs.example.com/p/1' },
};
const foreignSender: SenderLike = { id: 'other-extension', origin: 'chrome-extension://other-extension' };

const posting: JobPosting = { url: 'https://jobs.example.com/p/1', title: 'Engineer', titleNormalized: 'engineer', source: 'readability' };
const readyState: CaptureState = { status: 'ready', tabId: 3, url: 'https://jobs.example.com/p/1', posting, updatedAt: 1 };
const keyStatus: KeyStatus = { valid: true, label: 'main', limitRemaining: 4.5 };

function envelope(type: string, data: unknown): Envelope {
  return { tag: ENVELOPE_TAG, type, data };
}

function stubHandlers() {
  return {
    captureTab: vi.fn<Handlers<BackgroundProtocol>['captureTab']>(async () => readyState),
    captureUrl: vi.fn<Handlers<BackgroundProtocol>['captureUrl']>(async () => posting),
    validateKey: vi.fn<Handlers<BackgroundProtocol>['validateKey']>(async () => keyStatus),
    connectOpenRouter: vi.fn<Handlers<BackgroundProtocol>['connectOpenRouter']>(async () => ({ hint: 'sk-or-…c0de' })),
    listModels: vi.fn<Handlers<BackgroundProtocol>['listModels']>(async () => []),
    startRun: vi.fn<Handlers<BackgroundProtocol>['startRun']>(async (data) => ({ runId: data.requestId, status: 'running' as const, created: true })),
    cancelRun: vi.fn<Handlers<BackgroundProtocol>['cancelRun']>(async () => ({ cancelled: true })),
    resumeRun: vi.fn<Handlers<BackgroundProtocol>['resumeRun']>(async (data) => ({ runId: data.requestId, status: 'running' as const, created: true })),
    fillApplication: vi.fn<Handlers<BackgroundProtocol>['fillApplication']>(async () => ({ frames: [], problems: [{ code: 'no_form' as const }] })),
    undoApplicationFill: vi.fn<Handlers<BackgroundProtocol>['undoApplicationFill']>(async () => ({ restored: 0 })),
    previewRun: vi.fn<Handlers<BackgroundProtocol>['previewRun']>(async (data) => ({
      model: 'm',
      messages: data.messages,
      endpointHost: 'openrouter.ai',
      estimatedCostUsd: 0,
      redactedCount: 0,
      denyDataCollection: false,
    })),
  };
}

function makeReceiver(handlers = stubHandlers()) {
  const receive = createReceiver<BackgroundProtocol>({
    schemas: backgroundSchemas,
    senders: backgroundSenders,
    handlers,
    runtimeId: RUNTIME_ID,
    extensionOrigin: EXT_ORIGIN,
  });
  return { receive, handlers };
}

beforeEach(() => {
  fakeBrowser.reset();
  // The receiver logs refusals and handler crashes; keep the test output readable.
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('createReceiver: round trip', () => {
  it('passes a valid captureTab from the panel to its handler and returns the value', async () => {
    const { receive, handlers } = makeReceiver();
    const reply = await receive(envelope('captureTab', { tabId: 3 }), panelSender);
    expect(reply).toEqual({ ok: true, value: readyState });
    expect(handlers.captureTab).toHaveBeenCalledTimes(1);
    expect(handlers.captureTab).toHaveBeenCalledWith({ tabId: 3 }, { kind: 'page' });
    expect(handlers.validateKey).not.toHaveBeenCalled();
  });

  it('passes a valid validateKey from an extension tab to its handler', async () => {
    const { receive, handlers } = makeReceiver();
    const tabPage: SenderLike = { ...panelSender, frameId: 0, tab: { id: 11 } };
    const reply = await receive(envelope('validateKey', {}), tabPage);
    expect(reply).toEqual({ ok: true, value: keyStatus });
    expect(handlers.validateKey).toHaveBeenCalledWith({}, { kind: 'page' });
  });
});

describe('fillApplication payloads', () => {
  const resume = { name: 'Ana-Garcia.pdf', type: 'application/pdf', base64: 'JVBERi0xLjc=' };
  it('passes a plan with a PDF and saved answers to the handler', async () => {
    const { receive, handlers } = makeReceiver();
    const data = { tabId: 3, plan: { profile: { email: 'ana@example.com' }, resume, answers: [{ question: 'notice period', answer: '1 month' }] } };
    expect(await receive(envelope('fillApplication', data), panelSender)).toEqual({ ok: true, value: { frames: [], problems: [{ code: 'no_form' }] } });
    expect(handlers.fillApplication).toHaveBeenCalledWith(data, { kind: 'page' });
  });

  it.each([
    ['a file that is not a PDF', { ...resume, type: 'text/html' }],
    ['a file name with a path', { ...resume, name: '../../evil.pdf' }],
    ['bytes that are not base64', { ...resume, base64: '<script>' }],
  ])('refuses %s (invalid_payload)', async (_label, file) => {
    const { receive, handlers } = makeReceiver();
    const reply = await receive(envelope('fillApplication', { tabId: 3, plan: { profile: {}, resume: file, answers: [] } }), panelSender);
    expect(reply).toEqual({ ok: false, error: { code: 'invalid_payload', detail: 'fillApplication' } });
    expect(handlers.fillApplication).not.toHaveBeenCalled();
  });

  it('refuses an unknown profile field', async () => {
    const { receive, handlers } = makeReceiver();
    const reply = await receive(envelope('fillApplication', { tabId: 3, plan: { profile: { password: 'x' }, answers: [] } }), panelSender);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(handlers.fillApplication).not.toHaveBeenCalled();
  });
});

describe('createReceiver: refused senders', () => {
  it.each([
    ['captureTab', { tabId: 3 }],
    ['captureUrl', { url: 'https://jobs.example.com/p/1' }],
    ['validateKey', {}],
    ['fillApplication', { tabId: 3, plan: { profile: {}, answers: [] } }],
    ['undoApplicationFill', { tabId: 3 }],
  ] as const)('a content script sending %s gets forbidden_sender and the handler is not called', async (type, data) => {
    const { receive, handlers } = makeReceiver();
    const reply = await receive(envelope(type, data), contentSender);
    expect(reply).toEqual({ ok: false, error: { code: 'forbidden_sender', detail: type } });
    expect(handlers[type]).not.toHaveBeenCalled();
  });

  it.each([
    ['another extension', foreignSender],
    ['a missing sender', undefined],
    ['an extension page in a sub-frame', { ...panelSender, frameId: 2, tab: { id: 1 } }],
  ])('%s is refused', async (_label, sender) => {
    const { receive, handlers } = makeReceiver();
    const reply = await receive(envelope('captureTab', { tabId: 1 }), sender);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(handlers.captureTab).not.toHaveBeenCalled();
  });
});

describe('createReceiver: payload validation', () => {
  it.each([
    ['tabId as a string', { tabId: '3' }],
    ['an extra key', { tabId: 3, url: 'https://x' }],
    ['a missing payload', undefined],
    ['an empty object', {}],
    ['a negative tab id', { tabId: -1 }],
    ['a fractional tab id', { tabId: 1.5 }],
    ['an array', [3]],
  ])('captureTab with %s → invalid_payload', async (_label, data) => {
    const { receive, handlers } = makeReceiver();
    const reply = await receive(envelope('captureTab', data), panelSender);
    expect(reply).toEqual({ ok: false, error: { code: 'invalid_payload', detail: 'captureTab' } });
    expect(handlers.captureTab).not.toHaveBeenCalled();
  });

  it.each([
    ['extra keys', { key: 'sk-or-v1-smuggled' }],
    ['a missing payload', undefined],
    ['null', null],
  ])('validateKey with %s → invalid_payload', async (_label, data) => {
    const { receive, handlers } = makeReceiver();
    const reply = await receive(envelope('validateKey', data), panelSender);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(handlers.validateKey).not.toHaveBeenCalled();
  });
});

describe('createReceiver: unknown messages', () => {
  it.each([
    ['an unknown type', envelope('deleteEverything', {})],
    ['an inherited property name', envelope('toString', {})],
    ['__proto__', envelope('__proto__', {})],
    ['a wrong tag', { tag: 'jobfit/0', type: 'captureTab', data: { tabId: 1 } }],
    ['no tag', { type: 'captureTab', data: { tabId: 1 } }],
    ['a non-string type', { tag: ENVELOPE_TAG, type: 1, data: {} }],
    ['null', null],
    ['a string', 'captureTab'],
    ['undefined', undefined],
  ])('%s → unknown_message', async (_label, message) => {
    const { receive, handlers } = makeReceiver();
    const reply = await receive(message, panelSender);
    expect(reply).toEqual({ ok: false, error: { code: 'unknown_message' } });
    expect(handlers.captureTab).not.toHaveBeenCalled();
    expect(handlers.validateKey).not.toHaveBeenCalled();
  });
});

describe('createReceiver: handler failures', () => {
  it('returns the code and detail of an AppError', async () => {
    const handlers = stubHandlers();
    handlers.captureTab.mockRejectedValueOnce(new AppError('no_tab'));
    handlers.validateKey.mockRejectedValueOnce(new AppError('key_check_failed', '503'));
    const { receive } = makeReceiver(handlers);
    expect(await receive(envelope('captureTab', { tabId: 3 }), panelSender)).toEqual({ ok: false, error: { code: 'no_tab' } });
    expect(await receive(envelope('validateKey', {}), panelSender)).toEqual({
      ok: false,
      error: { code: 'key_check_failed', detail: '503' },
    });
  });

  it('turns a plain Error into internal without leaking its message', async () => {
    const handlers = stubHandlers();
    handlers.validateKey.mockRejectedValueOnce(new Error('Bearer sk-or-v1-0123456789 rejected at /home/me'));
    const { receive } = makeReceiver(handlers);
    const reply = await receive(envelope('validateKey', {}), panelSender);
    expect(reply).toEqual({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(reply)).not.toContain('sk-or');
  });

  it('turns a synchronous throw into internal as well', async () => {
    const handlers = stubHandlers();
    handlers.captureTab.mockImplementationOnce(() => {
      throw new TypeError('x is undefined');
    });
    const { receive } = makeReceiver(handlers);
    expect(await receive(envelope('captureTab', { tabId: 3 }), panelSender)).toEqual({ ok: false, error: { code: 'internal' } });
  });

  it('maps a quota failure to storage_full', async () => {
    const handlers = stubHandlers();
    handlers.captureTab.mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    const { receive } = makeReceiver(handlers);
    expect(await receive(envelope('captureTab', { tabId: 3 }), panelSender)).toEqual({ ok: false, error: { code: 'storage_full' } });
  });
});

describe('toRuntimeListener', () => {
  it('with sendResponse: returns true and answers through sendResponse', async () => {
    const { receive } = makeReceiver();
    const listener = toRuntimeListener(receive);
    const sendResponse = vi.fn<(reply: Reply) => void>();
    const result = listener(envelope('captureTab', { tabId: 3 }), panelSender, sendResponse);
    expect(result).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledTimes(1));
    expect(sendResponse).toHaveBeenCalledWith({ ok: true, value: readyState });
  });

  it('with sendResponse: refusals are answered too', async () => {
    const { receive } = makeReceiver();
    const sendResponse = vi.fn<(reply: Reply) => void>();
    expect(toRuntimeListener(receive)(envelope('captureTab', { tabId: 3 }), contentSender, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: false, error: { code: 'forbidden_sender', detail: 'captureTab' } }));
  });

  it('without sendResponse: returns the reply promise', async () => {
    const { receive } = makeReceiver();
    const result = toRuntimeListener(receive)(envelope('validateKey', {}), panelSender);
    expect(result).toBeInstanceOf(Promise);
    await expect(result).resolves.toEqual({ ok: true, value: keyStatus });
  });
});

describe('registerBackgroundHandlers (fakeBrowser)', () => {
  // The browser's MessageSender carries a full Tab; the receiver only reads the fields in SenderLike.
  const trigger = (message: unknown, sender: SenderLike) =>
    fakeBrowser.runtime.onMessage.trigger(message, sender as Browser.runtime.MessageSender);
  const fromPanel = (): SenderLike => ({
    id: fakeBrowser.runtime.id,
    url: fakeBrowser.runtime.getURL('/sidepanel.html'),
  });

  it('answers a panel message delivered through runtime.onMessage', async () => {
    const handlers = stubHandlers();
    registerBackgroundHandlers(handlers);
    const replies = await trigger(envelope('captureTab', { tabId: 3 }), fromPanel());
    expect(replies).toEqual([{ ok: true, value: readyState }]);
    expect(handlers.captureTab).toHaveBeenCalledWith({ tabId: 3 }, { kind: 'page' });
  });

  it('refuses a content script delivered through runtime.onMessage', async () => {
    const handlers = stubHandlers();
    registerBackgroundHandlers(handlers);
    const sender: SenderLike = { id: fakeBrowser.runtime.id, url: 'https://jobs.example.com/', frameId: 0, tab: { id: 1 } };
    const replies = await trigger(envelope('validateKey', {}), sender);
    expect(replies).toEqual([{ ok: false, error: { code: 'forbidden_sender', detail: 'validateKey' } }]);
    expect(handlers.validateKey).not.toHaveBeenCalled();
  });

  it('returns the receiver it registered', async () => {
    const receive = registerBackgroundHandlers(stubHandlers());
    expect(await receive(envelope('validateKey', {}), fromPanel())).toEqual({ ok: true, value: keyStatus });
  });
});

describe('sendToBackground', () => {
  it('unwraps an ok reply', async () => {
    fakeBrowser.runtime.onMessage.addListener(async () => ({ ok: true, value: keyStatus }) satisfies Reply);
    await expect(sendToBackground('validateKey', {})).resolves.toEqual(keyStatus);
  });

  it('sends an envelope with the type and payload', async () => {
    const seen: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
      seen.push(message);
      return { ok: true, value: readyState } satisfies Reply;
    });
    await sendToBackground('captureTab', { tabId: 3 });
    expect(seen).toEqual([{ tag: ENVELOPE_TAG, type: 'captureTab', data: { tabId: 3 } }]);
  });

  it('throws an AppError with the replied code and detail', async () => {
    fakeBrowser.runtime.onMessage.addListener(async () => ({ ok: false, error: { code: 'needs_permission', detail: 'https://a.example' } }) satisfies Reply);
    const error = await sendToBackground('captureTab', { tabId: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'needs_permission', detail: 'https://a.example' });
  });

  it('maps an unknown replied code to internal', async () => {
    fakeBrowser.runtime.onMessage.addListener(async () => ({ ok: false, error: { code: 'made_up' } }));
    await expect(sendToBackground('validateKey', {})).rejects.toMatchObject({ name: 'AppError', code: 'internal' });
  });

  it('throws internal when nobody replies with an object', async () => {
    fakeBrowser.runtime.onMessage.addListener(async () => 'pong');
    await expect(sendToBackground('validateKey', {})).rejects.toMatchObject({ code: 'internal', detail: 'no reply' });
  });

  it('through the real receiver, an unidentified sender is refused', async () => {
    // fakeBrowser delivers sendMessage with an empty sender, which must never count as a page.
    const handlers = stubHandlers();
    registerBackgroundHandlers(handlers);
    await expect(sendToBackground('validateKey', {})).rejects.toMatchObject({ code: 'forbidden_sender' });
    expect(handlers.validateKey).not.toHaveBeenCalled();
  });
});
