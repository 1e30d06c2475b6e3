import { useLiveQuery } from 'dexie-react-hooks';
import { type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { LetterParagraphs } from '@/components/ai/LetterParagraphs';
import { flagMessage } from '@/lib/ai/messages';
import { type AiFact, buildCoverLetterPrompt } from '@/lib/ai/prompts';
import { coverLetterSchema } from '@/lib/ai/schemas';
import type { JobPosting } from '@/lib/capture/types';
import { getDb } from '@/lib/db/open';
import { createAnalysesRepo, readCoverLetter } from '@/lib/db/repos/analyses';
import { createJobsRepo } from '@/lib/db/repos/jobs';
import { type CheckedParagraph, letterDraft, toggleApproval } from '@/lib/panel/ai-review';
import { downloadCoverLetter } from '@/lib/panel/ai-export';
import { saveCoverLetter } from '@/lib/panel/ai-save';
import { toast } from '@/lib/panel/toasts';
import { useFeatureRun } from '@/lib/panel/use-feature-run';
import type { Models } from '@/lib/storage/items';
import { AppError, type ErrorCode, toAppError } from '@/lib/util/errors';
import { errorMessage } from '@/lib/util/i18n-errors';
import { FeatureControls } from '../ai/AiCard';
import { MissingCv } from './MissingCv';
import { type AiMaster, useAiInputs } from './use-ai-inputs';

interface Props {
  posting: JobPosting;
  master: AiMaster | null;
  /** The default CV exists but does not parse. */
  unreadable: boolean;
  models: Models;
}

/**
 * The cover letter for the posting: written by the model from cited CV lines and facts, post-checked
 * paragraph by paragraph (a flagged one is left out until approved), edited as plain text, saved with
 * the job (one letter per job) and exported as PDF.
 */
export default function CoverLetterCard({ posting, master, unreadable, models }: Props) {
  const { cvLines, facts, confirmed } = useAiInputs(posting, master);
  const prompt = master && cvLines?.length && confirmed !== undefined ? buildCoverLetterPrompt({ posting, cvLines, facts, confirmedKeywords: confirmed }) : undefined;
  const letter = useFeatureRun('coverLetter', posting.url, prompt, models.coverLetter);
  const saved = useLiveQuery(async () => {
    const job = await createJobsRepo(getDb()).findSaved(posting);
    const row = job ? await createAnalysesRepo(getDb()).coverLetterRow(job.id) : undefined;
    return (row && readCoverLetter(row.result)) ?? null;
  }, [posting.url, posting.siteJobId]);
  if (saved === undefined) return null;

  const editor = (initial: string, extra: Partial<EditorProps> = {}) =>
    master ? <LetterEditor posting={posting} master={master} initial={initial} savedText={saved?.text} {...extra} /> : null;
  return (
    <Card title={i18n.t('aiui.letterTitle')} testId="letter-card">
      <FeatureControls
        feature="coverLetter"
        model={models.coverLetter}
        prompt={prompt}
        label={i18n.t('aiui.writeLetter')}
        state={letter}
        missing={<MissingCv unreadable={unreadable} />}
        renderResult={(run) =>
          saved?.runId === run.runId ? (
            editor(saved.text, { runId: run.runId, ...(saved.model ? { model: saved.model } : {}) })
          ) : master ? (
            <LetterFromRun key={run.runId} result={run.result} master={master} facts={facts} posting={posting}>
              {(paragraphs) => editor('', { paragraphs, runId: run.runId, ...(run.usage?.model ? { model: run.usage.model } : {}) })}
            </LetterFromRun>
          ) : null
        }
      >
        {letter.run.phase !== 'done' && saved ? editor(saved.text, { ...(saved.runId ? { runId: saved.runId } : {}), ...(saved.model ? { model: saved.model } : {}) }) : null}
      </FeatureControls>
    </Card>
  );
}

/** Post-checks the run's paragraphs (the checker loads lazily), then hands them to the editor. */
function LetterFromRun({
  result,
  master,
  facts,
  posting,
  children,
}: {
  result: unknown;
  master: AiMaster;
  facts: AiFact[];
  posting: JobPosting;
  children: (paragraphs: CheckedParagraph[]) => ReactNode;
}) {
  const [checked, setChecked] = useState<CheckedParagraph[] | { error: ErrorCode }>();
  const parsed = useMemo(() => coverLetterSchema.safeParse(result), [result]);
  useEffect(() => {
    if (!parsed.success) return;
    let cancelled = false;
    import('@/lib/ai')
      .then((ai) =>
        ai.checkCoverLetter(parsed.data, {
          lines: master.cv.source.lines.map(({ id, text }) => ({ id, text })),
          facts,
          posting: { title: posting.title, ...(posting.company ? { company: posting.company } : {}) },
        }),
      )
      .then((c) => !cancelled && setChecked(c))
      .catch(() => !cancelled && setChecked({ error: 'internal' }));
    return () => {
      cancelled = true;
    };
    // Checked once per run, like the tailored CV.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [parsed]);
  if (!parsed.success) {
    return (
      <p className="jf-error" role="alert" data-code="invalid_output">
        {errorMessage('invalid_output')}
      </p>
    );
  }
  if (!checked) return <p className="jf-muted">{i18n.t('aiui.checking')}</p>;
  if ('error' in checked) {
    return (
      <p className="jf-error" role="alert" data-code={checked.error}>
        {errorMessage(checked.error)}
      </p>
    );
  }
  return <>{children(checked)}</>;
}

interface EditorProps {
  posting: JobPosting;
  master: AiMaster;
  /** The text shown when there are no paragraphs to review (a saved letter). */
  initial: string;
  /** A fresh draft's checked paragraphs: the text follows the approvals until the user edits it. */
  paragraphs?: CheckedParagraph[];
  savedText: string | undefined;
  runId?: string;
  model?: string;
}

function LetterEditor({ posting, master, initial, paragraphs, savedText, runId, model }: EditorProps) {
  const id = useId();
  const [approved, setApproved] = useState<Set<number>>(new Set());
  const [edited, setEdited] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ code: ErrorCode; detail?: string }>();
  const text = edited ?? (paragraphs ? letterDraft(paragraphs, approved) : initial);
  const unsaved = text.trim() !== (savedText ?? '').trim();

  async function act(work: () => Promise<void>) {
    setBusy(true);
    setFailure(undefined);
    try {
      await work();
    } catch (error) {
      const e = error instanceof AppError ? error : toAppError(error);
      setFailure({ code: e.code, ...(e.detail ? { detail: e.detail } : {}) });
    } finally {
      setBusy(false);
    }
  }
  const save = () =>
    act(async () => {
      await saveCoverLetter(getDb(), { posting, text, cvId: master.row.id, ...(model ? { model } : {}), ...(runId ? { runId } : {}) });
      toast(i18n.t('aiui.letterSaved'));
    });
  const exportPdf = () =>
    act(async () => {
      try {
        const name = await downloadCoverLetter(master.cv, text, { title: posting.title, ...(posting.company ? { company: posting.company } : {}) });
        toast(i18n.t('cv.exported', [name]));
      } catch (error) {
        throw error instanceof AppError ? error : new AppError('cv_export_failed');
      }
    });

  return (
    <div className="jf-aiui-letter" data-testid="letter-editor">
      {paragraphs ? (
        <LetterParagraphs
          paragraphs={paragraphs}
          approved={approved}
          locked={edited !== undefined}
          labels={{ flag: flagMessage, blocked: i18n.t('fabrication.blocked'), approve: i18n.t('fabrication.approve'), locked: i18n.t('aiui.letterLocked') }}
          onApprove={(index, on) => setApproved((a) => toggleApproval(a, index, on))}
        />
      ) : null}
      <label htmlFor={id}>{i18n.t('aiui.letterBody')}</label>
      <p className="jf-muted">{i18n.t('aiui.letterHint')}</p>
      <textarea id={id} className="jf-aiui-textarea" rows={12} value={text} onChange={(e) => setEdited(e.target.value)} data-testid="letter-text" />
      <div className="jf-row">
        <button className="jf-button" disabled={busy || !unsaved} onClick={() => void save()} data-testid="letter-save">
          {unsaved ? i18n.t('aiui.saveLetter') : i18n.t('aiui.saved')}
        </button>
        <button className="jf-button secondary" disabled={busy || !text.trim()} onClick={() => void exportPdf()} data-testid="letter-export-pdf">
          {i18n.t('cv.exportPdf')}
        </button>
      </div>
      {failure ? (
        <p className="jf-error" role="alert" data-code={failure.code} data-testid="letter-error">
          {errorMessage(failure.code)}
          {failure.detail ? ` ${i18n.t('cv.unsupportedChars', [failure.detail])}` : ''}
        </p>
      ) : null}
    </div>
  );
}
