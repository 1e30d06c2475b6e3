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
