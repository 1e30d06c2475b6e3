import type { Dexie } from 'dexie';
import type { JobfitDb, LlmUsageRow } from '../schema';

/**
 * The usage log: one row per model call (a cached answer is a row with 0 tokens and `cached: 1`).
 * `model` is the model that actually served the call (after fallbacks); cost is what the endpoint
 * reported, in USD. Extra fields need no index and are stored as they are.
 */
export interface UsageRow extends LlmUsageRow {
  /** The model that was asked for, when another one served. */
  requestedModel?: string;
  /** OpenRouter's generation id (`X-Generation-Id`), for `/generation` cost reconciliation. */
  generationId?: string;
  /** The failure's code for `status: 'error'` rows (cancelled, interrupted, …). */
  errorCode?: string;
  /** Cost came from `/generation` after the run ended without a usage frame. */
  reconciled?: boolean;
}

export interface UsageTotals {
  /** Local day `YYYY-MM-DD`. */
  day: string;
  model: string;
  calls: number;
  cachedCalls: number;
  promptTokens: number;
  completionTokens: number;
  cost: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const localDay = (at: number): string => {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

export function createLlmUsageRepo(db: JobfitDb) {
  const table = () => db.llmUsage as unknown as Dexie.Table<UsageRow, string>;
  return {
    async add(row: Omit<UsageRow, 'id'> & { id?: string }): Promise<UsageRow> {
      const full: UsageRow = { ...row, id: row.id ?? crypto.randomUUID() };
      await table().add(full);
      return full;
    },

    get: (id: string): Promise<UsageRow | undefined> => table().get(id),

    /** Rows of one run (its attempts, its repair request, a reconciled cost). */
    byRun: (runId: string): Promise<UsageRow[]> => table().where('runId').equals(runId).sortBy('at'),

    /** USD spent since a time (cached rows cost nothing; unknown costs count as 0). */
    async spentSince(since: number): Promise<number> {
      let total = 0;
      await table()
        .where('at')
        .aboveOrEqual(since)
        .each((row) => {
          if (!row.cached && Number.isFinite(row.cost)) total += row.cost;
        });
      return total;
    },

    /** Newest first. */
    list: (options: { since?: number; limit?: number } = {}): Promise<UsageRow[]> =>
      table()
        .where('at')
        .aboveOrEqual(options.since ?? 0)
        .reverse()
        .limit(options.limit ?? 500)
        .toArray(),

    /** Totals per local day and served model, newest day first: the Usage view. */
    async totalsByDayAndModel(since = 0): Promise<UsageTotals[]> {
      const groups = new Map<string, UsageTotals>();
      await table()
        .where('at')
        .aboveOrEqual(since)
        .each((row) => {
          const day = localDay(row.at);
          const key = `${day}\u0000${row.model}`;
          const g = groups.get(key) ?? { day, model: row.model, calls: 0, cachedCalls: 0, promptTokens: 0, completionTokens: 0, cost: 0 };
          g.calls += 1;
          g.cachedCalls += row.cached;
          g.promptTokens += row.promptTokens;
          g.completionTokens += row.completionTokens;
          g.cost += Number.isFinite(row.cost) ? row.cost : 0;
          groups.set(key, g);
        });
      return [...groups.values()].sort((a, b) => b.day.localeCompare(a.day) || a.model.localeCompare(b.model));
    },

    async update(id: string, patch: Partial<Omit<UsageRow, 'id'>>): Promise<void> {
      await table().update(id, patch);
    },

    /** "Clear history". */
    clear: (): Promise<void> => table().clear(),
  };
}

export type LlmUsageRepo = ReturnType<typeof createLlmUsageRepo>;
