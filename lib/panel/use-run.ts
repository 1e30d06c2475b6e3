import { useEffect, useState } from 'react';
import { followRun } from '../messaging/ports';
import { applyRunFrame, idleRun, type RunState } from './run-state';

/** A lost port means the worker stopped: following again wakes a new one, which reports how the run ended. */
const REFOLLOW_MS = 300;
const MAX_REFOLLOWS = 20;

/** Follows a run live; survives worker restarts (an interrupted run then shows as such, with its partial text). */
export function useRun(runId: string | undefined): RunState {
  // Keyed by run, so a new run never shows the previous run's text while its first frame is on the way.
  const [entry, setEntry] = useState<{ runId: string; state: RunState }>();
  useEffect(() => {
    if (!runId) return;
    const setState = (update: (s: RunState) => RunState) =>
      setEntry((e) => ({ runId, state: update(e?.runId === runId ? e.state : starting(runId)) }));
    let stop = () => {};
    let timer: ReturnType<typeof setTimeout> | undefined;
    let refollows = 0;
    let ended = false;
    const follow = () => {
      stop = followRun(
        runId,
        (frame) => setState((s) => applyRunFrame(s, frame)),
        undefined,
        () => {
          if (ended || refollows++ >= MAX_REFOLLOWS) return;
          timer = setTimeout(follow, REFOLLOW_MS);
        },
      );
    };
    follow();
    return () => {
      ended = true;
      clearTimeout(timer);
      stop();
    };
  }, [runId]);
  if (!runId) return idleRun;
  return entry?.runId === runId ? entry.state : starting(runId);
}

const starting = (runId: string): RunState => ({ phase: 'running', runId, stage: 'queued', attempt: 0, text: '' });
