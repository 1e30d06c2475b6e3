import type { GenerationRecord, KeyConfig, MockOpenRouterOptions } from './types';

// Money, keys, free-model windows and generation records. Amounts are kept as integers of 1e-18 USD so
// per-token prices ("0.00000015") multiply and add exactly, then leave as JSON numbers.

const SCALE = 18;
const ONE = 10n ** BigInt(SCALE);

/** A decimal string or number ("0.00000015", 1e-7, "2") as an integer of 1e-18 units. */
export function toUnits(value: string | number): bigint {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = /^(-?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!match) throw new Error(`Not a decimal: ${text}`);
  const [, sign, int = '', frac = '', exp = '0'] = match;
  let digits = `${int}${frac}`.replace(/^0+(?=\d)/, '') || '0';
  let shift = SCALE - frac.length + Number(exp);
  if (shift < 0) {
    digits = digits.slice(0, shift) || '0';
    shift = 0;
  }
  const units = BigInt(digits) * 10n ** BigInt(shift);
  return sign === '-' ? -units : units;
}

export function fromUnits(units: bigint): number {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const frac = (abs % ONE).toString().padStart(SCALE, '0').replace(/0+$/, '');
  return Number(`${negative ? '-' : ''}${abs / ONE}${frac ? `.${frac}` : ''}`);
}

export interface KeyState {
  config: Required<Pick<KeyConfig, 'key'>> & KeyConfig;
  usage: bigint;
  /** Accepted `:free` requests: timestamps in the last minute, and the count per UTC day. */
  freeMinute: number[];
  freeDay: { day: string; count: number };
}

export interface FreeLimitHit {
  limit: number;
  resetAt: number;
  kind: 'minute' | 'day';
}

export function label(key: string): string {
  return key.length > 14 ? `${key.slice(0, 11)}...${key.slice(-3)}` : `${key.slice(0, 3)}...`;
}

/** `Bearer sk-or-v1-…c0de`: enough to tell keys apart in a record, never enough to use one. */
export function redactAuthorization(header: string): string {
  const match = /^(\S+)\s+(.*)$/.exec(header.trim());
  if (!match) return '[redacted]';
  const [, scheme, token = ''] = match;
  const prefix = /^sk-or-v1-/.test(token) ? 'sk-or-v1-' : /^sk-or-/.test(token) ? 'sk-or-' : '';
  return `${scheme} ${prefix}…${token.length >= 12 ? token.slice(-4) : ''}`;
}

export function createLedger(options: MockOpenRouterOptions, now: () => number) {
  const limits = {
    perMinute: options.freeLimits?.perMinute ?? 20,
    perDay: options.freeLimits?.perDay ?? 50,
    perDayWithCredits: options.freeLimits?.perDayWithCredits ?? 1000,
    creditsThreshold: options.freeLimits?.creditsThreshold ?? 10,
  };
  const keys = new Map<string, KeyState>();
  const generations = new Map<string, { record: GenerationRecord; key: string; readyAt: number }>();

  function addKey(config: KeyConfig): KeyState {
    const state: KeyState = {
      config: { ...config },
      usage: toUnits(config.usage ?? 0),
      freeMinute: [],
      freeDay: { day: '', count: 0 },
    };
    keys.set(config.key, state);
    return state;
  }

  function limitRemaining(state: KeyState): bigint | null {
    const { limit } = state.config;
    return limit === undefined || limit === null ? null : toUnits(limit) - state.usage;
  }

  return {
    addKey,
    get: (key: string) => keys.get(key),
    all: () => [...keys.values()],
    clear() {
      keys.clear();
      generations.clear();
    },

    isUsable(state: KeyState): boolean {
      const expires = state.config.expiresAt;
      return !state.config.disabled && !(expires && Date.parse(expires) <= now());
    },

    /** The key's budget is spent (§7.5 key accounting). */
    overBudget(state: KeyState): boolean {
      const remaining = limitRemaining(state);
      return remaining !== null && remaining <= 0n;
    },

    charge(state: KeyState, cost: bigint): void {
      state.usage += cost;
    },

    /** Counts an accepted `:free` request, or says which window it would exceed. */
    takeFreeRequest(state: KeyState): FreeLimitHit | undefined {
      const t = now();
      state.freeMinute = state.freeMinute.filter((at) => at > t - 60_000);
      const day = new Date(t).toISOString().slice(0, 10);
      if (state.freeDay.day !== day) state.freeDay = { day, count: 0 };
      const perDay =
        (state.config.creditsPurchased ?? 10) >= limits.creditsThreshold ? limits.perDayWithCredits : limits.perDay;
      if (state.freeMinute.length >= limits.perMinute) {
        return { kind: 'minute', limit: limits.perMinute, resetAt: (state.freeMinute[0] ?? t) + 60_000 };
      }
      if (state.freeDay.count >= perDay) {
        return { kind: 'day', limit: perDay, resetAt: Date.parse(`${day}T00:00:00Z`) + 86_400_000 };
      }
      state.freeMinute.push(t);
      state.freeDay.count += 1;
      return undefined;
    },

    /** `GET /key` `data` (§1.7). */
    keyInfo(state: KeyState): Record<string, unknown> {
      const c = state.config;
      const usage = fromUnits(state.usage);
      const remaining = limitRemaining(state);
      return {
        label: c.label ?? label(c.key),
        limit: c.limit ?? null,
        limit_remaining: remaining === null ? null : fromUnits(remaining),
        limit_reset: c.limitReset ?? null,
        include_byok_in_limit: false,
        usage,
        usage_daily: usage,
        usage_weekly: usage,
        usage_monthly: usage,
        byok_usage: 0,
        byok_usage_daily: 0,
        byok_usage_weekly: 0,
        byok_usage_monthly: 0,
        is_free_tier: c.isFreeTier ?? (c.creditsPurchased ?? 10) <= 0,
        is_management_key: c.management ?? false,
        is_provisioning_key: c.management ?? false,
        creator_user_id: 'user_mock0000000000000000000000',
        expires_at: c.expiresAt ?? null,
        rate_limit: { interval: '1h', note: 'This field is deprecated and safe to ignore.', requests: 1000 },
      };
    },

    /** `GET /credits` `data` for a management key. */
    credits(state: KeyState): Record<string, unknown> {
      const spent = [...keys.values()].reduce((sum, k) => sum + k.usage, 0n);
      return { total_credits: state.config.creditsPurchased ?? 10, total_usage: fromUnits(spent) };
    },

    addGeneration(record: GenerationRecord, key: string, readyAfterMs: number): void {
      generations.set(record.id, { record, key, readyAt: now() + readyAfterMs });
    },

    /** A generation this key may read and that is "recorded" by now. */
    generation(id: string, key: string): GenerationRecord | undefined {
      const entry = generations.get(id);
      return entry && entry.key === key && entry.readyAt <= now() ? entry.record : undefined;
    },

    generations: () => [...generations.values()].map((g) => g.record),
  };
}

export type Ledger = ReturnType<typeof createLedger>;
