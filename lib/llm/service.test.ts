import { Dexie } from 'dexie';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod';
import { createMockOpenRouter, type MockOpenRouter, type Scenario } from '../../e2e/mock-openrouter';
import { createLlmUsageRepo, type UsageRow } from '../db/repos/llm-usage';
import { createRunsRepo, type LlmRunRow } from '../db/repos/runs';
import { JobfitDb } from '../db/schema';
import type { RunFrame } from '../messaging/ports';
import type { LlmPrivacy, Profile, SpendingCap } from '../storage/items';
import { createLlmClient } from './client';
import { createBreakerRegistry, type BreakerStore } from './policy';
import { createLlmService, type LlmService, type StartRunInput } from './service';
import { runAttempt } from './stream';

/**
 * The run engine end to end: real mock server, real openai SDK, fake-indexeddb, fakeBrowser.
 * Each case checks the frames a page sees, the `runs` row and the usage log together.
 */

let mock: MockOpenRouter;
let db: JobfitDb;
let service: LlmService;
let ping: ReturnType<typeof vi.fn<() => Promise<{ os: string }>>>;
let cap: SpendingCap;
let privacy: LlmPrivacy;
let fetchInsideTransaction: boolean;

const profile: Profile = {
  name: 'Ana María López-García',
  email: 'ana.lopez+jobs@mail.example.dev',
  phone: '+49 151 12345678',
  location: 'Berlin, Germany',
  links: ['https://www.linkedin.com/in/ana-lopez-garcia/', 'github.com/analopez'],
};

const analysisSchema = z.strictObject({
  title: z.string(),
  score: z.number(),
  skills: z.array(z.string()),
});

const memoryStore = (): BreakerStore => {
  const m = new Map<string, unknown>();
  return { get: async (k) => m.get(k), set: async (k, v) => void m.set(k, v) };
};

function makeService(over: Parameters<typeof createLlmService>[0] = {}): LlmService {
  return createLlmService({
    db: () => db,
    readKey: async () => mock.apiKey,
    settings: {
      baseUrl: async () => mock.baseURL,
      models: async () => ({ analysis: 'mock/json-strict', tailoring: 'mock/no-structured' }),
      profile: async () => profile,
      spendingCap: async () => cap,
      privacy: async () => privacy,
    },
    fetch: (...args) => {
      if (Dexie.currentTransaction) fetchInsideTransaction = true;
      return globalThis.fetch(...args);
    },
    ping,
    breakers: createBreakerRegistry(memoryStore()),
    schemas: { analysis: { name: 'analysis', schema: analysisSchema } },
    policy: { baseDelayMs: 1, maxDelayMs: 5, maxWaitMs: 10_000 },
    watchdogMs: 2_000,
    flushMs: 50,
    ...over,
  });
}

