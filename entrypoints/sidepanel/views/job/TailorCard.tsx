import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { GuidedQuestion } from '@/components/ai/GuidedQuestion';
import { TailorDiff } from '@/components/ai/TailorDiff';
import { answerGuided, guidedProgress, type GuidedSession, newFacts, skipGuided, startGuided } from '@/lib/ai/guided';
import { flagMessage } from '@/lib/ai/messages';
import { type AiFact, buildQuestionsPrompt, buildTailoringPrompt } from '@/lib/ai/prompts';
import { guidedQuestionsSchema, normalizeQuestions, tailoredCvSchema } from '@/lib/ai/schemas';
import type { JobPosting } from '@/lib/capture/types';
import { factProblem } from '@/lib/cv/facts';
import { type Cv, cvSchema } from '@/lib/cv/model';
import { getDb } from '@/lib/db/open';
import { createCvsRepo } from '@/lib/db/repos/cvs';
import { createJobsRepo } from '@/lib/db/repos/jobs';
import { cvFactOfAnswer, diffRows, readGuided, reviewCounts, storedGuided, toggleApproval } from '@/lib/panel/ai-review';
import { recallRunNote, rememberRunNote } from '@/lib/panel/ai-runs';
import { saveTailoredCv } from '@/lib/panel/ai-save';
import { downloadCv } from '@/lib/panel/ai-export';
import { routeHash } from '@/lib/panel/route';
import { toast } from '@/lib/panel/toasts';
import { useFeatureRun } from '@/lib/panel/use-feature-run';
import { usePostCheck } from '@/lib/panel/use-post-check';
import type { Models } from '@/lib/storage/items';
import { AppError, type ErrorCode, toAppError } from '@/lib/util/errors';
import { errorMessage } from '@/lib/util/i18n-errors';
import { FeatureControls } from '../ai/AiCard';
import { useMatchView } from './use-match';
import { MissingCv } from './MissingCv';
import { PostCheckNotice } from './PostCheckNotice';
import { type AiMaster, useAiInputs } from './use-ai-inputs';

interface Props {
  posting: JobPosting;
  master: AiMaster | null;
  /** The default CV exists but does not parse. */
  unreadable: boolean;
  models: Models;
}

/**
 * Tailored CV and guided questions for the posting: the tailoring run's review (diff, flags,
 * approvals), saving it as a tailored CV of the job, exporting it, and three questions about the gaps
 * whose answers become facts and can update the tailored CV (under the same review).
 */
export default function TailorCard({ posting, master, unreadable, models }: Props) {
  const { cvLines, facts, confirmed } = useAiInputs(posting, master);
  const ready = master && cvLines?.length && confirmed !== undefined;
  const tailorPrompt = ready ? buildTailoringPrompt({ posting, cvLines, facts, confirmedKeywords: confirmed }) : undefined;
  const tailoring = useFeatureRun('tailoring', posting.url, tailorPrompt, models.tailoring);
  const current = tailoring.run.phase === 'done' ? tailoredCvSchema.safeParse(tailoring.run.result).data : undefined;

  const missing = <MissingCv unreadable={unreadable} />;
  return (
    <Card title={i18n.t('aiui.tailorTitle')} testId="tailor-card">
      <FeatureControls
        feature="tailoring"
        model={models.tailoring}
        prompt={tailorPrompt}
        label={i18n.t('aiui.tailor')}
        state={tailoring}
        missing={missing}
        renderResult={(run) =>
          master ? (
            <TailorResult key={run.runId} runId={run.runId} result={run.result} master={master} facts={facts} confirmed={confirmed ?? []} posting={posting} />
          ) : null
        }
      />
      {master && ready ? (
        <Guided
          posting={posting}
          master={master}
          facts={facts}
          models={models}
          cvLines={cvLines}
          updating={tailoring.busy || tailoring.run.phase === 'running'}
          onUpdate={
            current
              ? (sessionFacts) => void tailoring.ask(buildTailoringPrompt({ posting, cvLines, facts: sessionFacts, confirmedKeywords: confirmed, previous: current }))
              : undefined
          }
        />
      ) : null}
      <TailoredList posting={posting} />
    </Card>
  );
}

