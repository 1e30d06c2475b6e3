import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobfitDb } from '../schema';
import { createJobsRepo, type JobsRepo } from './jobs';

let db: JobfitDb;
let clock: number;
let repo: JobsRepo;

const tick = (ms = 1000) => (clock += ms);

beforeEach(async () => {
  db = new JobfitDb(`jobfit-jobs-${crypto.randomUUID()}`);
  await db.open();
  clock = 1_700_000_000_000;
  repo = createJobsRepo(db, () => clock);
});

afterEach(() => {
  db.close();
});

const acme = { url: 'https://jobs.example.com/postings/42', title: 'Frontend Engineer', company: 'Acme' };

describe('jobs repo: add', () => {
  it('creates a saved job with one history entry at the injected time', async () => {
    const row = await repo.add(acme);
    expect(row).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      ...acme,
      status: 'saved',
      tags: [],
      createdAt: clock,
      updatedAt: clock,
      history: [{ at: clock, to: 'saved' }],
    });
    expect(row).not.toHaveProperty('appliedAt');
    expect(row).not.toHaveProperty('location');
    expect(row).not.toHaveProperty('posting');
    expect(await db.jobs.get(row.id)).toEqual(row);
  });

  it('keeps location and posting when given', async () => {
    const posting = { title: 'Frontend Engineer', source: 'json-ld' };
    const row = await repo.add({ ...acme, location: 'Berlin', posting });
    expect(await repo.get(row.id)).toMatchObject({ location: 'Berlin', posting });
  });

  it('sets appliedAt when the job is added as applied', async () => {
    const row = await repo.add({ ...acme, status: 'applied' });
    expect(row).toMatchObject({ status: 'applied', appliedAt: clock, history: [{ at: clock, to: 'applied' }] });
  });

  it('gives every job its own id', async () => {
    const a = await repo.add(acme);
    const b = await repo.add(acme);
    expect(a.id).not.toBe(b.id);
    expect(await db.jobs.count()).toBe(2);
  });
});

describe('jobs repo: reads', () => {
  it('get returns the row or undefined', async () => {
    const row = await repo.add(acme);
    expect(await repo.get(row.id)).toEqual(row);
    expect(await repo.get('missing')).toBeUndefined();
  });

  it('findByUrl matches the exact url only', async () => {
    const row = await repo.add(acme);
    await repo.add({ ...acme, url: 'https://jobs.example.com/postings/43' });
    expect((await repo.findByUrl(acme.url))?.id).toBe(row.id);
    expect(await repo.findByUrl('https://jobs.example.com/postings/4')).toBeUndefined();
    expect(await repo.findByUrl(`${acme.url}/`)).toBeUndefined();
  });

  it('listRecent orders by last update, newest first, and honours the limit', async () => {
    const first = await repo.add({ ...acme, title: 'first' });
    tick();
    const second = await repo.add({ ...acme, title: 'second' });
    tick();
    const third = await repo.add({ ...acme, title: 'third' });
    expect((await repo.listRecent()).map((j) => j.id)).toEqual([third.id, second.id, first.id]);
    expect((await repo.listRecent(2)).map((j) => j.id)).toEqual([third.id, second.id]);

    tick();
    await repo.setStatus(first.id, 'interested');
    expect((await repo.listRecent(1)).map((j) => j.id)).toEqual([first.id]);
  });

  it('countByStatus counts per status', async () => {
    await repo.add(acme);
    await repo.add(acme);
    await repo.add({ ...acme, status: 'applied' });
    expect(await repo.countByStatus('saved')).toBe(2);
    expect(await repo.countByStatus('applied')).toBe(1);
    expect(await repo.countByStatus('offer')).toBe(0);
  });
});

describe('jobs repo: setStatus', () => {
  it('appends a history entry with from, to and time, and bumps updatedAt', async () => {
    const row = await repo.add(acme);
    const created = clock;
    tick(5000);
    const next = await repo.setStatus(row.id, 'interested');
    expect(next).toMatchObject({ status: 'interested', createdAt: created, updatedAt: clock });
    expect(next.history).toEqual([
      { at: created, to: 'saved' },
      { at: clock, from: 'saved', to: 'interested' },
    ]);
    expect(next).not.toHaveProperty('appliedAt');
    expect(await repo.get(row.id)).toEqual(next);
  });

  it('sets appliedAt the first time a job is applied and never moves it', async () => {
    const row = await repo.add(acme);
    tick();
    const appliedAt = clock;
    expect(await repo.setStatus(row.id, 'applied')).toMatchObject({ appliedAt });
    tick();
    expect(await repo.setStatus(row.id, 'interview')).toMatchObject({ status: 'interview', appliedAt });
    tick();
    const again = await repo.setStatus(row.id, 'applied');
    expect(again).toMatchObject({ status: 'applied', appliedAt, updatedAt: clock });
    expect(again.history.map((h) => [h.from, h.to])).toEqual([
      [undefined, 'saved'],
      ['saved', 'applied'],
      ['applied', 'interview'],
      ['interview', 'applied'],
    ]);
  });

  it('keeps the appliedAt of a job added as applied', async () => {
    const row = await repo.add({ ...acme, status: 'applied' });
    const appliedAt = clock;
    tick();
    await repo.setStatus(row.id, 'rejected');
    tick();
    expect(await repo.setStatus(row.id, 'applied')).toMatchObject({ appliedAt });
  });

  it('records a same-status change as history too', async () => {
    const row = await repo.add(acme);
    tick();
    const next = await repo.setStatus(row.id, 'saved');
    expect(next.history.at(-1)).toEqual({ at: clock, from: 'saved', to: 'saved' });
  });

  it('throws for an unknown id and writes nothing', async () => {
    await expect(repo.setStatus('missing', 'applied')).rejects.toThrow(/missing not found/);
    expect(await db.jobs.count()).toBe(0);
  });
});

describe('jobs repo: remove', () => {
  it('deletes the job', async () => {
    const row = await repo.add(acme);
    const other = await repo.add(acme);
    await repo.remove(row.id);
    expect(await repo.get(row.id)).toBeUndefined();
    expect(await repo.get(other.id)).toBeDefined();
  });
});
