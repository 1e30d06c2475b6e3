import { z } from 'zod';
import { WORKPLACES } from '../../capture/types';
import { statuses } from '../../tracker/statuses';
import type { TrackerFilters } from '../../tracker/query';
import type { JobfitDb } from '../schema';

export const SAVED_FILTERS_KEY = 'tracker.savedFilters';
const MAX_SAVED = 30;

const filtersSchema = z.object({
  statuses: z.array(z.enum(statuses)),
  company: z.string().max(200),
  tag: z.string().max(100),
  workplace: z.union([z.enum(WORKPLACES), z.literal('')]),
  minScore: z.number().min(0).max(100).optional(),
  from: z.number().optional(),
  to: z.number().optional(),
  query: z.string().max(500),
}) satisfies z.ZodType<TrackerFilters>;

const savedFilterSchema = z.object({ id: z.string(), name: z.string().min(1).max(60), filters: filtersSchema, createdAt: z.number() });
export type SavedFilter = z.infer<typeof savedFilterSchema>;

/**
 * The tracker's saved filters ("Applied this week", "Remote, score ≥ 70"), kept in the settings table so
 * they travel with a backup. A stored list that no longer fits the schema reads as empty, never as a crash.
 */
export function createSavedFiltersRepo(db: JobfitDb, now: () => number = Date.now) {
  const read = async (): Promise<SavedFilter[]> => {
    const parsed = z.array(savedFilterSchema).safeParse((await db.settings.get(SAVED_FILTERS_KEY))?.value);
    return parsed.success ? parsed.data : [];
  };
  return {
    list: read,
    /** Saves under a name; the same name (case-insensitive) replaces the earlier one. */
    async save(name: string, filters: TrackerFilters): Promise<SavedFilter> {
      const entry = savedFilterSchema.parse({ id: crypto.randomUUID(), name: name.trim(), filters: filtersSchema.parse(filters), createdAt: now() });
      await db.transaction('rw', db.settings, async () => {
        const rest = (await read()).filter((f) => f.name.toLowerCase() !== entry.name.toLowerCase());
        await db.settings.put({ key: SAVED_FILTERS_KEY, value: [...rest, entry].slice(-MAX_SAVED) });
      });
      return entry;
    },
    async remove(id: string): Promise<void> {
      await db.transaction('rw', db.settings, async () => {
        await db.settings.put({ key: SAVED_FILTERS_KEY, value: (await read()).filter((f) => f.id !== id) });
      });
    },
  };
}
