import { normalizeTitle } from '../../capture/normalize';
import type { JobPosting } from '../../capture/types';
import type { JobfitDb, JobRow, JobStatus } from '../schema';

export interface NewJob {
  url: string;
  title: string;
  company: string;
  location?: string;
  siteJobId?: string;
  posting?: unknown;
  status?: JobStatus;
}

/** The fields of a captured posting that identify it. */
export type PostingKey = Pick<JobPosting, 'url' | 'siteJobId'>;
type PostingIdentity = Pick<JobPosting, 'url' | 'title' | 'company' | 'location'>;

/**
 * What saving a captured posting did: created a job, updated the same posting, or stopped because
 * jobs with the same company, title and location exist at other URLs (the user picks: update one of
 * them or save as new; never merged silently).
 */
export type SaveOutcome =
  | { kind: 'created'; job: JobRow }
  | { kind: 'updated'; job: JobRow }
  | { kind: 'probable'; candidates: JobRow[] };

/** `update`: the "probably the same job" the user chose to update; `new`: save as a new job anyway. */
export type SaveChoice = { update: string } | 'new';

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
};

const fold = (value: string | undefined) =>
  (value ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export function createJobsRepo(db: JobfitDb, now: () => number = Date.now) {
  /** The saved job that is this posting: same canonical URL, or the same site job id on the same host. */
  async function findSaved(key: PostingKey): Promise<JobRow | undefined> {
    const byUrl = await db.jobs.where('url').equals(key.url).first();
    if (byUrl || !key.siteJobId) return byUrl;
    const host = hostOf(key.url);
    // siteJobId is not indexed: a scan, acceptable at tracker sizes and only on save or page open.
    return db.jobs.filter((job) => job.siteJobId === key.siteJobId && hostOf(job.url) === host).first();
  }

  /** Jobs at other URLs with the same company, title and location (case, accents, punctuation and gender markers folded). */
  async function findProbable(posting: PostingIdentity): Promise<JobRow[]> {
    if (!posting.company) return [];
    const title = fold(normalizeTitle(posting.title));
    const location = fold(posting.location);
    const company = fold(posting.company);
    // A scan: only on save, and company spellings differ in case and accents ("Société" / "societe").
    return db.jobs
      .filter((job) => job.url !== posting.url && fold(job.company) === company && fold(normalizeTitle(job.title)) === title && fold(job.location) === location)
      .toArray();
  }

  function rowFields(posting: JobPosting): Pick<JobRow, 'url' | 'title' | 'company' | 'posting'> & Partial<JobRow> {
    return {
      url: posting.url,
      title: posting.title,
      company: posting.company ?? '',
      location: posting.location,
      siteJobId: posting.siteJobId,
      posting,
    };
  }

  const repo = {
    async add(input: NewJob): Promise<JobRow> {
      const at = now();
      const status = input.status ?? 'saved';
      const row: JobRow = {
        id: crypto.randomUUID(),
        url: input.url,
        title: input.title,
        company: input.company,
        ...(input.location ? { location: input.location } : {}),
        ...(input.siteJobId ? { siteJobId: input.siteJobId } : {}),
        ...(input.posting !== undefined ? { posting: input.posting } : {}),
        status,
        tags: [],
        createdAt: at,
        updatedAt: at,
        history: [{ at, to: status }],
        ...(status === 'applied' ? { appliedAt: at } : {}),
      };
      await db.jobs.add(row);
      return row;
    },
    get: (id: string) => db.jobs.get(id),
    findByUrl: (url: string) => db.jobs.where('url').equals(url).first(),
    findSaved,
    findProbable,
    /**
     * Saves a captured posting with status Saved, in one transaction. The same posting (URL or site job
     * id) is updated in place, keeping its status and history. Without a choice, probable duplicates stop
     * the save and come back as candidates.
     */
    async savePosting(posting: JobPosting, choice?: SaveChoice): Promise<SaveOutcome> {
      return db.transaction('rw', db.jobs, async () => {
        const same = await findSaved(posting);
        const targetId = same?.id ?? (choice && choice !== 'new' ? choice.update : undefined);
        if (targetId) {
          const job = await db.jobs.get(targetId);
          if (!job) throw new Error(`job ${targetId} not found`);
          const fields = rowFields(posting);
          const next: JobRow = { ...job, ...fields, updatedAt: now() };
          if (!fields.location) delete next.location;
          if (!fields.siteJobId) delete next.siteJobId;
          await db.jobs.put(next);
          return { kind: 'updated', job: next };
        }
        if (choice !== 'new') {
          const candidates = await findProbable(posting);
          if (candidates.length > 0) return { kind: 'probable', candidates };
        }
        const { location, siteJobId, ...fields } = rowFields(posting);
        const job = await repo.add({ ...fields, ...(location ? { location } : {}), ...(siteJobId ? { siteJobId } : {}), status: 'saved' });
        return { kind: 'created', job };
      });
    },
    listRecent: (limit = 50) => db.jobs.orderBy('updatedAt').reverse().limit(limit).toArray(),
    countByStatus: (status: JobStatus) => db.jobs.where('status').equals(status).count(),
    async setStatus(id: string, to: JobStatus): Promise<JobRow> {
      return db.transaction('rw', db.jobs, async () => {
        const job = await db.jobs.get(id);
        if (!job) throw new Error(`job ${id} not found`);
        const at = now();
        const next: JobRow = {
          ...job,
          status: to,
          updatedAt: at,
          history: [...job.history, { at, from: job.status, to }],
          ...(to === 'applied' && !job.appliedAt ? { appliedAt: at } : {}),
        };
        await db.jobs.put(next);
        return next;
      });
    },
    remove: (id: string) => db.jobs.delete(id),
  };
  return repo;
}

export type JobsRepo = ReturnType<typeof createJobsRepo>;
