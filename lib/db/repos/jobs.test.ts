import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobfitDb } from '../schema';
import type { JobPosting } from '../../capture/types';
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

const posting = (over: Partial<JobPosting> = {}): JobPosting => ({
  title: 'Senior Frontend Engineer (m/w/d)',
  titleNormalized: 'senior frontend engineer',
  company: 'Acme Robotics',
  location: 'Lisbon, PT',
  url: 'https://boards.greenhouse.io/acme/jobs/4001',
  siteJobId: '4001',
  source: 'json-ld',
  ...over,
});

describe('jobs repo: savePosting', () => {
  it('creates a saved job from a posting, with the posting, its site job id and one history entry', async () => {
    const outcome = await repo.savePosting(posting());
    expect(outcome.kind).toBe('created');
    const job = outcome.kind === 'created' ? outcome.job : undefined;
    expect(job).toMatchObject({
      url: 'https://boards.greenhouse.io/acme/jobs/4001',
      title: 'Senior Frontend Engineer (m/w/d)',
      company: 'Acme Robotics',
      location: 'Lisbon, PT',
      siteJobId: '4001',
      status: 'saved',
      history: [{ at: clock, to: 'saved' }],
      posting: posting(),
    });
    expect(await db.jobs.toArray()).toEqual([job]);
  });

  it('stores a posting without company or location as an empty company and no location', async () => {
    const outcome = await repo.savePosting(posting({ company: undefined, location: undefined, siteJobId: undefined }));
    const job = await db.jobs.get(outcome.kind === 'created' ? outcome.job.id : '');
    expect(job).toMatchObject({ company: '' });
    expect(job).not.toHaveProperty('location');
    expect(job).not.toHaveProperty('siteJobId');
  });

  it('updates the same posting (same URL) instead of duplicating it, keeping status and history', async () => {
    const first = await repo.savePosting(posting());
    const id = first.kind === 'created' ? first.job.id : '';
    tick();
    await repo.setStatus(id, 'applied');
    tick();
    const second = await repo.savePosting(posting({ title: 'Senior Frontend Engineer', salary: { min: 60000, currency: 'EUR' } }));
    expect(second).toMatchObject({ kind: 'updated', job: { id, status: 'applied', title: 'Senior Frontend Engineer', updatedAt: clock } });
    expect(await db.jobs.count()).toBe(1);
    const stored = await db.jobs.get(id);
    expect(stored?.history.map((h) => h.to)).toEqual(['saved', 'applied']);
    expect((stored?.posting as JobPosting).salary).toEqual({ min: 60000, currency: 'EUR' });
  });

  it('recognises the same site job id on the same host under another URL, and updates the URL', async () => {
    const first = await repo.savePosting(posting({ url: 'https://www.linkedin.com/jobs/view/3812345', siteJobId: '3812345', source: 'adapter:linkedin' }));
    const moved = posting({ url: 'https://www.linkedin.com/jobs/view/senior-frontend-engineer-at-acme-3812345', siteJobId: '3812345', location: 'Lisboa' });
    const second = await repo.savePosting(moved);
    expect(second.kind).toBe('updated');
    expect(second.kind === 'updated' && second.job.id).toBe(first.kind === 'created' && first.job.id);
    expect(await db.jobs.count()).toBe(1);
    expect(await repo.findSaved(moved)).toMatchObject({ url: moved.url, location: 'Lisboa' });
  });

  it('does not take the same site job id on another host for the same posting', async () => {
    await repo.savePosting(posting({ url: 'https://jobs.lever.co/acme/1', siteJobId: '77', company: 'Acme' }));
    expect(await repo.findSaved({ url: 'https://boards.greenhouse.io/other/jobs/77', siteJobId: '77' })).toBeUndefined();
    const outcome = await repo.savePosting(posting({ url: 'https://boards.greenhouse.io/other/jobs/77', siteJobId: '77', company: 'Other' }));
    expect(outcome.kind).toBe('created');
    expect(await db.jobs.count()).toBe(2);
  });

  it('offers same company + title + location on another URL as probably the same job and writes nothing', async () => {
    const first = await repo.savePosting(posting());
    const elsewhere = posting({ url: 'https://www.linkedin.com/jobs/view/999', siteJobId: '999', company: 'ACME robotics', title: 'Senior Frontend Engineer', titleNormalized: 'senior frontend engineer', location: 'Lisbon PT' });
    const before = await db.jobs.toArray();
    const outcome = await repo.savePosting(elsewhere);
    expect(outcome.kind).toBe('probable');
    expect(outcome.kind === 'probable' && outcome.candidates.map((c) => c.id)).toEqual([first.kind === 'created' && first.job.id]);
    expect(await db.jobs.toArray()).toEqual(before);
    expect(await repo.findSaved(elsewhere)).toBeUndefined();
  });

  it('does not offer jobs that differ in title, company or location', async () => {
    await repo.savePosting(posting());
    const other = { url: 'https://example.org/jobs/2', siteJobId: undefined };
    expect(await repo.findProbable(posting({ ...other, title: 'Frontend Engineer', titleNormalized: 'frontend engineer' }))).toEqual([]);
    expect(await repo.findProbable(posting({ ...other, company: 'Acme' }))).toEqual([]);
    expect(await repo.findProbable(posting({ ...other, location: 'Porto, PT' }))).toEqual([]);
    expect(await repo.findProbable(posting({ ...other, company: undefined }))).toEqual([]);
  });

  it('on "update that one" rewrites the chosen job with the new URL and posting, keeping its status', async () => {
    const first = await repo.savePosting(posting());
    const id = first.kind === 'created' ? first.job.id : '';
    await repo.setStatus(id, 'interview');
    tick();
    const elsewhere = posting({ url: 'https://www.linkedin.com/jobs/view/999', siteJobId: '999', source: 'adapter:linkedin' });
    const outcome = await repo.savePosting(elsewhere, { update: id });
    expect(outcome).toMatchObject({ kind: 'updated', job: { id, url: elsewhere.url, siteJobId: '999', status: 'interview', updatedAt: clock } });
    expect(await db.jobs.count()).toBe(1);
    expect((await repo.findSaved(elsewhere))?.id).toBe(id);
  });

  it('on "save as new" creates a second job', async () => {
    await repo.savePosting(posting());
    const outcome = await repo.savePosting(posting({ url: 'https://www.linkedin.com/jobs/view/999', siteJobId: '999' }), 'new');
    expect(outcome.kind).toBe('created');
    expect(await db.jobs.count()).toBe(2);
  });

  it('fails for a chosen job that no longer exists and writes nothing', async () => {
    await expect(repo.savePosting(posting(), { update: 'gone' })).rejects.toThrow(/gone not found/);
    expect(await db.jobs.count()).toBe(0);
  });
});
