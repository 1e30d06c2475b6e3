import { isUnusualMove, neverAutoArchived, withStatus } from '../../tracker/statuses';
import { decodeBucket, type JobCard } from '../job-cards';
import { tableNames, type JobfitDb, type JobRow, type JobStatus, type NoteRow, type TaskRow } from '../schema';

/** What happens to a deleted job's tailored CVs and cover letters. */
export type LinkedChoice = 'delete' | 'keep';

export interface MoveResult {
  moved: JobRow[];
  /** Ids whose move was unusual (e.g. Offer → Saved): done, but worth a warning. */
  unusual: string[];
}

export interface NewTask {
  jobId?: string;
  title: string;
  dueAt?: number;
}

export interface LinkedCounts {
  tailoredCvs: number;
  coverLetters: number;
}

const MAX_TEXT = 20_000;
const DAY = 86_400_000;
export const AUTO_ARCHIVE_DAYS_KEY = 'tracker.autoArchiveDays';
export const AUTO_ARCHIVE_UNDO_KEY = 'tracker.autoArchiveUndo';
export const DEFAULT_AUTO_ARCHIVE_DAYS = 60;

/** The last auto-archive run: what it archived and from which status, so it can be undone. */
export interface AutoArchiveUndo {
  at: number;
  items: { id: string; from: JobStatus }[];
}

function cleanText(text: string, what: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw new Error(`${what} is empty`);
  return trimmed.slice(0, MAX_TEXT);
}

/**
 * Tracker writes over jobs, notes and tasks. Every batch runs in one transaction, so a failure (quota, a
 * missing job) leaves nothing half-done. Notes and tasks count as activity: they bump the job's updatedAt,
 * which auto-archive reads.
 */
