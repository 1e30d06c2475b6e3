/**
 * Runs `work` when the page is next idle, or after `timeout` ms at the latest (a busy machine may never be
 * idle); returns a cancel for an effect's clean-up. Without `requestIdleCallback` (tests), on a timer.
 */
export function whenIdle(work: (deadline?: IdleDeadline) => void, timeout = 300): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback((deadline) => work(deadline), { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, 0);
  return () => clearTimeout(id);
}

/** Another slice runs in the same idle period only while this much of it is left (ms). */
const SLICE_MARGIN_MS = 8;

/**
 * Runs `step` over `items` a slice of `size` at a time in idle periods (see `whenIdle`): as many slices as
 * fit in each period, so a long job never holds the page for more than about one slice past the idle time;
 * `done` runs after the last slice (not when cancelled). Returns a cancel for an effect's clean-up.
 */
export function whenIdleEach<T>(items: readonly T[], size: number, step: (slice: readonly T[]) => void, done?: () => void): () => void {
  let cancel = () => {};
  let stopped = false;
  let from = 0;
  const run = (deadline?: IdleDeadline) => {
    do {
      step(items.slice(from, from + size));
      from += size;
    } while (!stopped && from < items.length && deadline && !deadline.didTimeout && deadline.timeRemaining() > SLICE_MARGIN_MS);
    next();
  };
  const next = () => {
    if (stopped) return;
    if (from < items.length) cancel = whenIdle(run);
    else done?.();
  };
  next();
  return () => {
    stopped = true;
    cancel();
  };
}
