import { Dexie } from 'dexie';
import type { JobfitDb, RunRow, RunStatus } from '../schema';

/** What a run was asked to do, kept so that Resume can send it again as a new request. */
export interface RunRequest {
  feature: string;
  model: string;
  /** The messages as the user's data has them (not redacted); redaction happens per request. */
  messages: Array<{ role: 'system' | 'user' | 'assistant'; content: string }>;
  maxTokens?: number;
  temperature?: number;
  /** Name of a registered structured-output schema, when the feature has one. */
  schema?: string;
  fresh?: boolean;
}

export interface RunWarnings {
  /** Placeholders the model altered, e.g. `[EMAIL 1]`; repaired ones are restored already. */
  mangledPlaceholders?: Array<{ found: string; restored: boolean }>;
  /** The structured answer needed the one repair attempt. */
  repaired?: boolean;
}

/**
 * A run row as lib/llm writes it: RunRow plus fields that need no index (IndexedDB stores them as
 * they are). `id` is the client's requestId, which makes starting a run idempotent.
 */
export interface LlmRunRow extends RunRow {
  request: RunRequest;
  /** The run this one resumes (a new request; the old row keeps its partial text). */
  resumedFrom?: string;
  generationId?: string;
  servedModel?: string;
  finishReason?: string | null;
  cached?: boolean;
  /** The validated structured answer. */
  result?: unknown;
  warnings?: RunWarnings;
}

export type RunPatch = Partial<Omit<LlmRunRow, 'id' | 'request' | 'feature' | 'startedAt'>>;

export const isTerminal = (status: RunStatus): boolean => status !== 'running';

export function createRunsRepo(db: JobfitDb) {
  const table = () => db.runs as unknown as Dexie.Table<LlmRunRow, string>;
  return {
    /**
     * Adds the row unless a run with this id exists; either way returns the stored row.
     * `created` tells the caller whether it owns the new run (a double click gets `false`).
     */
    async create(row: LlmRunRow): Promise<{ row: LlmRunRow; created: boolean }> {
      try {
        await table().add(row);
        return { row, created: true };
      } catch (error) {
        if ((error as { name?: string }).name !== Dexie.errnames.Constraint) throw error;
        const existing = await table().get(row.id);
        if (!existing) throw error;
        return { row: existing, created: false };
      }
    },

    get: (id: string): Promise<LlmRunRow | undefined> => table().get(id),

    /** Partial text and heartbeat, in a transaction of its own; a finished run is never reopened. */
    async savePartial(id: string, partialText: string, at: number): Promise<void> {
      await db.transaction('rw', db.runs, async () => {
        const row = await table().get(id);
        if (row?.status === 'running') await table().update(id, { partialText, heartbeatAt: at });
      });
    },

    async heartbeat(ids: readonly string[], at: number): Promise<void> {
      if (!ids.length) return;
      await db.transaction('rw', db.runs, async () => {
        await table()
          .where('id')
          .anyOf([...ids])
          .filter((r) => r.status === 'running')
          .modify({ heartbeatAt: at });
      });
    },

    /** Updates a running run (attempt, generation id, model served); ignored once it has finished. */
    async patchRunning(id: string, patch: RunPatch): Promise<void> {
      await db.transaction('rw', db.runs, async () => {
        const row = await table().get(id);
        if (row?.status === 'running') await table().update(id, patch);
      });
    },

    /** Moves a running run to its final state; returns false when it had already finished. */
    async finish(id: string, patch: RunPatch & { status: Exclude<RunStatus, 'running'>; finishedAt: number }): Promise<boolean> {
      return db.transaction('rw', db.runs, async () => {
        const row = await table().get(id);
        if (!row || row.status !== 'running') return false;
        await table().update(id, patch);
        return true;
      });
    },

    /**
     * Running rows that no live worker drives any more become `interrupted`: their heartbeat is older
     * than `staleBefore`, and they are not in `activeIds`. Returns the ids it changed.
     */
    async markStaleInterrupted(staleBefore: number, at: number, activeIds: ReadonlySet<string> = new Set()): Promise<string[]> {
      return db.transaction('rw', db.runs, async () => {
        const stale = await table()
          .where('status')
          .equals('running')
          .filter((r) => r.heartbeatAt < staleBefore && !activeIds.has(r.id))
          .toArray();
        for (const row of stale) {
          await table().update(row.id, { status: 'interrupted', finishedAt: at });
        }
        return stale.map((r) => r.id);
      });
    },

    /** Newest first, for the panel's "recent runs" and the resume offer. */
    /** Runs in progress anywhere (the header's badge). */
    countRunning: (): Promise<number> => table().where('status').equals('running').count(),

    listRecent: (limit = 20): Promise<LlmRunRow[]> => table().orderBy('startedAt').reverse().limit(limit).toArray(),

    listByJob: (jobId: string): Promise<LlmRunRow[]> =>
      table()
        .where('jobId')
        .equals(jobId)
        .toArray()
        .then((rows) => rows.sort((a, b) => b.startedAt - a.startedAt)),

    clear: (): Promise<void> => table().clear(),
  };
}

export type RunsRepo = ReturnType<typeof createRunsRepo>;
