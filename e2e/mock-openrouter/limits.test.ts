import type OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLedger, fromUnits, label, redactAuthorization, toUnits } from './ledger';
import { createMockOpenRouter, MOCK_API_KEY, type MockOpenRouter } from './server';
import { chat, get, rejection, sdk, USER_MESSAGES } from './test-support';

// §7.5 key accounting and §1.6 free-model limits, plus the exact money arithmetic behind them.

const BROKE_KEY = 'sk-or-v1-broke00000000000000000000000000000000000000000000000000000aaaa';
const NEW_KEY = 'sk-or-v1-newbie0000000000000000000000000000000000000000000000000000bbbb';

let mock: MockOpenRouter;
beforeAll(async () => {
  mock = await createMockOpenRouter({
    keys: [
      { key: MOCK_API_KEY },
      { key: BROKE_KEY, limit: 0.00002 },
      { key: NEW_KEY, creditsPurchased: 0 },
    ],
  });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

const free = (key = MOCK_API_KEY) => chat(mock, { model: 'mock/free:free' }, { headers: { authorization: `Bearer ${key}` } });

async function burst(n: number, key?: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await free(key)).status);
  return statuses;
}

describe('key budget', () => {
  it('answers 402 with limit_source once the key limit is spent, and the SDK does not retry it', async () => {
    const client = sdk(mock, { apiKey: BROKE_KEY, maxRetries: 2 });
    await client.chat.completions.create({ model: 'mock/json-strict', messages: USER_MESSAGES });
    const info = ((await (await get(mock, '/key', BROKE_KEY)).json()) as { data: { limit_remaining: number } }).data;
    expect(info.limit_remaining).toBeLessThanOrEqual(0);

    const error = (await rejection(client.chat.completions.create({ model: 'mock/json-strict', messages: USER_MESSAGES }))) as InstanceType<
      typeof OpenAI.APIError
    >;
    expect(error.status).toBe(402);
    expect(error.error).toEqual({
      code: 402,
      message: 'Insufficient credits. Add more using https://openrouter.ai/credits',
      metadata: { limit_source: 'openrouter_key_limit' },
    });
    expect(mock.requests().filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(2);
  });

  it('does not charge for :free models', async () => {
    await free(BROKE_KEY);
    await free(BROKE_KEY);
    expect(mock.keyInfo(BROKE_KEY)).toMatchObject({ usage: 0, limit_remaining: 0.00002 });
  });
});

describe('free-model limits', () => {
  it('allows 20 requests a minute, then 429 with X-RateLimit-* and Retry-After; the window slides', async () => {
    expect(new Set(await burst(20))).toEqual(new Set([200]));
    const res = await free();
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual({ error: { code: 429, message: 'Rate limit exceeded' } });
    expect(res.headers.get('x-ratelimit-limit')).toBe('20');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    const reset = Number(res.headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThan(Date.now() + 55_000);
    expect(reset).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
    // Paid models are not counted.
    expect((await chat(mock, {})).status).toBe(200);

    mock.advanceClock(60_001);
    expect((await free()).status).toBe(200);
  });

  it('allows 50 a day without 10 credits purchased; the 51st gets 429 until the next UTC day', async () => {
    // Start an hour into a UTC day so the burst cannot straddle midnight.
    const dayMs = 86_400_000;
    const start = Math.ceil(Date.now() / dayMs) * dayMs + 3_600_000;
    mock.advanceClock(start - Date.now());
    const statuses: number[] = [];
    for (const n of [20, 20, 10]) {
      statuses.push(...(await burst(n, NEW_KEY)));
      mock.advanceClock(61_000);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(50);
    const res = await free(NEW_KEY);
    expect(res.status).toBe(429);
    expect(res.headers.get('x-ratelimit-limit')).toBe('50');
    const reset = Number(res.headers.get('x-ratelimit-reset'));
    expect(reset).toBe(start - 3_600_000 + dayMs);
    mock.advanceClock(dayMs);
    expect((await free(NEW_KEY)).status).toBe(200);
  });

  it('reports X-RateLimit-Reset in seconds when configured', async () => {
    const seconds = await createMockOpenRouter({ rateLimitResetUnit: 's', freeLimits: { perMinute: 1 } });
    try {
      await chat(seconds, { model: 'mock/free:free' });
      const res = await chat(seconds, { model: 'mock/free:free' });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('x-ratelimit-reset'))).toBeLessThan(Date.now() / 100);
    } finally {
      await seconds.close();
    }
  });

  it('counts 1000 a day with >= 10 credits purchased (ledger, simulated clock)', () => {
    let t = Date.parse('2030-01-01T00:00:00Z');
    const ledger = createLedger({}, () => t);
    const paid = ledger.addKey({ key: 'paid', creditsPurchased: 10 });
    const poor = ledger.addKey({ key: 'poor', creditsPurchased: 9.99 });
    const take = (state: typeof paid) => {
      let accepted = 0;
      for (let i = 0; i < 1100; i++) {
        t += 3_001; // 20 per minute never bites
        if (!ledger.takeFreeRequest(state)) accepted++;
        if (new Date(t).getUTCDate() !== 1) break;
      }
      return accepted;
    };
    expect(take(paid)).toBe(1000);
    t = Date.parse('2030-02-01T00:00:00Z');
    expect(take(poor)).toBe(50);
  });
});

describe('money and key helpers', () => {
  it('adds per-token prices exactly', () => {
    expect(fromUnits(toUnits('0.1') + toUnits('0.2'))).toBe(0.3);
    expect(fromUnits(7n * toUnits('0.00000015'))).toBe(0.00000105);
    expect(fromUnits(toUnits(1e-7))).toBe(1e-7);
    expect(fromUnits(toUnits('-2.5'))).toBe(-2.5);
    expect(fromUnits(toUnits('1.5e-7'))).toBe(1.5e-7);
    expect(() => toUnits('abc')).toThrow();
  });

  it('labels keys like OpenRouter and redacts Authorization to the last four characters', () => {
    expect(label(MOCK_API_KEY)).toBe('sk-or-v1-mo...0de');
    expect(redactAuthorization(`Bearer ${MOCK_API_KEY}`)).toBe('Bearer sk-or-v1-…c0de');
    expect(redactAuthorization('Bearer sk-or-short')).toBe('Bearer sk-or-…');
    expect(redactAuthorization('Basic dXNlcjpwYXNzd29yZA==')).toBe('Basic …ZA==');
    expect(redactAuthorization('garbage')).toBe('[redacted]');
  });
});
