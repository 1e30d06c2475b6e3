import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { RunOutput } from '@/components/ai/RunOutput';
import type { JobPosting } from '@/lib/capture/types';
import type { Cv } from '@/lib/cv/model';
import { getDb } from '@/lib/db/open';
import { createCvsRepo } from '@/lib/db/repos/cvs';
import type { LlmFeature } from '@/lib/llm/features';
import type { RunPreview } from '@/lib/llm/service';
import { sendToBackground } from '@/lib/messaging/client';
import { requestFor } from '@/lib/panel/ai-requests';
import { recallRun, rememberRun } from '@/lib/panel/ai-runs';
import { routeHash } from '@/lib/panel/route';
import type { RunState } from '@/lib/panel/run-state';
import { useItem } from '@/lib/panel/use-item';
import { useRun } from '@/lib/panel/use-run';
import { keyHintItem, llmConsentItem, modelsItem } from '@/lib/storage/items';
import { AppError, type ErrorCode } from '@/lib/util/errors';
import { formatCount, formatUsd } from '@/lib/util/format';
import { errorMessage } from '@/lib/util/i18n-errors';
import { ConsentDialog } from './ConsentDialog';

const FEATURE: LlmFeature = 'analysis';

/**
 * The AI card of the Job view: with the user's key and a chosen model, runs the analysis in the worker
 * and streams it here. The run outlives the panel; a reopened panel picks it up again.
 */
