/**
 * Runs `work` when the page is next idle, or after `timeout` ms at the latest (a busy machine may never be
 * idle); returns a cancel for an effect's clean-up. Without `requestIdleCallback` (tests), on a timer.
 */
export function whenIdle(work: () => void, timeout = 300): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => work(), { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, 0);
  return () => clearTimeout(id);
}

/**
 * Runs `step` over `items` a slice of `size` at a time, each slice in its own idle period (see `whenIdle`),
 * so a long job never holds the page for more than one slice; returns a cancel for an effect's clean-up.
 */
export function whenIdleEach<T>(items: readonly T[], size: number, step: (slice: readonly T[]) => void): () => void {
  let cancel = () => {};
  let stopped = false;
  const next = (from: number) => {
    if (stopped || from >= items.length) return;
    cancel = whenIdle(() => {
      step(items.slice(from, from + size));
      next(from + size);
    });
  };
  next(0);
  return () => {
    stopped = true;
    cancel();
  };
}
