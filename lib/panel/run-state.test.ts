import { describe, expect, it } from 'vitest';
import { applyRunFrame, idleRun, type RunState } from './run-state';
import type { RunFrame } from '../messaging/ports';

const fold = (frames: RunFrame[], from: RunState = idleRun) => frames.reduce(applyRunFrame, from);

describe('applyRunFrame', () => {
  it('progress with text replaces, deltas append, done is authoritative', () => {
    const running = fold([
      { type: 'progress', runId: 'r', stage: 'requesting', attempt: 1 },
      { type: 'progress', runId: 'r', stage: 'streaming', attempt: 1, text: 'Hello' },
      { type: 'delta', runId: 'r', text: ', wor' },
      { type: 'delta', runId: 'r', text: 'ld' },
    ]);
    expect(running).toMatchObject({ phase: 'running', stage: 'streaming', text: 'Hello, world' });
    const done = applyRunFrame(running, { type: 'done', runId: 'r', text: 'Hello, world!', cached: false, usage: { model: 'm', promptTokens: 3, completionTokens: 4, cost: 0.1 } });
    expect(done).toEqual({ phase: 'done', runId: 'r', text: 'Hello, world!', cached: false, usage: { model: 'm', promptTokens: 3, completionTokens: 4, cost: 0.1 } });
  });

  it('a retry restarts the text with progress text ""', () => {
    const state = fold([
      { type: 'progress', runId: 'r', stage: 'streaming', attempt: 1, text: 'half an ans' },
      { type: 'progress', runId: 'r', stage: 'retrying', attempt: 1, retryAt: 99 },
      { type: 'progress', runId: 'r', stage: 'streaming', attempt: 2, text: '' },
      { type: 'delta', runId: 'r', text: 'new' },
    ]);
    expect(state).toEqual({ phase: 'running', runId: 'r', stage: 'streaming', attempt: 2, text: 'new' });
  });

  it('keeps the partial text of a failure and its code', () => {
    const state = fold([
      { type: 'delta', runId: 'r', text: 'part' },
      { type: 'error', runId: 'r', status: 'interrupted', code: 'run_interrupted', partialText: 'partial' },
    ]);
    expect(state).toEqual({ phase: 'failed', runId: 'r', status: 'interrupted', code: 'run_interrupted', partialText: 'partial' });
  });

  it("another run's deltas do not mix into this run's text", () => {
    const state = fold([
      { type: 'progress', runId: 'a', stage: 'streaming', attempt: 1, text: 'A' },
      { type: 'delta', runId: 'b', text: 'B' },
    ]);
    expect(state).toMatchObject({ runId: 'b', text: 'B' });
  });
});
