import type { JobfitDb, JobRow, JobStatus } from '../schema';

export interface NewJob {
  url: string;
  title: string;
  company: string;
  location?: string;
  posting?: unknown;
  status?: JobStatus;
}

export function createJobsRepo(db: JobfitDb, now: () => number = Date.now) {
  return {
    async add(input: NewJob): Promise<JobRow> {
      const at = now();
      const status = input.status ?? 'saved';
      const row: JobRow = {
        id: crypto.randomUUID(),
        url: input.url,
        title: input.title,
        company: input.company,
        ...(input.location ? { location: input.location } : {}),
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
}

export type JobsRepo = ReturnType<typeof createJobsRepo>;
