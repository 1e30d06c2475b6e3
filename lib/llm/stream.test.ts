import { CircuitState } from 'cockatiel';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMockOpenRouter, type MockOpenRouter, type Scenario } from '../../e2e/mock-openrouter';
import { AppError } from '../util/errors';
import { createLlmClient } from './client';
import { capRetryAfter, classifyLlmError, LlmCallError, retryAfterMs } from './errors';
import { createBreakerRegistry, retryDelayMs, runWithPolicy, sessionBreakerStore, type BreakerStore } from './policy';
import { runAttempt, type AttemptResult } from './stream';

/**
 * §8 "LLM transport" against the project's mock, through the real openai SDK over real HTTP on
 * 127.0.0.1. Every case ends in a result or a specific error code; request counts prove the policy.
 */

let mock: MockOpenRouter;

beforeAll(async () => {
  mock = await createMockOpenRouter({ port: 0 });
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  mock.reset();
});

interface CallOptions {
  model?: string;
  stream?: boolean;
  watchdogMs?: number;
  maxWaitMs?: number;
  maxAttempts?: number;
  signal?: AbortSignal;
  breaker?: Awaited<ReturnType<ReturnType<typeof createBreakerRegistry>['forEndpoint']>>;
  apiKey?: string;
}

type Outcome = ({ ok: true } & AttemptResult) | { ok: false; error: LlmCallError };

