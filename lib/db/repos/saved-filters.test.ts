import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyFilters } from '../../tracker/query';
import { JobfitDb } from '../schema';
import { createSavedFiltersRepo, SAVED_FILTERS_KEY } from './saved-filters';

let db: JobfitDb;
beforeEach(async () => {
  db = new JobfitDb(`jobfit-saved-filters-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(() => db.close());

describe('saved filters', () => {
  it('saves, lists in order, replaces by name and removes', async () => {
    const repo = createSavedFiltersRepo(db);
    const applied = await repo.save('Applied', { ...emptyFilters, statuses: ['applied'] });
    await repo.save('Remote 70+', { ...emptyFilters, workplace: 'remote', minScore: 70 });
    await repo.save(' applied ', { ...emptyFilters, statuses: ['applied', 'interview'] });
    const list = await repo.list();
    expect(list.map((f) => f.name)).toEqual(['Remote 70+', 'applied']);
    expect(list[1]!.filters.statuses).toEqual(['applied', 'interview']);
    expect(list.some((f) => f.id === applied.id)).toBe(false);
    await repo.remove(list[0]!.id);
    expect((await repo.list()).map((f) => f.name)).toEqual(['applied']);
  });

  it('refuses an empty name or an unknown status, and reads a damaged list as empty', async () => {
    const repo = createSavedFiltersRepo(db);
    await expect(repo.save('  ', emptyFilters)).rejects.toThrow();
    await expect(repo.save('x', { ...emptyFilters, statuses: ['hired' as never] })).rejects.toThrow();
    await db.settings.put({ key: SAVED_FILTERS_KEY, value: [{ id: 1, name: null }] });
    expect(await repo.list()).toEqual([]);
  });
});
