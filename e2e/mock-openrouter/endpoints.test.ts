import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMockOpenRouter, MOCK_API_KEY, type MockOpenRouter } from './server';
import { chat, collect, contentOf, get, jsonFrames, readChunks, rejection, sdk, USER_MESSAGES } from './test-support';

// §7.1–7.4: transport and CORS, auth, the non-chat endpoints, request validation, model fallbacks,
// the records, and the HTTP control surface.

const OTHER_KEY = 'sk-or-v1-other000000000000000000000000000000000000000000000000000beef';

let mock: MockOpenRouter;
beforeAll(async () => {
  mock = await createMockOpenRouter({
    keys: [
      { key: MOCK_API_KEY },
      { key: OTHER_KEY, label: 'other' },
      { key: 'sk-or-v1-disabled00000000000000000000000000000000000000000000000000dead', disabled: true },
      { key: 'sk-or-v1-expired000000000000000000000000000000000000000000000000000dead', expiresAt: '2001-01-01T00:00:00Z' },
      { key: 'sk-or-v1-manage0000000000000000000000000000000000000000000000000000f00d', management: true, creditsPurchased: 100.5 },
    ],
  });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

describe('CORS (§7.1)', () => {
  it('answers a preflight with 204, echoing the requested headers (x-stainless-*, attribution)', async () => {
    const asked = 'authorization, content-type, x-stainless-os, x-stainless-retry-count, http-referer, x-openrouter-title, x-title';
    const res = await fetch(`${mock.baseURL}/chat/completions`, {
      method: 'OPTIONS',
      headers: { origin: 'chrome-extension://abc', 'access-control-request-method': 'POST', 'access-control-request-headers': asked },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('chrome-extension://abc');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(res.headers.get('access-control-allow-headers')).toBe(asked);
    expect(res.headers.get('access-control-max-age')).toBe('600');
  });

  it('exposes the generation and rate-limit headers on every response, and allows * without an Origin', async () => {
    const res = await get(mock, '/models', null);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toBe(
      'X-Generation-Id, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset',
    );
  });

  it('allows only authorization and content-type in strict mode', async () => {
    const strict = await createMockOpenRouter({ cors: 'strict' });
    try {
      const res = await fetch(`${strict.baseURL}/chat/completions`, {
        method: 'OPTIONS',
        headers: { origin: 'moz-extension://x', 'access-control-request-headers': 'authorization, x-stainless-os' },
      });
      expect(res.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    } finally {
      await strict.close();
    }
  });
});

describe('auth (§7.2)', () => {
  it('lets anyone list models', async () => {
    expect((await get(mock, '/models', null)).status).toBe(200);
  });

  it('answers a missing header with the documented 401', async () => {
    const res = await get(mock, '/key', null);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 401, message: 'Missing Authentication header' } });
  });

  it('can use the "No cookie auth credentials found" variant', async () => {
    const variant = await createMockOpenRouter({ missingAuthMessage: 'No cookie auth credentials found' });
    try {
      expect(await (await get(variant, '/key', null)).json()).toEqual({ error: { code: 401, message: 'No cookie auth credentials found' } });
    } finally {
      await variant.close();
    }
  });

  it.each([
    ['an unknown key', 'sk-or-v1-unknown'],
    ['a disabled key', 'sk-or-v1-disabled00000000000000000000000000000000000000000000000000dead'],
    ['an expired key', 'sk-or-v1-expired000000000000000000000000000000000000000000000000000dead'],
    ['a whitespace-padded key', ` ${MOCK_API_KEY}`],
    ['an empty key', ''],
  ])('rejects %s with 401 "User not found."', async (_name, key) => {
    const res = await fetch(`${mock.baseURL}/key`, { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 401, message: 'User not found.' } });
  });

  it('surfaces as AuthenticationError in the SDK', async () => {
    const error = await rejection(
      new OpenAI({ baseURL: mock.baseURL, apiKey: 'sk-or-v1-revoked', maxRetries: 0 }).chat.completions.create({
        model: 'mock/json-strict',
        messages: USER_MESSAGES,
      }),
    );
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((error as InstanceType<typeof OpenAI.AuthenticationError>).error).toEqual({ code: 401, message: 'User not found.' });
  });

  it('accepts any sk-or- key with acceptAnyKey', async () => {
    const open = await createMockOpenRouter({ acceptAnyKey: true });
    try {
      expect((await get(open, '/key', 'sk-or-v1-whatever1234')).status).toBe(200);
      expect((await get(open, '/key', 'not-a-key')).status).toBe(401);
    } finally {
      await open.close();
    }
  });
});

describe('GET /models', () => {
  it('lists the fixtures shaped as in §1.7, prices as decimal strings', async () => {
    const { data } = (await (await get(mock, '/models')).json()) as { data: Array<Record<string, unknown>> };
    expect(data.map((m) => m.id)).toEqual(
      expect.arrayContaining(['mock/json-strict', 'mock/no-structured', 'mock/free:free', 'mock/slow', 'mock/reasoning']),
    );
    const strict = data.find((m) => m.id === 'mock/json-strict');
    expect(strict).toMatchObject({
      canonical_slug: 'mock/json-strict',
      context_length: 128000,
      architecture: { input_modalities: ['text'], output_modalities: ['text'], modality: 'text->text' },
      pricing: { prompt: '0.000001', completion: '0.000002', request: '0', image: '0' },
      top_provider: { context_length: 128000 },
      per_request_limits: null,
      links: { details: '/api/v1/models/mock/json-strict/endpoints' },
    });
    expect(strict?.supported_parameters).toEqual(expect.arrayContaining(['response_format', 'structured_outputs', 'tools']));
  });

  it('honours ?supported_parameters=', async () => {
    const { data } = (await (await get(mock, '/models?supported_parameters=structured_outputs,tools')).json()) as {
      data: Array<{ id: string }>;
    };
    const ids = data.map((m) => m.id);
    expect(ids).toContain('mock/json-strict');
    expect(ids).not.toContain('mock/no-structured');
    expect(ids).not.toContain('mock/free:free');
  });

  it('works through the SDK', async () => {
    const page = await sdk(mock).models.list();
    expect(page.data.length).toBeGreaterThanOrEqual(5);
  });
});

describe('GET /key and /credits', () => {
  it('reports the key with limit_remaining dropping by each completion cost', async () => {
    mock.addKey({ key: 'sk-or-v1-limited0000000000000000000000000000000000000000000000000000aa', limit: 1, limitReset: 'monthly', usage: 0.25 });
    const key = 'sk-or-v1-limited0000000000000000000000000000000000000000000000000000aa';
    const before = ((await (await get(mock, '/key', key)).json()) as { data: Record<string, unknown> }).data;
    expect(before).toMatchObject({
      label: 'sk-or-v1-li...0aa',
      limit: 1,
      limit_remaining: 0.75,
      limit_reset: 'monthly',
      usage: 0.25,
      is_free_tier: false,
      include_byok_in_limit: false,
      rate_limit: { note: 'This field is deprecated and safe to ignore.' },
    });
    mock.enqueue({ cost: 0.1 });
    await new OpenAI({ baseURL: mock.baseURL, apiKey: key, maxRetries: 0 }).chat.completions.create({
      model: 'mock/json-strict',
      messages: USER_MESSAGES,
    });
    const after = ((await (await get(mock, '/key', key)).json()) as { data: Record<string, unknown> }).data;
    expect(after).toMatchObject({ usage: 0.35, usage_daily: 0.35, limit_remaining: 0.65 });
  });

  it('refuses /credits to a normal key and answers a management key', async () => {
    const normal = await get(mock, '/credits');
    expect(normal.status).toBe(403);
    expect(await normal.json()).toEqual({ error: { code: 403, message: 'Only management keys can perform this operation' } });
    const manage = await get(mock, '/credits', 'sk-or-v1-manage0000000000000000000000000000000000000000000000000000f00d');
    expect(await manage.json()).toEqual({ data: { total_credits: 100.5, total_usage: 0 } });
  });
});

describe('GET /generation', () => {
  it('answers 404 until generationReadyAfterMs has passed, then the stats', async () => {
    mock.enqueue({ generationReadyAfterMs: 60_000 });
    const data = await sdk(mock).chat.completions.create({ model: 'mock/json-strict', messages: USER_MESSAGES });
    const early = await get(mock, `/generation?id=${data.id}`);
    expect(early.status).toBe(404);
    expect(await early.json()).toEqual({ error: { code: 404, message: 'Resource not found' } });
    mock.advanceClock(60_000);
    const { data: stats } = (await (await get(mock, `/generation?id=${data.id}`)).json()) as { data: Record<string, unknown> };
    expect(stats).toMatchObject({
      id: data.id,
      model: 'mock/json-strict',
      provider_name: 'MockProvider',
      streamed: false,
      cancelled: false,
      finish_reason: 'stop',
      native_finish_reason: 'stop',
      tokens_prompt: data.usage?.prompt_tokens,
      tokens_completion: data.usage?.completion_tokens,
      total_cost: (data.usage as unknown as { cost: number }).cost,
      usage: (data.usage as unknown as { cost: number }).cost,
      upstream_inference_cost: null,
      is_byok: false,
    });
  });

  it('hides a generation from other keys and requires an id', async () => {
    const data = await sdk(mock).chat.completions.create({ model: 'mock/json-strict', messages: USER_MESSAGES });
    expect((await get(mock, `/generation?id=${data.id}`, OTHER_KEY)).status).toBe(404);
    expect((await get(mock, '/generation')).status).toBe(400);
    expect((await get(mock, `/generation?id=${data.id}`, null)).status).toBe(401);
  });

  it('records the attribution headers on the generation', async () => {
    const client = sdk(mock, { defaultHeaders: { 'HTTP-Referer': 'https://jobfit.example', 'X-OpenRouter-Title': 'Jobfit' } });
    const data = await client.chat.completions.create({ model: 'mock/json-strict', messages: USER_MESSAGES });
    expect(mock.generations().find((g) => g.id === data.id)?.http_referer).toBe('https://jobfit.example');
    expect(mock.lastRequest()?.attribution).toEqual({ httpReferer: 'https://jobfit.example', title: 'Jobfit' });
  });
});

describe('request validation (§7.4)', () => {
  const raw = (body: string) =>
    fetch(`${mock.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${MOCK_API_KEY}`, 'content-type': 'application/json' },
      body,
    });

  it('rejects a body that is not JSON', async () => {
    const res = await raw('{"model": ');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 400, message: 'Invalid JSON' } });
  });

  it.each([
    ['missing messages', { model: 'mock/json-strict' }],
    ['empty messages', { model: 'mock/json-strict', messages: [] }],
    ['a bad role', { model: 'mock/json-strict', messages: [{ role: 'robot', content: 'x' }] }],
    ['a non-object message', { model: 'mock/json-strict', messages: ['hi'] }],
  ])('rejects %s with invalid_prompt', async (_name, body) => {
    const res = await raw(JSON.stringify(body));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 400, metadata: { error_type: 'invalid_prompt' } } });
  });

  it('rejects an unknown model with an availability error that has no error.code', async () => {
    const res = await chat(mock, { model: 'acme/x' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: Record<string, unknown> };
    expect(body.error).not.toHaveProperty('code');
    expect(body.error).toMatchObject({
      message: 'acme/x is not a valid model ID',
      error_type: 'invalid_request',
      http_status: 400,
      availability: { code: 'model_not_found', retryable: false, requested_models: ['acme/x'] },
    });
  });

  it('uses the key default model when neither model nor models is given', async () => {
    const res = await raw(JSON.stringify({ messages: USER_MESSAGES }));
    expect(((await res.json()) as { model: string }).model).toBe('mock/json-strict');
  });

  it('filters out models without structured outputs under require_parameters (404 constraint_filtered)', async () => {
    const res = await chat(mock, {
      model: 'mock/no-structured',
      response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object' } } },
      provider: { require_parameters: true },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      error: { http_status: 404, availability: { code: 'constraint_filtered', excluded_by: ['require_parameters'] } },
    });
  });

  it('rejects a prompt longer than the context window', async () => {
    const res = await chat(mock, { model: 'mock/no-structured', messages: [{ role: 'user', content: 'x'.repeat(8192 * 4 + 4) }] });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 400, metadata: { error_type: 'context_length_exceeded' } } });
  });

  it('rejects a body larger than maxBodyBytes with 413', async () => {
    const small = await createMockOpenRouter({ maxBodyBytes: 1024 });
    try {
      const res = await chat(small, { messages: [{ role: 'user', content: 'x'.repeat(4096) }] });
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({ error: { code: 413, message: 'Request payload too large' } });
    } finally {
      await small.close();
    }
  });

  it('accepts deprecated usage/stream_options and unknown fields', async () => {
    const res = await chat(mock, { usage: { include: true }, stream_options: { include_usage: true }, plugins: [], session_id: 's' });
    expect(res.status).toBe(200);
  });

  it('answers 404 on unknown paths and 405 on the wrong method', async () => {
    expect((await get(mock, '/nope')).status).toBe(404);
    expect((await get(mock, '/chat/completions')).status).toBe(405);
  });
});

