import type { JobPosting } from '../capture/types';
import type { Cv } from '../cv/model';
import { createAnalysesRepo } from '../db/repos/analyses';
import { createCvsRepo } from '../db/repos/cvs';
import { createJobsRepo } from '../db/repos/jobs';
import type { AnalysisRow, CvRow, JobfitDb, JobRow } from '../db/schema';
import { AppError } from '../util/errors';
import { statusAfterTailoring } from './ai-review';

/**
 * Saving what the AI features made, each in one transaction: the job is saved first when it is not yet
 * (as the Save button does), so a tailored CV or a cover letter is never written without its job, and
 * nothing is half written. A posting that probably is a job saved at another URL stops the save: the
 * user chooses on the posting card first.
 */

async function jobFor(db: JobfitDb, posting: JobPosting, now: () => number): Promise<JobRow> {
  const jobs = createJobsRepo(db, now);
  const saved = await jobs.findSaved(posting);
  if (saved) return saved;
  const outcome = await jobs.savePosting(posting);
  if (outcome.kind === 'probable') throw new AppError('job_choice_needed');
  return outcome.job;
}

/** "Senior Engineer · Acme": the name a tailored CV gets in the CV list. */
export function tailoredName(posting: Pick<JobPosting, 'title' | 'company'>): string {
  return [posting.title.trim(), posting.company?.trim()].filter(Boolean).join(' · ').slice(0, 120) || 'Tailored CV';
}

export async function saveTailoredCv(
  db: JobfitDb,
  input: { posting: JobPosting; masterId: string; cv: Cv },
  now: () => number = Date.now,
): Promise<{ cv: CvRow; job: JobRow }> {
  return db.transaction('rw', db.jobs, db.cvs, async () => {
    const job = await jobFor(db, input.posting, now);
    if (!(await db.cvs.get(input.masterId))) throw new AppError('cv_unreadable');
    const cvs = createCvsRepo(db, now);
    // A later version (an update from guided answers) is told apart in the lists: "… (2)".
    const earlier = (await cvs.listForJob(job.id)).filter((c) => c.parentId !== undefined).length;
    const name = earlier ? `${tailoredName(input.posting).slice(0, 112)} (${earlier + 1})` : tailoredName(input.posting);
    const cv = await cvs.add({ name, data: input.cv, parentId: input.masterId, jobId: job.id });
    const next = statusAfterTailoring(job.status);
    const updated = next ? await createJobsRepo(db, now).setStatus(job.id, next) : job;
    return { cv, job: updated };
  });
}

export async function saveCoverLetter(
  db: JobfitDb,
  input: { posting: JobPosting; text: string; model?: string; runId?: string; cvId?: string },
  now: () => number = Date.now,
): Promise<{ row: AnalysisRow; job: JobRow }> {
  if (!input.text.trim()) throw new AppError('letter_empty');
  return db.transaction('rw', db.jobs, db.analyses, async () => {
    const job = await jobFor(db, input.posting, now);
    const row = await createAnalysesRepo(db, now).saveCoverLetter(job.id, {
      text: input.text.trim(),
      ...(input.model ? { model: input.model } : {}),
      ...(input.runId ? { runId: input.runId } : {}),
      ...(input.cvId ? { cvId: input.cvId } : {}),
    });
    return { row, job };
  });
}
