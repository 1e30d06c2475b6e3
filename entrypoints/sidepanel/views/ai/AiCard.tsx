import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { AnalysisResult, type AnalysisLabels } from '@/components/ai/AnalysisResult';
import { EvaluationResult, type EvaluationLabels } from '@/components/ai/EvaluationResult';
import { RunOutput } from '@/components/ai/RunOutput';
import { buildAnalysisPrompt, buildEvaluationPrompt, cvPromptLines, type AiPrompt } from '@/lib/ai/prompts';
import { cvEvaluationSchema, jobAnalysisSchema } from '@/lib/ai/schemas';
import type { JobPosting } from '@/lib/capture/types';
import { type Cv, cvSchema } from '@/lib/cv/model';
import { getDb } from '@/lib/db/open';
import { createCvsRepo } from '@/lib/db/repos/cvs';
import type { LlmFeature } from '@/lib/llm/features';
import { routeHash } from '@/lib/panel/route';
import type { RunState } from '@/lib/panel/run-state';
import { useItem } from '@/lib/panel/use-item';
import { type FeatureRunState, useFeatureRun } from '@/lib/panel/use-feature-run';
import { keyHintItem, modelsItem } from '@/lib/storage/items';
import type { ErrorCode } from '@/lib/util/errors';
import { formatCount, formatUsd } from '@/lib/util/format';
import { errorMessage } from '@/lib/util/i18n-errors';
import { Skeleton } from '@/components/Skeleton';
import { ConsentDialog } from './ConsentDialog';

const AiWriting = lazy(() => import('../job/AiWriting'));
const AnalysisCompare = lazy(() => import('../job/AnalysisCompare'));

/**
 * The AI card of the Job view: with the user's key and a model per feature, runs the job analysis and
 * the CV evaluation in the worker and streams them here. Runs outlive the panel; a reopened panel picks
 * them up again.
 */
export function AiCard({ posting }: { posting: JobPosting }) {
  const keyHint = useItem(keyHintItem);
  const models = useItem(modelsItem);
  const row = useLiveQuery(async () => (await createCvsRepo(getDb()).getDefault()) ?? null, []);
  // Tailoring and the cover letter need a CV that parses; null: no CV yet.
  const master = useMemo(() => {
    if (!row) return row;
    const parsed = cvSchema.safeParse(row.data);
    return parsed.success ? { row, cv: parsed.data } : undefined;
  }, [row]);

  if (keyHint === undefined || models === undefined || row === undefined) return null;
  const cv = (row?.data as Cv | undefined) ?? null;
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
  const cvLines = cv ? cvPromptLines(cv) : undefined;
  return (
    <>
    <Card title={i18n.t('ai.title')} testId="ai-card">
      <FeatureRun feature="analysis" model={models.analysis} posting={posting} prompt={buildAnalysisPrompt({ posting })} label={i18n.t('ai.analyze')} />
      <FeatureRun
        feature="evaluation"
        model={models.evaluation}
        posting={posting}
        prompt={cvLines?.length ? buildEvaluationPrompt({ posting, cvLines }) : undefined}
        label={i18n.t('ai.evaluate')}
      />
    </Card>
    {/* The writing features load on demand: their review code stays out of the panel's first bundle. */}
    <Suspense fallback={<Skeleton label={i18n.t('panel.capturing')} />}>
      <AiWriting posting={posting} master={master ?? null} unreadable={master === undefined} models={models} />
    </Suspense>
    </>
  );
}

interface FeatureRunProps {
  feature: LlmFeature;
  model: string | undefined;
  posting: JobPosting;
  /** Undefined when the feature lacks its input (no CV yet). */
  prompt: AiPrompt | undefined;
  label: string;
}

function FeatureRun({ feature, model, posting, prompt, label }: FeatureRunProps) {
  const state = useFeatureRun(feature, posting.url, prompt, model);
  const { run } = state;
  return (
    <FeatureControls feature={feature} model={model} prompt={prompt} label={label} state={state}>
      {/* The analysis beside the offline match: agreements and disagreements, both shown. */}
      {feature === 'analysis' && run.phase === 'done' && run.result !== undefined ? (
        <Suspense fallback={null}>
          <AnalysisCompare posting={posting} result={run.result} runId={run.runId} />
        </Suspense>
      ) : null}
    </FeatureControls>
  );
}