describe('model fallbacks (`models`)', () => {
  it('falls through a scripted failure to the next model and reports the serving model', async () => {
    mock.enqueue({ match: { model: 'mock/json-strict' }, status: 503 });
    const data = await sdk(mock).chat.completions.create({
      model: 'mock/json-strict',
      // @ts-expect-error OpenRouter's `models` is not in the SDK's types
      models: ['openai/gpt-4o-mini'],
      messages: USER_MESSAGES,
    });
    expect(data.model).toBe('openai/gpt-4o-mini');
    expect(mock.lastRequest()).toMatchObject({
      model: 'mock/json-strict',
      servedModel: 'openai/gpt-4o-mini',
      fallbackAttempts: [{ model: 'mock/json-strict', status: 503 }],
    });
  });

  it('returns the last model error when every model fails', async () => {
    mock.enqueue({ status: 502 }, { status: 429 });
    const res = await chat(mock, { models: ['openai/gpt-4o-mini'] });
    expect(res.status).toBe(429);
  });
});

describe('scenario queue', () => {
  it('answers FIFO, honours times, then falls back to the default scenario', async () => {
    mock.setScenario({ content: 'default' });
    mock.enqueue({ content: 'first', times: 2 }, { content: 'second' });
    const client = sdk(mock);
    const ask = async () => (await client.chat.completions.create({ model: 'mock/json-strict', messages: USER_MESSAGES })).choices[0]?.message.content;
    expect([await ask(), await ask(), await ask(), await ask()]).toEqual(['first', 'first', 'second', 'default']);
    mock.setScenario(undefined);
    expect(await ask()).toBe('This is a mock reply from mock/json-strict.');
  });

  it('matches by key, model and user text', async () => {
    mock.enqueue(
      { match: { matchUserText: 'cover letter' }, content: 'by text' },
      { match: { model: 'mock/reasoning' }, content: 'by model', reasoning: '' },
      { match: { key: OTHER_KEY }, content: 'by key' },
    );
    const ask = async (client: OpenAI, model: string, text: string) =>
      (await client.chat.completions.create({ model, messages: [{ role: 'user', content: text }] })).choices[0]?.message.content;
    expect(await ask(sdk(mock), 'mock/json-strict', 'hello')).toBe('This is a mock reply from mock/json-strict.');
    expect(await ask(sdk(mock, { apiKey: OTHER_KEY }), 'mock/json-strict', 'hello')).toBe('by key');
    expect(await ask(sdk(mock), 'mock/reasoning', 'hello')).toBe('by model');
    expect(await ask(sdk(mock), 'mock/json-strict', 'write a cover letter')).toBe('by text');
  });
});

