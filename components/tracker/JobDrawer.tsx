import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { i18n } from '#i18n';
import type { ApplicationRecord, JobRow, JobStatus, NoteRow, TaskRow } from '@/lib/db/schema';
import { isJobStatus } from '@/lib/tracker/statuses';
import { formatDate, formatDateTime, statusLabel } from './labels';
import { StatusOptions } from './StatusOptions';

export interface JobLinks {
  cvs: { id: string; name: string }[];
  analyses: { id: string; kind: string; createdAt: number }[];
}

const analysisKeys = {
  match: 'tracker.analysisKinds.match',
  analysis: 'tracker.analysisKinds.analysis',
  evaluation: 'tracker.analysisKinds.evaluation',
  questions: 'tracker.analysisKinds.questions',
  coverLetter: 'tracker.analysisKinds.coverLetter',
} as const;
const analysisLabel = (kind: string) => (kind in analysisKeys ? i18n.t(analysisKeys[kind as keyof typeof analysisKeys]) : kind);

export interface JobDrawerProps {
  job: JobRow | undefined;
  /** Tailored CVs and analyses made for the job. */
  links?: JobLinks;
  notes: readonly NoteRow[];
  tasks: readonly TaskRow[];
  onClose(): void;
  onMove(to: JobStatus): void;
  onAddNote(text: string): void;
  onEditNote(id: string, text: string): void;
  onRemoveNote(id: string): void;
  onAddTask(title: string, dueAt: number | undefined): void;
  onToggleTask(id: string, done: boolean): void;
  onRemoveTask(id: string): void;
}