export function AiCard({ posting }: { posting: JobPosting }) {
  const keyHint = useItem(keyHintItem);
  const models = useItem(modelsItem);
  const consent = useItem(llmConsentItem);
  const cvLines = useLiveQuery(async () => ((await createCvsRepo(getDb()).getDefault())?.data as Cv | undefined)?.source.lines ?? [], []);
  const [runId, setRunId] = useState<string>();
  const run = useRun(runId);
  const [preview, setPreview] = useState<RunPreview | null>(null);
  const [estimate, setEstimate] = useState<number>();
  const [failure, setFailure] = useState<{ code: ErrorCode; detail?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const model = models?.[FEATURE];
  const messages = cvLines ? requestFor(FEATURE, posting, cvLines) : undefined;

  useEffect(() => {
    let cancelled = false;
    void recallRun(posting.url, FEATURE).then((id) => !cancelled && id && setRunId(id));
    return () => {
      cancelled = true;
    };
  }, [posting.url]);

  // The estimate shown on the button: the same preview the consent dialog uses.
  const previewKey = keyHint && model && messages ? `${model}|${messages.map((m) => m.content.length).join(',')}` : '';
  useEffect(() => {
    if (!previewKey || !messages) return;
    let cancelled = false;
    sendToBackground('previewRun', { feature: FEATURE, messages })
      .then((p) => !cancelled && setEstimate(p.estimatedCostUsd))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- previewKey stands for messages and model
  }, [previewKey]);

  if (keyHint === undefined || models === undefined || consent === undefined) return null;

  if (!keyHint) {
    return (
      <Card title={i18n.t('ai.title')} testId="ai-no-key">
        <p className="jf-muted">{i18n.t('ai.noKey')}</p>
        <a className="jf-button secondary" href={routeHash('settings')}>
          {i18n.t('ai.addKey')}
        </a>
      </Card>
    );
  }
  if (!model) {
    return (
      <Card title={i18n.t('ai.title')} testId="ai-no-model">
        <p className="jf-muted">{i18n.t('ai.noModel')}</p>
        <a className="jf-button secondary" href={routeHash('settings')}>
          {i18n.t('ai.chooseModel')}
        </a>
      </Card>
    );
  }

  async function start(options: { fresh?: boolean; resumeOf?: string } = {}) {
    if (!messages || busy) return;
    setBusy(true);
    setFailure(null);
    const requestId = crypto.randomUUID();
    try {
      const handle = options.resumeOf
        ? await sendToBackground('resumeRun', { runId: options.resumeOf, requestId })
        : await sendToBackground('startRun', { requestId, feature: FEATURE, messages, ...(options.fresh ? { fresh: true } : {}) });
      setRunId(handle.runId);
      await rememberRun(posting.url, FEATURE, handle.runId);
    } catch (error) {
      setFailure(error instanceof AppError ? { code: error.code, ...(error.detail ? { detail: error.detail } : {}) } : { code: 'internal' });
    } finally {
      setBusy(false);
    }
  }

  async function ask() {
    if (!messages) return;
    if (consent) return start();
    try {
      setPreview(await sendToBackground('previewRun', { feature: FEATURE, messages }));
    } catch (error) {
      setFailure({ code: error instanceof AppError ? error.code : 'internal' });
    }
  }

  async function send(remember: boolean) {
    setPreview(null);
    if (remember) await llmConsentItem.setValue(true);
    await start();
  }

  const running = run.phase === 'running';
  return (
    <Card title={i18n.t('ai.title')} testId="ai-card">
      <div className="jf-row">
        <button className="jf-button" disabled={busy || running || !messages} onClick={() => void ask()} data-testid="ai-analyze">
          {i18n.t('ai.analyze')}
        </button>
        {running ? (
          <button className="jf-button secondary" onClick={() => void sendToBackground('cancelRun', { runId: run.runId })} data-testid="ai-cancel">
            {i18n.t('ai.cancel')}
          </button>
        ) : null}
      </div>
      <p className="jf-muted" data-testid="ai-model">
        {estimate !== undefined ? i18n.t('ai.modelCost', [model, formatUsd(estimate)]) : i18n.t('ai.model', [model])}
      </p>
      {failure ? (
        <p className="jf-error" role="alert" data-code={failure.code} data-testid="ai-error">
          {failureText(failure.code, failure.detail)}
        </p>
      ) : null}
      <RunView run={run} onResume={(id) => void start({ resumeOf: id })} onFresh={() => void start({ fresh: true })} />
      <ConsentDialog preview={preview} onSend={(remember) => void send(remember)} onClose={() => setPreview(null)} />
    </Card>
  );
}

/** The error's sentence, plus which cap was reached. */
function failureText(code: ErrorCode, detail?: string): string {
  const cap = code === 'spending_cap' ? ` ${i18n.t(detail === 'monthly' ? 'ai.capMonthly' : 'ai.capDaily')}` : '';
  return `${errorMessage(code)}${cap}`;
}

function RunView({ run, onResume, onFresh }: { run: RunState; onResume(runId: string): void; onFresh(): void }) {
  if (run.phase === 'idle') return null;
  if (run.phase === 'running') {
    const status =
      run.stage === 'retrying' && run.retryAt
        ? i18n.t('ai.stage.retryingAt', [new Date(run.retryAt).toLocaleTimeString()])
        : i18n.t(`ai.stage.${run.stage}`);
    return <RunOutput text={run.text} streaming labels={{ status }} testId="ai-run" />;
  }
  if (run.phase === 'done') {
    const cost = run.usage?.cost;
    const status = run.cached
      ? i18n.t('ai.doneCached')
      : run.usage
        ? i18n.t('ai.doneUsage', [run.usage.model, formatCount(run.usage.promptTokens + run.usage.completionTokens), cost == null ? '—' : formatUsd(cost)])
        : i18n.t('ai.done');
    return (
      <>
        <RunOutput text={run.text} streaming={false} labels={{ status }} testId="ai-run" />
        {run.cached ? (
          <button className="jf-link" onClick={onFresh} data-testid="ai-fresh">
            {i18n.t('ai.runFresh')}
          </button>
        ) : null}
      </>
    );
  }
  return (
    <>
      <p className="jf-error" role="alert" data-code={run.code} data-testid="ai-run-error">
        {failureText(run.code, run.detail)}
      </p>
      <RunOutput
        text={run.partialText}
        streaming={false}
        labels={{ status: i18n.t(`ai.failed.${run.status}`), ...(run.partialText ? { incomplete: i18n.t('ai.incomplete') } : {}) }}
        testId="ai-run"
      />
      {run.status === 'interrupted' || run.status === 'error' || run.status === 'cancelled' ? (
        <button className="jf-button secondary" onClick={() => onResume(run.runId)} data-testid="ai-resume">
          {run.status === 'interrupted' ? i18n.t('ai.resume') : i18n.t('ai.retry')}
        </button>
      ) : null}
    </>
  );
}
