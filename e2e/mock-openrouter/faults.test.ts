import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMockOpenRouter, type MockOpenRouter } from './server';
import {
  chat,
  collect,
  contentOf,
  jsonFrames,
  parseSse,
  readChunks,
  rejection,
  sdk,
  sdkText,
  USER_MESSAGES,
} from './test-support';

// Every §7.6 fault mode, checked on the wire (raw fetch) and, where it matters, as the openai SDK sees it.

let mock: MockOpenRouter;
beforeAll(async () => {
  mock = await createMockOpenRouter();
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

const REQUEST = { model: 'mock/json-strict', messages: USER_MESSAGES };
const DEFAULT_TEXT = 'This is a mock reply from mock/json-strict.';
const streamSdk = (client = sdk(mock), options?: OpenAI.RequestOptions) =>
  client.chat.completions.create({ ...REQUEST, stream: true }, options);
const jsonSdk = (client = sdk(mock), options?: OpenAI.RequestOptions) => client.chat.completions.create(REQUEST, options);

describe('pre-stream errors: status, body, headers', () => {
  it.each([
    [400, OpenAI.BadRequestError, 'Invalid request'],
    [401, OpenAI.AuthenticationError, 'User not found.'],
    [402, OpenAI.APIError, 'Insufficient credits. Add more using https://openrouter.ai/credits'],
    [403, OpenAI.PermissionDeniedError, 'Forbidden'],
    [404, OpenAI.NotFoundError, 'Resource not found'],
    [408, OpenAI.APIError, 'Operation timed out. Please try again later.'],
    [413, OpenAI.APIError, 'Request payload too large'],
    [422, OpenAI.UnprocessableEntityError, 'Invalid argument'],
    [429, OpenAI.RateLimitError, 'Rate limit exceeded'],
    [500, OpenAI.InternalServerError, 'Internal Server Error'],
    [502, OpenAI.InternalServerError, 'Provider returned error'],
    [503, OpenAI.InternalServerError, 'Service temporarily unavailable'],
    [524, OpenAI.InternalServerError, 'Request timed out. Please try again later.'],
    [529, OpenAI.InternalServerError, 'Provider returned error'],
  ])('status %i gets the documented body (%o in the SDK)', async (status, errorClass, message) => {
    mock.enqueue({ status });
    const error = (await rejection(streamSdk())) as InstanceType<typeof OpenAI.APIError>;
    expect(error).toBeInstanceOf(errorClass);
    expect(error.status).toBe(status);
    expect(error.error).toEqual({ code: status, message });
    expect(mock.requests()).toHaveLength(1);
  });

  it('sends a scripted body and headers verbatim', async () => {
    const body = { error: { code: 402, message: 'Spend limit', metadata: { limit_source: 'openrouter_in_flight_budget' } } };
    mock.enqueue({ status: 402, body, headers: { 'x-custom': 'yes' }, retryAfter: 3 });
    const res = await chat(mock, {});
    expect(res.status).toBe(402);
    expect(res.headers.get('x-custom')).toBe('yes');
    expect(res.headers.get('retry-after')).toBe('3');
    expect(await res.json()).toEqual(body);
  });

  it('sends a scripted string body as it is', async () => {
    mock.enqueue({ status: 500, body: 'plain failure' });
    const res = await chat(mock, {});
    expect(await res.text()).toBe('plain failure');
  });
});

describe('retry hints: Retry-After, retry-after-ms, x-should-retry', () => {
  it.each([['60'], ['0'], ['-5'], ['120'], ['soon'], ['Wed, 21 Oct 2015 07:28:00 GMT']])('passes Retry-After %s through', async (value) => {
    mock.enqueue({ status: 429, retryAfter: Number.isNaN(Number(value)) ? value : Number(value) });
    expect((await chat(mock, {})).headers.get('retry-after')).toBe(value);
  });

  it('lets the SDK retry on retry-after-ms and counts the attempts', async () => {
    mock.enqueue({ status: 429, retryAfterMs: 1, times: 2 });
    const data = await jsonSdk(sdk(mock, { maxRetries: 2 }));
    expect(data.choices[0]?.message.content).toBe(DEFAULT_TEXT);
    expect(mock.requests().map((r) => [r.status, r.retryCount])).toEqual([
      [429, 0],
      [429, 1],
      [200, 2],
    ]);
  });

  it('stops SDK retries with x-should-retry: false and forces them with true', async () => {
    mock.enqueue({ status: 503, xShouldRetry: false });
    await rejection(jsonSdk(sdk(mock, { maxRetries: 2 })));
    expect(mock.requests()).toHaveLength(1);

    mock.reset();
    mock.enqueue({ status: 400, xShouldRetry: true, retryAfter: 0 });
    await jsonSdk(sdk(mock, { maxRetries: 1 }));
    expect(mock.requests().map((r) => r.status)).toEqual([400, 200]);
  });
});

describe('serverError5xxThenOk', () => {
  it('fails n times, then answers; the SDK retries get there and the scenario is used up', async () => {
    mock.enqueue({ serverError5xxThenOk: 2, retryAfterMs: 1, content: 'finally' });
    const chunks = await collect(await streamSdk(sdk(mock, { maxRetries: 2 })));
    expect(sdkText(chunks)).toBe('finally');
    expect(mock.requests().map((r) => [r.status, r.retryCount, r.scenarioId])).toEqual([
      [502, 0, 's1'],
      [502, 1, 's1'],
      [200, 2, 's1'],
    ]);
    expect((await chat(mock, {})).status).toBe(200);
  });

  it('uses the given status and is not retried past maxRetries', async () => {
    mock.enqueue({ serverError5xxThenOk: { count: 3, status: 529 }, retryAfterMs: 1 });
    const error = await rejection(jsonSdk(sdk(mock, { maxRetries: 1 })));
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect(mock.requests().map((r) => r.status)).toEqual([529, 529]);
  });
});

describe('availability, moderation, guardrail', () => {
  it('emits an availability error without error.code, with Retry-After from retry_after', async () => {
    mock.enqueue({
      availability: { code: 'capacity_exhausted', retryAfter: 40, fallbackModels: ['anthropic/claude-haiku-4.5'], affectedProviders: ['anthropic'] },
    });
    const res = await chat(mock, {});
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('40');
    const body = (await res.json()) as { error: Record<string, unknown> };
    expect(body.error).not.toHaveProperty('code');
    expect(body.error).toEqual({
      message: 'All providers for mock/json-strict are at capacity. Retry after 40 seconds.',
      error_type: 'rate_limit_exceeded',
      http_status: 429,
      availability: {
        code: 'capacity_exhausted',
        retryable: true,
        retry_after: 40,
        requested_models: ['mock/json-strict'],
        affected_providers: ['anthropic'],
        fallback_models: ['anthropic/claude-haiku-4.5'],
        docs_url: 'https://openrouter.ai/docs/errors#capacity_exhausted',
      },
    });
  });

  it.each([
    ['temporarily_unavailable', 503, true],
    ['privacy_restricted', 404, false],
    ['region_restricted', 403, false],
    ['free_variant_ended', 404, false],
    ['brand_new_code', 503, false],
  ])('availability %s → %i, retryable %s', async (code, status, retryable) => {
    mock.enqueue({ availability: code });
    const res = await chat(mock, {});
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { http_status: status, availability: { code, retryable } } });
  });

  it('answers moderation with 403 metadata and a middle-truncated flagged_input', async () => {
    mock.enqueue({ moderation: { reasons: ['violence'] } });
    const text = `${'a'.repeat(80)}MIDDLE${'z'.repeat(80)}`;
    const error = (await rejection(
      sdk(mock).chat.completions.create({ model: 'mock/json-strict', messages: [{ role: 'user', content: text }] }),
    )) as InstanceType<typeof OpenAI.PermissionDeniedError>;
    expect(error).toBeInstanceOf(OpenAI.PermissionDeniedError);
    const metadata = (error.error as { metadata: { flagged_input: string } }).metadata;
    expect(metadata).toEqual({
      reasons: ['violence'],
      flagged_input: `${'a'.repeat(49)}...${'z'.repeat(48)}`,
      provider_name: 'MockProvider',
      model_slug: 'mock/json-strict',
    });
    expect(metadata.flagged_input).toHaveLength(100);
  });

  it('answers a guardrail block with the documented body', async () => {
    mock.enqueue({ guardrail: true });
    const res = await chat(mock, {});
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: {
        code: 403,
        message: 'Request blocked: prompt injection patterns detected',
        metadata: { patterns: ['ignore all previous instructions'] },
      },
    });
  });
});

