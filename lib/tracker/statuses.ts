import type { JobRow, JobStatus } from '../db/schema';

/** Board columns and filter order: the pipeline first, then the ways a job leaves it. */
export const statuses = [
  'saved',
  'interested',
  'cv_tailored',
  'applied',
  'interview',
  'offer',
  'rejected',
  'declined',
  'ghosted',
  'archived',
] as const satisfies readonly JobStatus[];

// A compile error here means a status was added to the schema and not to the list above.
type Missing = Exclude<JobStatus, (typeof statuses)[number]>;
export const statusesComplete: [Missing] extends [never] ? true : false = true;

const pipeline: readonly JobStatus[] = ['saved', 'interested', 'cv_tailored', 'applied', 'interview', 'offer'];
/** Statuses that mean the employer answered (response rate). */
export const responded: readonly JobStatus[] = ['interview', 'offer', 'rejected'];
/** Auto-archive never touches a live conversation. */
export const neverAutoArchived: readonly JobStatus[] = ['interview', 'offer', 'archived'];

export function isJobStatus(value: unknown): value is JobStatus {
  return typeof value === 'string' && (statuses as readonly string[]).includes(value);
}

/**
 * Any move is allowed (people fix mistakes); this only says whether the UI should warn. Unusual: going back
 * before Applied once a job was applied to or answered (Offer → Saved, Rejected → Interested), or jumping
 * to an answer (Interview, Offer) from a closed job other than Archived.
 */
export function isUnusualMove(from: JobStatus, to: JobStatus): boolean {
  if (from === to || from === 'archived' || to === 'archived') return false;
  const rank = (s: JobStatus) => pipeline.indexOf(s);
  const beforeApplied = rank(to) >= 0 && rank(to) < rank('applied');
  const wasEngaged = rank(from) >= rank('applied') || ['rejected', 'declined', 'ghosted'].includes(from);
  if (beforeApplied && wasEngaged) return true;
  return ['rejected', 'declined'].includes(from) && (to === 'interview' || to === 'offer');
}

/** The job with its status changed: history entry, updatedAt, and appliedAt the first time it is Applied. */
export function withStatus(job: JobRow, to: JobStatus, at: number): JobRow {
  if (job.status === to) return job;
  return {
    ...job,
    status: to,
    updatedAt: at,
    history: [...job.history, { at, from: job.status, to }],
    ...(to === 'applied' && job.appliedAt === undefined ? { appliedAt: at } : {}),
  };
}
