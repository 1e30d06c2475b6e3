import type { RunFrame, RunFrameUsage, RunStage } from '../messaging/ports';
import type { ErrorCode } from '../util/errors';

/** What a page shows for one model run, folded from the run port's frames. */
export type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; runId: string; stage: RunStage; attempt: number; retryAt?: number; text: string }
  | { phase: 'done'; runId: string; text: string; result?: unknown; cached: boolean; usage?: RunFrameUsage; repaired?: boolean }
  | {
      phase: 'failed';
      runId: string;
      status: 'error' | 'cancelled' | 'interrupted';
      code: ErrorCode;
      detail?: string;
      /** Kept and shown as incomplete. */
      partialText: string;
    };

export const idleRun: RunState = { phase: 'idle' };

/** `progress` with text replaces the text; `delta` appends; `done` and `error` are final and authoritative. */
export function applyRunFrame(state: RunState, frame: RunFrame): RunState {
  const text = state.phase === 'running' && state.runId === frame.runId ? state.text : '';
  switch (frame.type) {
    case 'progress':
      return {
        phase: 'running',
        runId: frame.runId,
        stage: frame.stage,
        attempt: frame.attempt,
        ...(frame.retryAt !== undefined ? { retryAt: frame.retryAt } : {}),
        text: frame.text ?? text,
      };
    case 'delta':
      return state.phase === 'running' && state.runId === frame.runId
        ? { ...state, stage: 'streaming', text: text + frame.text }
        : { phase: 'running', runId: frame.runId, stage: 'streaming', attempt: 1, text: frame.text };
    case 'done':
      return {
        phase: 'done',
        runId: frame.runId,
        text: frame.text,
        cached: frame.cached,
        ...(frame.result !== undefined ? { result: frame.result } : {}),
        ...(frame.usage ? { usage: frame.usage } : {}),
        ...(frame.warnings?.repaired ? { repaired: true } : {}),
      };
    case 'error':
      return {
        phase: 'failed',
        runId: frame.runId,
        status: frame.status,
        code: frame.code,
        ...(frame.detail !== undefined ? { detail: frame.detail } : {}),
        partialText: frame.partialText,
      };
  }
}
