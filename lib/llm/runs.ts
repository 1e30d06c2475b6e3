import type { RunsRepo } from '../db/repos/runs';

/**
 * Durable runs (platform-facts §3.3): a row before the call, partial text in throttled batches, an
 * extension API call every 25 s while anything is active (stream bytes do not reset the MV3 worker's
 * idle timer, extension API calls do), and reconciliation of rows a dead worker left `running`.
 * Timers and the pinged API are injected so tests drive them with fake timers.
 */

export interface Timers {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  setInterval: (fn: () => void, ms: number) => unknown;
  clearInterval: (handle: unknown) => void;
}

/** Looked up at call time, so fake timers installed by a test are the ones used. */
export const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
  setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
  clearInterval: (h) => globalThis.clearInterval(h as ReturnType<typeof setInterval>),
};

export const KEEP_ALIVE_MS = 25_000;
export const PARTIAL_FLUSH_MS = 500;
/** A running row whose heartbeat is older than this has no live worker behind it. */
export const STALE_AFTER_MS = 90_000;

export interface KeepAliveOptions {
  /** A trivial extension API call, e.g. `browser.runtime.getPlatformInfo()`. */
  ping: () => Promise<unknown> | unknown;
  /** Also called on every tick, e.g. to bump the heartbeat of active runs. */
  onTick?: () => Promise<void> | void;
  intervalMs?: number;
  timers?: Timers;
}

export interface KeepAlive {
  /** Holds the worker alive until the returned release is called (idempotent). */
  acquire(): () => void;
  readonly holders: number;
}

/** Reference-counted: one interval while at least one run (or retry wait) holds it. */
export function createKeepAlive(options: KeepAliveOptions): KeepAlive {
  const timers = options.timers ?? realTimers;
  const intervalMs = options.intervalMs ?? KEEP_ALIVE_MS;
  let holders = 0;
  let handle: unknown;
  const tick = () => {
    void Promise.resolve()
      .then(options.ping)
      .catch(() => undefined);
    void Promise.resolve()
      .then(options.onTick)
      .catch(() => undefined);
  };
  return {
    acquire() {
      holders += 1;
      if (holders === 1) handle = timers.setInterval(tick, intervalMs);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holders -= 1;
        if (holders === 0) timers.clearInterval(handle);
      };
    },
    get holders() {
      return holders;
    },
  };
}

export interface ThrottledWriter {
  /** Remembers the latest text; it is written at most once per interval. */
  update(text: string): void;
  /** Writes what is pending now and waits for every write to finish. */
  flush(): Promise<void>;
  /** Stops without writing what is pending. */
  cancel(): void;
}

/**
 * Partial text in batches: at most one write per `intervalMs`, each in its own transaction (the
 * callback's), one at a time and in order. Never a transaction around the network read.
 */
export function createThrottledWriter(
  write: (text: string) => Promise<void>,
  options: { intervalMs?: number; timers?: Timers; onError?: (error: unknown) => void } = {},
): ThrottledWriter {
  const timers = options.timers ?? realTimers;
  const intervalMs = options.intervalMs ?? PARTIAL_FLUSH_MS;
  let pending: string | undefined;
  let handle: unknown;
  let chain: Promise<void> = Promise.resolve();
  const writeNow = () => {
    handle = undefined;
    if (pending === undefined) return;
    const text = pending;
    pending = undefined;
    chain = chain.then(() => write(text)).catch((error: unknown) => options.onError?.(error));
  };
  return {
    update(text) {
      pending = text;
      handle ??= timers.setTimeout(writeNow, intervalMs);
    },
    async flush() {
      if (handle !== undefined) timers.clearTimeout(handle);
      writeNow();
      await chain;
    },
    cancel() {
      if (handle !== undefined) timers.clearTimeout(handle);
      handle = undefined;
      pending = undefined;
    },
  };
}

/**
 * Marks runs left `running` by a worker that is gone. At worker start every running row is stale
 * unless its heartbeat is newer than this worker (a run started by the message that woke it);
 * pages and later checks use the heartbeat threshold.
 */
export async function reconcileStaleRuns(
  repo: RunsRepo,
  options: { now: number; workerStartedAt?: number; staleAfterMs?: number; activeIds?: ReadonlySet<string> },
): Promise<string[]> {
  const byHeartbeat = options.now - (options.staleAfterMs ?? STALE_AFTER_MS);
  const staleBefore = options.workerStartedAt !== undefined ? Math.max(options.workerStartedAt, byHeartbeat) : byHeartbeat;
  return repo.markStaleInterrupted(staleBefore, options.now, options.activeIds);
}
