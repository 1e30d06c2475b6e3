import { withStatus } from '../../tracker/statuses';
import type { ApplicationRecord, JobfitDb, NoteRow } from '../schema';

export type { ApplicationRecord };

/**
 * "Mark as applied": the job moves to Applied through the tracker's status rule (history entry, appliedAt
 * the first time) and the record of what was sent is kept as a note on the job, in one transaction: its
 * text (searchable, editable like any note) and the record itself, which the job drawer lists.
 */
export function createApplicationsRepo(db: JobfitDb, now: () => number = Date.now) {
  return {
    async markApplied(jobId: string, noteText: string, record?: ApplicationRecord): Promise<NoteRow> {
      return db.transaction('rw', db.jobs, db.notes, async () => {
        const job = await db.jobs.get(jobId);
        if (!job) throw new Error(`job ${jobId} not found`);
        const at = now();
        const note: NoteRow = { id: crypto.randomUUID(), jobId, text: noteText.slice(0, 20_000), createdAt: at, updatedAt: at, ...(record ? { application: record } : {}) };
        await db.jobs.put({ ...withStatus(job, 'applied', at), updatedAt: at });
        await db.notes.add(note);
        return note;
      });
    },
  };
}

/** The note text, in the user's language through the labels given. */
export function applicationNote(record: ApplicationRecord, labels: { title: string; cv: string; coverLetter: string; filled: string }): string {
  const lines = [labels.title];
  if (record.cvFile) lines.push(`${labels.cv}: ${record.cvFile}`);
  if (record.coverLetterFile) lines.push(`${labels.coverLetter}: ${record.coverLetterFile}`);
  if (record.filled.length) lines.push(`${labels.filled}:`, ...record.filled.map((f) => `- ${f.label}: ${f.value}`));
  return lines.join('\n');
}