describe('non-JSON answers', () => {
  it.each([[true, 502], [524, 524]] as const)('htmlError %s sends a Cloudflare page', async (htmlError, status) => {
    mock.enqueue({ htmlError });
    const res = await chat(mock, {});
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(await res.text()).toMatch(new RegExp(`^<!DOCTYPE html>[\\s\\S]*${status}[\\s\\S]*Cloudflare`));
    mock.enqueue({ htmlError });
    expect(await rejection(jsonSdk())).toBeInstanceOf(OpenAI.InternalServerError);
  });

  it('okButNotJson: 200 application/json with an HTML body, which the SDK cannot parse', async () => {
    mock.enqueue({ okButNotJson: true });
    const res = await chat(mock, {});
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.text()).toMatch(/^<html>/);
    mock.enqueue({ okButNotJson: 'garbage{' });
    expect(await rejection(jsonSdk())).toBeInstanceOf(SyntaxError);
  });
});

describe('timing: header delay, keep-alive comments, slow and trickled streams', () => {
  it('delays the status line by headerDelayMs', async () => {
    mock.enqueue({ headerDelayMs: 120 });
    const started = Date.now();
    await chat(mock, {});
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('trips an SDK timeout before the headers arrive, and records the abort', async () => {
    mock.enqueue({ headerDelayMs: 300 });
    const error = await rejection(jsonSdk(sdk(mock, { timeout: 60 })));
    expect(error).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    const record = await mock.waitForRequest((r) => r.clientAborted);
    expect(record.status).toBeUndefined();
  });

  it('sends keepalivesBefore comments spaced by keepaliveIntervalMs', async () => {
    mock.enqueue({ keepalivesBefore: 4, keepaliveIntervalMs: 25 });
    const started = Date.now();
    const { text } = await readChunks(await chat(mock, { stream: true }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(text.startsWith(': OPENROUTER PROCESSING\n\n'.repeat(4) + 'data: ')).toBe(true);
  });

  it.each([':', ': ping'])('uses keepaliveCommentText %j, between frames too; the SDK ignores them', async (comment) => {
    mock.enqueue({ keepaliveCommentText: comment, keepalivesBetween: 2 });
    const { text } = await readChunks(await chat(mock, { stream: true }));
    const { comments, events } = parseSse(text);
    expect(comments.every((c) => c === comment)).toBe(true);
    expect(comments).toHaveLength(1 + 2 * (events.length - 1));
    mock.enqueue({ keepaliveCommentText: comment, keepalivesBetween: 2 });
    expect(sdkText(await collect(await streamSdk()))).toBe(DEFAULT_TEXT);
  });

  it('can send no comment at all', async () => {
    mock.enqueue({ keepalivesBefore: 0 });
    expect((await readChunks(await chat(mock, { stream: true }))).text.startsWith('data: ')).toBe(true);
  });

  it('paces frames with chunkDelayMs', async () => {
    mock.enqueue({ chunkDelayMs: 20 });
    const started = Date.now();
    await collect(await streamSdk());
    // role + 3 pieces + terminal + usage + [DONE]: six gaps.
    expect(Date.now() - started).toBeGreaterThanOrEqual(115);
  });

  it('trickles bytes at trickleBytesPerSec', async () => {
    mock.enqueue({ trickleBytesPerSec: 20_000, content: 'short' });
    const started = Date.now();
    const chunks = await collect(await streamSdk());
    const elapsed = Date.now() - started;
    const record = await mock.waitForRequest((r) => r.endedAt !== undefined);
    expect(sdkText(chunks)).toBe('short');
    expect(elapsed).toBeGreaterThanOrEqual((record.bytesSent / 20_000) * 1000 * 0.8);
    expect(record.writes).toBeGreaterThan(record.bytesSent / 400 - 1);
  });

  it('mock/slow streams ten pieces 100 ms apart by default', async () => {
    const stream = await sdk(mock).chat.completions.create({ ...REQUEST, model: 'mock/slow', stream: true });
    const arrivals: number[] = [];
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta?.content) arrivals.push(Date.now());
      if (arrivals.length === 2) break;
    }
    expect((arrivals[1] ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual(90);
    mock.enqueue({ chunkDelayMs: 0 });
    const chunks = await collect(await sdk(mock).chat.completions.create({ ...REQUEST, model: 'mock/slow', stream: true }));
    expect(chunks.filter((c) => c.choices[0]?.delta?.content)).toHaveLength(10);
  });
});

describe('framing: split writes, line endings, multi-line data, no space, extra fields', () => {
  it('splitWrites "byte" writes every byte separately; the SDK reassembles', async () => {
    mock.enqueue({ splitWrites: 'byte', content: 'héllo 👋', keepalivesBefore: 0 });
    expect(sdkText(await collect(await streamSdk()))).toBe('héllo 👋');
    const record = await mock.waitForRequest((r) => r.endedAt !== undefined);
    expect(record.writes).toBe(record.bytesSent);
  });

  it('splitWrites "midUtf8" cuts inside multi-byte characters, and the client receives such chunks', async () => {
    mock.enqueue({ splitWrites: 'midUtf8', splitDelayMs: 3 });
    const { chunks, text } = await readChunks(await chat(mock, { stream: true }));
    const strictDecode = (c: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(c);
    expect(chunks.some((c) => {
      try {
        strictDecode(c);
        return false;
      } catch {
        return true;
      }
    })).toBe(true);
    const content = contentOf(jsonFrames(text));
    expect(content).toMatch(/👋🏽.*日本語/u);
    mock.enqueue({ splitWrites: 'midUtf8' });
    expect(sdkText(await collect(await streamSdk()))).toBe(content);
  });

  it('splitWrites "random" (seeded) and explicit sizes', async () => {
    mock.enqueue({ splitWrites: 'random', seed: 7 }, { splitWrites: [3, 50] });
    expect(sdkText(await collect(await streamSdk()))).toBe(DEFAULT_TEXT);
    const random = await mock.waitForRequest((r) => r.endedAt !== undefined);
    expect(random.writes).toBeGreaterThan(random.bytesSent / 16);
    expect(sdkText(await collect(await streamSdk()))).toBe(DEFAULT_TEXT);
  });

  it.each([['\r\n'], ['\r']] as const)('lineEnding %j parses in the SDK', async (lineEnding) => {
    mock.enqueue({ lineEnding });
    const { text } = await readChunks(await chat(mock, { stream: true }));
    expect(text.includes('\n')).toBe(lineEnding === '\r\n');
    expect(text.endsWith(`data: [DONE]${lineEnding}${lineEnding}`)).toBe(true);
    expect(contentOf(jsonFrames(text))).toBe(DEFAULT_TEXT);
    mock.enqueue({ lineEnding });
    expect(sdkText(await collect(await streamSdk()))).toBe(DEFAULT_TEXT);
  });

  it('multiLineData splits one payload over several data: lines, joined with \\n', async () => {
    mock.enqueue({ multiLineData: true });
    const { text } = await readChunks(await chat(mock, { stream: true }));
    expect(text).toMatch(/data: \{\ndata: {2}"id": "gen-/);
    expect(contentOf(jsonFrames(text))).toBe(DEFAULT_TEXT);
    mock.enqueue({ multiLineData: true });
    expect(sdkText(await collect(await streamSdk()))).toBe(DEFAULT_TEXT);
  });

  it('dataNoSpace omits the space after data:', async () => {
    mock.enqueue({ dataNoSpace: true });
    const { text } = await readChunks(await chat(mock, { stream: true }));
    expect(text).toContain('data:{"id"');
    expect(text).not.toContain('data: ');
    mock.enqueue({ dataNoSpace: true });
    expect(sdkText(await collect(await streamSdk()))).toBe(DEFAULT_TEXT);
  });

  it('extraFields adds id:, event:, retry: and unknown fields, all ignorable', async () => {
    mock.enqueue({ extraFields: true });
    const { text } = await readChunks(await chat(mock, { stream: true }));
    expect(text).toMatch(/id: \d+\nevent: message\nretry: 3000\nx-mock-unknown-field: ignore me\nfieldwithoutcolon\ndata: /);
    expect(contentOf(jsonFrames(text))).toBe(DEFAULT_TEXT);
    mock.enqueue({ extraFields: true });
    expect(sdkText(await collect(await streamSdk()))).toBe(DEFAULT_TEXT);
  });
});

describe('in-band errors', () => {
  type InBand = { status?: number; code?: unknown; error?: { code: unknown; message: string; metadata?: unknown } };

  /** Iterates an SDK stream, keeping the text seen before it throws. */
  async function partial(stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>) {
    let text = '';
    try {
      for await (const c of stream) text += c.choices[0]?.delta?.content ?? '';
    } catch (error) {
      return { text, error: error as InBand };
    }
    return { text, error: undefined };
  }

  it('midStreamError with a numeric code: partial text, then a status-less APIError', async () => {
    mock.enqueue({ content: 'abcdefghi', midStreamError: { afterPieces: 2, code: 429, message: 'Rate limit exceeded', errorType: 'rate_limit_exceeded' } });
    const { text, error } = await partial(await streamSdk());
    expect(text).toBe('abcdef');
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(error?.status).toBeUndefined();
    expect(error?.code).toBe(429);
    expect(error?.error).toEqual({ code: 429, message: 'Rate limit exceeded', metadata: { error_type: 'rate_limit_exceeded' } });
  });

  it('midStreamError frame shape on the wire, ending the stream (no [DONE])', async () => {
    mock.enqueue({ midStreamError: { code: 'server_error', message: 'Provider disconnected unexpectedly', withUsage: true } });
    const { text } = await readChunks(await chat(mock, { stream: true }));
    expect(text).not.toContain('[DONE]');
    const last = jsonFrames(text).at(-1) as Record<string, unknown>;
    expect(last).toMatchObject({
      object: 'chat.completion.chunk',
      provider: 'MockProvider',
      error: { code: 'server_error', message: 'Provider disconnected unexpectedly' },
      choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }],
      usage: { completion_tokens: Math.ceil(DEFAULT_TEXT.slice(0, 15).length / 4) },
    });
    expect((last.error as Record<string, unknown>).metadata).toBeUndefined();
  });

  it('midStreamError with a string code and provider_code; sanitize hides 5xx details', async () => {
    mock.enqueue({ midStreamError: { code: 'server_error', providerCode: 'overloaded', errorType: 'provider_overloaded' } });
    expect((await partial(await streamSdk())).error?.error).toEqual({
      code: 'server_error',
      message: 'Provider disconnected unexpectedly',
      metadata: { error_type: 'provider_overloaded', provider_code: 'overloaded' },
    });
    mock.enqueue({ midStreamError: { code: 502, message: 'upstream said secret things', providerCode: 'x', errorType: 'provider_unavailable', sanitize: true } });
    expect((await partial(await streamSdk())).error?.error).toEqual({
      code: 502,
      message: 'Internal Server Error',
      metadata: { error_type: 'provider_unavailable' },
    });
  });

  it('records the errored generation with the partial tokens', async () => {
    mock.enqueue({ content: 'abcdefgh', pieces: 2, midStreamError: { afterPieces: 1 } });
    const res = await chat(mock, { stream: true });
    const id = res.headers.get('x-generation-id');
    await readChunks(res);
    await vi.waitFor(() => expect(mock.generations().find((g) => g.id === id)).toMatchObject({ finish_reason: 'error', tokens_completion: 1 }));
  });

  it('errorBeforeContent: 200 and comments, then an error with no content', async () => {
    mock.enqueue({ errorBeforeContent: { code: 503, message: 'No provider', errorType: 'provider_overloaded' }, keepalivesBefore: 2 });
    const { text } = await readChunks(await chat(mock, { stream: true }));
    const { comments, events } = parseSse(text);
    expect(comments).toHaveLength(2);
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.data ?? '')).toMatchObject({ error: { code: 503 }, choices: [{ finish_reason: 'error' }] });
    mock.enqueue({ errorBeforeContent: true });
    const { text: seen, error } = await partial(await streamSdk());
    expect(seen).toBe('');
    expect(error?.error?.code).toBe(502);
  });

  it('committedError: a non-stream 200 whose choice has finish_reason "error", an error and partial content', async () => {
    mock.enqueue({ committedError: { code: 502, message: 'Provider disconnected mid-stream', errorType: 'provider_unavailable', partialContent: 'partial output...' } });
    const data = await jsonSdk();
    expect(data.choices[0]).toMatchObject({
      finish_reason: 'error',
      message: { role: 'assistant', content: 'partial output...' },
      error: { code: 502, message: 'Provider disconnected mid-stream', metadata: { error_type: 'provider_unavailable' } },
    });
  });

  it('midStreamError on a non-stream request becomes a committed error', async () => {
    mock.enqueue({ content: 'abcdef', midStreamError: { afterPieces: 1, code: 429 } });
    const data = await jsonSdk();
    expect(data.choices[0]).toMatchObject({ finish_reason: 'error', message: { content: 'ab' }, error: { code: 429 } });
  });
});

describe('truncated, reset and broken streams', () => {
  it('truncate "noDone": finish reason and usage, then a clean close; the SDK ends quietly', async () => {
    mock.enqueue({ truncate: 'noDone' });
    const { text } = await readChunks(await chat(mock, { stream: true }));
    expect(text).not.toContain('[DONE]');
    expect(jsonFrames(text).at(-1)).toHaveProperty('usage');
    mock.enqueue({ truncate: 'noDone' });
    const chunks = await collect(await streamSdk());
    expect(chunks.some((c) => c.choices[0]?.finish_reason === 'stop')).toBe(true);
  });

  it('truncate "noFinishReason": content, then a clean close with no finish reason, usage or [DONE]', async () => {
    mock.enqueue({ truncate: 'noFinishReason' });
    const chunks = await collect(await streamSdk());
    expect(sdkText(chunks)).toBe(DEFAULT_TEXT);
    expect(chunks.some((c) => c.choices[0]?.finish_reason || c.usage)).toBe(false);
  });

  it('truncate "midFrame": the stream stops halfway through a data frame', async () => {
    mock.enqueue({ truncate: 'midFrame' });
    const { text } = await readChunks(await chat(mock, { stream: true }));
    expect(text).toMatch(/data: \{"id":"gen-[^\n]*$/);
    mock.enqueue({ truncate: 'midFrame' });
    const chunks = await collect(await streamSdk());
    expect(chunks.some((c) => c.choices[0]?.finish_reason)).toBe(false);
  });

  it('reset: destroys the socket after N bytes; the SDK sees a connection error, the record a server reset', async () => {
    mock.enqueue({ reset: { afterBytes: 700 } });
    const error = await rejection(collect(await streamSdk()));
    expect(error).toBeInstanceOf(Error);
    const record = await mock.waitForRequest((r) => r.endedAt !== undefined);
    expect(record).toMatchObject({ serverReset: true, clientAborted: false, bytesSent: 700 });
  });

  it.each([
    ['malformedFrame true', true, SyntaxError],
    ['malformedFrame "nan"', 'nan', SyntaxError],
  ] as const)('%s: the SDK throws on the bad frame', async (_name, malformedFrame, errorClass) => {
    mock.enqueue({ malformedFrame });
    expect(await rejection(collect(await streamSdk()))).toBeInstanceOf(errorClass);
  });

  it('malformedFrame with a payload of choice', async () => {
    mock.enqueue({ malformedFrame: { payload: '{"choices": [' } });
    const { text } = await readChunks(await chat(mock, { stream: true }));
    expect(parseSse(text).events.map((e) => e.data)).toContain('{"choices": [');
  });

  it('emptyChoicesMidStream: a frame with choices [] and no usage in the middle', async () => {
    mock.enqueue({ emptyChoicesMidStream: true });
    const chunks = await collect(await streamSdk());
    const empty = chunks.findIndex((c) => c.choices.length === 0);
    expect(empty).toBeGreaterThan(0);
    expect(empty).toBeLessThan(chunks.length - 1);
    expect(chunks[empty]?.usage).toBeUndefined();
    expect(sdkText(chunks)).toBe(DEFAULT_TEXT);
  });

  it('duplicateDone and framesAfterDone are on the wire and ignored by the SDK', async () => {
    mock.enqueue({ duplicateDone: true, framesAfterDone: 2 });
    const { text } = await readChunks(await chat(mock, { stream: true }));
    expect(text.split('data: [DONE]')).toHaveLength(3);
    expect(text.split('[after DONE]')).toHaveLength(3);
    mock.enqueue({ duplicateDone: true, framesAfterDone: true });
    expect(sdkText(await collect(await streamSdk()))).toBe(DEFAULT_TEXT);
  });
});

describe('hangs and client aborts', () => {
  it('hang "beforeHeaders": nothing until the client aborts; recorded as clientAborted', async () => {
    mock.enqueue({ hang: 'beforeHeaders' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(await rejection(streamSdk(sdk(mock), { signal: controller.signal }))).toBeInstanceOf(OpenAI.APIUserAbortError);
    const record = await mock.waitForRequest((r) => r.clientAborted);
    expect(record.status).toBeUndefined();
    expect(record.bytesSent).toBe(0);
  });

  it('hang "afterHeaders": 200 and then silence; aborting ends the SDK iteration quietly', async () => {
    mock.enqueue({ hang: 'afterHeaders' });
    const controller = new AbortController();
    const stream = await streamSdk(sdk(mock), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await collect(stream)).toEqual([]);
    expect(await mock.waitForRequest((r) => r.clientAborted)).toMatchObject({ status: 200, bytesSent: 0 });
  });

  it('hang "afterFirstChunk": some text, then silence; abort → cancelled generation billed for what was sent', async () => {
    mock.enqueue({ hang: 'afterFirstChunk', content: 'abcdefgh', pieces: 2 });
    const stream = await streamSdk();
    let text = '';
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? '';
      if (text) stream.controller.abort();
    }
    expect(text).toBe('abcd');
    const record = await mock.waitForRequest((r) => r.clientAborted);
    await vi.waitFor(() =>
      expect(mock.generations().find((g) => g.id === record.generationId)).toMatchObject({ cancelled: true, streamed: true, tokens_completion: 1 }),
    );
  });

  it('records clientAborted when the client stops reading a slow stream', async () => {
    mock.enqueue({ chunkDelayMs: 40, pieces: 10 });
    const stream = await streamSdk();
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta?.content) break;
    }
    const record = await mock.waitForRequest((r) => r.clientAborted);
    expect(record.stream).toBe(true);
  });

  it('hang on a non-stream request: headers, then nothing, until the client aborts', async () => {
    mock.enqueue({ hang: 'afterHeaders' }, { hang: 'afterFirstChunk' });
    for (let i = 0; i < 2; i++) {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      await rejection(jsonSdk(sdk(mock), { signal: controller.signal }));
    }
    await vi.waitFor(() => expect(mock.requests().filter((r) => r.clientAborted)).toHaveLength(2));
    expect(mock.requests()[1]?.bytesSent).toBeGreaterThan(0);
  });

  it('close() ends hung connections without marking them as client aborts', async () => {
    const other = await createMockOpenRouter({ defaultScenario: { hang: 'beforeHeaders' } });
    const pending = chat(other, {}).catch((error: unknown) => error);
    await other.waitForRequest((r) => r.rawBody !== '');
    await other.close();
    expect(await pending).toBeInstanceOf(Error);
    expect(other.requests()[0]?.clientAborted).toBe(false);
  });
});
