import MiniSearch from 'minisearch';
import type { Workplace } from '../capture/types';
import type { JobCard } from '../db/job-cards';
import type { JobRow, JobStatus, NoteRow, TaskRow } from '../db/schema';
import { responded, statuses } from './statuses';

export interface TrackerFilters {
  statuses: JobStatus[];
  company: string;
  tag: string;
  workplace: Workplace | '';
  minScore?: number;
  /** updatedAt range, inclusive, ms. */
  from?: number;
  to?: number;
  query: string;
}

export const emptyFilters: TrackerFilters = { statuses: [], company: '', tag: '', workplace: '', query: '' };

export type SortKey = 'updatedAt' | 'company' | 'title' | 'status' | 'score' | 'appliedAt';
export interface TrackerSort {
  key: SortKey;
  desc: boolean;
}

interface SearchDoc {
  id: string;
  title: string;
  company: string;
  notes: string;
}

type Searchable = Pick<JobCard, 'id' | 'title' | 'company'>;

/** The text a job is found by: its title, company and notes. */
function searchDoc(job: Searchable, notes: readonly string[] | undefined): SearchDoc {
  return { id: job.id, title: job.title, company: job.company, notes: (notes ?? []).join('\n') };
}

const sameDoc = (a: SearchDoc, b: SearchDoc) => a.title === b.title && a.company === b.company && a.notes === b.notes;

/** Each job's note texts, by job id. */
export function notesByJob(notes: readonly NoteRow[]): Map<string, string[]> {
  const byJob = new Map<string, string[]>();
  for (const note of notes) {
    const list = byJob.get(note.jobId);
    if (list) list.push(note.text);
    else byJob.set(note.jobId, [note.text]);
  }
  return byJob;
}

/**
 * Full-text search over title, company and notes (prefix and light fuzzy matching, title boosted).
 * The index is kept in step incrementally: `ensure` (re)indexes only the given jobs that are new or whose
 * text changed, so a live-query refresh after one edit costs one document, not 10,000; `prune` drops jobs
 * that are gone; `sync` is both. Whether a job matches depends on its own text only, so a search over the
 * jobs indexed so far (e.g. one status) finds the same among them as an index of every job.
 */
