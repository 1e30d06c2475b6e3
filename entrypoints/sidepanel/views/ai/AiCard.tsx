import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { AnalysisResult, type AnalysisLabels } from '@/components/ai/AnalysisResult';
import { EvaluationResult, type EvaluationLabels } from '@/components/ai/EvaluationResult';
import { RunOutput } from '@/components/ai/RunOutput';
import { buildAnalysisPrompt, buildEvaluationPrompt, cvPromptLines, type AiPrompt, type PromptCvLine } from '@/lib/ai/prompts';
import { cvEvaluationSchema, jobAnalysisSchema } from '@/lib/ai/schemas';
import type { JobPosting } from '@/lib/capture/types';
import { type Cv, cvSchema } from '@/lib/cv/model';
import { getDb } from '@/lib/db/open';
import { createCvsRepo } from '@/lib/db/repos/cvs';
import type { LlmFeature } from '@/lib/llm/features';
import type { Seniority } from '@/lib/match/report';
import { loadRunEvaluation } from '@/lib/panel/ai-evaluation';
import { routeHash } from '@/lib/panel/route';
import type { RunState } from '@/lib/panel/run-state';
import { useItem } from '@/lib/panel/use-item';
import { type FeatureRunState, useFeatureRun } from '@/lib/panel/use-feature-run';
import { keyHintItem, modelsItem } from '@/lib/storage/items';
import type { ErrorCode } from '@/lib/util/errors';
import { formatCount, formatUsd } from '@/lib/util/format';
import { errorMessage } from '@/lib/util/i18n-errors';
import { Skeleton } from '@/components/Skeleton';
import { PostCheckNotice } from '../job/PostCheckNotice';
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
  // The lines the evaluation sends; a finished run is checked against the lines it sent (its stored request).
  const cvLines = useMemo(() => (row ? cvPromptLines(row.data as Cv) : undefined), [row]);

  if (keyHint === undefined || models === undefined || row === undefined) return null;
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
        cvLines={cvLines}
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
  /** The evaluation's CV lines now: what a finished run is checked against when its row has none. */
  cvLines?: PromptCvLine[] | undefined;
}

function FeatureRun({ feature, model, posting, prompt, label, cvLines }: FeatureRunProps) {
  const state = useFeatureRun(feature, posting.url, prompt, model);
  const { run } = state;
  const renderResult =
    feature === 'evaluation'
      ? (done: Extract<RunState, { phase: 'done' }>) =>
          cvEvaluationSchema.safeParse(done.result).success ? <CheckedEvaluation key={done.runId} runId={done.runId} result={done.result} current={cvLines} /> : null
      : undefined;
  return (
    <FeatureControls feature={feature} model={model} prompt={prompt} label={label} state={state} renderResult={renderResult}>
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

/** A seniority level in the user's language (the analysis and its comparison with the offline match). */
export const seniorityName = (level: Seniority): string => i18n.t(`aiui2.seniority.${level}`);

const analysisLabels = (): AnalysisLabels => ({
  role: i18n.t('ai.result.role'),
  seniority: i18n.t('ai.result.seniority'),
  seniorityName,
  mustHave: i18n.t('ai.result.mustHave'),
  niceToHave: i18n.t('ai.result.niceToHave'),
  technologies: i18n.t('ai.result.technologies'),
  hardSkills: i18n.t('aiui2.analysisHardSkills'),
  softSkills: i18n.t('aiui2.analysisSoftSkills'),
  keywords: i18n.t('ai.result.keywords'),
  sections: i18n.t('ai.result.sections'),
  confidence: (percent) => i18n.t('ai.result.confidence', [percent]),
  priority: { high: i18n.t('ai.result.high'), medium: i18n.t('ai.result.medium'), low: i18n.t('ai.result.low') },
});

const evaluationLabels = (): EvaluationLabels => ({
  score: (score) => i18n.t('ai.result.score', [score]),
  matches: i18n.t('ai.result.matches'),
  gaps: i18n.t('ai.result.gaps'),
  must: i18n.t('ai.result.must'),
  nice: i18n.t('ai.result.nice'),
  fromCv: i18n.t('match.fromCv'),
  closest: i18n.t('aiui2.evalClosest'),
  unsupported: i18n.t('aiui2.evalUnsupported'),
  unknownIds: (ids) => i18n.t('aiui2.evalUnknownIds', [ids]),
  more: i18n.t('aiui2.evalMore'),
  less: i18n.t('aiui2.evalLess'),
});

/** A finished CV evaluation held to the CV lines its run sent: cited lines quoted, the rest marked. */
function CheckedEvaluation({ runId, result, current }: { runId: string; result: unknown; current: PromptCvLine[] | undefined }) {
  const cited = useLiveQuery(
    () => loadRunEvaluation(getDb(), runId, result, current).catch(() => 'error' as const),
    [runId, result, current],
  );
  if (cited === undefined) return <p className="jf-muted">{i18n.t('aiui.checking')}</p>;
  if (cited === 'error') return <PostCheckNotice check={{ status: 'error', code: 'internal' }} />;
  return cited ? <EvaluationResult evaluation={cited} labels={evaluationLabels()} /> : null;
}

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
    const structured = renderResult ? (
      renderResult(run)
    ) : analysis.success ? (
      <AnalysisResult analysis={analysis.data} labels={analysisLabels()} />
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