/** Posting summary, status, notes (timestamped, editable), tasks with due dates and the status history. */
export function JobDrawer(props: JobDrawerProps) {
  const { job, onClose } = props;
  return (
    <Dialog.Root open={job !== undefined} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="jf-tracker-overlay" />
        <Dialog.Content className="jf-tracker-drawer" data-testid="job-drawer">
          {job ? <DrawerBody {...props} job={job} /> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function DrawerBody({ job, links, notes, tasks, onMove, onAddNote, onEditNote, onRemoveNote, onAddTask, onToggleTask, onRemoveTask }: JobDrawerProps & { job: JobRow }) {
  const [note, setNote] = useState('');
  const [editing, setEditing] = useState<{ id: string; text: string }>();
  const [task, setTask] = useState('');
  const [due, setDue] = useState('');
  const description = (job.posting as { description?: string } | undefined)?.description;

  return (
    <>
      <div className="jf-row jf-tracker-drawer-head">
        <Dialog.Title className="jf-tracker-drawer-title">{job.title}</Dialog.Title>
        <Dialog.Close asChild>
          <button className="jf-link">{i18n.t('tracker.close')}</button>
        </Dialog.Close>
      </div>
      <Dialog.Description className="jf-muted">{[job.company, job.location].filter(Boolean).join(' · ')}</Dialog.Description>
      <div className="jf-row">
        <select aria-label={i18n.t('tracker.colStatus')} value={job.status} onChange={(e) => isJobStatus(e.target.value) && onMove(e.target.value)} data-testid="drawer-status">
          <StatusOptions />
        </select>
        {job.score !== undefined ? <span className="jf-chip">{`${i18n.t('tracker.colScore')}: ${job.score}`}</span> : null}
        {job.tags.map((tag) => (
          <span key={tag} className="jf-chip">
            {tag}
          </span>
        ))}
      </div>

      <section>
        <h3>{i18n.t('tracker.posting')}</h3>
        <a href={job.url} target="_blank" rel="noreferrer noopener">
          {i18n.t('tracker.openPosting')}
        </a>
        {description ? <p className="jf-description">{description}</p> : null}
      </section>

      {links && links.cvs.length + links.analyses.length > 0 ? (
        <section data-testid="drawer-linked">
          <h3>{i18n.t('tracker.linked')}</h3>
          <ul className="jf-tracker-list">
            {links.cvs.map((cv) => (
              <li key={cv.id}>{i18n.t('tracker.tailoredCv', [cv.name])}</li>
            ))}
            {links.analyses.map((a) => (
              <li key={a.id}>
                {analysisLabel(a.kind)} <span className="jf-muted">· {formatDateTime(a.createdAt)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section data-testid="drawer-notes">
        <h3>{i18n.t('tracker.notes')}</h3>
        {notes.length === 0 ? <p className="jf-muted">{i18n.t('tracker.noNotes')}</p> : null}
        <ul className="jf-tracker-list">
          {notes.map((n) => (
            <li key={n.id} data-testid="note">
              {editing?.id === n.id ? (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    if (editing.text.trim()) onEditNote(n.id, editing.text);
                    setEditing(undefined);
                  }}
                >
                  <textarea aria-label={i18n.t('tracker.edit')} value={editing.text} onChange={(e) => setEditing({ id: n.id, text: e.target.value })} />
                  <button className="jf-button secondary" type="submit">
                    {i18n.t('tracker.save')}
                  </button>
                </form>
              ) : (
                <>
                  {/* The record Mark as applied wrote, as a list; once the user edited the note, their text. */}
                  {n.application && n.updatedAt === n.createdAt ? <ApplicationRecordList record={n.application} /> : <p className="jf-tracker-note">{n.text}</p>}
                  <span className="jf-muted">
                    {formatDateTime(n.createdAt)}
                    {n.updatedAt !== n.createdAt ? ` · ${i18n.t('tracker.edited')}` : ''}
                  </span>{' '}
                  <button className="jf-link" onClick={() => setEditing({ id: n.id, text: n.text })}>
                    {i18n.t('tracker.edit')}
                  </button>{' '}
                  <button className="jf-link" onClick={() => onRemoveNote(n.id)}>
                    {i18n.t('tracker.remove')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (note.trim()) onAddNote(note);
            setNote('');
          }}
        >
          <textarea aria-label={i18n.t('tracker.notePlaceholder')} placeholder={i18n.t('tracker.notePlaceholder')} value={note} onChange={(e) => setNote(e.target.value)} />
          <button className="jf-button secondary" type="submit" disabled={!note.trim()}>
            {i18n.t('tracker.addNote')}
          </button>
        </form>
      </section>

      <section data-testid="drawer-tasks">
        <h3>{i18n.t('tracker.tasks')}</h3>
        {tasks.length === 0 ? <p className="jf-muted">{i18n.t('tracker.noTasks')}</p> : null}
        <ul className="jf-tracker-list">
          {tasks.map((t) => (
            <li key={t.id} data-testid="task">
              <label>
                <input type="checkbox" checked={t.done === 1} onChange={(e) => onToggleTask(t.id, e.target.checked)} aria-label={i18n.t('tracker.taskDone')} />
                {t.title}
              </label>
              {t.dueAt !== undefined ? <span className="jf-muted"> · {formatDate(t.dueAt)}</span> : null}{' '}
              <button className="jf-link" onClick={() => onRemoveTask(t.id)}>
                {i18n.t('tracker.remove')}
              </button>
            </li>
          ))}
        </ul>
        <form
          className="jf-row"
          onSubmit={(e) => {
            e.preventDefault();
            if (!task.trim()) return;
            onAddTask(task, due ? Date.parse(`${due}T09:00:00`) : undefined);
            setTask('');
            setDue('');
          }}
        >
          <input aria-label={i18n.t('tracker.taskTitle')} placeholder={i18n.t('tracker.taskTitle')} value={task} onChange={(e) => setTask(e.target.value)} />
          <label className="jf-tracker-inline">
            {i18n.t('tracker.taskDue')}
            <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
          </label>
          <button className="jf-button secondary" type="submit" disabled={!task.trim()}>
            {i18n.t('tracker.addTask')}
          </button>
        </form>
      </section>

      <section>
        <h3>{i18n.t('tracker.history')}</h3>
        <ol className="jf-tracker-list" data-testid="drawer-history">
          {job.history.map((h, i) => (
            <li key={i}>
              <span className="jf-muted">{formatDateTime(h.at)}</span>{' '}
              {h.from ? i18n.t('tracker.historyEntry', [statusLabel(h.from), statusLabel(h.to)]) : i18n.t('tracker.historyFirst', [statusLabel(h.to)])}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** What was sent with an application: the files attached, then each value Jobfit filled, label by value. */
function ApplicationRecordList({ record }: { record: ApplicationRecord }) {
  const rows = [
    ...(record.cvFile ? [{ label: i18n.t('apply.noteCv'), value: record.cvFile }] : []),
    ...(record.coverLetterFile ? [{ label: i18n.t('apply.noteCoverLetter'), value: record.coverLetterFile }] : []),
  ];
  return (
    <div data-testid="application-record">
      <p className="jf-tracker-note">
        <strong>{i18n.t('apply.noteTitle')}</strong>
      </p>
      {rows.length ? (
        <dl className="jf-tracker-record" data-testid="application-files">
          {rows.map((row) => (
            <Entry key={row.label} {...row} />
          ))}
        </dl>
      ) : null}
      {record.filled.length ? (
        <>
          <p className="jf-muted">{i18n.t('apply.noteFilled')}</p>
          <dl className="jf-tracker-record" data-testid="application-filled">
            {record.filled.map((row, i) => (
              <Entry key={`${row.label}#${i}`} {...row} />
            ))}
          </dl>
        </>
      ) : null}
    </div>
  );
}

function Entry({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
