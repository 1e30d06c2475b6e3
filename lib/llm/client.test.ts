import { readFileSync } from 'node:fs';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMockOpenRouter, type MockOpenRouter } from '../../e2e/mock-openrouter';
import { ATTRIBUTION_HEADERS, createLlmClient, isFreeModel, listModels, sdkMaxRetries, toModelInfo } from './client';

let mock: MockOpenRouter;

beforeAll(async () => {
  mock = await createMockOpenRouter({ port: 0 });
});
afterAll(async () => {
  await mock.close();
});
afterEach(() => {
  mock.reset();
});

describe('createLlmClient', () => {
  it('pins the openai major version (the browser check and retry rules differ per major)', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(pkg.dependencies.openai).toMatch(/^[~^]?6\./);
  });

  it('works where the SDK detects a browser (dangerouslyAllowBrowser is always set)', () => {
    vi.stubGlobal('window', { document: {} });
    vi.stubGlobal('navigator', { userAgent: 'Chrome' });
    try {
      expect(() => new OpenAI({ apiKey: 'sk-or-v1-x', baseURL: mock.baseURL })).toThrow(/browser-like environment/);
      expect(() => createLlmClient({ apiKey: 'sk-or-v1-x', baseURL: mock.baseURL })).not.toThrow();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('sends the attribution headers and the key as a bearer token', async () => {
    const client = createLlmClient({ baseURL: mock.baseURL, apiKey: mock.apiKey });
    await client.chat.completions.create({ model: 'mock/json-strict', messages: [{ role: 'user', content: 'hi' }] });
    const record = mock.lastRequest();
    expect(record?.authorized).toBe(true);
    expect(record?.attribution).toMatchObject({ httpReferer: ATTRIBUTION_HEADERS['HTTP-Referer'], title: 'Jobfit' });
    expect(record?.headers['x-title']).toBe('Jobfit');
    expect(record?.headers['x-openrouter-title']).toBe('Jobfit');
  });

  it('turns SDK retries off for :free models', () => {
    expect(isFreeModel('mock/free:free')).toBe(true);
    expect(isFreeModel('openai/gpt-4o-mini')).toBe(false);
    expect(sdkMaxRetries('mock/free:free')).toBe(0);
    expect(sdkMaxRetries('openai/gpt-4o-mini')).toBe(2);
    expect(createLlmClient({ baseURL: mock.baseURL, apiKey: 'k', model: 'mock/free:free' }).maxRetries).toBe(0);
    expect(createLlmClient({ baseURL: mock.baseURL, apiKey: 'k', model: 'openai/gpt-4o-mini' }).maxRetries).toBe(2);
  });

  it('a :free model answering 429 is asked once, not three times', async () => {
    mock.enqueue({ status: 429, retryAfter: 1 });
    const client = createLlmClient({ baseURL: mock.baseURL, apiKey: mock.apiKey, model: 'mock/free:free' });
    await expect(
      client.chat.completions.create({ model: 'mock/free:free', messages: [{ role: 'user', content: 'hi' }] }),
    ).rejects.toMatchObject({ status: 429 });
    expect(mock.requests()).toHaveLength(1);
  });

  it('tolerates a trailing slash in the base URL', async () => {
    const client = createLlmClient({ baseURL: `${mock.baseURL}/`, apiKey: mock.apiKey });
    await listModels(client);
    expect(mock.lastRequest()?.path).toBe('/api/v1/models');
  });
});

describe('zod jitless (MV3 CSP forbids eval)', () => {
  it('is the first import of the background entrypoint, so it runs before any schema is defined', () => {
    const source = readFileSync(new URL('../../entrypoints/background/index.ts', import.meta.url), 'utf8');
    expect(source.split('\n').find((line) => line.startsWith('import '))).toBe("import '@/lib/util/zod-config';");
  });
});

describe('listModels', () => {
  it('reads context, prices and structured-output support from GET /models', async () => {
    const models = await listModels(createLlmClient({ baseURL: mock.baseURL, apiKey: mock.apiKey }));
    const byId = new Map(models.map((m) => [m.id, m]));
    expect(byId.get('mock/json-strict')).toEqual({
      id: 'mock/json-strict',
      name: 'Mock: JSON strict',
      contextLength: 128_000,
      maxCompletionTokens: 4096,
      pricing: { prompt: 0.000001, completion: 0.000002 },
      supportsStructured: true,
      isFree: false,
    });
    expect(byId.get('mock/no-structured')).toMatchObject({ supportsStructured: false, contextLength: 8192 });
    expect(byId.get('mock/free:free')).toMatchObject({ isFree: true, pricing: { prompt: 0, completion: 0 } });
    expect(byId.get('openai/gpt-4o-mini')).toMatchObject({ maxCompletionTokens: 16_384 });
    expect(models.map((m) => m.name)).toEqual([...models.map((m) => m.name)].sort((a, b) => a.localeCompare(b)));
  });

  it('accepts the bare `{ id }` items of other OpenAI-compatible servers and skips garbage', () => {
    expect(toModelInfo({ id: 'llama3', object: 'model' })).toEqual({
      id: 'llama3',
      name: 'llama3',
      contextLength: null,
      maxCompletionTokens: null,
      pricing: null,
      supportsStructured: false,
      isFree: false,
    });
    expect(toModelInfo({ id: 'x', pricing: { prompt: 'NaN', completion: '1' } })?.pricing).toBeNull();
    expect(toModelInfo({ name: 'no id' })).toBeUndefined();
    expect(toModelInfo(null)).toBeUndefined();
  });
});
