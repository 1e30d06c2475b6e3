import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import type { ApplyOutcome, FrameReport } from '@/lib/apply/model';
import { profileValues, toBase64 } from '@/lib/apply/plan';
import type { ApplyFile, FillPlan, FillProblem, FilledField, LeftField } from '@/lib/apply/report';
import { safeOrigin } from '@/lib/capture/inject';
import type { JobPosting } from '@/lib/capture/types';
import { cvSchema } from '@/lib/cv/model';
import { getDb } from '@/lib/db/open';
import { createAnalysesRepo, readCoverLetter } from '@/lib/db/repos/analyses';
import { createAnswersRepo } from '@/lib/db/repos/answers';
import { applicationNote, createApplicationsRepo } from '@/lib/db/repos/applications';
import { createCvsRepo } from '@/lib/db/repos/cvs';
import { createJobsRepo } from '@/lib/db/repos/jobs';
import type { CvRow } from '@/lib/db/schema';
import { sendToBackground } from '@/lib/messaging/client';
import { coverLetterPdf, cvPdf } from '@/lib/panel/ai-export';
import { applyTarget } from '@/lib/panel/apply-target';
import { routeHash } from '@/lib/panel/route';
import { toast } from '@/lib/panel/toasts';
import { useItem } from '@/lib/panel/use-item';
import { profileItem } from '@/lib/storage/items';
import { AppError, type ErrorCode, toAppError } from '@/lib/util/errors';
import { errorMessage } from '@/lib/util/i18n-errors';

interface Props {
  /** The tab's posting when it was read; null on a form page that is no posting. */
  posting: JobPosting | null;
  /** The tab the panel is bound to. */
  tabId: number | null;
  /**
   * The posting was pasted or dropped, so it did not come from a tab: the form is in the tab the user
   * has in front, the active tab of the panel's window (lib/panel/apply-target.ts).
   */
  pasted?: boolean;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'filling' }
  | { kind: 'error'; code: ErrorCode; origin?: string }
  | { kind: 'done'; tabId: number; outcome: ApplyOutcome; attached: { cv?: string; coverLetter?: string } };

/** A filled field with the frame it is in: the key for undoing it alone. */
type Row = FilledField & { frameId: number };

const PDF = 'application/pdf';

/**
 * The Apply section of the Job view: pick the CV (the one tailored for this job when there is one),
 * fill the form in the tab, see every filled value with its source and undo it, see what is left for the
 * user, and after the user submitted, mark the job as applied with a record of what was sent.
 */