async function call(scenarios: Scenario | Scenario[] | undefined, options: CallOptions = {}): Promise<Outcome & { deltas: string[] }> {
  if (scenarios) mock.enqueue(...[scenarios].flat());
  const deltas: string[] = [];
  try {
    const result = await runWithPolicy(
      () =>
        runAttempt(
          { model: options.model ?? 'mock/json-strict', messages: [{ role: 'user', content: 'Hello mock' }] },
          {
            makeClient: (fetch) => createLlmClient({ baseURL: mock.baseURL, apiKey: options.apiKey ?? mock.apiKey, fetch }),
            watchdogMs: options.watchdogMs ?? 3_000,
            ...(options.stream !== undefined ? { stream: options.stream } : {}),
            ...(options.signal ? { signal: options.signal } : {}),
            onDelta: (d) => deltas.push(d),
          },
        ),
      {
        baseDelayMs: 1,
        maxDelayMs: 5,
        maxWaitMs: options.maxWaitMs ?? 5_000,
        ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
        ...(options.breaker ? { breaker: options.breaker } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      },
    );
    return { ok: true, ...result, deltas };
  } catch (error) {
    expect(error).toBeInstanceOf(LlmCallError);
    return { ok: false, error: error as LlmCallError, deltas };
  }
}

function failed(outcome: Outcome): LlmCallError {
  if (outcome.ok) throw new Error(`expected a failure, got "${outcome.text}"`);
  return outcome.error;
}

function succeeded(outcome: Outcome): AttemptResult {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.error.code} ${outcome.error.appError.detail ?? ''}`);
  return outcome;
}

const attempts = () => mock.requests().filter((r) => r.path === '/api/v1/chat/completions').length;

const CONTENT = 'Grüße 👋🏽 from 東京 — naïve café, done.';

describe('SSE framing', () => {
  it.each<[string, Scenario]>([
    ['comments before and between frames', { keepalivesBefore: 3, keepalivesBetween: 2 }],
    ['other comment texts (":" alone)', { keepaliveCommentText: ':', keepalivesBetween: 1 }],
    ['other comment texts (": ping")', { keepaliveCommentText: ': ping', keepalivesBefore: 2 }],
    ['frames split at every byte', { splitWrites: 'byte' }],
    ['frames split inside multi-byte UTF-8', { splitWrites: 'midUtf8' }],
    ['random splits', { splitWrites: 'random', seed: 7 }],
    ['\\r\\n line endings', { lineEnding: '\r\n' }],
    ['\\r line endings', { lineEnding: '\r' }],
    ['multi-line data', { multiLineData: true }],
    ['data: without a space', { dataNoSpace: true }],
    ['id/event/retry and unknown fields', { extraFields: true }],
    ['one piece per character', { pieces: 'char' }],
    ['usage frame that repeats a choice', { usageFrameStyle: 'repeat-choice' }],
    ['[DONE] twice', { duplicateDone: true }],
    ['frames after [DONE] (ignored)', { framesAfterDone: 2 }],
    ['a choices: [] frame mid-stream', { emptyChoicesMidStream: true }],
    ['no [DONE] after the finish reason and usage', { truncate: 'noDone' }],
  ])('%s → the whole text', async (_label, scenario) => {
    const result = succeeded(await call({ content: CONTENT, ...scenario }));
    expect(result.text).toBe(CONTENT);
    expect(result.finishReason).toBe('stop');
    expect(result.generationId).toMatch(/^gen-/);
  });

  it('streams deltas in order as they arrive', async () => {
    const outcome = await call({ content: 'one two three four', pieces: 'word' });
    expect(outcome.deltas.join('')).toBe('one two three four');
    expect(outcome.deltas.length).toBeGreaterThan(1);
  });

  it('records the generation id from X-Generation-Id and the model actually served', async () => {
    const result = succeeded(await call({ content: 'ok', servedModel: 'anthropic/claude-haiku-4.5' }));
    expect(result.servedModel).toBe('anthropic/claude-haiku-4.5');
    expect(result.generationId).toBe(mock.lastRequest()?.generationId);
  });

  it('a large answer (1 MB) arrives whole', async () => {
    const result = succeeded(await call({ hugeContent: 1 }));
    expect(result.text.length).toBeGreaterThanOrEqual(1_000_000);
  });
});

describe('usage and cost', () => {
  it('reads tokens and cost from the usage frame with choices: []', async () => {
    const result = succeeded(await call({ content: 'abcdefgh' }));
    expect(result.usage).toEqual({ promptTokens: expect.any(Number), completionTokens: 2, cost: expect.any(Number) });
    expect(result.usage?.cost).toBeGreaterThan(0);
  });

  it.each<[string, Scenario, unknown]>([
    ['usage missing', { omitUsage: true }, undefined],
    ['cost missing', { omitCost: true }, null],
    ['cost null', { costNull: true }, null],
    ['cost 0', { cost: 0 }, 0],
    ['is_byok true', { usage: { is_byok: true } }, expect.any(Number)],
  ])('%s still succeeds', async (_label, scenario, cost) => {
    const result = succeeded(await call({ content: 'fine', ...scenario }));
    expect(result.text).toBe('fine');
    if (cost === undefined) expect(result.usage).toBeUndefined();
    else expect(result.usage?.cost).toEqual(cost);
  });

  it('a :free model costs 0', async () => {
    const result = succeeded(await call({ content: 'free' }, { model: 'mock/free:free' }));
    expect(result.usage?.cost).toBe(0);
  });

  it('reasoning-only output (empty content) is bad_response "empty", not an empty success', async () => {
    const error = failed(await call({ reasoningOnly: true }, { model: 'mock/reasoning' }));
    expect(error).toMatchObject({ code: 'bad_response' });
    expect(error.appError.detail).toBe('empty');
    expect(attempts()).toBe(1);
  });
});

describe('streams that end badly', () => {
  it('no finish_reason → stream_truncated, partial text kept, not retried', async () => {
    const error = failed(await call({ content: 'part one, part two', truncate: 'noFinishReason' }));
    expect(error.code).toBe('stream_truncated');
    expect(error.partial?.text).toBe('part one, part two');
    expect(attempts()).toBe(1);
  });

  it('finish_reason null forever → stream_truncated', async () => {
    expect(failed(await call({ content: 'x y z', finishReason: null })).code).toBe('stream_truncated');
  });

  it('the socket closes mid-frame → a failure with the partial text, never a short success', async () => {
    const error = failed(await call({ content: 'alpha beta gamma delta', pieces: 4, truncate: 'midFrame' }));
    expect(['stream_truncated', 'bad_response']).toContain(error.code);
    expect(error.partial?.text.length).toBeGreaterThan(0);
    expect('alpha beta gamma delta'.startsWith(error.partial?.text ?? '')).toBe(true);
    expect(error.partial?.text).not.toBe('alpha beta gamma delta');
  });

  it('a TCP reset after content → stream_truncated with the partial text, not retried', async () => {
    const error = failed(await call({ content: 'x'.repeat(400), pieces: 8, reset: { afterBytes: 900 } }));
    expect(error.code).toBe('stream_truncated');
    expect(error.retryable).toBe(false);
    expect(error.partial?.text.length).toBeGreaterThan(0);
    expect(attempts()).toBe(1);
  });

  it('a TCP reset before any content is retried', async () => {
    const result = succeeded(await call([{ content: 'first', reset: { afterBytes: 30 } }, { content: 'second try' }]));
    expect(result.text).toBe('second try');
    expect(attempts()).toBe(2);
  });

  it('a malformed frame after content → bad_response, partial kept, not retried', async () => {
    const error = failed(await call({ content: 'first second', malformedFrame: true }));
    expect(error.code).toBe('bad_response');
    expect(error.partial?.text.length).toBeGreaterThan(0);
    expect(attempts()).toBe(1);
  });

  it.each<[Scenario['finishReason'], string]>([
    ['length', 'output_too_long'],
    ['content_filter', 'content_filtered'],
    ['tool_calls', 'bad_response'],
    ['error', 'stream_error'],
  ])('finish_reason %s → %s with the partial text', async (finishReason, code) => {
    const error = failed(await call({ content: 'some text', finishReason }));
    expect(error.code).toBe(code);
    expect(error.partial?.text).toBe('some text');
  });

  it('a 200 whose body is not JSON (stream requested) → bad_response after retries', async () => {
    mock.setScenario({ okButNotJson: '<html>Cloudflare</html>' });
    const error = failed(await call(undefined));
    expect(error.code).toBe('bad_response');
    expect(attempts()).toBe(3);
  });
});

describe('in-band errors', () => {
  it.each<[string, Scenario['midStreamError']]>([
    ['a numeric code', { afterPieces: 2, code: 502, message: 'Provider disconnected', errorType: 'provider_unavailable' }],
    ['a string code', { afterPieces: 1, code: 'server_error', message: 'Provider disconnected unexpectedly' }],
    ['no metadata', { afterPieces: 1, code: 429, message: 'Rate limit exceeded' }],
  ])('after content, %s → stream_error, partial kept and marked incomplete, not retried', async (_label, midStreamError) => {
    const error = failed(await call({ content: 'one two three four', pieces: 4, midStreamError }));
    expect(error.code).toBe('stream_error');
    expect(error.retryable).toBe(false);
    expect(error.partial?.text.length).toBeGreaterThan(0);
    expect('one two three four'.startsWith(error.partial?.text ?? '')).toBe(true);
    expect(attempts()).toBe(1);
  });

  it('before any content → retried like the status it names, then provider_error', async () => {
    mock.setScenario({ errorBeforeContent: { code: 502, message: 'Provider returned error' } });
    const error = failed(await call(undefined));
    expect(error.code).toBe('provider_error');
    expect(attempts()).toBe(3);
  });

  it('before any content, then a good answer → success on the next attempt', async () => {
    const result = succeeded(await call([{ errorBeforeContent: { code: 'server_error' } }, { content: 'recovered' }]));
    expect(result.text).toBe('recovered');
    expect(attempts()).toBe(2);
  });

  it('non-stream 200 with finish_reason "error" and an error object → stream_error with the partial content', async () => {
    const error = failed(await call({ committedError: { code: 502, partialContent: 'half an ans' } }, { stream: false }));
    expect(error.code).toBe('stream_error');
    expect(error.partial?.text).toBe('half an ans');
  });

  it('a non-stream answer works too', async () => {
    const result = succeeded(await call({ content: 'plain JSON body' }, { stream: false }));
    expect(result).toMatchObject({ text: 'plain JSON body', finishReason: 'stop' });
  });
});

describe('HTTP errors before the stream', () => {
  it.each<[string, string, number, Scenario]>([
    ['400', 'bad_request', 1, { status: 400 }],
    ['400 context_length_exceeded', 'context_too_long', 1, { status: 400, body: { error: { code: 400, message: 'too long', metadata: { error_type: 'context_length_exceeded' } } } }],
    ['401', 'key_invalid', 1, { status: 401 }],
    ['402', 'no_credit', 1, { status: 402 }],
    ['403 moderation', 'blocked_by_moderation', 1, { moderation: true }],
    ['403 guardrail', 'blocked_by_moderation', 1, { guardrail: true }],
    ['404', 'model_unavailable', 1, { status: 404 }],
    ['408', 'provider_timeout', 3, { status: 408 }],
    ['413', 'request_too_large', 1, { status: 413 }],
    ['422', 'bad_request', 1, { status: 422 }],
    ['429', 'rate_limited', 3, { status: 429 }],
    ['500', 'provider_error', 3, { status: 500 }],
    ['502', 'provider_error', 3, { status: 502 }],
    ['503', 'provider_error', 3, { status: 503 }],
    ['524', 'provider_timeout', 3, { status: 524 }],
    ['529', 'provider_error', 3, { status: 529 }],
    ['HTML 502 (Cloudflare)', 'provider_error', 3, { htmlError: 502 }],
    ['HTML 524 (Cloudflare)', 'provider_timeout', 3, { htmlError: 524 }],
    ['unknown model (availability, no error.code)', 'model_unavailable', 1, { availability: 'model_not_found' }],
    ['privacy_restricted (data_collection: deny)', 'privacy_restricted', 1, { availability: 'privacy_restricted' }],
    ['availability not retryable', 'model_unavailable', 1, { availability: { code: 'temporarily_unavailable', retryable: false } }],
    ['unknown availability code', 'model_unavailable', 1, { availability: 'brand_new_code' }],
  ])('%s → %s after %i request(s)', async (_label, code, requests, scenario) => {
    mock.setScenario(scenario);
    const error = failed(await call(undefined));
    expect(error.code).toBe(code);
    expect(attempts()).toBe(requests);
    // The SDK never retries on its own: every attempt is ours (x-stainless-retry-count 0).
    expect(mock.requests().every((r) => (r.retryCount ?? 0) === 0)).toBe(true);
  });

  it('402 carries the limit source and is never retried', async () => {
    mock.setScenario({ status: 402, body: { error: { code: 402, message: 'Insufficient credits', metadata: { limit_source: 'openrouter_key_limit' } } } });
    const error = failed(await call(undefined));
    expect(error.appError).toMatchObject({ code: 'no_credit', detail: 'openrouter_key_limit' });
    expect(attempts()).toBe(1);
  });

  it('a key budget spent mid-session → the next call gets no_credit', async () => {
    mock.addKey({ key: 'sk-or-v1-budget-000000000000', limit: 0.0000001 });
    succeeded(await call({ content: 'this one is charged' }, { apiKey: 'sk-or-v1-budget-000000000000' }));
    const error = failed(await call(undefined, { apiKey: 'sk-or-v1-budget-000000000000' }));
    expect(error.appError).toMatchObject({ code: 'no_credit', detail: 'openrouter_key_limit' });
  });

  it('502 twice then OK → success on the third attempt', async () => {
    const result = succeeded(await call({ serverError5xxThenOk: 2, content: 'third time lucky' }));
    expect(result.text).toBe('third time lucky');
    expect(attempts()).toBe(3);
  });

  it('x-should-retry: false stops the retries', async () => {
    mock.setScenario({ status: 502, xShouldRetry: false });
    expect(failed(await call(undefined)).code).toBe('provider_error');
    expect(attempts()).toBe(1);
  });
});

describe('Retry-After', () => {
  it.each<[string, Scenario]>([
    ['seconds', { status: 429, retryAfter: 1 }],
    ['an HTTP date', { status: 429, retryAfter: new Date(Date.now() + 1000).toUTCString() }],
    ['0', { status: 429, retryAfter: 0 }],
    ['negative (ignored)', { status: 429, retryAfter: -5 }],
    ['garbage (ignored)', { status: 429, retryAfter: 'soon-ish' }],
    ['retry-after-ms', { status: 429, retryAfterMs: 40 }],
    ['availability.retry_after', { availability: { code: 'capacity_exhausted', retryAfter: 1 } }],
  ])('%s: honoured, then the next attempt succeeds', async (_label, scenario) => {
    const started = Date.now();
    const result = succeeded(await call([scenario, { content: 'after the wait' }]));
    expect(result.text).toBe('after the wait');
    expect(attempts()).toBe(2);
    if (scenario.retryAfter === 1) expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    if (scenario.retryAfterMs) expect(Date.now() - started).toBeGreaterThanOrEqual(35);
  });

  it('a hint above the SDK 60 s cap is honoured as given (not replaced by an 8 s backoff)', () => {
    const headers = new Headers({ 'retry-after': '90' });
    expect(retryAfterMs(headers)).toBe(90_000);
    const failure = new LlmCallError(new AppError('rate_limited'), { retryable: true, retryAfterMs: 90_000 });
    expect(capRetryAfter(failure, 120_000, 0)).toBe(failure);
    expect(retryDelayMs(failure, 1)).toBe(90_000);
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '1500', 'retry-after': '9' }))).toBe(1500);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }), undefined, Date.parse('Wed, 21 Oct 2015 07:27:30 GMT'))).toBe(30_000);
    expect(retryAfterMs(new Headers({ 'retry-after': '-1' }))).toBeUndefined();
    expect(retryAfterMs(new Headers({ 'retry-after': 'NaN' }))).toBeUndefined();
  });

  it('a wait longer than the UI cap gives up at once with rate_limited and the time to retry', async () => {
    mock.setScenario({ status: 429, retryAfter: 300 });
    const before = Date.now();
    const error = failed(await call(undefined, { maxWaitMs: 120_000 }));
    expect(error.code).toBe('rate_limited');
    const retryAt = Date.parse(error.appError.detail ?? '');
    expect(retryAt).toBeGreaterThanOrEqual(before + 299_000);
    expect(retryAt).toBeLessThanOrEqual(Date.now() + 301_000);
    expect(attempts()).toBe(1);
  });

  it(':free models: the 21st request in a minute is not retried into the daily quota', async () => {
    for (let i = 0; i < 20; i += 1) succeeded(await call({ content: `free ${i}` }, { model: 'mock/free:free' }));
    const error = failed(await call(undefined, { model: 'mock/free:free', maxWaitMs: 10 }));
    expect(error.code).toBe('rate_limited');
    expect(error.appError.detail).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(attempts()).toBe(21);
  });
});

describe('stalls, delays and cancel', () => {
  it.each<[string, Scenario['hang']]>([
    ['before the headers', 'beforeHeaders'],
    ['after the headers', 'afterHeaders'],
  ])('a stream that hangs %s trips the watchdog, aborts the socket and is retried', async (_label, hang) => {
    mock.setScenario({ hang });
    const error = failed(await call(undefined, { watchdogMs: 150 }));
    expect(error.code).toBe('stream_stalled');
    expect(attempts()).toBe(3);
    await expect.poll(() => mock.requests().every((r) => r.clientAborted)).toBe(true);
  });

  it('a stream that hangs after content keeps the partial text and is not retried', async () => {
    const error = failed(await call({ content: 'started then silence', pieces: 3, hang: 'afterFirstChunk' }, { watchdogMs: 150 }));
    expect(error.code).toBe('stream_stalled');
    expect(error.partial?.text.length).toBeGreaterThan(0);
    expect('started then silence'.startsWith(error.partial?.text ?? '')).toBe(true);
    expect(attempts()).toBe(1);
    await expect.poll(() => mock.lastRequest()?.clientAborted).toBe(true);
  });

  it('slow but steady bytes (comments only, then a trickle) do not trip the watchdog', async () => {
    const result = succeeded(
      // The whole answer takes about 1.2 s, over twice the watchdog; no gap comes near it (100 ms, room for a loaded machine).
      await call({ content: 'slow and steady', keepalivesBefore: 8, keepaliveIntervalMs: 100, chunkDelayMs: 100, pieces: 4 }, { watchdogMs: 500 }),
    );
    expect(result.text).toBe('slow and steady');
  });

  it('headers that take a while (under the watchdog) are fine', async () => {
    expect(succeeded(await call({ content: 'late', headerDelayMs: 100 }, { watchdogMs: 1000 })).text).toBe('late');
  });

  it('cancel aborts the HTTP request: run_cancelled, the server sees the client leave', async () => {
    mock.setScenario({ content: 'a long answer that will not finish', pieces: 'word', chunkDelayMs: 100 });
    const controller = new AbortController();
    const pending = call(undefined, { signal: controller.signal });
    await mock.waitForRequest((r) => r.path === '/api/v1/chat/completions', 2000);
    await new Promise((resolve) => setTimeout(resolve, 250));
    controller.abort();
    const outcome = await pending;
    const error = failed(outcome);
    expect(error.code).toBe('run_cancelled');
    expect(error.partial?.text.length).toBeGreaterThan(0);
    expect(attempts()).toBe(1);
    await expect.poll(() => mock.lastRequest()?.clientAborted).toBe(true);
  });

  it('cancel before the call sends nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(failed(await call(undefined, { signal: controller.signal })).code).toBe('run_cancelled');
    expect(attempts()).toBe(0);
  });

  it('connection refused → network_error after retries', async () => {
    const closed = await createMockOpenRouter({ port: 0 });
    const baseURL = closed.baseURL;
    await closed.close();
    const error = await runWithPolicy(
      () => runAttempt({ model: 'm', messages: [{ role: 'user', content: 'x' }] }, { makeClient: (fetch) => createLlmClient({ baseURL, apiKey: 'k', fetch }), watchdogMs: 1000 }),
      { baseDelayMs: 1 },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'network_error' });
  });
});

describe('circuit breaker per endpoint (storage.session)', () => {
  it('opens after repeated provider failures, then refuses calls without touching the network', async () => {
    const registry = createBreakerRegistry(sessionBreakerStore, { threshold: 3, halfOpenAfterMs: 60_000 });
    const breaker = await registry.forEndpoint(mock.baseURL);
    mock.setScenario({ status: 502 });
    expect(failed(await call(undefined, { breaker })).code).toBe('provider_error');
    expect(attempts()).toBe(3);
    expect(breaker.state).toBe(CircuitState.Open);

    const error = failed(await call(undefined, { breaker }));
    expect(error.code).toBe('provider_unavailable');
    expect(attempts()).toBe(3);

    // A restarted worker reads the open breaker back from storage.session.
    const stored = await fakeBrowser.storage.session.get(null);
    expect(Object.keys(stored)).toEqual([`llmBreaker:${new URL(mock.baseURL).origin}`]);
    const revived = await createBreakerRegistry(sessionBreakerStore, { threshold: 3 }).forEndpoint(mock.baseURL);
    expect(revived.state).toBe(CircuitState.Open);
    expect(failed(await call(undefined, { breaker: revived })).code).toBe('provider_unavailable');
    expect(attempts()).toBe(3);
  });

  it('client errors (400, 401, 402, 429) do not open it; another endpoint has its own', async () => {
    const registry = createBreakerRegistry(sessionBreakerStore, { threshold: 2 });
    const breaker = await registry.forEndpoint(mock.baseURL);
    for (const status of [400, 401, 402, 400, 401]) {
      mock.enqueue({ status });
      failed(await call(undefined, { breaker }));
    }
    expect(breaker.state).toBe(CircuitState.Closed);
    expect(await registry.forEndpoint('https://openrouter.ai/api/v1')).not.toBe(breaker);
    expect(await registry.forEndpoint(`${mock.baseURL}/`)).toBe(breaker);
  });

  it('half-opens after the pause and closes again on success', async () => {
    const memory = new Map<string, unknown>();
    const store: BreakerStore = { get: async (k) => memory.get(k), set: async (k, v) => void memory.set(k, v) };
    const breaker = await createBreakerRegistry(store, { threshold: 1, halfOpenAfterMs: 100 }).forEndpoint(mock.baseURL);
    mock.enqueue({ status: 502 });
    failed(await call(undefined, { breaker, maxAttempts: 1 }));
    expect(breaker.state).toBe(CircuitState.Open);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(succeeded(await call({ content: 'healthy again' }, { breaker })).text).toBe('healthy again');
    expect(breaker.state).toBe(CircuitState.Closed);
  });
});

describe('classifyLlmError', () => {
  it('never reads the message and never leaks it into the AppError', () => {
    const error = classifyLlmError(new Error('Bearer sk-or-v1-secret failed'));
    expect(error.code).toBe('internal');
    expect(error.appError.message).toBe('internal');
  });
});