interface ResultProps {
  runId: string;
  result: unknown;
  master: AiMaster;
  facts: AiFact[];
  confirmed: string[];
  posting: JobPosting;
}

/** The review of one tailoring run: rows with flags and approvals, Save as a tailored CV of the job. */
function TailorResult({ runId, result, master, facts, confirmed, posting }: ResultProps) {
  const check = usePostCheck(result, tailoredCvSchema, (ai, data) =>
    ai.reviewTailoredCv({ master: master.cv, tailored: data, facts, confirmedKeywords: confirmed }),
  );
  const [approved, setApproved] = useState<Set<number>>(new Set());
  const [saving, setSaving] = useState(false);
  // The CV saved from this run (its id), also after the panel was reopened: Save is offered once per run.
  const [saved, setSaved] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    recallRunNote('tailorSaved', runId, (v) => (typeof v === 'string' ? v : undefined))
      .then((id) => !cancelled && id && setSaved(id))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [runId]);
  const [saveError, setSaveError] = useState<ErrorCode>();

  if (check.status !== 'ready') return <PostCheckNotice check={check} />;
  const review = check.value;
  const rows = diffRows(review, approved);
  const counts = reviewCounts(rows);

  async function save() {
    setSaving(true);
    setSaveError(undefined);
    try {
      const { mergeTailoredCv } = await import('@/lib/ai');
      const merged = mergeTailoredCv(master.cv, review, approved);
      const out = await saveTailoredCv(getDb(), { posting, masterId: master.row.id, cv: merged.cv });
      setSaved(out.cv.id);
      await rememberRunNote('tailorSaved', runId, out.cv.id).catch(() => undefined);
      toast(i18n.t('aiui.savedTailored', [out.cv.name]));
    } catch (error) {
      setSaveError(error instanceof AppError ? error.code : toAppError(error).code);
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <TailorDiff
        rows={rows}
        labels={{
          kind: {
            same: i18n.t('aiui.kind.same'),
            changed: i18n.t('aiui.kind.changed'),
            added: i18n.t('aiui.kind.added'),
            unsourced: i18n.t('aiui2.kindUnsourced'),
            removed: i18n.t('aiui.kind.removed'),
          },
          flag: flagMessage,
          blocked: i18n.t('fabrication.blocked'),
          approve: i18n.t('fabrication.approve'),
          sources: (ids) => i18n.t('aiui.sources', [ids.map((id) => quoteSource(id, master.cv, facts)).join('; ')]),
          summary: [
            `${i18n.t('aiui2.keptLines', counts.kept)}, ${i18n.t('aiui2.leftOutLines', counts.removed)}`,
            counts.blocked ? i18n.t('aiui2.pendingLines', counts.blocked) : '',
          ]
            .filter(Boolean)
            .join(' '),
        }}
        onApprove={(index, on) => setApproved((a) => toggleApproval(a, index, on))}
      />
      <div className="jf-row">
        <button className="jf-button" disabled={saving || saved !== undefined || counts.kept === 0} onClick={() => void save()} data-testid="tailor-save">
          {saved ? i18n.t('aiui.saved') : i18n.t('aiui.saveTailored')}
        </button>
      </div>
      {counts.blocked ? <p className="jf-muted">{i18n.t('aiui.leftOut')}</p> : null}
      {saveError ? (
        <p className="jf-error" role="alert" data-code={saveError} data-testid="tailor-save-error">
          {errorMessage(saveError)}
        </p>
      ) : null}
    </>
  );
}

