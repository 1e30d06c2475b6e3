import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenIdle, whenIdleEach } from './idle';

/** A requestIdleCallback whose periods the test hands out, each with the time it says is left. */
function fakeIdle() {
  const queue: { id: number; run: IdleRequestCallback }[] = [];
  let next = 1;
  vi.stubGlobal('requestIdleCallback', (run: IdleRequestCallback) => {
    queue.push({ id: next, run });
    return next++;
  });
  vi.stubGlobal('cancelIdleCallback', (id: number) => {
    const at = queue.findIndex((entry) => entry.id === id);
    if (at >= 0) queue.splice(at, 1);
  });
  return {
    pending: () => queue.length,
    /** One idle period: `left` is what timeRemaining() answers, lowered by `cost` after every call. */
    period(left: number, cost = 0, didTimeout = false) {
      const entry = queue.shift();
      if (!entry) throw new Error('nothing waits for idle time');
      let remaining = left;
      entry.run({
        didTimeout,
        timeRemaining: () => {
          const now = remaining;
          remaining -= cost;
          return Math.max(0, now);
        },
      });
    },
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('idle work', () => {
  it('whenIdle runs once in the next idle period, or not at all when cancelled', () => {
    const idle = fakeIdle();
    const work = vi.fn();
    whenIdle(work);
    const cancelled = vi.fn();
    const cancel = whenIdle(cancelled);
    cancel();
    expect(idle.pending()).toBe(1);
    idle.period(10);
    expect(work).toHaveBeenCalledOnce();
    expect(cancelled).not.toHaveBeenCalled();
  });

  it('whenIdleEach fits as many slices as a period has room for, in order, and stops when cancelled', () => {
    const idle = fakeIdle();
    const seen: number[][] = [];
    const items = Array.from({ length: 10 }, (_, i) => i);
    const cancel = whenIdleEach(items, 2, (slice) => seen.push([...slice]));
    // A short period: one slice only.
    idle.period(3);
    expect(seen).toEqual([[0, 1]]);
    // A longer one: another slice while more than the margin (8 ms) is left: 16 and 11 go on, 6 stops.
    idle.period(16, 5);
    expect(seen.flat()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    cancel();
    expect(idle.pending()).toBe(0);
    expect(seen.flat()).toHaveLength(8);
  });

  it('whenIdleEach runs one slice in a period that came by its timeout (the page is busy), then waits for the next', () => {
    const idle = fakeIdle();
    const seen: number[] = [];
    whenIdleEach([1, 2, 3], 1, (slice) => seen.push(...slice));
    idle.period(50, 0, true);
    expect(seen).toEqual([1]);
    expect(idle.pending()).toBe(1);
    idle.period(50);
    expect(seen).toEqual([1, 2, 3]);
    expect(idle.pending()).toBe(0);
  });

  it('whenIdleEach calls done after the last slice, and never once cancelled', () => {
    const idle = fakeIdle();
    const done = vi.fn();
    whenIdleEach([1, 2, 3], 1, () => {}, done);
    idle.period(50, 0, true);
    expect(done).not.toHaveBeenCalled();
    idle.period(50);
    expect(done).toHaveBeenCalledOnce();
    const never = vi.fn();
    const cancel = whenIdleEach([1, 2, 3], 1, () => {}, never);
    idle.period(3);
    cancel();
    expect(never).not.toHaveBeenCalled();
  });
});