export function createJobSearch(jobs: readonly Searchable[] = [], notes: readonly NoteRow[] = []) {
  const index = new MiniSearch<SearchDoc>({
    fields: ['title', 'company', 'notes'],
    searchOptions: { boost: { title: 2, company: 1.5 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
  });
  const indexed = new Map<string, SearchDoc>();

  function ensure(nextJobs: readonly Searchable[], notes: ReadonlyMap<string, readonly string[]>): void {
    const added: SearchDoc[] = [];
    for (const job of nextJobs) {
      const doc = searchDoc(job, notes.get(job.id));
      const previous = indexed.get(job.id);
      if (previous && sameDoc(previous, doc)) continue;
      if (previous) index.discard(job.id);
      indexed.set(job.id, doc);
      added.push(doc);
    }
    index.addAll(added);
  }

  function prune(keep: ReadonlySet<string>): void {
    for (const id of indexed.keys()) {
      if (keep.has(id)) continue;
      index.discard(id);
      indexed.delete(id);
    }
  }

  function sync(nextJobs: readonly Searchable[], nextNotes: readonly NoteRow[]): void {
    ensure(nextJobs, notesByJob(nextNotes));
    prune(new Set(nextJobs.map((job) => job.id)));
  }

  sync(jobs, notes);
  return {
    ensure,
    prune,
    sync,
    /** Ids matching the query, best first; undefined for an empty query (no filtering). */
    search(query: string): string[] | undefined {
      const q = query.trim();
      return q ? index.search(q).map((hit) => hit.id as string) : undefined;
    },
  };
}

export type JobSearch = ReturnType<typeof createJobSearch>;

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The jobs that pass the filters (the query through `search`), sorted; missing values last. */
export function filterAndSort<T extends JobCard>(jobs: readonly T[], filters: TrackerFilters, sort: TrackerSort, search?: Pick<JobSearch, 'search'>): T[] {
  const hits = search?.search(filters.query);
  const allowed = hits ? new Set(hits) : undefined;
  const company = filters.company.trim().toLocaleLowerCase();
  const rows = jobs.filter(
    (job) =>
      (!allowed || allowed.has(job.id)) &&
      (filters.statuses.length === 0 || filters.statuses.includes(job.status)) &&
      (!company || job.company.toLocaleLowerCase().includes(company)) &&
      (!filters.tag || job.tags.includes(filters.tag)) &&
      (!filters.workplace || job.workplace === filters.workplace) &&
      (filters.minScore === undefined || (job.score ?? -1) >= filters.minScore) &&
      (filters.from === undefined || job.updatedAt >= filters.from) &&
      (filters.to === undefined || job.updatedAt <= filters.to),
  );
  // Each key is read once (not twice per comparison); rows without one go last, in their order.
  const dir = sort.desc ? -1 : 1;
  const keyed: { job: T; key: string | number }[] = [];
  const missing: T[] = [];
  for (const job of rows) {
    const key = sort.key === 'status' ? statuses.indexOf(job.status) : job[sort.key];
    if (key === undefined) missing.push(job);
    else keyed.push({ job, key });
  }
  if (sort.key === 'company' || sort.key === 'title') keyed.sort((a, b) => dir * collator.compare(a.key as string, b.key as string));
  else keyed.sort((a, b) => dir * ((a.key as number) - (b.key as number)));
  return [...keyed.map((k) => k.job), ...missing];
}

/** The soonest open task per job. */
export function nextTaskByJob(tasks: readonly TaskRow[]): Map<string, TaskRow> {
  const next = new Map<string, TaskRow>();
  for (const task of tasks) {
    if (task.done || !task.jobId) continue;
    const current = next.get(task.jobId);
    if (!current || (task.dueAt ?? Infinity) < (current.dueAt ?? Infinity)) next.set(task.jobId, task);
  }
  return next;
}

export interface TrackerStats {
  /** Jobs that reached each pipeline stage at some point (from history), in board order. */
  funnel: { status: JobStatus; count: number }[];
  /** Applications per ISO week (Monday 00:00 UTC), oldest first. */
  perWeek: { weekStart: number; count: number }[];
  /** Share of applied jobs that got an answer (interview, offer or rejection); undefined with none applied. */
  responseRate?: number;
  /** Median days spent in each status before leaving it. */
  daysInStage: Partial<Record<JobStatus, number>>;
}

const DAY = 86_400_000;
const FUNNEL: JobStatus[] = ['saved', 'interested', 'cv_tailored', 'applied', 'interview', 'offer'];

function weekStart(ms: number): number {
  const day = Math.floor(ms / DAY);
  const monday = day - ((day + 3) % 7); // 1970-01-01 was a Thursday
  return monday * DAY;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export function trackerStats(jobs: readonly JobRow[], now: number): TrackerStats {
  const reached = new Map<JobStatus, number>();
  const weeks = new Map<number, number>();
  const durations = new Map<JobStatus, number[]>();
  let applied = 0;
  let answered = 0;
  for (const job of jobs) {
    const seen = new Set(job.history.map((h) => h.to));
    seen.add(job.status);
    // Reaching a later stage implies the earlier ones (a job saved straight as Applied was also saved).
    let furthest = -1;
    for (const status of seen) furthest = Math.max(furthest, FUNNEL.indexOf(status));
    for (let i = 0; i <= furthest; i++) reached.set(FUNNEL[i]!, (reached.get(FUNNEL[i]!) ?? 0) + 1);
    if (job.appliedAt !== undefined) {
      applied++;
      if ([...seen].some((s) => responded.includes(s))) answered++;
      const week = weekStart(job.appliedAt);
      weeks.set(week, (weeks.get(week) ?? 0) + 1);
    }
    // Only stages the job has left count (the current one is still running at `now`).
    for (let i = 0; i + 1 < job.history.length; i++) {
      const entry = job.history[i]!;
      const days = ((job.history[i + 1]?.at ?? now) - entry.at) / DAY;
      const list = durations.get(entry.to);
      if (list) list.push(days);
      else durations.set(entry.to, [days]);
    }
  }
  return {
    funnel: FUNNEL.map((status) => ({ status, count: reached.get(status) ?? 0 })),
    perWeek: [...weeks].sort(([a], [b]) => a - b).map(([weekStart, count]) => ({ weekStart, count })),
    ...(applied ? { responseRate: answered / applied } : {}),
    daysInStage: Object.fromEntries([...durations].map(([status, days]) => [status, Math.round(median(days) * 10) / 10])),
  };
}