export function createTrackerRepo(db: JobfitDb, now: () => number = Date.now) {
  async function touch(jobId: string | undefined, at: number): Promise<void> {
    if (jobId) await db.jobs.update(jobId, { updatedAt: at });
  }

  async function requireJobs(ids: readonly string[]): Promise<JobRow[]> {
    const jobs = await db.jobs.bulkGet([...ids]);
    const missing = ids.filter((_, i) => !jobs[i]);
    if (missing.length) throw new Error(`jobs not found: ${missing.join(', ')}`);
    return jobs as JobRow[];
  }

  return {
    listJobs: () => db.jobs.toArray(),
    /** Every job's list fields (lib/db/job-cards.ts), in no particular order: a few records for 10,000 jobs. */
    listCards: async (): Promise<JobCard[]> => (await db.jobCards.toArray()).flatMap(decodeBucket),
    listAllNotes: () => db.notes.toArray(),
    listAllTasks: () => db.tasks.toArray(),
    getTask: (id: string) => db.tasks.get(id),
    getJob: (id: string) => db.jobs.get(id),
    /** createdAt of the oldest saved job (the backup reminder counts from it until the first backup). */
    oldestJobAt: async () => (await db.jobs.orderBy('createdAt').first())?.createdAt,

    /** Moves jobs to a status; any move is allowed. */
    async move(ids: readonly string[], to: JobStatus): Promise<MoveResult> {
      return db.transaction('rw', db.jobs, async () => {
        const at = now();
        const jobs = await requireJobs(ids);
        const unusual = jobs.filter((job) => isUnusualMove(job.status, to)).map((job) => job.id);
        const moved = jobs.map((job) => withStatus(job, to, at));
        await db.jobs.bulkPut(moved);
        return { moved, unusual };
      });
    },

    async addTag(ids: readonly string[], tag: string): Promise<void> {
      const clean = cleanText(tag, 'tag').slice(0, 60);
      await db.transaction('rw', db.jobs, async () => {
        const at = now();
        const jobs = await requireJobs(ids);
        const changed = jobs.filter((job) => !job.tags.includes(clean));
        await db.jobs.bulkPut(changed.map((job) => ({ ...job, tags: [...job.tags, clean], updatedAt: at })));
      });
    },

    async removeTag(ids: readonly string[], tag: string): Promise<void> {
      await db.transaction('rw', db.jobs, async () => {
        const at = now();
        const jobs = await requireJobs(ids);
        const changed = jobs.filter((job) => job.tags.includes(tag));
        await db.jobs.bulkPut(changed.map((job) => ({ ...job, tags: job.tags.filter((t) => t !== tag), updatedAt: at })));
      });
    },

    async setScore(id: string, score: number | undefined): Promise<void> {
      await db.transaction('rw', db.jobs, async () => {
        const [job] = await requireJobs([id]);
        const { score: _old, ...rest } = job!;
        await db.jobs.put(score === undefined ? rest : { ...rest, score });
      });
    },

    listNotes: (jobId: string) => db.notes.where('jobId').equals(jobId).sortBy('createdAt'),

    async addNote(jobId: string, text: string): Promise<NoteRow> {
      return db.transaction('rw', db.jobs, db.notes, async () => {
        await requireJobs([jobId]);
        const at = now();
        const note: NoteRow = { id: crypto.randomUUID(), jobId, text: cleanText(text, 'note'), createdAt: at, updatedAt: at };
        await db.notes.add(note);
        await touch(jobId, at);
        return note;
      });
    },

    async editNote(id: string, text: string): Promise<NoteRow> {
      return db.transaction('rw', db.jobs, db.notes, async () => {
        const note = await db.notes.get(id);
        if (!note) throw new Error(`note ${id} not found`);
        const at = now();
        const next = { ...note, text: cleanText(text, 'note'), updatedAt: at };
        await db.notes.put(next);
        await touch(note.jobId, at);
        return next;
      });
    },

    async removeNote(id: string): Promise<void> {
      await db.transaction('rw', db.jobs, db.notes, async () => {
        const note = await db.notes.get(id);
        if (!note) return;
        await db.notes.delete(id);
        await touch(note.jobId, now());
      });
    },

    listTasks: (jobId: string) => db.tasks.where('jobId').equals(jobId).sortBy('createdAt'),
    /** Open tasks across jobs, soonest due first, undated last: one indexed read (a Dexie `filter` would walk a cursor). */
    async listOpenTasks(): Promise<TaskRow[]> {
      const open = await db.tasks.where('done').equals(0).toArray();
      return open.sort((a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity));
    },

    async addTask(input: NewTask): Promise<TaskRow> {
      return db.transaction('rw', db.jobs, db.tasks, async () => {
        if (input.jobId) await requireJobs([input.jobId]);
        const at = now();
        const task: TaskRow = {
          id: crypto.randomUUID(),
          ...(input.jobId ? { jobId: input.jobId } : {}),
          title: cleanText(input.title, 'task'),
          ...(input.dueAt !== undefined ? { dueAt: input.dueAt } : {}),
          done: 0,
          createdAt: at,
        };
        await db.tasks.add(task);
        await touch(input.jobId, at);
        return task;
      });
    },

    async setTaskDone(id: string, done: boolean): Promise<TaskRow> {
      return db.transaction('rw', db.jobs, db.tasks, async () => {
        const task = await db.tasks.get(id);
        if (!task) throw new Error(`task ${id} not found`);
        const next: TaskRow = { ...task, done: done ? 1 : 0 };
        await db.tasks.put(next);
        await touch(task.jobId, now());
        return next;
      });
    },

    async removeTask(id: string): Promise<void> {
      await db.transaction('rw', db.jobs, db.tasks, async () => {
        const task = await db.tasks.get(id);
        if (!task) return;
        await db.tasks.delete(id);
        await touch(task.jobId, now());
      });
    },

    /** Records that a due task's reminder was shown, so a restart does not show it again. */
    async markReminded(id: string): Promise<void> {
      await db.tasks.update(id, { remindedAt: now() });
    },

    async autoArchiveDays(): Promise<number> {
      const value = (await db.settings.get(AUTO_ARCHIVE_DAYS_KEY))?.value;
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : DEFAULT_AUTO_ARCHIVE_DAYS;
    },

    /** 0 turns auto-archive off. */
    async setAutoArchiveDays(days: number): Promise<void> {
      await db.settings.put({ key: AUTO_ARCHIVE_DAYS_KEY, value: Math.max(0, Math.round(days)) });
    },

    /**
     * Archives jobs with no activity (updatedAt) for `days`, never from Interview or Offer, and keeps the
     * list for undo (replacing the previous run's list only when this run archived something).
     */
    async autoArchive(days: number): Promise<string[]> {
      if (days <= 0) return [];
      return db.transaction('rw', db.jobs, db.settings, async () => {
        const at = now();
        const stale = await db.jobs
          .where('updatedAt')
          .below(at - days * DAY)
          .filter((job) => !neverAutoArchived.includes(job.status))
          .toArray();
        if (stale.length === 0) return [];
        await db.jobs.bulkPut(stale.map((job) => withStatus(job, 'archived', at)));
        const undo: AutoArchiveUndo = { at, items: stale.map((job) => ({ id: job.id, from: job.status })) };
        await db.settings.put({ key: AUTO_ARCHIVE_UNDO_KEY, value: undo });
        return stale.map((job) => job.id);
      });
    },

    async lastAutoArchive(): Promise<AutoArchiveUndo | undefined> {
      return (await db.settings.get(AUTO_ARCHIVE_UNDO_KEY))?.value as AutoArchiveUndo | undefined;
    },

    /** Puts auto-archived jobs back where they were, unless the user moved them since. */
    async undoAutoArchive(): Promise<string[]> {
      return db.transaction('rw', db.jobs, db.settings, async () => {
        const undo = (await db.settings.get(AUTO_ARCHIVE_UNDO_KEY))?.value as AutoArchiveUndo | undefined;
        if (!undo) return [];
        const at = now();
        const jobs = await db.jobs.bulkGet(undo.items.map((item) => item.id));
        const restored = undo.items.flatMap((item, i) => {
          const job = jobs[i];
          return job && job.status === 'archived' ? [withStatus(job, item.from, at)] : [];
        });
        await db.jobs.bulkPut(restored);
        await db.settings.delete(AUTO_ARCHIVE_UNDO_KEY);
        return restored.map((job) => job.id);
      });
    },

    /** What the drawer lists as made for a job: tailored CVs and analyses (cover letters among them). */
    async linkedTo(jobId: string): Promise<{ cvs: { id: string; name: string }[]; analyses: { id: string; kind: string; createdAt: number }[] }> {
      const cvs = await db.cvs.where('jobId').equals(jobId).sortBy('updatedAt');
      const analyses = await db.analyses.where('jobId').equals(jobId).sortBy('createdAt');
      return {
        cvs: cvs.map((cv) => ({ id: cv.id, name: cv.name })),
        analyses: analyses.map((a) => ({ id: a.id, kind: a.kind, createdAt: a.createdAt })),
      };
    },

    /** What the delete dialog asks about. */
    async linkedCounts(ids: readonly string[]): Promise<LinkedCounts> {
      const tailoredCvs = await db.cvs.where('jobId').anyOf([...ids]).count();
      const coverLetters = await db.analyses
        .where('jobId')
        .anyOf([...ids])
        .filter((a) => a.kind === 'coverLetter')
        .count();
      return { tailoredCvs, coverLetters };
    },

    /**
     * Deletes jobs with their notes, tasks, analyses and runs. Tailored CVs and cover letters are deleted
     * too (`linked: 'delete'`) or kept standalone (`'keep'`: the link to the job is removed, a cover letter
     * remembers the title and company). Nothing is left pointing at a deleted row: usage rows lose their
     * run id (spending history stays), CVs made from a deleted CV lose their parent. Returns the deleted
     * task ids (their reminders must go).
     */
    async deleteJobs(ids: readonly string[], linked: LinkedChoice): Promise<{ deletedTaskIds: string[] }> {
      const jobIds = [...ids];
      return db.transaction('rw', [db.jobs, db.notes, db.tasks, db.analyses, db.cvs, db.runs, db.llmUsage], async () => {
        const jobs = new Map((await requireJobs(jobIds)).map((job) => [job.id, job]));
        await db.notes.where('jobId').anyOf(jobIds).delete();
        const deletedTaskIds = (await db.tasks.where('jobId').anyOf(jobIds).primaryKeys()) as string[];
        await db.tasks.bulkDelete(deletedTaskIds);

        const analyses = await db.analyses.where('jobId').anyOf(jobIds).toArray();
        const keptLetters = linked === 'keep' ? analyses.filter((a) => a.kind === 'coverLetter') : [];
        await db.analyses.bulkDelete(analyses.filter((a) => !keptLetters.includes(a)).map((a) => a.id));
        await db.analyses.bulkPut(
          keptLetters.map(({ jobId, ...letter }) => {
            const job = jobs.get(jobId!)!;
            return { ...letter, fromJob: { title: job.title, company: job.company } };
          }),
        );

        const cvs = await db.cvs.where('jobId').anyOf(jobIds).toArray();
        if (linked === 'keep') {
          await db.cvs.bulkPut(cvs.map(({ jobId: _jobId, ...cv }) => cv));
        } else {
          const cvIds = cvs.map((cv) => cv.id);
          await db.cvs.bulkDelete(cvIds);
          const children = await db.cvs.where('parentId').anyOf(cvIds).toArray();
          await db.cvs.bulkPut(children.map(({ parentId: _parentId, ...cv }) => cv));
          const analysesOfCvs = await db.analyses.filter((a) => a.cvId !== undefined && cvIds.includes(a.cvId)).toArray();
          await db.analyses.bulkPut(analysesOfCvs.map(({ cvId: _cvId, ...a }) => a));
        }

        const runIds = (await db.runs.where('jobId').anyOf(jobIds).primaryKeys()) as string[];
        await db.runs.bulkDelete(runIds);
        const usage = await db.llmUsage.where('runId').anyOf(runIds).toArray();
        await db.llmUsage.bulkPut(usage.map(({ runId: _runId, ...row }) => row));

        await db.jobs.bulkDelete(jobIds);
        return { deletedTaskIds };
      });
    },

    /** "Delete all my data": every table of the database, in one transaction. The API key lives elsewhere. */
    async deleteAll(): Promise<void> {
      await db.transaction('rw', tableNames.map((name) => db.table(name)), async () => {
        for (const name of tableNames) await db.table(name).clear();
      });
    },
  };
}

export type TrackerRepo = ReturnType<typeof createTrackerRepo>;