interface GuidedProps {
  posting: JobPosting;
  master: AiMaster;
  facts: AiFact[];
  models: Models;
  cvLines: NonNullable<ReturnType<typeof useAiInputs>['cvLines']>;
  /** Re-runs tailoring with the session's facts on top of the current tailored CV; absent when there is none. */
  onUpdate: ((facts: AiFact[]) => void) | undefined;
  /** A tailoring run is starting or running: the update waits for it. */
  updating: boolean;
}

/** Three questions about the gaps, one at a time; each answer is saved with the CV's facts at once. */
function Guided({ posting, master, facts, models, cvLines, onUpdate, updating }: GuidedProps) {
  const match = useMatchView(posting);
  const gaps = useMemo(() => {
    if (match && match !== 'error' && match.kind === 'report' && match.report.missingKeywords.length) return match.report.missingKeywords.map((k) => k.canonical);
    return posting.sections?.requirements ?? [];
  }, [match, posting]);
  const prompt = gaps.length ? buildQuestionsPrompt({ posting, cvLines, gaps: gaps.slice(0, 6) }) : undefined;
  const questions = useFeatureRun('questions', posting.url, prompt, models.questions);
  return (
    <FeatureControls
      feature="questions"
      model={models.questions}
      prompt={prompt}
      label={i18n.t('aiui.ask')}
      state={questions}
      missing={<p className="jf-muted">{i18n.t('aiui.noGaps')}</p>}
      renderResult={(run) => <GuidedFlow key={run.runId} runId={run.runId} result={run.result} master={master} facts={facts} onUpdate={onUpdate} updating={updating} />}
    />
  );
}

interface GuidedFlowProps extends Pick<GuidedProps, 'onUpdate' | 'updating'> {
  runId: string;
  result: unknown;
  master: AiMaster;
  facts: AiFact[];
}

function GuidedFlow({ runId, result, master, facts, onUpdate, updating }: GuidedFlowProps) {
  const [fresh] = useState<GuidedSession | null>(() => {
    const parsed = guidedQuestionsSchema.safeParse(result);
    return parsed.success ? startGuided(normalizeQuestions(parsed.data).questions, facts) : null;
  });
  // The session goes on where the user left it (a reopened panel does not ask again); undefined: loading.
  const [session, setStored] = useState<GuidedSession | null | undefined>(fresh ? undefined : null);
  useEffect(() => {
    if (!fresh) return;
    let cancelled = false;
    recallRunNote('guided', runId, (value) => readGuided(value, fresh.questions))
      .catch(() => undefined)
      .then((stored) => !cancelled && setStored(stored ?? fresh));
    return () => {
      cancelled = true;
    };
  }, [runId, fresh]);
  const [error, setError] = useState<ErrorCode>();
  const setSession = (next: GuidedSession) => {
    setStored(next);
    rememberRunNote('guided', runId, storedGuided(next)).catch(() => undefined);
  };
  if (session === undefined) return null;
  if (!session || !session.questions.length) {
    return (
      <p className="jf-error" role="alert" data-code="invalid_output">
        {errorMessage('invalid_output')}
      </p>
    );
  }
  const progress = guidedProgress(session);

  async function answer(text: string) {
    if (!session) return;
    const next = answerGuided(session, text);
    const fact = next.facts.at(-1)!;
    setError(undefined);
    try {
      const gap = session.questions[session.current]!.gap;
      await createCvsRepo(getDb()).addFacts(master.row.id, [cvFactOfAnswer(fact, gap, Date.now(), crypto.randomUUID())]);
      setSession(next);
    } catch (e) {
      // The answer stays in the field: nothing typed is lost.
      setError(toAppError(e).code);
    }
  }

  if (progress.done) {
    const added = newFacts(session).length;
    return (
      <div className="jf-aiui-guided" data-testid="guided-done">
        <p role="status">{i18n.t('aiui.guidedDone', [String(added), String(progress.total - added)])}</p>
        {added && onUpdate ? (
          <button className="jf-button" disabled={updating} onClick={() => onUpdate(session.facts)} data-testid="guided-update">
            {i18n.t('aiui.update')}
          </button>
        ) : added ? (
          <p className="jf-muted">{i18n.t('aiui.factsForTailoring')}</p>
        ) : null}
      </div>
    );
  }
  const q = session.questions[session.current]!;
  return (
    <>
      <GuidedQuestion
        key={session.current}
        gap={i18n.t('aiui.gap', [q.gap])}
        question={q.question}
        labels={{
          progress: i18n.t('aiui.progress', [String(progress.step), String(progress.total)]),
          answer: i18n.t('aiui.answer'),
          skip: i18n.t('aiui.skip'),
          next: progress.step === progress.total ? i18n.t('aiui.done') : i18n.t('aiui.next'),
          problem: (text) => {
            const p = factProblem(text);
            return p === 'fact_required' ? i18n.t('aiui.answerShort') : p === 'fact_too_long' ? errorMessage('fact_too_long') : undefined;
          },
        }}
        onAnswer={(text) => void answer(text)}
        onSkip={() => setSession(skipGuided(session))}
      />
      {error ? (
        <p className="jf-error" role="alert" data-code={error}>
          {errorMessage(error)}
        </p>
      ) : null}
    </>
  );
}

