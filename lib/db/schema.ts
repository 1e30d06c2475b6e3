import { Dexie, type EntityTable } from 'dexie';
import { cardBuckets, jobCardsMiddleware, type CardBucketRow } from './job-cards';

/**
 * Jobfit's database. Pages read it through repos (live queries) and may write through repos;
 * the worker owns runs and LLM calls; content scripts never open it (they would see the page's IndexedDB).
 *
 * Every schema change is a new `version(n)`; versions with `.upgrade()` stay forever, and each version
 * has a fixture in `lib/db/fixtures/` used by the migration test.
 */
export const DB_NAME = 'jobfit';
export const DB_VERSION = 3;

export type JobStatus =
  | 'saved'
  | 'interested'
  | 'cv_tailored'
  | 'applied'
  | 'interview'
  | 'offer'
  | 'rejected'
  | 'declined'
  | 'ghosted'
  | 'archived';

export interface JobRow {
  id: string;
  url: string;
  title: string;
  company: string;
  location?: string;
  /** The site's own id of the posting (LinkedIn job id, Greenhouse id…): with the host, the same posting. Unindexed. */
  siteJobId?: string;
  status: JobStatus;
  /** Full JobPosting as captured; shape owned by lib/capture. */
  posting?: unknown;
  score?: number;
  tags: string[];
  createdAt: number;
  updatedAt: number;
  appliedAt?: number;
  history: { at: number; from?: JobStatus; to: JobStatus }[];
}

export interface CvRow {
  id: string;
  name: string;
  /** Set on tailored versions: the master CV and the job they were made for. */
  parentId?: string;
  jobId?: string;
  isDefault: 0 | 1;
  /** CV model (JSON Resume superset); shape owned by lib/cv. */
  data: unknown;
  /** Facts the user wrote to back skills the CV does not show; shape owned by lib/cv/facts.ts. Unindexed. */
  facts?: unknown[];
  /** Keyword chip choices per job, keyed by the posting's URL; shape owned by lib/match/keywords.ts. Unindexed. */
  keywordChoices?: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
}

export interface AnalysisRow {
  id: string;
  /** Absent only on a cover letter kept standalone when its job was deleted (see `fromJob`). */
  jobId?: string;
  /** Set when the job was deleted and the user kept this cover letter: what it was written for. */
  fromJob?: { title: string; company: string };
  cvId?: string;
  kind: 'match' | 'analysis' | 'evaluation' | 'questions' | 'coverLetter';
  result: unknown;
  createdAt: number;
}

export type RunStatus = 'running' | 'done' | 'error' | 'interrupted' | 'cancelled';
export interface RunRow {
  id: string;
  jobId?: string;
  feature: string;
  status: RunStatus;
  model?: string;
  attempt: number;
  partialText: string;
  error?: { code: string; detail?: string };
  startedAt: number;
  heartbeatAt: number;
  finishedAt?: number;
}

export interface LlmUsageRow {
  id: string;
  runId?: string;
  feature: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  cost: number;
  latencyMs: number;
  cached: 0 | 1;
  status: 'ok' | 'error';
  at: number;
}

export interface LlmCacheRow {
  key: string;
  value: unknown;
  createdAt: number;
}

export interface TaskRow {
  id: string;
  jobId?: string;
  title: string;
  dueAt?: number;
  done: 0 | 1;
  createdAt: number;
  /** When the due reminder was shown (not shown twice across worker restarts). */
  remindedAt?: number;
}

export interface NoteRow {
  id: string;
  jobId: string;
  text: string;
  createdAt: number;
  updatedAt: number;
  /** On the note "Mark as applied" writes: what was sent, for the job drawer to show as a list. */
  application?: ApplicationRecord;
}

/** What was sent with an application: the files attached and every value Jobfit filled. */
export interface ApplicationRecord {
  cvFile?: string;
  coverLetterFile?: string;
  filled: { label: string; value: string }[];
}

export interface AnswerRow {
  id: string;
  /** Normalised question text used for matching. */
  question: string;
  answer: string;
  updatedAt: number;
}

/** Settings too large or too structured for a storage item (e.g. saved filters). Never the API key. */
export interface SettingRow {
  key: string;
  value: unknown;
}

export class JobfitDb extends Dexie {
  jobs!: EntityTable<JobRow, 'id'>;
  cvs!: EntityTable<CvRow, 'id'>;
  analyses!: EntityTable<AnalysisRow, 'id'>;
  runs!: EntityTable<RunRow, 'id'>;
  llmUsage!: EntityTable<LlmUsageRow, 'id'>;
  llmCache!: EntityTable<LlmCacheRow, 'key'>;
  tasks!: EntityTable<TaskRow, 'id'>;
  notes!: EntityTable<NoteRow, 'id'>;
  answers!: EntityTable<AnswerRow, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  /** Derived from jobs, kept in step by `jobCardsMiddleware` (lib/db/job-cards.ts); never written by repos. */
  jobCards!: EntityTable<CardBucketRow, 'bucket'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      jobs: 'id, url, status, company, updatedAt, createdAt, *tags',
      cvs: 'id, parentId, jobId, isDefault, updatedAt',
      analyses: 'id, jobId, [jobId+kind], createdAt',
      runs: 'id, jobId, status, startedAt',
      llmUsage: 'id, runId, at, model',
      llmCache: 'key, createdAt',
      tasks: 'id, jobId, dueAt, done',
      notes: 'id, jobId, createdAt',
      answers: 'id, question',
      settings: 'key',
    });
    // v2 (tracker): the table sorts a status by recency, the stats read appliedAt, filters read score,
    // and the reminders list reads open tasks by due date. Indexes only: no rows move.
    this.version(2).stores({
      jobs: 'id, url, status, company, updatedAt, createdAt, *tags, [status+updatedAt], appliedAt, score',
      tasks: 'id, jobId, dueAt, done, [done+dueAt]',
    });
    // v3 (tracker at 10,000 jobs): every job's list fields packed in a few bucket rows, built here from
    // the stored jobs and kept in step with them from then on.
    this.version(3)
      .stores({ jobCards: 'bucket' })
      .upgrade(async (tx) => {
        await tx.table('jobCards').bulkPut(cardBuckets(await tx.table<JobRow>('jobs').toArray()));
      });
    this.use(jobCardsMiddleware);
  }
}

/** The tables that hold the user's data: what a backup holds, what "Delete all" clears. */
export const tableNames = [
  'jobs',
  'cvs',
  'analyses',
  'runs',
  'llmUsage',
  'llmCache',
  'tasks',
  'notes',
  'answers',
  'settings',
] as const;

/** Tables derived from the others (rebuilt from them, never in a backup). */
export const derivedTableNames = ['jobCards'] as const;
