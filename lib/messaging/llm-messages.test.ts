import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ENVELOPE_TAG } from './envelope';
import type { BackgroundProtocol } from './protocol';
import { createReceiver, type Handlers } from './register';
import { backgroundSchemas, backgroundSenders } from './schemas';
import type { SenderLike } from './sender';

const ID = 'test-extension-id';
const ORIGIN = `chrome-extension://${ID}`;
const panel: SenderLike = { id: ID, origin: ORIGIN, url: `${ORIGIN}/sidepanel.html` };
const content: SenderLike = { id: ID, origin: 'https://jobs.example.com', url: 'https://jobs.example.com/1', frameId: 0, tab: { id: 4 } };

function receiver() {
  const handlers = {
    captureTab: vi.fn(),
    captureUrl: vi.fn(),
    validateKey: vi.fn(),
    listModels: vi.fn<Handlers<BackgroundProtocol>['listModels']>(async () => []),
    startRun: vi.fn<Handlers<BackgroundProtocol>['startRun']>(async (d) => ({ runId: d.requestId, status: 'running' as const, created: true })),
    cancelRun: vi.fn<Handlers<BackgroundProtocol>['cancelRun']>(async () => ({ cancelled: true })),
    resumeRun: vi.fn<Handlers<BackgroundProtocol>['resumeRun']>(async (d) => ({ runId: d.requestId, status: 'running' as const, created: true })),
    previewRun: vi.fn<Handlers<BackgroundProtocol>['previewRun']>(async () => preview),
    fillApplication: vi.fn<Handlers<BackgroundProtocol>['fillApplication']>(async () => ({ frames: [], problems: [] })),
    undoApplicationFill: vi.fn<Handlers<BackgroundProtocol>['undoApplicationFill']>(async () => ({ restored: 0 })),
  } as unknown as Handlers<BackgroundProtocol> & Record<string, ReturnType<typeof vi.fn>>;
  const receive = createReceiver<BackgroundProtocol>({ schemas: backgroundSchemas, senders: backgroundSenders, handlers, runtimeId: ID, extensionOrigin: ORIGIN });
  return { receive, handlers };
}

const send = (receive: ReturnType<typeof receiver>['receive'], type: string, data: unknown, sender: SenderLike = panel) =>
  receive({ tag: ENVELOPE_TAG, type, data }, sender);

const validStart = {
  requestId: 'b7c1e7a2-4f7b-4e0b-9a47-1f7a4f0f5a11',
  feature: 'analysis',
  messages: [
    { role: 'system', content: 'You analyse postings.' },
    { role: 'user', content: 'Posting text' },
  ],
};

const preview = { model: 'm', messages: validStart.messages as never, endpointHost: 'openrouter.ai', estimatedCostUsd: 0.001, redactedCount: 2, denyDataCollection: true };

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('LLM messages: round trip from an extension page', () => {
  it.each<[string, unknown, unknown]>([
    ['listModels', {}, []],
    ['listModels', { refresh: true }, []],
    ['startRun', validStart, { runId: validStart.requestId, status: 'running', created: true }],
    [
      'startRun',
      { ...validStart, model: 'openai/gpt-4o-mini', jobId: 'job-1', maxTokens: 800, temperature: 0.2, schema: 'analysis', fresh: true },
      { runId: validStart.requestId, status: 'running', created: true },
    ],
    ['cancelRun', { runId: validStart.requestId }, { cancelled: true }],
    ['previewRun', { feature: 'analysis', messages: validStart.messages }, preview],
    ['resumeRun', { runId: validStart.requestId, requestId: 'c0ffee00-0000-4000-8000-000000000001' }, { runId: 'c0ffee00-0000-4000-8000-000000000001', status: 'running', created: true }],
  ])('%s %j', async (type, data, value) => {
    const { receive, handlers } = receiver();
    expect(await send(receive, type, data)).toEqual({ ok: true, value });
    expect(handlers[type]).toHaveBeenCalledWith(data, { kind: 'page' });
  });
});

describe('LLM messages: refused', () => {
  it.each(['listModels', 'startRun', 'previewRun', 'cancelRun', 'resumeRun'])('%s from a content script → forbidden_sender', async (type) => {
    const { receive, handlers } = receiver();
    const data = type === 'startRun' ? validStart : type === 'previewRun' ? { feature: 'analysis', messages: validStart.messages } : type === 'cancelRun' ? { runId: validStart.requestId } : type === 'resumeRun' ? { runId: validStart.requestId, requestId: validStart.requestId } : {};
    expect(await send(receive, type, data, content)).toEqual({ ok: false, error: { code: 'forbidden_sender', detail: type } });
    expect(handlers[type]).not.toHaveBeenCalled();
  });

  it.each<[string, unknown]>([
    ['no requestId', { ...validStart, requestId: undefined }],
    ['a short requestId', { ...validStart, requestId: 'abc' }],
    ['a requestId with spaces', { ...validStart, requestId: 'abc def ghi jkl' }],
    ['an unknown feature', { ...validStart, feature: 'exfiltrate' }],
    ['no messages', { ...validStart, messages: [] }],
    ['a tool role', { ...validStart, messages: [{ role: 'tool', content: 'x' }] }],
    ['a base URL smuggled in', { ...validStart, baseURL: 'https://evil.example/v1' }],
    ['an API key smuggled in', { ...validStart, apiKey: 'sk-or-v1-x' }],
    ['headers smuggled into a message', { ...validStart, messages: [{ role: 'user', content: 'x', headers: {} }] }],
    ['a prompt over 1M characters', { ...validStart, messages: [{ role: 'user', content: 'x'.repeat(600_000) }, { role: 'user', content: 'y'.repeat(600_000) }] }],
    ['temperature 5', { ...validStart, temperature: 5 }],
    ['maxTokens 0', { ...validStart, maxTokens: 0 }],
    ['a schema name with a path', { ...validStart, schema: '../x' }],
  ])('startRun with %s → invalid_payload', async (_label, data) => {
    const { receive, handlers } = receiver();
    expect(await send(receive, 'startRun', data)).toEqual({ ok: false, error: { code: 'invalid_payload', detail: 'startRun' } });
    expect(handlers.startRun).not.toHaveBeenCalled();
  });

  it.each<[string, unknown]>([
    ['cancelRun', {}],
    ['cancelRun', { runId: 1 }],
    ['resumeRun', { runId: validStart.requestId }],
    ['listModels', { refresh: 'yes' }],
    ['listModels', { baseURL: 'https://evil.example' }],
    ['previewRun', { feature: 'analysis', messages: [] }],
    ['previewRun', { feature: 'analysis', messages: validStart.messages, requestId: validStart.requestId, apiKey: 'sk-or-v1-x' }],
  ])('%s %j → invalid_payload', async (type, data) => {
    const { receive } = receiver();
    expect(await send(receive, type, data)).toEqual({ ok: false, error: { code: 'invalid_payload', detail: type } });
  });
});