export default function ApplySection({ posting, tabId, pasted = false }: Props) {
  const db = getDb();
  const job = useLiveQuery(async () => (posting && (await createJobsRepo(db).findSaved(posting))) || null, [posting?.url, posting?.siteJobId]);
  const cvs = useLiveQuery(() => createCvsRepo(db).listAll(), []);
  const letter = useLiveQuery(async () => {
    const row = job ? await createAnalysesRepo(db).coverLetterRow(job.id) : undefined;
    return (row && readCoverLetter(row.result)?.text) || null;
  }, [job?.id]);
  const profile = useItem(profileItem);
  const [chosenId, setChosenId] = useState<string>();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [undone, setUndone] = useState<Set<string>>(new Set());
  const selectId = useId();

  const choices = useMemo(() => cvChoices(cvs ?? [], job?.id), [cvs, job?.id]);
  if (job === undefined || cvs === undefined || letter === undefined || profile === undefined) return null;
  const chosen = choices.find((c) => c.row.id === chosenId) ?? choices[0];

  async function fill() {
    if (!chosen) return;
    setPhase({ kind: 'filling' });
    setUndone(new Set());
    try {
      const target = pasted ? await applyTarget(tabId) : tabId ? { tabId } : { problem: 'not_web_page' as const };
      if ('problem' in target) throw new AppError('restricted_page');
      const parsed = cvSchema.safeParse(chosen.row.data);
      if (!parsed.success) throw new AppError('cv_unreadable');
      const cv = parsed.data;
      const company = posting?.company ? { company: posting.company } : {};
      const resume = await asFile(cvPdf(cv, { ...company, ...(posting ? { role: posting.title } : {}) }));
      const coverLetter = letter ? { text: letter, file: await asFile(coverLetterPdf(cv, letter, { ...company, ...(posting ? { title: posting.title } : {}) })) } : undefined;
      const answers = (await createAnswersRepo(db).list()).map(({ question, answer }) => ({ question, answer }));
      const plan: FillPlan = { profile: profileValues(profile!, cv), resume, ...(coverLetter ? { coverLetter } : {}), answers };
      const outcome = await sendToBackground('fillApplication', { tabId: target.tabId, plan });
      // A profile value the settings do not have came from the CV's contact lines: say so.
      const own = profileValues(profile!, undefined);
      for (const frame of outcome.frames) {
        for (const f of frame.filled) if (f.source === 'profile' && f.field && f.field !== 'resume' && f.field !== 'coverLetter' && own[f.field] !== f.value) f.source = 'cv';
      }
      const filled = outcome.frames.flatMap((f) => f.filled);
      setPhase({
        kind: 'done',
        tabId: target.tabId,
        outcome,
        attached: {
          ...(filled.some((f) => f.field === 'resume') ? { cv: resume.name } : {}),
          ...(coverLetter && filled.some((f) => f.value === coverLetter.file.name) ? { coverLetter: coverLetter.file.name } : {}),
        },
      });
    } catch (error) {
      const code = toAppError(error).code;
      // A pasted posting's URL is not the form's: the toolbar click on the form's tab is the way in.
      const origin = code === 'needs_permission' && posting && !pasted ? safeOrigin(posting.url) : undefined;
      setPhase({ kind: 'error', code, ...(origin ? { origin } : {}) });
    }
  }

  async function allow(origin: string) {
    // permissions.request must be the first thing the click does: it needs the user gesture.
    const granted = await browser.permissions.request({ origins: [`${origin}/*`] });
    if (granted) await fill();
  }

  async function undo(row?: Row) {
    if (phase.kind !== 'done') return;
    try {
      const target = row ? { frameId: row.frameId, undoId: row.undoId } : {};
      // The tab that was filled, even if another one is in front now.
      const { restored } = await sendToBackground('undoApplicationFill', { tabId: phase.tabId, ...target });
      if (row) setUndone((s) => new Set(s).add(rowKey(row)));
      else {
        setPhase({ kind: 'idle' });
        toast(i18n.t('apply.undoneAll', [String(restored)]));
      }
    } catch (error) {
      toast(errorMessage(toAppError(error).code), 'error');
    }
  }

  return (
    <Card title={i18n.t('apply.title')} testId="apply-section">
      <p className="jf-muted">{i18n.t('apply.intro')}</p>
      {pasted ? (
        <p className="jf-muted" data-testid="apply-active-tab-hint">
          {i18n.t('apply2.activeTabHint')}
        </p>
      ) : null}
      {chosen ? (
        <div className="jf-field">
          <label htmlFor={selectId}>{i18n.t('apply.cvLabel')}</label>
          <select id={selectId} value={chosen.row.id} onChange={(e) => setChosenId(e.target.value)} data-testid="apply-cv">
            {choices.map((c) => (
              <option key={c.row.id} value={c.row.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <>
          <p className="jf-muted" data-testid="apply-no-cv">
            {i18n.t('apply.noCv')}
          </p>
          <a className="jf-button secondary" href={routeHash('cv')}>
            {i18n.t('apply.addCv')}
          </a>
        </>
      )}
      <div className="jf-row">
        <button className="jf-button" disabled={!chosen || phase.kind === 'filling'} onClick={() => void fill()} data-testid="apply-fill">
          {phase.kind === 'filling' ? i18n.t('apply.filling') : i18n.t('apply.fill')}
        </button>
      </div>
      {phase.kind === 'error' ? (
        <div role="alert" data-testid="apply-error" data-code={phase.code}>
          <p className="jf-error">{errorText(phase.code, pasted)}</p>
          {phase.origin ? (
            <button className="jf-button secondary" onClick={() => void allow(phase.origin!)}>
              {i18n.t('apply.allowTab', [new URL(phase.origin).host])}
            </button>
          ) : null}
        </div>
      ) : null}
      {phase.kind === 'done' ? (
        <FillResult
          outcome={phase.outcome}
          undone={undone}
          onUndo={(row) => void undo(row)}
          onAllow={(origin) => void allow(origin)}
        />
      ) : null}
      {phase.kind === 'done' ? (
        job ? (
          <MarkApplied jobId={job.id} attached={phase.attached} rows={filledRows(phase.outcome.frames).filter((r) => !undone.has(rowKey(r)))} />
        ) : (
          <p className="jf-muted" data-testid="apply-save-first">
            {posting ? i18n.t('apply.saveJobFirst') : i18n.t('apply.noPostingRecord')}
          </p>
        )
      ) : null}
    </Card>
  );
}

interface Choice {
  row: CvRow;
  label: string;
}

/** Tailored versions for this job first (newest first), then the default, then the other masters. */
function cvChoices(rows: readonly CvRow[], jobId: string | undefined): Choice[] {
  const tailored = rows.filter((r) => jobId && r.jobId === jobId).reverse();
  const masters = rows.filter((r) => r.parentId === undefined).sort((a, b) => b.isDefault - a.isDefault);
  return [
    ...tailored.map((row) => ({ row, label: i18n.t('apply.tailoredFor', [row.name]) })),
    ...masters.map((row) => ({ row, label: row.isDefault ? i18n.t('apply.defaultCv', [row.name]) : row.name })),
  ];
}

async function asFile(made: Promise<{ bytes: Uint8Array; name: string }>): Promise<ApplyFile & { type: typeof PDF }> {
  const { bytes, name } = await made;
  return { name, type: PDF, base64: toBase64(bytes) };
}

const rowKey = (row: Row) => `${row.frameId}:${row.undoId ?? row.label}`;
const filledRows = (frames: FrameReport[]): Row[] => frames.flatMap((f) => f.filled.map((field) => ({ ...field, frameId: f.frameId })));

function FillResult({ outcome, undone, onUndo, onAllow }: { outcome: ApplyOutcome; undone: Set<string>; onUndo(row?: Row): void; onAllow(origin: string): void }) {
  const rows = filledRows(outcome.frames);
  const left = outcome.frames.flatMap((f) => f.left);
  return (
    <>
      {outcome.problems.length ? (
        <div role="alert" data-testid="apply-problems">
          <h3 className="jf-subhead">{i18n.t('apply.problemsTitle')}</h3>
          <ul className="jf-list">
            {outcome.problems.map((problem) => (
              <li key={`${problem.code}:${problem.detail ?? ''}`} data-code={problem.code}>
                <span className="jf-error">{problemText(problem)}</span>
                {problem.code === 'frame_needs_permission' && problem.detail ? (
                  <button className="jf-button secondary" onClick={() => onAllow(problem.detail!)}>
                    {i18n.t('apply.allowFrame', [hostOf(problem.detail)])}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <h3 className="jf-subhead">{i18n.t('apply.filledTitle')}</h3>
      {rows.length ? (
        <ul className="jf-list" data-testid="apply-filled">
          {rows.map((row) => (
            <FilledRow key={rowKey(row)} row={row} undone={undone.has(rowKey(row))} onUndo={() => onUndo(row)} />
          ))}
        </ul>
      ) : (
        <p className="jf-muted">{i18n.t('apply.filledNone')}</p>
      )}
      {rows.length ? (
        <div className="jf-row">
          <button className="jf-button secondary" onClick={() => onUndo()} data-testid="apply-undo-all">
            {i18n.t('apply.undoAll')}
          </button>
        </div>
      ) : null}
      <h3 className="jf-subhead">{i18n.t('apply.leftTitle')}</h3>
      {left.length ? (
        <ul className="jf-list" data-testid="apply-left">
          {left.map((field, i) => (
            <LeftRow key={`${field.question}#${i}`} field={field} />
          ))}
        </ul>
      ) : (
        <p className="jf-muted">{i18n.t('apply.leftNone')}</p>
      )}
      <p className="jf-muted">{i18n.t('apply.submitYourself')}</p>
    </>
  );
}

function FilledRow({ row, undone, onUndo }: { row: Row; undone: boolean; onUndo(): void }) {
  const [editing, setEditing] = useState(false);
  // Files and profile values are changed where they come from; questions keep the user's answer.
  const editable = row.question && (row.source === 'answer' || row.field === undefined);
  return (
    <li data-testid="apply-filled-row" data-field={row.field ?? ''} data-source={row.source}>
      <strong>{row.label}</strong>: <span data-testid="apply-value">{row.value}</span>{' '}
      <span className="jf-muted">({i18n.t(`apply.source.${row.source}`)})</span>{' '}
      {row.undoId !== undefined ? (
        <button className="jf-button secondary" disabled={undone} onClick={onUndo} data-testid="apply-undo">
          {undone ? i18n.t('apply.undone') : i18n.t('apply.undo')}
        </button>
      ) : null}
      {editable && !editing ? (
        <button className="jf-button secondary" onClick={() => setEditing(true)}>
          {i18n.t('apply.editAnswer')}
        </button>
      ) : null}
      {editing ? <AnswerEditor question={row.question!} label={row.label} initial={row.value} /> : null}
    </li>
  );
}

function LeftRow({ field }: { field: LeftField }) {
  // Questions get an answer box: saved to the answer bank, used on the next fill (sensitive ones too).
  const answerable = field.reason === 'sensitive' || field.reason === 'no_answer' || field.reason === 'no_option';
  return (
    <li data-testid="apply-left-row" data-reason={field.reason} data-topic={field.topic ?? ''}>
      <strong>{field.label}</strong>: <span className="jf-muted">{i18n.t(`apply.left.${field.reason}`)}</span>
      {answerable && field.question ? <AnswerEditor question={field.question} label={field.label} initial="" options={field.options} /> : null}
    </li>
  );
}

function AnswerEditor({ question, label, initial, options }: { question: string; label: string; initial: string; options?: string[] | undefined }) {
  const id = useId();
  const [value, setValue] = useState(initial);
  const [saved, setSaved] = useState(false);
  async function save() {
    try {
      await createAnswersRepo(getDb()).save(question, value);
      setSaved(true);
    } catch (error) {
      toast(errorMessage(toAppError(error).code), 'error');
    }
  }
  return (
    <div className="jf-field">
      <label htmlFor={id}>{i18n.t('apply.answerLabel', [label])}</label>
      <input id={id} value={value} list={options?.length ? `${id}-options` : undefined} onChange={(e) => (setValue(e.target.value), setSaved(false))} data-testid="apply-answer" />
      {options?.length ? (
        <datalist id={`${id}-options`}>
          {options.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
      ) : null}
      <button className="jf-button secondary" disabled={!value.trim()} onClick={() => void save()} data-testid="apply-save-answer">
        {i18n.t('apply.saveAnswer')}
      </button>
      {saved ? (
        <p className="jf-ok" role="status">
          {i18n.t('apply.answerSaved')}
        </p>
      ) : null}
    </div>
  );
}

function MarkApplied({ jobId, attached, rows }: { jobId: string; attached: { cv?: string; coverLetter?: string }; rows: Row[] }) {
  const id = useId();
  const [checked, setChecked] = useState(true);
  const [done, setDone] = useState(false);
  async function save() {
    try {
      const record = {
        ...(attached.cv ? { cvFile: attached.cv } : {}),
        ...(attached.coverLetter ? { coverLetterFile: attached.coverLetter } : {}),
        filled: rows.filter((r) => r.field !== 'resume' && r.value !== attached.coverLetter).map((r) => ({ label: r.label, value: r.value })),
      };
      const text = applicationNote(record, { title: i18n.t('apply.noteTitle'), cv: i18n.t('apply.noteCv'), coverLetter: i18n.t('apply.noteCoverLetter'), filled: i18n.t('apply.noteFilled') });
      await createApplicationsRepo(getDb()).markApplied(jobId, text, record);
      setDone(true);
    } catch (error) {
      toast(errorMessage(toAppError(error).code), 'error');
    }
  }
  return (
    <div data-testid="apply-mark">
      <h3 className="jf-subhead">{i18n.t('apply.markTitle')}</h3>
      <p className="jf-muted">{i18n.t('apply.markHint')}</p>
      <div className="jf-check">
        <input id={id} type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} data-testid="apply-mark-applied" />
        <label htmlFor={id}>{i18n.t('apply.markApplied')}</label>
      </div>
      <button className="jf-button" disabled={!checked || done} onClick={() => void save()} data-testid="apply-mark-save">
        {i18n.t('apply.markSave')}
      </button>
      {done ? (
        <p className="jf-ok" role="status" data-testid="apply-marked">
          {i18n.t('apply.marked')}
        </p>
      ) : null}
    </div>
  );
}

/** The fill's error as Apply says it; for a pasted posting, about the tab in front rather than the posting's. */
function errorText(code: ErrorCode, pasted: boolean): string {
  if (code === 'cv_unreadable') return i18n.t('apply.cvUnreadable');
  if (pasted && (code === 'restricted_page' || code === 'no_tab')) return i18n.t('apply2.notWebPage');
  if (pasted && code === 'needs_permission') return i18n.t('apply2.needsToolbar');
  return errorMessage(code);
}

function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

function problemText(problem: FillProblem): string {
  const detail = problem.detail ?? '';
  switch (problem.code) {
    case 'no_file_input':
      return i18n.t('apply.problem.no_file_input');
    case 'no_form':
      return i18n.t('apply.problem.no_form');
    case 'workday_wrong_step':
      return detail ? i18n.t('apply.problem.workday_wrong_step', [detail]) : i18n.t('apply.problem.workday_wrong_step_plain');
    case 'workday_resume_step':
      return i18n.t('apply.problem.workday_resume_step');
    case 'cross_origin_iframe':
    case 'frame_needs_permission':
      return i18n.t(`apply.problem.${problem.code}`, [hostOf(detail)]);
    default:
      return i18n.t(`apply.problem.${problem.code}`, [detail]);
  }
}
