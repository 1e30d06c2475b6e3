import {
  BrokenCircuitError,
  circuitBreaker,
  type CircuitState,
  ConsecutiveBreaker,
  DelegateBackoff,
  handleWhen,
  retry,
  type CircuitBreakerPolicy,
  type IRetryBackoffContext,
} from 'cockatiel';
import { browser } from 'wxt/browser';
import { AppError } from '../util/errors';
import { capRetryAfter, classifyLlmError, LlmCallError } from './errors';

/**
 * The failure policy of one LLM call, built from cockatiel (STYLE: no hand-written retry loops):
 * - retries only what `classifyLlmError` marks retryable (never 400/401/402/403/413, never after
 *   content arrived), at most `maxAttempts` attempts in all;
 * - waits what the server asks (`retry-after-ms`, `Retry-After`, `availability.retry_after`), also
 *   beyond the SDK's 60 s cap, but a wait longer than `maxWaitMs` ends the call at once with a
 *   `rate_limited` error that says when to try again;
 * - otherwise backs off exponentially with jitter;
 * - a circuit breaker per endpoint, fed by 5xx, network errors, timeouts and stalls, kept in
 *   `storage.session` so a restarted worker does not hammer a failing provider.
 */

export const MAX_ATTEMPTS = 3;
export const MAX_WAIT_MS = 120_000;
export const BREAKER_THRESHOLD = 5;
export const BREAKER_HALF_OPEN_AFTER_MS = 60_000;

export interface PolicyOptions {
  maxAttempts?: number;
  maxWaitMs?: number;
  /** First backoff without a server hint; doubles per attempt up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  now?: () => number;
  /** Before each wait: lets the run show "retrying in n s" and persist the attempt. */
  onRetry?: (info: { nextAttempt: number; delayMs: number; error: LlmCallError }) => void;
}

/** Backoff delay for a retry: the server's hint when it gave one, else exponential with jitter. */
export function retryDelayMs(error: unknown, attempt: number, options: Pick<PolicyOptions, 'baseDelayMs' | 'maxDelayMs'> = {}): number {
  const hinted = error instanceof LlmCallError ? error.options.retryAfterMs : undefined;
  if (hinted !== undefined) return hinted;
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 8_000;
  const exp = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (0.75 + Math.random() * 0.25));
}

/**
 * Runs `attempt(n)` (n from 1) under the retry policy and the endpoint's breaker. Every failure
 * leaves as an LlmCallError; an open breaker as `provider_unavailable`.
 */
export async function runWithPolicy<T>(
  attempt: (n: number) => Promise<T>,
  options: PolicyOptions & { breaker?: CircuitBreakerPolicy; signal?: AbortSignal } = {},
): Promise<T> {
  const now = options.now ?? Date.now;
  const maxWaitMs = options.maxWaitMs ?? MAX_WAIT_MS;
  const policy = retry(
    handleWhen((e) => e instanceof LlmCallError && e.retryable),
    {
      maxAttempts: (options.maxAttempts ?? MAX_ATTEMPTS) - 1,
      backoff: new DelegateBackoff((context: IRetryBackoffContext<unknown>) => {
        const error = 'error' in context.result ? context.result.error : undefined;
        return retryDelayMs(error, context.attempt, options);
      }),
    },
  );
  const listener = policy.onRetry((event) => {
    if ('error' in event && event.error instanceof LlmCallError) {
      options.onRetry?.({ nextAttempt: event.attempt + 1, delayMs: event.delay, error: event.error });
    }
  });
  try {
    return await policy.execute(async ({ attempt: retries }) => {
      if (options.signal?.aborted) throw new LlmCallError(new AppError('run_cancelled'), { retryable: false });
      const once = async () => {
        try {
          return await attempt(retries + 1);
        } catch (error) {
          throw capRetryAfter(classifyLlmError(error, { now: now() }), maxWaitMs, now());
        }
      };
      if (!options.breaker) return once();
      try {
        return await options.breaker.execute(once);
      } catch (error) {
        if (error instanceof BrokenCircuitError) {
          throw new LlmCallError(new AppError('provider_unavailable'), { retryable: false });
        }
        throw error;
      }
    }, options.signal);
  } finally {
    listener.dispose();
  }
}

export interface BreakerStore {
  get(endpoint: string): Promise<unknown>;
  set(endpoint: string, state: unknown): Promise<void>;
}

const breakerKey = (endpoint: string) => `llmBreaker:${endpoint}`;

/** `storage.session`: survives a worker restart, not a browser restart, hidden from content scripts. */
export const sessionBreakerStore: BreakerStore = {
  async get(endpoint) {
    const key = breakerKey(endpoint);
    return (await browser.storage.session.get(key))[key];
  },
  async set(endpoint, state) {
    await browser.storage.session.set({ [breakerKey(endpoint)]: state });
  },
};

/** The endpoint a breaker guards: scheme, host and port of the base URL. */
export function endpointOf(baseURL: string): string {
  try {
    const url = new URL(baseURL);
    return `${url.protocol}//${url.host}`;
  } catch {
    return baseURL;
  }
}

export interface BreakerRegistry {
  forEndpoint(baseURL: string): Promise<CircuitBreakerPolicy>;
  state(baseURL: string): Promise<CircuitState>;
}

export function createBreakerRegistry(
  store: BreakerStore = sessionBreakerStore,
  options: { threshold?: number; halfOpenAfterMs?: number } = {},
): BreakerRegistry {
  const breakers = new Map<string, Promise<CircuitBreakerPolicy>>();
  const create = async (endpoint: string): Promise<CircuitBreakerPolicy> => {
    const initialState = await store.get(endpoint).catch(() => undefined);
    const make = (state: unknown) =>
      circuitBreaker(
        handleWhen((e) => e instanceof LlmCallError && !!e.options.unhealthy),
        {
          halfOpenAfter: options.halfOpenAfterMs ?? BREAKER_HALF_OPEN_AFTER_MS,
          breaker: new ConsecutiveBreaker(options.threshold ?? BREAKER_THRESHOLD),
          ...(state ? { initialState: state } : {}),
        },
      );
    let breaker: CircuitBreakerPolicy;
    try {
      breaker = make(initialState);
    } catch {
      breaker = make(undefined);
    }
    const persist = () => void store.set(endpoint, breaker.toJSON()).catch(() => undefined);
    breaker.onFailure(persist);
    breaker.onSuccess(persist);
    breaker.onStateChange(persist);
    return breaker;
  };
  return {
    forEndpoint(baseURL) {
      const endpoint = endpointOf(baseURL);
      let found = breakers.get(endpoint);
      if (!found) {
        found = create(endpoint);
        breakers.set(endpoint, found);
      }
      return found;
    },
    async state(baseURL) {
      return (await this.forEndpoint(baseURL)).state;
    },
  };
}