describe('records', () => {
  it('redacts Authorization, keeps the exact body and the SDK retry count, and never holds the key', async () => {
    const client = sdk(mock, { defaultHeaders: { 'X-Title': 'Legacy title' } });
    await client.chat.completions.create({ model: 'mock/json-strict', messages: [{ role: 'user', content: 'PII check' }] });
    const record = mock.lastRequest();
    expect(record).toMatchObject({
      method: 'POST',
      path: '/api/v1/chat/completions',
      authorization: 'Bearer sk-or-v1-…c0de',
      authorized: true,
      retryCount: 0,
      stream: false,
      status: 200,
      clientAborted: false,
      attribution: { title: 'Legacy title' },
      json: { model: 'mock/json-strict', messages: [{ role: 'user', content: 'PII check' }] },
    });
    expect(record?.headers.authorization).toBe('Bearer sk-or-v1-…c0de');
    expect(record?.headers['x-stainless-os']).toBeDefined();
    expect(JSON.parse(record?.rawBody ?? '')).toEqual(record?.json);
    expect(record?.endedAt).toBeGreaterThanOrEqual(record?.startedAt ?? Infinity);
    expect(JSON.stringify(mock.requests())).not.toContain(MOCK_API_KEY);
    expect(JSON.stringify(mock.requests())).not.toContain(MOCK_API_KEY.slice(9, -4));
  });

  it('records unauthorised requests as such', async () => {
    await get(mock, '/key', 'sk-or-v1-nope');
    expect(mock.lastRequest()).toMatchObject({ authorized: false, status: 401, authorization: 'Bearer sk-or-v1-…nope' });
  });

  it('records the bytes of a stream and where its scenario came from', async () => {
    const [id] = mock.enqueue({ id: 'greeting' });
    expect(id).toBe('greeting');
    const stream = await sdk(mock).chat.completions.create({ model: 'mock/json-strict', messages: USER_MESSAGES, stream: true });
    await collect(stream);
    const record = await mock.waitForRequest((r) => r.endedAt !== undefined && r.stream);
    expect(record.scenarioId).toBe('greeting');
    expect(record.bytesSent).toBeGreaterThan(500);
    expect(record.generationId).toMatch(/^gen-/);
  });
});

