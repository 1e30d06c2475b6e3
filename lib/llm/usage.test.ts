import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLlmCacheRepo } from '../db/repos/llm-cache';
import { createLlmUsageRepo, localDay, type LlmUsageRepo } from '../db/repos/llm-usage';
import { JobfitDb } from '../db/schema';
import { createMockOpenRouter } from '../../e2e/mock-openrouter';
import { createLlmClient, type ModelInfo } from './client';
import { cacheKey, canonicalJson, checkSpendingCap, estimateCost, fetchGenerationCost, startOfLocalDay, startOfLocalMonth } from './usage';

let db: JobfitDb;
let usage: LlmUsageRepo;

beforeEach(async () => {
  db = new JobfitDb(`jobfit-usage-${crypto.randomUUID()}`);
  await db.open();
  usage = createLlmUsageRepo(db);
});
afterEach(() => {
  db.close();
});

const row = (over: Partial<Parameters<LlmUsageRepo['add']>[0]> = {}) => ({
  feature: 'analysis',
  model: 'mock/json-strict',
  promptTokens: 10,
  completionTokens: 5,
  cost: 0.01,
  latencyMs: 100,
  cached: 0 as const,
  status: 'ok' as const,
  at: Date.now(),
  ...over,
});

const model: ModelInfo = {
  id: 'm',
  name: 'm',
  contextLength: 8000,
  maxCompletionTokens: 4096,
  pricing: { prompt: 0.000001, completion: 0.000002 },
  supportsStructured: true,
  isFree: false,
};

describe('cache key', () => {
  it('ignores object key order and changes with any parameter', async () => {
    const a = await cacheKey({ endpoint: 'e', body: { model: 'm', messages: [{ role: 'user', content: 'x' }], temperature: 0 } });
    const b = await cacheKey({ body: { temperature: 0, messages: [{ content: 'x', role: 'user' }], model: 'm' }, endpoint: 'e' });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await cacheKey({ endpoint: 'e', body: { model: 'm', messages: [{ role: 'user', content: 'x' }], temperature: 0.1 } })).not.toBe(a);
    expect(await cacheKey({ endpoint: 'other', body: { model: 'm', messages: [{ role: 'user', content: 'x' }], temperature: 0 } })).not.toBe(a);
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });
});

describe('estimateCost', () => {
  it('prompt chars / 4 at the prompt price plus the expected completion', () => {
    expect(estimateCost(model, 4000, 500)).toBeCloseTo(1000 * 0.000001 + 500 * 0.000002, 12);
    expect(estimateCost(model, 4000)).toBeCloseTo(1000 * 0.000001 + 1000 * 0.000002, 12);
    expect(estimateCost({ ...model, pricing: null }, 4000)).toBe(0);
    expect(estimateCost(undefined, 4000)).toBe(0);
  });
});

describe('spending cap', () => {
  it('counts today for the daily cap and the month for the monthly one; cached rows are free', async () => {
    const now = Date.now();
    await usage.add(row({ cost: 0.4, at: now }));
    await usage.add(row({ cost: 5, cached: 1, at: now }));
    expect(await usage.spentSince(startOfLocalDay(now))).toBeCloseTo(0.4);
    await expect(checkSpendingCap({ dailyUsd: 0.5, monthlyUsd: null }, usage, 0.05, now)).resolves.toBeUndefined();
    await expect(checkSpendingCap({ dailyUsd: 0.5, monthlyUsd: null }, usage, 0.2, now)).rejects.toMatchObject({ code: 'spending_cap', detail: 'daily' });
    await expect(checkSpendingCap({ dailyUsd: null, monthlyUsd: 0.41 }, usage, 0.02, now)).rejects.toMatchObject({ detail: 'monthly' });
    await expect(checkSpendingCap({ dailyUsd: null, monthlyUsd: null }, usage, 1000, now)).resolves.toBeUndefined();
    expect(startOfLocalMonth(now)).toBeLessThanOrEqual(startOfLocalDay(now));
  });
});

describe('usage repo', () => {
  it('totals per local day and served model, newest day first', async () => {
    const day1 = new Date(2026, 0, 10, 9).getTime();
    const day2 = new Date(2026, 0, 11, 23).getTime();
    await usage.add(row({ at: day1, model: 'a', cost: 0.1 }));
    await usage.add(row({ at: day1, model: 'a', cost: 0.2, cached: 1, promptTokens: 0, completionTokens: 0 }));
    await usage.add(row({ at: day1, model: 'b', cost: 0.3 }));
    await usage.add(row({ at: day2, model: 'a', cost: 1 }));
    expect(await usage.totalsByDayAndModel()).toEqual([
      { day: localDay(day2), model: 'a', calls: 1, cachedCalls: 0, promptTokens: 10, completionTokens: 5, cost: 1 },
      { day: localDay(day1), model: 'a', calls: 2, cachedCalls: 1, promptTokens: 10, completionTokens: 5, cost: expect.closeTo(0.3) },
      { day: localDay(day1), model: 'b', calls: 1, cachedCalls: 0, promptTokens: 10, completionTokens: 5, cost: 0.3 },
    ]);
    expect((await usage.list({ limit: 2 })).map((r) => r.at)).toEqual([day2, day1]);
    await usage.clear();
    expect(await usage.list()).toEqual([]);
  });
});

describe('cache repo', () => {
  it('answers until the entry is too old; prune drops old entries', async () => {
    let clock = 1_000_000;
    const cache = createLlmCacheRepo(db, () => clock);
    await cache.put('k', { text: 'answer [[NAME_1]]', servedModel: 'm' });
    expect(await cache.get('k')).toEqual({ text: 'answer [[NAME_1]]', servedModel: 'm' });
    clock += 10_000;
    expect(await cache.get('k', 5_000)).toBeUndefined();
    expect(await cache.get('missing')).toBeUndefined();
    expect(await cache.prune(5_000)).toBe(1);
    expect(await cache.get('k')).toBeUndefined();
  });
});

describe('fetchGenerationCost (/generation)', () => {
  it('is undefined while the generation is not recorded yet (404), then gives tokens and cost', async () => {
    const mock = await createMockOpenRouter({ port: 0, generationReadyAfterMs: 150 });
    try {
      const client = createLlmClient({ baseURL: mock.baseURL, apiKey: mock.apiKey });
      const completion = await client.chat.completions.create({ model: 'mock/json-strict', messages: [{ role: 'user', content: 'hi' }] });
      expect(await fetchGenerationCost(client, completion.id)).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await fetchGenerationCost(client, completion.id)).toEqual({
        model: 'mock/json-strict',
        promptTokens: completion.usage?.prompt_tokens,
        completionTokens: completion.usage?.completion_tokens,
        cost: (completion.usage as { cost?: number }).cost,
        cancelled: false,
      });
      expect(await fetchGenerationCost(client, 'gen-unknown')).toBeUndefined();
    } finally {
      await mock.close();
    }
  });
});