beforeAll(async () => {
  mock = await createMockOpenRouter({ port: 0 });
});
afterAll(async () => {
  await mock.close();
});
beforeEach(async () => {
  fakeBrowser.reset();
  db = new JobfitDb(`jobfit-llm-${crypto.randomUUID()}`);
  await db.open();
  ping = vi.fn<() => Promise<{ os: string }>>(async () => ({ os: 'linux' }));
  cap = { dailyUsd: null, monthlyUsd: null };
  privacy = { denyDataCollection: false, zdr: false, redactLocation: true };
  fetchInsideTransaction = false;
  service = makeService();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(async () => {
  await service.idle();
  expect(fetchInsideTransaction).toBe(false);
  db.close();
  mock.reset();
});

let counter = 0;
const input = (over: Partial<StartRunInput> = {}): StartRunInput => ({
  requestId: `req-${++counter}-${crypto.randomUUID()}`,
  feature: 'analysis',
  messages: [
    { role: 'system', content: 'You analyse job postings.' },
    { role: 'user', content: 'Hello mock' },
  ],
  ...over,
});

interface Finished {
  runId: string;
  frames: RunFrame[];
  last: RunFrame;
  row: LlmRunRow;
  usage: UsageRow[];
}

/** Starts a run, follows it like a page, waits for the end, and reads back the row and usage. */
async function run(over: Partial<StartRunInput> = {}, scenarios?: Scenario | Scenario[]): Promise<Finished> {
  if (scenarios) mock.enqueue(...[scenarios].flat());
  const frames: RunFrame[] = [];
  const { runId } = await service.startRun(input(over));
  await service.subscribe(runId, (f) => frames.push(f));
  await service.idle();
  const row = (await createRunsRepo(db).get(runId))!;
  const usage = await createLlmUsageRepo(db).byRun(runId);
  return { runId, frames, last: frames.at(-1)!, row, usage };
}

const chatRequests = () => mock.requests().filter((r) => r.path === '/api/v1/chat/completions');

describe('a run that succeeds', () => {
  it('streams to the page, ends done, and logs usage with the served model, cost and generation id', async () => {
    const r = await run({}, { content: 'A fine analysis.', pieces: 'word' });
    expect(r.frames[0]).toMatchObject({ type: 'progress' });
    expect(r.frames.filter((f) => f.type === 'delta').map((f) => (f as { text: string }).text).join('')).toBe('A fine analysis.');
    expect(r.last).toMatchObject({ type: 'done', text: 'A fine analysis.', cached: false, usage: { model: 'mock/json-strict', promptTokens: expect.any(Number), completionTokens: 4 } });
    const generation = mock.generations().at(-1)!;
    expect(r.row).toMatchObject({
      status: 'done',
      feature: 'analysis',
      model: 'mock/json-strict',
      attempt: 1,
      partialText: 'A fine analysis.',
      finishReason: 'stop',
      generationId: generation.id,
      servedModel: 'mock/json-strict',
      cached: false,
    });
    expect(r.row.finishedAt).toBeGreaterThanOrEqual(r.row.startedAt);
    expect(r.usage).toEqual([
      expect.objectContaining({
        runId: r.runId,
        feature: 'analysis',
        model: 'mock/json-strict',
        promptTokens: generation.tokens_prompt,
        completionTokens: generation.tokens_completion,
        cost: generation.total_cost,
        cached: 0,
        status: 'ok',
        generationId: generation.id,
      }),
    ]);
  });

  it('stores the model that actually served (fallback) and the one asked for', async () => {
    const r = await run({}, { content: 'served elsewhere', servedModel: 'anthropic/claude-haiku-4.5' });
    expect(r.row.servedModel).toBe('anthropic/claude-haiku-4.5');
    expect(r.usage[0]).toMatchObject({ model: 'anthropic/claude-haiku-4.5', requestedModel: 'mock/json-strict' });
    expect(r.last).toMatchObject({ type: 'done', usage: { model: 'anthropic/claude-haiku-4.5' } });
  });

  it('uses the model chosen for the feature, or the one in the request', async () => {
    await run({ model: 'openai/gpt-4o-mini' }, { content: 'x' });
    expect(chatRequests().at(-1)?.model).toBe('openai/gpt-4o-mini');
    await expect(service.startRun(input({ feature: 'coverLetter' }))).rejects.toMatchObject({ code: 'no_model', detail: 'coverLetter' });
  });

  it('refuses schemas that strict structured outputs cannot take, at creation', () => {
    expect(() => makeService({ schemas: { open: { name: 'open', schema: analysisSchema.loose() } } })).toThrow(/"open" is not strict-compatible/);
    expect(() => makeService({ schemas: { opt: { name: 'opt', schema: z.strictObject({ a: z.string().optional() }) } } })).toThrow(/not strict-compatible/);
  });

  it('refuses to start without a key or with an unknown schema', async () => {
    const noKey = makeService({ readKey: async () => undefined });
    await expect(noKey.startRun(input())).rejects.toMatchObject({ code: 'no_key' });
    await expect(service.startRun(input({ schema: 'nope' }))).rejects.toMatchObject({ code: 'invalid_payload' });
    expect(await db.runs.count()).toBe(0);
  });

  it('a double click (same request id) never runs twice', async () => {
    mock.setScenario({ content: 'once', chunkDelayMs: 30 });
    const request = input();
    const [a, b] = await Promise.all([service.startRun(request), service.startRun(request)]);
    await service.idle();
    const c = await service.startRun(request);
    expect(a.runId).toBe(request.requestId);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(c).toEqual({ runId: request.requestId, status: 'done', created: false });
    expect(chatRequests()).toHaveLength(1);
    expect(await db.runs.count()).toBe(1);
  });

  it('saves partial text in batches while streaming, in transactions of its own', async () => {
    mock.setScenario({ content: 'one two three four five six seven eight', pieces: 'word', chunkDelayMs: 40 });
    const { runId } = await service.startRun(input());
    const seen = new Set<string>();
    const repo = createRunsRepo(db);
    while ((await repo.get(runId))?.status === 'running') {
      seen.add((await repo.get(runId))!.partialText);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await service.idle();
    const partials = [...seen].filter(Boolean);
    expect(partials.length).toBeGreaterThanOrEqual(2);
    for (const p of partials) expect('one two three four five six seven eight'.startsWith(p)).toBe(true);
    expect((await repo.get(runId))?.partialText).toBe('one two three four five six seven eight');
  });

  it('holds the keep-alive (an extension API call on a short interval here) only while running', async () => {
    const s = makeService({ keepAliveMs: 40 });
    mock.setScenario({ content: 'slow answer in ten pieces', pieces: 10, chunkDelayMs: 40 });
    const { runId } = await s.startRun(input());
    await s.idle();
    const calls = ping.mock.calls.length;
    expect(calls).toBeGreaterThanOrEqual(5);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(ping).toHaveBeenCalledTimes(calls);
    expect((await createRunsRepo(db).get(runId))?.status).toBe('done');
  });
});

describe('privacy', () => {
  const variants = [
    'Ana María López-García',
    'López-García',
    'López',
    'ana.lopez+jobs@mail.example.dev',
    '+49 151 12345678',
    '0151/1234 5678',
    '15112345678',
    'Berlin',
    'linkedin.com/in/ana-lopez-garcia',
    'github.com/analopez',
  ];
  const cv = `CV of Ana María López-García (LÓPEZ-GARCÍA, Ana María)
Email ana.lopez+jobs@mail.example.dev, phone +49 151 12345678 or 0151/1234 5678.
Lives in Berlin, Germany. Profiles: https://www.linkedin.com/in/ana-lopez-garcia/ and github.com/analopez.
Experience 2019 – 2023 at Acme GmbH with TypeScript and React.`;

  it('no profile value leaves the device; the echoed answer comes back restored', async () => {
    const r = await run({ messages: [{ role: 'system', content: 'Assistant for Ana María López-García.' }, { role: 'user', content: cv }] }, { echoPrompt: true });
    expect(r.last).toMatchObject({ type: 'done', text: cv });
    expect(r.row.partialText).toBe(cv);
    const bodies = chatRequests().map((req) => req.rawBody);
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) {
      for (const value of variants) expect(body).not.toContain(value);
      expect(body.toLowerCase()).not.toContain('lopez');
      expect(body).toContain('[[NAME_1]]');
      expect(body).toContain('2019 – 2023');
      expect(body).toContain('TypeScript');
    }
  });

  it('the cache keeps the model text with placeholders, never the restored values', async () => {
    await run({ messages: [{ role: 'user', content: cv }] }, { echoPrompt: true });
    const stored = JSON.stringify(await db.llmCache.toArray());
    for (const value of variants) expect(stored).not.toContain(value);
  });

  it('sends provider.data_collection "deny" and zdr when the user chose them', async () => {
    privacy = { denyDataCollection: true, zdr: true, redactLocation: true };
    await run({}, { content: 'private' });
    expect(chatRequests().at(-1)?.json).toMatchObject({ provider: { data_collection: 'deny', zdr: true } });
    privacy = { denyDataCollection: false, zdr: false, redactLocation: true };
    await run({ fresh: true }, { content: 'default' });
    expect((chatRequests().at(-1)?.json as { provider?: unknown }).provider).toBeUndefined();
  });

  it('a model with no provider under that policy ends in privacy_restricted', async () => {
    privacy = { denyDataCollection: true, zdr: false, redactLocation: true };
    const r = await run({}, { availability: 'privacy_restricted' });
    expect(r.last).toMatchObject({ type: 'error', status: 'error', code: 'privacy_restricted' });
    expect(r.row).toMatchObject({ status: 'error', error: { code: 'privacy_restricted' } });
  });

  it('altered placeholders in the answer are repaired and reported on the done frame', async () => {
    const r = await run({ messages: [{ role: 'user', content: 'Write to ana.lopez+jobs@mail.example.dev' }] }, { content: 'Mail [EMAIL 1] today.' });
    expect(r.last).toMatchObject({
      type: 'done',
      text: 'Mail ana.lopez+jobs@mail.example.dev today.',
      warnings: { mangledPlaceholders: [{ found: '[EMAIL 1]', restored: true }] },
    });
  });
});

describe('cache', () => {
  it('an identical request is answered from the cache with 0 tokens, marked cached; fresh bypasses it', async () => {
    mock.setScenario({ content: 'cached answer' });
    const messages = input().messages;
    const first = await run({ messages });
    const second = await run({ messages });
    expect(chatRequests()).toHaveLength(1);
    expect(second.last).toMatchObject({ type: 'done', text: 'cached answer', cached: true, usage: { promptTokens: 0, completionTokens: 0, cost: 0 } });
    expect(second.row).toMatchObject({ status: 'done', cached: true, partialText: 'cached answer' });
    expect(second.usage).toEqual([expect.objectContaining({ cached: 1, promptTokens: 0, completionTokens: 0, cost: 0, status: 'ok' })]);
    expect(first.usage[0]?.cached).toBe(0);

    const fresh = await run({ messages, fresh: true });
    expect(chatRequests()).toHaveLength(2);
    expect(fresh.last).toMatchObject({ cached: false });
  });

  it('different parameters or models are different cache entries', async () => {
    mock.setScenario({ content: 'x' });
    const messages = input().messages;
    await run({ messages });
    await run({ messages, temperature: 0.2 });
    await run({ messages, model: 'openai/gpt-4o-mini' });
    expect(chatRequests()).toHaveLength(3);
  });

  it('failed runs are not cached', async () => {
    const messages = input().messages;
    await run({ messages }, { status: 400 });
    await run({ messages }, { content: 'now it works' });
    expect(chatRequests()).toHaveLength(2);
  });
});

describe('spending cap', () => {
  const spend = (cost: number, at = Date.now()) =>
    createLlmUsageRepo(db).add({ feature: 'analysis', model: 'mock/json-strict', promptTokens: 1, completionTokens: 1, cost, latencyMs: 1, cached: 0, status: 'ok', at });

  it('blocks a call whose estimate would go over the daily cap, without any request', async () => {
    await spend(0.5);
    cap = { dailyUsd: 0.5, monthlyUsd: null };
    const r = await run();
    expect(r.last).toMatchObject({ type: 'error', status: 'error', code: 'spending_cap', detail: 'daily' });
    expect(r.row).toMatchObject({ status: 'error', error: { code: 'spending_cap', detail: 'daily' } });
    expect(chatRequests()).toHaveLength(0);
    expect(r.usage).toEqual([]);
  });

  it('the monthly cap counts earlier days of the month', async () => {
    const now = new Date();
    const earlier = new Date(now.getFullYear(), now.getMonth(), 1, 0, 0, 1).getTime();
    await spend(2, earlier);
    cap = { dailyUsd: null, monthlyUsd: 2 };
    const r = await run();
    expect(r.last).toMatchObject({ code: 'spending_cap', detail: now.getDate() === 1 && earlier > Date.now() ? 'daily' : 'monthly' });
  });

  it('lets a call through under the cap, and cached answers cost nothing', async () => {
    cap = { dailyUsd: 1, monthlyUsd: 10 };
    const r = await run({}, { content: 'cheap' });
    expect(r.last).toMatchObject({ type: 'done' });
  });

  it('a free model passes a zero cap', async () => {
    cap = { dailyUsd: 0, monthlyUsd: 0 };
    const r = await run({ model: 'mock/free:free' }, { content: 'free' });
    expect(r.last).toMatchObject({ type: 'done', text: 'free' });
  });
});

describe('failures end in a specific code, with runs and usage consistent', () => {
  it.each<[string, Scenario, string, number]>([
    ['402', { status: 402 }, 'no_credit', 1],
    ['401', { status: 401 }, 'key_invalid', 1],
    ['503 three times', { status: 503, times: 3 }, 'provider_error', 3],
    ['finish_reason length', { content: 'cut', finishReason: 'length' }, 'output_too_long', 1],
    ['no finish reason', { content: 'cut', truncate: 'noFinishReason' }, 'stream_truncated', 1],
  ])('%s → %s', async (_label, scenario, code, requests) => {
    const r = await run({}, scenario);
    expect(r.last).toMatchObject({ type: 'error', status: 'error', code });
    expect(r.row).toMatchObject({ status: 'error', error: { code }, attempt: requests });
    expect(chatRequests()).toHaveLength(requests);
    expect(r.usage).toEqual([expect.objectContaining({ status: 'error', errorCode: code })]);
  });

  it('a mid-stream error keeps the partial text (restored) on the row and in the frame', async () => {
    const r = await run(
      { messages: [{ role: 'user', content: 'For ana.lopez+jobs@mail.example.dev' }] },
      { content: 'Dear [[EMAIL_1]], part one. Part two.', pieces: 4, midStreamError: { afterPieces: 2, code: 502 } },
    );
    expect(r.last).toMatchObject({ type: 'error', code: 'stream_error' });
    const partial = (r.last as { partialText: string }).partialText;
    expect(partial.length).toBeGreaterThan(0);
    expect(partial).not.toContain('[[');
    expect(r.row.partialText).toBe(partial);
    expect(r.row.status).toBe('error');
  });

  it('retries show as progress frames with the time of the next attempt', async () => {
    const r = await run({}, [{ status: 429, retryAfterMs: 30 }, { content: 'second attempt' }]);
    const retrying = r.frames.find((f) => f.type === 'progress' && f.stage === 'retrying');
    expect(retrying).toMatchObject({ attempt: 1, retryAt: expect.any(Number) });
    expect(r.row).toMatchObject({ status: 'done', attempt: 2 });
    expect(r.usage).toEqual([expect.objectContaining({ status: 'ok' })]);
  });

  it('a long Retry-After gives up at once with rate_limited and when to retry', async () => {
    const r = await run({}, { status: 429, retryAfter: 600 });
    expect(r.last).toMatchObject({ type: 'error', code: 'rate_limited', detail: expect.stringMatching(/^\d{4}-/) });
    expect(chatRequests()).toHaveLength(1);
  });
});

describe('cancel', () => {
  it('aborts the HTTP request mid-stream: the run ends cancelled (not failed, not done)', async () => {
    mock.setScenario({ content: 'a long answer that will be cut by the user', pieces: 'word', chunkDelayMs: 60 });
    const frames: RunFrame[] = [];
    const { runId } = await service.startRun(input());
    await service.subscribe(runId, (f) => frames.push(f));
    await vi.waitFor(() => expect(frames.some((f) => f.type === 'delta')).toBe(true), { timeout: 2000 });
    expect(await service.cancelRun(runId)).toEqual({ cancelled: true });
    await service.idle();
    const row = (await createRunsRepo(db).get(runId))!;
    expect(frames.at(-1)).toMatchObject({ type: 'error', status: 'cancelled', code: 'run_cancelled' });
    expect(frames.filter((f) => f.type === 'done' || f.type === 'error')).toHaveLength(1);
    expect(row.status).toBe('cancelled');
    expect(row.partialText.length).toBeGreaterThan(0);
    await expect.poll(() => mock.lastRequest()?.clientAborted).toBe(true);
    expect(await service.cancelRun(runId)).toEqual({ cancelled: false });
  });

  it('cancels at once while waiting to retry', async () => {
    mock.setScenario({ status: 429, retryAfter: 2 });
    const { runId } = await service.startRun(input());
    await vi.waitFor(async () => expect(chatRequests()).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await service.cancelRun(runId);
    // Well under the 2 s the retry would wait: the cancel does not sit out the backoff.
    expect(Date.now() - started).toBeLessThan(1500);
    expect(await createRunsRepo(db).get(runId)).toMatchObject({ status: 'cancelled' });
    await service.idle();
    expect(chatRequests()).toHaveLength(1);
    expect(await createRunsRepo(db).get(runId)).toMatchObject({ status: 'cancelled' });
  });

  it('an unknown run cannot be cancelled', async () => {
    await expect(service.cancelRun('nope')).rejects.toMatchObject({ code: 'run_not_found' });
  });
});

describe('structured outputs', () => {
  const structured = (over: Partial<StartRunInput> = {}) => input({ schema: 'analysis', ...over });

  it('valid JSON through json_schema + require_parameters → the validated result', async () => {
    mock.setScenario({ structured: 'valid' });
    const r = await run(structured());
    expect(r.last).toMatchObject({ type: 'done', result: { title: expect.any(String), score: expect.any(Number), skills: expect.any(Array) } });
    expect(r.row.result).toEqual((r.last as { result: unknown }).result);
    expect(chatRequests()[0]?.json).toMatchObject({
      response_format: { type: 'json_schema', json_schema: { name: 'analysis', strict: true } },
      provider: { require_parameters: true },
    });
  });

  it.each(['fenced', 'prose+json', 'trailingComma'] as const)('%s is repaired locally, in one request', async (mode) => {
    mock.setScenario({ structured: mode });
    const r = await run(structured());
    expect(r.last).toMatchObject({ type: 'done', result: expect.objectContaining({ title: expect.any(String) }) });
    expect(chatRequests()).toHaveLength(1);
  });

  it.each(['schemaViolating', 'invalidJson', 'emptyObject'] as const)('%s, then valid → one repair request, marked repaired', async (mode) => {
    const r = await run(structured(), [{ structured: mode }, { structured: 'valid' }]);
    expect(r.last).toMatchObject({ type: 'done', warnings: { repaired: true } });
    expect(chatRequests()).toHaveLength(2);
    const repair = chatRequests()[1]?.json as { messages: Array<{ role: string; content: string }> };
    expect(repair.messages.at(-2)?.role).toBe('assistant');
    expect(repair.messages.at(-1)?.content).toMatch(/does not match the required JSON schema/);
    expect(r.usage).toHaveLength(2);
  });

  it('twice invalid → invalid_output after exactly one repair', async () => {
    mock.setScenario({ structured: 'schemaViolating' });
    const r = await run(structured());
    expect(r.last).toMatchObject({ type: 'error', code: 'invalid_output', detail: 'schema' });
    expect(r.row).toMatchObject({ status: 'error', error: { code: 'invalid_output' } });
    expect(chatRequests()).toHaveLength(2);
  });

  it('truncated JSON (finish_reason length) → output_too_long, no repair', async () => {
    mock.setScenario({ structured: 'truncatedJson' });
    const r = await run(structured());
    expect(r.last).toMatchObject({ type: 'error', code: 'output_too_long' });
    expect(chatRequests()).toHaveLength(1);
  });

  it('a model without structured outputs gets the schema as instructions, and no require_parameters', async () => {
    const answer = JSON.stringify({ title: 'Engineer', score: 70, skills: ['Go'] });
    const r = await run(structured({ model: 'mock/no-structured' }), { content: `Here you go:\n\`\`\`json\n${answer}\n\`\`\`` });
    expect(r.last).toMatchObject({ type: 'done', result: { title: 'Engineer', score: 70, skills: ['Go'] } });
    const sent = chatRequests()[0]?.json as { response_format?: unknown; provider?: unknown; messages: Array<{ role: string; content: string }> };
    expect(sent.response_format).toBeUndefined();
    expect(sent.provider).toBeUndefined();
    expect(sent.messages[0]).toMatchObject({ role: 'system', content: expect.stringContaining('JSON Schema') });
  });

  it('json_schema with require_parameters on a model without support is refused by routing (model_unavailable)', async () => {
    const error = await runAttempt(
      {
        model: 'mock/no-structured',
        messages: [{ role: 'user', content: 'x' }],
        response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object' } } },
        provider: { require_parameters: true },
      },
      { makeClient: (fetch) => createLlmClient({ baseURL: mock.baseURL, apiKey: mock.apiKey, fetch }), watchdogMs: 2000 },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'model_unavailable', appError: { detail: 'constraint_filtered' } });
  });

  it('placeholders inside JSON strings are restored after validation; __proto__ keys are dropped', async () => {
    const answer = '{"title":"Profile of [[NAME_1]]","score":1,"skills":["[[URL_1]]"],"__proto__":{"x":1}}';
    const r = await run(structured({ messages: [{ role: 'user', content: 'Ana María López-García, github.com/analopez' }] }), { content: answer });
    expect(r.last).toMatchObject({ type: 'done', result: { title: 'Profile of Ana María López-García', score: 1, skills: ['github.com/analopez'] } });
    expect(Object.keys((r.last as { result: object }).result)).not.toContain('__proto__');
  });
});

describe('worker restart: interrupted runs and resume', () => {
  it('stale running rows become interrupted, pages see it, Resume is a new request, the dead cost is reconciled', async () => {
    // A generation that really happened (billed), then a worker that died before its usage frame.
    const client = createLlmClient({ baseURL: mock.baseURL, apiKey: mock.apiKey });
    const completion = await client.chat.completions.create({ model: 'mock/json-strict', messages: [{ role: 'user', content: 'Hello mock' }] });
    const repo = createRunsRepo(db);
    await repo.create({
      id: 'dead-run',
      feature: 'analysis',
      status: 'running',
      model: 'mock/json-strict',
      attempt: 1,
      partialText: 'half of it',
      startedAt: 1000,
      heartbeatAt: 1000,
      generationId: completion.id,
      request: { feature: 'analysis', model: 'mock/json-strict', messages: [{ role: 'user', content: 'Hello mock' }] },
    });

    const restarted = makeService({ workerStartedAt: Date.now() });
    expect(await restarted.reconcile()).toEqual(['dead-run']);
    const frames: RunFrame[] = [];
    await restarted.subscribe('dead-run', (f) => frames.push(f));
    expect(frames).toEqual([{ type: 'error', runId: 'dead-run', status: 'interrupted', code: 'run_interrupted', partialText: 'half of it' }]);

    await vi.waitFor(async () => expect(await createLlmUsageRepo(db).byRun('dead-run')).toHaveLength(1));
    const [reconciled] = await createLlmUsageRepo(db).byRun('dead-run');
    expect(reconciled).toMatchObject({ reconciled: true, generationId: completion.id, cost: (completion.usage as { cost?: number } | undefined)?.cost, status: 'error', errorCode: 'run_interrupted' });

    mock.enqueue({ content: 'the whole answer' });
    const resumed = await restarted.resumeRun('dead-run', 'resume-1');
    expect(resumed).toEqual({ runId: 'resume-1', status: 'running', created: true });
    await restarted.idle();
    expect(await repo.get('resume-1')).toMatchObject({ status: 'done', partialText: 'the whole answer', resumedFrom: 'dead-run' });
    expect(await repo.get('dead-run')).toMatchObject({ status: 'interrupted', partialText: 'half of it' });
    // Resuming twice with the same id (double click) starts nothing new.
    expect(await restarted.resumeRun('dead-run', 'resume-1')).toMatchObject({ runId: 'resume-1', created: false });
    await expect(restarted.resumeRun('missing', 'resume-2')).rejects.toMatchObject({ code: 'run_not_found' });
  });

  it('worker start and Resume looking up the same dead cost at once log it once', async () => {
    const client = createLlmClient({ baseURL: mock.baseURL, apiKey: mock.apiKey });
    const completion = await client.chat.completions.create({ model: 'mock/json-strict', messages: [{ role: 'user', content: 'Hello mock' }] });
    await createRunsRepo(db).create({
      id: 'dead-run',
      feature: 'analysis',
      status: 'running',
      model: 'mock/json-strict',
      attempt: 1,
      partialText: 'half',
      startedAt: 1000,
      heartbeatAt: 1000,
      generationId: completion.id,
      request: { feature: 'analysis', model: 'mock/json-strict', messages: [{ role: 'user', content: 'Hello mock' }] },
    });
    // /generation answers slowly, so both lookups are in flight together.
    let lookups = 0;
    const restarted = makeService({
      workerStartedAt: Date.now(),
      fetch: async (...args) => {
        const url = String(args[0] instanceof Request ? args[0].url : args[0]);
        if (url.includes('/generation')) {
          lookups += 1;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return globalThis.fetch(...args);
      },
    });
    mock.enqueue({ content: 'again' });
    expect(await restarted.reconcile()).toEqual(['dead-run']); // its cost lookup is now in flight
    await restarted.resumeRun('dead-run', 'resume-1');
    await restarted.idle();
    await vi.waitFor(async () => expect(await createLlmUsageRepo(db).byRun('dead-run')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 100)); // a second lookup would have landed by now
    expect(await createLlmUsageRepo(db).byRun('dead-run')).toHaveLength(1);
    expect(lookups).toBe(1);
  });

  it('Resume of a run whose answer had arrived uses the cached answer instead of paying again', async () => {
    const first = await run({ schema: 'analysis' }, { content: JSON.stringify({ title: 'Dev', score: 3, skills: ['TS'] }) });
    expect(first.row.status).toBe('done');
    // The worker stopped while it wrote the run as done: the row stayed running, usage and cache were written.
    await db.runs.update(first.runId, { status: 'running', heartbeatAt: 1000 });
    const restarted = makeService({ workerStartedAt: Date.now() });
    expect(await restarted.reconcile()).toEqual([first.runId]);
    const before = chatRequests().length;
    const resumed = await restarted.resumeRun(first.runId, 'resume-cached');
    await restarted.idle();
    expect(chatRequests()).toHaveLength(before);
    expect(await createRunsRepo(db).get(resumed.runId)).toMatchObject({ status: 'done', cached: true, resumedFrom: first.runId, result: { title: 'Dev', score: 3, skills: ['TS'] } });
    expect((await createLlmUsageRepo(db).byRun(resumed.runId)).map((u) => u.cached)).toEqual([1]);

    // A run that never got its answer goes out again.
    const cut = await run({ requestId: 'cut-run', messages: [{ role: 'user', content: 'other' }] }, { midStreamError: true });
    expect(cut.row.status).toBe('error');
    mock.enqueue({ content: 'fresh answer' });
    const again = await restarted.resumeRun('cut-run', 'resume-cut');
    await restarted.idle();
    expect(chatRequests()).toHaveLength(before + 2);
    expect(await createRunsRepo(db).get(again.runId)).toMatchObject({ status: 'done', cached: false, partialText: 'fresh answer' });
  });

  it('subscribing to a finished run replays its final frame with usage; an unknown run gets run_not_found', async () => {
    const done = await run({}, { content: 'final' });
    const frames: RunFrame[] = [];
    await service.subscribe(done.runId, (f) => frames.push(f));
    expect(frames).toEqual([{ type: 'done', runId: done.runId, text: 'final', cached: false, usage: expect.objectContaining({ model: 'mock/json-strict' }) }]);
    const missing: RunFrame[] = [];
    await service.subscribe('nope', (f) => missing.push(f));
    expect(missing).toEqual([{ type: 'error', runId: 'nope', status: 'error', code: 'run_not_found', partialText: '' }]);
  });
});

describe('secrets', () => {
  it('the API key is sent only as the bearer token: never in a body, a run, the usage log or the cache', async () => {
    await run({}, { content: 'fine' });
    await run({}, { status: 500, times: 3 });
    const chats = chatRequests();
    expect(chats.length).toBeGreaterThan(0);
    for (const r of chats) {
      expect(r.rawBody).not.toContain(mock.apiKey);
      expect(r.authorized).toBe(true);
      expect(r.attribution).toMatchObject({ httpReferer: 'https://jobfit.app', title: 'Jobfit' });
    }
    const stored = JSON.stringify({ runs: await db.runs.toArray(), usage: await db.llmUsage.toArray(), cache: await db.llmCache.toArray() });
    expect(stored).not.toContain(mock.apiKey);
    expect(stored).not.toContain(mock.apiKey.slice(9, -4));
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain(mock.apiKey);
  });
});

describe('listModels', () => {
  it('lists the endpoint models (cached for a while), and needs a key', async () => {
    const models = await service.listModels();
    expect(models.find((m) => m.id === 'mock/json-strict')).toMatchObject({ supportsStructured: true });
    await service.listModels();
    expect(mock.requests().filter((r) => r.path === '/api/v1/models')).toHaveLength(1);
    await service.listModels({ refresh: true });
    expect(mock.requests().filter((r) => r.path === '/api/v1/models')).toHaveLength(2);
    await expect(makeService({ readKey: async () => undefined }).listModels()).rejects.toMatchObject({ code: 'no_key' });
  });
});

describe('previewRun: what the consent dialog shows', () => {
  it('returns the redacted messages, the endpoint host and an estimate, and sends nothing to the model', async () => {
    privacy = { denyDataCollection: true, zdr: false, redactLocation: true };
    const preview = await service.previewRun({
      feature: 'analysis',
      messages: [{ role: 'user', content: `CV of ${profile.name}, ${profile.email}, ${profile.phone}, ${profile.links[0]}. Senior React engineer.` }],
    });
    const sent = preview.messages.map((m) => m.content).join('\n');
    for (const value of [profile.name, profile.email, profile.phone, profile.links[0]!]) expect(sent).not.toContain(value);
    expect(sent).toContain('Senior React engineer');
    expect(sent).toMatch(/\[\[EMAIL_1\]\]/);
    expect(preview.redactedCount).toBeGreaterThanOrEqual(4);
    expect(preview.model).toBe('mock/json-strict');
    expect(preview.endpointHost).toBe(new URL(mock.baseURL).host);
    expect(preview.estimatedCostUsd).toBeGreaterThan(0);
    expect(preview.denyDataCollection).toBe(true);
    expect(mock.requests().filter((r) => r.path.includes('chat/completions'))).toEqual([]);
  });

  it('needs a model for the feature, like a real call', async () => {
    await expect(service.previewRun({ feature: 'questions', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({ code: 'no_model' });
  });
});