/** The tailored CVs saved for this job (live), each exportable; they also show in the CV view and the tracker. */
function TailoredList({ posting }: { posting: JobPosting }) {
  const rows = useLiveQuery(async () => {
    const job = await createJobsRepo(getDb()).findSaved(posting);
    return job ? (await createCvsRepo(getDb()).listForJob(job.id)).filter((c) => c.parentId !== undefined).sort((a, b) => a.createdAt - b.createdAt) : [];
  }, [posting.url, posting.siteJobId]);
  const [failure, setFailure] = useState<{ code: ErrorCode; detail?: string }>();
  const [busy, setBusy] = useState(false);
  if (!rows?.length) return null;

  async function exportAs(data: unknown, format: 'pdf' | 'docx') {
    setBusy(true);
    setFailure(undefined);
    try {
      const cv = cvSchema.parse(data);
      const name = await downloadCv(cv, format, { ...(posting.company ? { company: posting.company } : {}), role: posting.title });
      toast(i18n.t('cv.exported', [name]));
    } catch (error) {
      const e = error instanceof AppError ? error : new AppError('cv_export_failed');
      setFailure({ code: e.code, ...(e.detail ? { detail: e.detail } : {}) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="jf-ai-feature" aria-label={i18n.t('aiui.savedList')} data-testid="tailored-list">
      <h3 className="jf-subhead">{i18n.t('aiui.savedList')}</h3>
      <ul className="jf-list">
        {rows.map((row) => (
          <li key={row.id} data-testid="tailored-item">
            <a href={routeHash('cv')}>{row.name}</a>
            <div className="jf-row">
              <button className="jf-button secondary" disabled={busy} onClick={() => void exportAs(row.data, 'pdf')} data-testid="tailored-export-pdf">
                {i18n.t('cv.exportPdf')}
              </button>
              <button className="jf-button secondary" disabled={busy} onClick={() => void exportAs(row.data, 'docx')} data-testid="tailored-export-docx">
                {i18n.t('cv.exportDocx')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {failure ? (
        <p className="jf-error" role="alert" data-code={failure.code}>
          {errorMessage(failure.code)}
          {failure.detail ? ` ${i18n.t('cv.unsupportedChars', [failure.detail])}` : ''}
        </p>
      ) : null}
    </section>
  );
}

/** A cited id as the user knows it: the CV line or fact it names, quoted and shortened; the id when unknown. */
function quoteSource(id: string, cv: Cv, facts: readonly AiFact[]): string {
  const text = cv.source.lines.find((l) => l.id === id)?.text ?? facts.find((f) => f.id === id)?.text;
  if (!text) return id;
  const clean = text.replace(/\s+/g, ' ').trim();
  return `“${clean.length > 70 ? `${clean.slice(0, 69)}…` : clean}”`;
}