describe('control endpoints over HTTP (/__mock/*)', () => {
  const control = (path: string, body?: unknown) =>
    fetch(`${mock.url}/__mock/${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });

  it('scripts scenarios, lists requests, advances the clock, adds keys and resets', async () => {
    const scripted = (await (await control('script', [{ content: 'over http' }, { status: 429 }])).json()) as { ids: string[] };
    expect(scripted.ids).toHaveLength(2);
    expect(((await (await chat(mock, {})).json()) as { choices: Array<{ message: { content: string } }> }).choices[0]?.message.content).toBe('over http');
    expect((await chat(mock, {})).status).toBe(429);

    await control('script', { default: { content: 'default over http' } });
    expect(((await (await chat(mock, {})).json()) as { choices: Array<{ message: { content: string } }> }).choices[0]?.message.content).toBe('default over http');
    await control('script', { default: null, scenarios: [{ id: 'x', content: 'single' }] });
    expect(((await (await chat(mock, {})).json()) as { choices: Array<{ message: { content: string } }> }).choices[0]?.message.content).toBe('single');

    const { data } = (await (await control('requests')).json()) as { data: Array<{ path: string; authorization: string }> };
    expect(data).toHaveLength(4);
    expect(data[0]?.authorization).toBe('Bearer sk-or-v1-…c0de');

    const { now } = (await (await control('clock', { advanceMs: 1000 })).json()) as { now: number };
    expect(now).toBeGreaterThan(Date.now() + 900);

    await control('keys', { keys: [{ key: 'sk-or-v1-added000000000000000000000000000000000000000000000000000000aa' }] });
    expect((await get(mock, '/key', 'sk-or-v1-added000000000000000000000000000000000000000000000000000000aa')).status).toBe(200);
    const keys = (await (await control('keys')).json()) as { data: Array<{ hint: string }> };
    expect(keys.data.map((k) => k.hint)).toContain('sk-or-v1-…00aa');
    expect(JSON.stringify(keys)).not.toContain(MOCK_API_KEY);

    await control('reset', {});
    expect(mock.requests()).toEqual([]);
    expect((await get(mock, '/key', 'sk-or-v1-added000000000000000000000000000000000000000000000000000000aa')).status).toBe(401);
  });
});

describe('stream requests through a real socket', () => {
  it('keeps concurrent streams apart', async () => {
    mock.setScenario({ chunkDelayMs: 5 });
    mock.enqueue({ match: { matchUserText: 'A' }, content: 'alpha alpha' }, { match: { matchUserText: 'B' }, content: 'beta beta' });
    const [a, b] = await Promise.all(
      ['A', 'B'].map(async (t) =>
        contentOf(jsonFrames((await readChunks(await chat(mock, { stream: true, messages: [{ role: 'user', content: t }] }))).text)),
      ),
    );
    expect([a, b]).toEqual(['alpha alpha', 'beta beta']);
  });
});
