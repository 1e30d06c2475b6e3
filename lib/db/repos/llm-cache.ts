import type { Dexie } from 'dexie';
import type { JobfitDb, LlmCacheRow } from '../schema';

/** A cached answer: the model's text as it came back (still with placeholders), and what served it. */
export interface CachedAnswer {
  text: string;
  servedModel?: string;
  finishReason?: string;
}

interface CacheRow extends LlmCacheRow {
  value: CachedAnswer;
}

/** Cache of identical requests, keyed by a hash of endpoint, model, messages and parameters. */
export function createLlmCacheRepo(db: JobfitDb, now: () => number = Date.now) {
  const table = () => db.llmCache as unknown as Dexie.Table<CacheRow, string>;
  return {
    /** The answer unless it is older than `maxAgeMs`. */
    async get(key: string, maxAgeMs = 30 * 24 * 3_600_000): Promise<CachedAnswer | undefined> {
      const row = await table().get(key);
      if (!row || now() - row.createdAt > maxAgeMs) return undefined;
      return row.value;
    },
    async put(key: string, value: CachedAnswer): Promise<void> {
      await table().put({ key, value, createdAt: now() });
    },
    /** Drops entries older than `maxAgeMs`; returns how many. */
    prune: (maxAgeMs: number): Promise<number> => table().where('createdAt').below(now() - maxAgeMs).delete(),
    clear: (): Promise<void> => table().clear(),
  };
}

export type LlmCacheRepo = ReturnType<typeof createLlmCacheRepo>;
