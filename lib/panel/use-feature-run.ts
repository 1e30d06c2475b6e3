import { useEffect, useRef, useState } from 'react';
import type { AiPrompt } from '../ai/prompts';
import type { LlmFeature } from '../llm/features';
import type { RunPreview } from '../llm/service';
import { isWorkerGone, sendToBackground } from '../messaging/client';
import { llmConsentItem } from '../storage/items';
import { createDataConsent, type DataConsent } from '../util/data-consent';
import { AppError, type ErrorCode } from '../util/errors';
import { recallRun, rememberRun } from './ai-runs';
import type { RunState } from './run-state';
import { useItem } from './use-item';
import { useRun } from './use-run';

export interface FeatureRunState {
  run: RunState;
  busy: boolean;
  /** A call that could not start (no key, spending cap…). */
  failure: { code: ErrorCode; detail?: string } | null;
  /** The consent dialog's content, while it is open. */
  preview: RunPreview | null;
  /** Firefox: the dialog's Send will first ask for the data collection consent (not granted yet). */
  asksDataConsent: boolean;
  /** The estimated cost of `prompt`, for the line beside the button. */
  estimate: number | undefined;
  /** Starts a run of this prompt, after the consent dialog unless the user said not to ask again. */
  ask(prompt: AiPrompt): Promise<void>;
  /** The dialog's Send. Call it synchronously from the click: in Firefox it may ask for a permission. */
  send(remember: boolean): Promise<void>;
  closePreview(): void;
  resume(runId: string): Promise<void>;
  /** The last prompt again, past the cache. */
  fresh(): Promise<void>;
  cancel(): void;
}

/**
 * One model feature of a posting: its last run (recalled across panel reopenings), the consent step and
 * the cost estimate. Several prompts may run as the same feature (a tailoring and its update); the last
 * one started is the run shown.
 */
export function useFeatureRun(
  feature: LlmFeature,
  postingUrl: string,
  prompt: AiPrompt | undefined,
  model: string | undefined,
  dataConsent: DataConsent = defaultDataConsent,
): FeatureRunState {
  const consent = useItem(llmConsentItem);
  const [asksDataConsent, setAsksDataConsent] = useState(false);
  const [runId, setRunId] = useState<string>();
  const run = useRun(runId);
  const [preview, setPreview] = useState<RunPreview | null>(null);
  const [estimate, setEstimate] = useState<number>();
  const [failure, setFailure] = useState<{ code: ErrorCode; detail?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const pending = useRef<AiPrompt | undefined>(undefined);
  const messages = prompt?.messages;

  useEffect(() => {
    let cancelled = false;
    void recallRun(postingUrl, feature).then((id) => !cancelled && id && setRunId(id));
    return () => {
      cancelled = true;
    };
  }, [postingUrl, feature]);

  // The estimate shown beside the button: the same preview the consent dialog uses.
  const previewKey = model && messages ? `${model}|${messages.map((m) => m.content.length).join(',')}` : '';
  useEffect(() => {
    if (!previewKey || !messages) return;
    let cancelled = false;
    sendToBackground('previewRun', { feature, messages })
      .then((p) => !cancelled && setEstimate(p.estimatedCostUsd))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- previewKey stands for messages and model
  }, [previewKey]);

  const errorOf = (error: unknown) =>
    error instanceof AppError ? { code: error.code, ...(error.detail ? { detail: error.detail } : {}) } : { code: 'internal' as const };

  async function start(options: { fresh?: boolean; resumeOf?: string } = {}) {
    const p = pending.current;
    if (busy || (!p && !options.resumeOf)) return;
    setBusy(true);
    setFailure(null);
    const requestId = crypto.randomUUID();
    const send = () =>
      options.resumeOf
        ? sendToBackground('resumeRun', { runId: options.resumeOf, requestId })
        : sendToBackground('startRun', { requestId, feature, messages: p!.messages, schema: p!.schema, ...(options.fresh ? { fresh: true } : {}) });
    try {
      // Resumes and fresh runs skip the dialog; nothing leaves without Firefox's data consent.
      if (!(await dataConsent.granted())) throw new AppError('data_consent_refused');
      // A worker stopped before it answered: ask the next one with the same request id, which returns
      // the run if it was created and starts it if not (never two runs for one click).
      const handle = await send().catch((error: unknown) => {
        if (isWorkerGone(error)) return send();
        throw error;
      });
      setRunId(handle.runId);
      await rememberRun(postingUrl, feature, handle.runId);
    } catch (error) {
      setFailure(errorOf(error));
    } finally {
      setBusy(false);
    }
  }

  return {
    run,
    busy,
    failure,
    preview,
    estimate,
    asksDataConsent,
    async ask(next) {
      pending.current = next;
      const granted = await dataConsent.granted();
      // Without Firefox's data consent the dialog shows even if the user said not to ask: its Send asks.
      if (consent && granted) return start();
      try {
        setAsksDataConsent(!granted);
        setPreview(await sendToBackground('previewRun', { feature, messages: next.messages }));
      } catch (error) {
        setFailure(errorOf(error));
      }
    },
    async send(remember) {
      const asked = confirmSend(asksDataConsent, dataConsent);
      setPreview(null);
      if (!(await asked)) {
        setFailure({ code: 'data_consent_refused' });
        return;
      }
      setAsksDataConsent(false);
      if (remember) await llmConsentItem.setValue(true);
      await start();
    },
    closePreview: () => setPreview(null),
    resume: (id) => start({ resumeOf: id }),
    async fresh() {
      pending.current ??= prompt;
      await start({ fresh: true });
    },
    cancel() {
      if (run.phase === 'running') void sendToBackground('cancelRun', { runId: run.runId });
    },
  };
}

const defaultDataConsent = createDataConsent();

/**
 * The consent dialog's Send: when Firefox has not granted the data collection yet, asks for it right
 * away (synchronously, inside the click) and resolves to the answer; otherwise resolves to true.
 */
export function confirmSend(asksDataConsent: boolean, dataConsent: DataConsent): Promise<boolean> {
  return asksDataConsent ? dataConsent.request() : Promise.resolve(true);
}