interface FeatureControlsProps {
  feature: LlmFeature;
  model: string | undefined;
  prompt: AiPrompt | undefined;
  label: string;
  state: FeatureRunState;
  /** What a finished run shows instead of its text (a structured result); null falls back to the text. */
  renderResult?: (run: Extract<RunState, { phase: 'done' }>) => ReactNode;
  /** Shown instead of the generic "add your CV" line when there is no prompt. */
  missing?: ReactNode;
  children?: ReactNode;
}

/** A feature's start button, model and estimated cost, Cancel, the streamed run and the consent dialog. */
export function FeatureControls({ feature, model, prompt, label, state, renderResult, missing, children }: FeatureControlsProps) {
  const section = (content: ReactNode) => (
    <section className="jf-ai-feature" data-testid={`ai-${feature}`} aria-label={label}>
      {content}
    </section>
  );
  if (!model) {
    return section(
      <p className="jf-muted">
        {i18n.t('ai.noModelFor', [i18n.t(`features.${feature}`)])}{' '}
        <a href={routeHash('settings')}>{i18n.t('ai.chooseModel')}</a>
      </p>,
    );
  }
  if (!prompt) {
    return section(
      missing ?? (
        <p className="jf-muted">
          {i18n.t('ai.needsCv')} <a href={routeHash('cv')}>{i18n.t('ai.addCv')}</a>
        </p>
      ),
    );
  }
  const { run, busy, failure, estimate } = state;
  const running = run.phase === 'running';
  return section(
    <>
      <div className="jf-row">
        <button className="jf-button" disabled={busy || running} onClick={() => void state.ask(prompt)} data-testid="ai-start">
          {label}
        </button>
        {running ? (
          <button className="jf-button secondary" onClick={state.cancel} data-testid="ai-cancel">
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
      <RunView run={run} renderResult={renderResult} onResume={(id) => void state.resume(id)} onFresh={() => void state.fresh()} />
      {children}
      <ConsentDialog
        preview={state.preview}
        asksDataConsent={state.asksDataConsent}
        onSend={(remember) => void state.send(remember)}
        onClose={state.closePreview}
      />
    </>,
  );
}

const analysisLabels = (): AnalysisLabels => ({
  role: i18n.t('ai.result.role'),
  seniority: i18n.t('ai.result.seniority'),
  mustHave: i18n.t('ai.result.mustHave'),
  niceToHave: i18n.t('ai.result.niceToHave'),
  technologies: i18n.t('ai.result.technologies'),
  keywords: i18n.t('ai.result.keywords'),
  sections: i18n.t('ai.result.sections'),
  confidence: (percent) => i18n.t('ai.result.confidence', [percent]),
  priority: { high: i18n.t('ai.result.high'), medium: i18n.t('ai.result.medium'), low: i18n.t('ai.result.low') },
});

const evaluationLabels = (): EvaluationLabels => ({
  score: (score) => i18n.t('ai.result.score', [score]),
  matches: i18n.t('ai.result.matches'),
  gaps: i18n.t('ai.result.gaps'),
  lines: (ids) => i18n.t('ai.result.lines', [ids]),
  must: i18n.t('ai.result.must'),
  nice: i18n.t('ai.result.nice'),
});

/** The error's sentence, plus which cap was reached. */
export function failureText(code: ErrorCode, detail?: string): string {
  const cap = code === 'spending_cap' ? ` ${i18n.t(detail === 'monthly' ? 'ai.capMonthly' : 'ai.capDaily')}` : '';
  return `${errorMessage(code)}${cap}`;
}

interface RunViewProps {
  run: RunState;
  renderResult?: ((run: Extract<RunState, { phase: 'done' }>) => ReactNode) | undefined;
  onResume(runId: string): void;
  onFresh(): void;
}

function RunView({ run, renderResult, onResume, onFresh }: RunViewProps) {
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
    const analysis = jobAnalysisSchema.safeParse(run.result);
    const evaluation = cvEvaluationSchema.safeParse(run.result);
    const structured = renderResult ? (
      renderResult(run)
    ) : analysis.success ? (
      <AnalysisResult analysis={analysis.data} labels={analysisLabels()} />
    ) : evaluation.success ? (
      <EvaluationResult evaluation={evaluation.data} labels={evaluationLabels()} />
    ) : null;
    return (
      <>
        {structured ? (
          <>
            <p className="jf-muted" role="status" data-testid="ai-run">
              {status}
            </p>
            {structured}
          </>
        ) : (
          <RunOutput text={run.text} streaming={false} labels={{ status }} testId="ai-run" />
        )}
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
