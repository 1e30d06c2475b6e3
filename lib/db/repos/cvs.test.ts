import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobfitDb } from '../schema';
import { createCvsRepo, type CvsRepo } from './cvs';

let db: JobfitDb;
let clock: number;
let repo: CvsRepo;

beforeEach(async () => {
  db = new JobfitDb(`jobfit-cvs-${crypto.randomUUID()}`);
  await db.open();
  clock = 1_700_000_000_000;
  repo = createCvsRepo(db, () => (clock += 1000));
});

afterEach(() => db.close());

describe('cvs repo', () => {
  it('the first master becomes the default; later ones and tailored versions do not', async () => {
    const first = await repo.add({ name: 'Main', data: {} });
    const second = await repo.add({ name: 'Other', data: {} });
    const tailored = await repo.add({ name: 'For Acme', data: {}, parentId: first.id, jobId: 'job-1' });
    expect([first.isDefault, second.isDefault, tailored.isDefault]).toEqual([1, 0, 0]);
    expect((await repo.getDefault())?.id).toBe(first.id);
    expect((await repo.listMasters()).map((c) => c.name)).toEqual(['Main', 'Other']);
    expect((await repo.listForJob('job-1')).map((c) => c.id)).toEqual([tailored.id]);
  });

  it('setDefault moves the star and refuses tailored versions', async () => {
    const first = await repo.add({ name: 'Main', data: {} });
    const second = await repo.add({ name: 'Other', data: {} });
    const tailored = await repo.add({ name: 'T', data: {}, parentId: first.id });
    await repo.setDefault(second.id);
    expect((await repo.getDefault())?.id).toBe(second.id);
    expect(await db.cvs.where('isDefault').equals(1).count()).toBe(1);
    await expect(repo.setDefault(tailored.id)).rejects.toThrow(/tailored/);
    expect((await repo.getDefault())?.id).toBe(second.id);
  });

  it('deleting the default promotes the most recently updated master', async () => {
    const first = await repo.add({ name: 'Main', data: {} });
    const second = await repo.add({ name: 'Other', data: {} });
    const third = await repo.add({ name: 'Third', data: {} });
    await repo.update(second.id, { name: 'Other (edited)' });
    await repo.remove(first.id);
    expect((await repo.getDefault())?.id).toBe(second.id);
    expect(await repo.get(third.id)).toBeDefined();
  });

  it('tailored versions are deleted with their master, or kept standalone: never orphaned', async () => {
    const a = await repo.add({ name: 'A', data: {} });
    const aT = await repo.add({ name: 'A for job', data: {}, parentId: a.id, jobId: 'j' });
    const b = await repo.add({ name: 'B', data: {} });
    const bT = await repo.add({ name: 'B for job', data: {}, parentId: b.id, jobId: 'j' });
    await repo.remove(a.id, { tailored: 'delete' });
    expect(await repo.get(aT.id)).toBeUndefined();
    await repo.remove(b.id, { tailored: 'keep' });
    const kept = await repo.get(bT.id);
    expect(kept?.parentId).toBeUndefined();
    expect(kept?.jobId).toBe('j');
    const ids = new Set((await db.cvs.toArray()).map((c) => c.id));
    for (const cv of await db.cvs.toArray()) if (cv.parentId) expect(ids.has(cv.parentId)).toBe(true);
  });

  it('update of a missing CV throws', async () => {
    await expect(repo.update('nope', { name: 'x' })).rejects.toThrow(/not found/);
  });

  it('rename trims, refuses an empty name and touches updatedAt', async () => {
    const cv = await repo.add({ name: 'Main', data: {} });
    await repo.rename(cv.id, '  Main (2026)  ');
    const renamed = await repo.get(cv.id);
    expect(renamed?.name).toBe('Main (2026)');
    expect(renamed!.updatedAt).toBeGreaterThan(cv.updatedAt);
    await expect(repo.rename(cv.id, '   ')).rejects.toThrow();
    await expect(repo.rename('missing', 'x')).rejects.toThrow(/not found/);
    expect((await repo.get(cv.id))?.name).toBe('Main (2026)');
  });

  it('duplicate copies the data deeply as a standalone master that is not the default', async () => {
    const master = await repo.add({ name: 'Main', data: { basics: { name: 'Ana' } } });
    const tailored = await repo.add({ name: 'For Acme', data: { basics: { name: 'Ana' } }, parentId: master.id, jobId: 'job-1' });
    const copy = await repo.duplicate(tailored.id, 'For Acme (copy)');
    expect(copy).toMatchObject({ name: 'For Acme (copy)', isDefault: 0 });
    expect(copy.parentId).toBeUndefined();
    expect(copy.jobId).toBeUndefined();
    (copy.data as { basics: { name: string } }).basics.name = 'changed';
    expect(((await repo.get(tailored.id))?.data as { basics: { name: string } }).basics.name).toBe('Ana');
    expect((await repo.listAll()).map((c) => c.name)).toEqual(['Main', 'For Acme', 'For Acme (copy)']);
    expect((await repo.getDefault())?.id).toBe(master.id);
  });
});
