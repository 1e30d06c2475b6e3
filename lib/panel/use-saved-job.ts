import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { JobPosting } from '../capture/types';
import { getDb } from '../db/open';
import { createJobsRepo, type SaveChoice } from '../db/repos/jobs';
import type { JobRow, JobStatus } from '../db/schema';
import { toAppError, type ErrorCode } from '../util/errors';

/** Every status, in pipeline order (the status dropdown of a saved job): the tracker's own list. */
export { isJobStatus, statuses as JOB_STATUSES } from '../tracker/statuses';

/** A failed save: a full disk has its own message (Dexie may wrap it in an AbortError). */
function writeError(error: unknown): ErrorCode {
  return toAppError(error).code === 'storage_full' ? 'storage_full' : 'internal';
}

export interface SavePostingState {
  /** The saved job for this posting, live; null when not saved, undefined while loading. */
  saved: JobRow | null | undefined;
  busy: boolean;
  error: ErrorCode | null;
  /** Jobs with the same company, title and location at other URLs, waiting for the user's choice. */
  candidates: JobRow[] | null;
  save(choice?: SaveChoice): Promise<void>;
  setStatus(status: JobStatus): Promise<void>;
  dismiss(): void;
}

/** Save state of the posting shown in the Job view. Key the calling component by the posting URL. */
export function useSavePosting(posting: JobPosting): SavePostingState {
  const repo = createJobsRepo(getDb());
  const saved = useLiveQuery(async () => (await repo.findSaved(posting)) ?? null, [posting.url, posting.siteJobId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [candidates, setCandidates] = useState<JobRow[] | null>(null);

  async function run(write: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await write();
    } catch (e) {
      setError(writeError(e));
    } finally {
      setBusy(false);
    }
  }

  return {
    saved,
    busy,
    error,
    candidates,
    save: (choice) =>
      run(async () => {
        const outcome = await repo.savePosting(posting, choice);
        setCandidates(outcome.kind === 'probable' ? outcome.candidates : null);
      }),
    setStatus: (status) =>
      run(async () => {
        if (saved) await repo.setStatus(saved.id, status);
      }),
    dismiss: () => setCandidates(null),
  };
}
