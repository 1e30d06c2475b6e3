import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFixtures, writeRawDb } from './fixtures/harness';
import { bucketOf, CARD_BUCKETS, decodeBucket, encodeBucket, toJobCard, type JobCard } from './job-cards';
import { applyImport, exportBackup } from './repos/backup';
import { findCardMismatches } from './repos/integrity';
import { createJobsRepo } from './repos/jobs';
import { createTrackerRepo } from './repos/tracker';
import { JobfitDb, type JobRow, type JobStatus } from './schema';
import { parseBackup } from '../tracker/backup-file';

let db: JobfitDb;
let clock: number;

beforeEach(async () => {
  db = new JobfitDb(`jobfit-cards-${crypto.randomUUID()}`);
  await db.open();
  clock = 1_800_000_000_000;
});

afterEach(() => db.close());

function job(id: string, patch: Partial<JobRow> = {}): JobRow {
  return {
    id,
    url: `https://jobs.example.com/${id}`,
    title: `Engineer ${id}`,
    company: 'Acme',
    status: 'saved',
    posting: { description: 'A long posting text that the cards never carry.', workplace: 'remote' },
    tags: [],
    createdAt: 1,
    updatedAt: 1,
    history: [{ at: 1, to: 'saved' }],
    ...patch,
  };
}

const cards = async () => createTrackerRepo(db).listCards();
const byId = async () => new Map((await cards()).map((card) => [card.id, card]));

async function expectInStep(): Promise<void> {
  expect(await findCardMismatches(db)).toEqual([]);
}

describe('job cards', () => {
  it('carry the list fields of a job and nothing of its posting text or history', () => {
    const card = toJobCard(job('a', { location: 'Berlin', score: 71, appliedAt: 5, tags: ['dream'] }));
    expect(card).toEqual({
      id: 'a',
      url: 'https://jobs.example.com/a',
      title: 'Engineer a',
      company: 'Acme',
      location: 'Berlin',
      status: 'saved',
      score: 71,
      tags: ['dream'],
      createdAt: 1,
      updatedAt: 1,
      appliedAt: 5,
      workplace: 'remote',
    });
    expect(JSON.stringify(card)).not.toContain('long posting');
    expect(toJobCard(job('b', { posting: { workplace: 'moon base' } })).workplace).toBeUndefined();
  });

  it('pack a bucket column by column and read back the same cards, tags and missing values included', () => {
    const cards = [
      toJobCard(job('a', { tags: ['x', 'y'], score: 0, location: '' })),
      toJobCard(job('b', { tags: [], posting: undefined })),
      toJobCard(job('c', { tags: ['z'], appliedAt: 9, status: 'applied' })),
    ];
    const row = encodeBucket(4, cards);
    expect(row.tagCount).toEqual([2, 0, 1]);
    expect(row.tags).toEqual(['x', 'y', 'z']);
    expect(decodeBucket(row)).toEqual(cards);
    // As JSON (a fixture, a raw write) writes them: undefined in a column becomes null, still missing.
    expect(decodeBucket(JSON.parse(JSON.stringify(row)) as typeof row)).toEqual(cards);
  });

  it('spread jobs over the buckets, each job always in the same one', () => {
    const buckets = new Set(Array.from({ length: 2000 }, (_, i) => bucketOf(`job-${i}`)));
    expect(buckets.size).toBe(CARD_BUCKETS);
    expect(bucketOf('job-7')).toBe(bucketOf('job-7'));
  });

  it('follow every kind of write to jobs: add, put, bulk, update, modify, delete, range delete, clear', async () => {
    await db.jobs.add(job('a'));
    await db.jobs.put(job('b', { status: 'applied' }));
    await db.jobs.bulkPut(Array.from({ length: 300 }, (_, i) => job(`bulk-${i}`)));
    await db.jobs.bulkAdd([job('c'), job('d')]);
    await expectInStep();
    expect((await cards()).length).toBe(304);

    await db.jobs.update('a', { title: 'Renamed', score: 90 });
    expect((await byId()).get('a')).toMatchObject({ title: 'Renamed', score: 90 });
    await db.jobs.where('status').equals('applied').modify({ status: 'interview' as JobStatus });
    expect((await byId()).get('b')?.status).toBe('interview');
    await db.jobs.where('id').startsWith('bulk-1').modify((row) => {
      row.tags = ['batch'];
    });
    await expectInStep();

    await db.jobs.delete('c');
    await db.jobs.bulkDelete(['d', 'bulk-0']);
    expect((await byId()).has('c')).toBe(false);
    await db.jobs.where('id').between('bulk-2', 'bulk-3').delete(); // a primary-key range: one range delete
    await db.jobs.where('company').equals('nobody').delete();
    await expectInStep();
    expect((await cards()).some((card) => card.id.startsWith('bulk-2'))).toBe(false);

    await db.jobs.clear();
    expect(await cards()).toEqual([]);
    await expectInStep();
  });

  it('are written in the same transaction as the job: an aborted write leaves neither', async () => {
    await db.jobs.add(job('a'));
    await expect(
      db.transaction('rw', db.jobs, async () => {
        await db.jobs.put(job('a', { title: 'Changed' }));
        await db.jobs.add(job('new'));
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect((await db.jobs.get('a'))!.title).toBe('Engineer a');
    expect((await byId()).get('a')?.title).toBe('Engineer a');
    expect((await byId()).has('new')).toBe(false);
    await expectInStep();
  });

  it('keep the jobs a failed bulk add did write when the caller goes on, and only those', async () => {
    await db.jobs.add(job('a'));
    await db.transaction('rw', db.jobs, async () => {
      await db.jobs.bulkAdd([job('x'), job('a', { title: 'Duplicate' }), job('y')]).catch(() => undefined);
    });
    expect([...(await byId()).keys()].sort()).toEqual(['a', 'x', 'y']);
    expect((await byId()).get('a')?.title).toBe('Engineer a');
    await expectInStep();
  });

  it('follow the repos: save, move, tag, score, notes (activity), auto-archive and undo, delete with linked items', async () => {
    let now = 1_800_000_000_000;
    const jobs = createJobsRepo(db, () => now);
    const tracker = createTrackerRepo(db, () => now);
    const saved = await jobs.add({ url: 'https://jobs.example.com/1', title: 'Platform Engineer', company: 'Initech' });
    const other = await jobs.add({ url: 'https://jobs.example.com/2', title: 'Data Analyst', company: 'Globex' });
    now += 1000;
    await tracker.move([saved.id], 'applied');
    await tracker.addTag([saved.id, other.id], 'referral');
    await tracker.setScore(other.id, 64);
    now += 1000;
    await tracker.addNote(other.id, 'Called the recruiter');
    const map = await byId();
    expect(map.get(saved.id)).toMatchObject({ status: 'applied', appliedAt: now - 1000, tags: ['referral'] });
    expect(map.get(other.id)).toMatchObject({ score: 64, updatedAt: now });
    await expectInStep();

    now += 90 * 86_400_000;
    const archived = await tracker.autoArchive(60);
    expect(archived.sort()).toEqual([saved.id, other.id].sort());
    expect([...(await byId()).values()].map((c) => c.status)).toEqual(['archived', 'archived']);
    await tracker.undoAutoArchive();
    expect((await byId()).get(saved.id)?.status).toBe('applied');
    await expectInStep();

    await tracker.deleteJobs([saved.id], 'keep');
    expect([...(await byId()).keys()]).toEqual([other.id]);
    await tracker.deleteAll();
    expect(await cards()).toEqual([]);
    await expectInStep();
  });

  it('are rebuilt by a backup import, and are not part of the backup', async () => {
    await db.jobs.bulkPut([job('a', { status: 'offer' }), job('b')]);
    const text = await exportBackup(db);
    expect(text).not.toContain('jobCards');
    await createTrackerRepo(db).deleteAll();
    await applyImport(db, parseBackup(text));
    expect((await byId()).get('a')?.status).toBe('offer');
    await expectInStep();
  });

  it('are built from the stored jobs when an older database is upgraded', async () => {
    const v2 = loadFixtures().find((f) => f.version === 2)!;
    const name = `jobfit-cards-upgrade-${crypto.randomUUID()}`;
    await writeRawDb(name, v2);
    const upgraded = new JobfitDb(name);
    await upgraded.open();
    try {
      expect(await findCardMismatches(upgraded)).toEqual([]);
      const listed = await createTrackerRepo(upgraded).listCards();
      expect(listed.map((card) => card.id).sort()).toEqual(v2.rows.jobs!.map((row) => row.id as string).sort());
    } finally {
      upgraded.close();
    }
  });

  it('notify live queries when a job changes, here or in another connection', async () => {
    await db.jobs.add(job('a'));
    const seen: JobCard[][] = [];
    const subscription = liveQuery(() => createTrackerRepo(db).listCards()).subscribe((value) => seen.push(value));
    try {
      await expect.poll(() => seen.length).toBe(1);
      const second = new JobfitDb(db.name);
      await second.jobs.update('a', { status: 'interview' });
      second.close();
      await expect.poll(() => seen.at(-1)?.[0]?.status).toBe('interview');
    } finally {
      subscription.unsubscribe();
    }
  });

  it('stay in step through a long random mix of writes', async () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const statuses: JobStatus[] = ['saved', 'applied', 'interview', 'rejected'];
    const tracker = createTrackerRepo(db, () => clock);
    for (let step = 0; step < 120; step++) {
      const id = `j${Math.floor(rnd() * 40)}`;
      const roll = rnd();
      const exists = (await db.jobs.get(id)) !== undefined;
      if (!exists || roll < 0.3) await db.jobs.put(job(id, { title: `T${step}`, status: statuses[step % 4]! }));
      else if (roll < 0.5) await tracker.move([id], statuses[Math.floor(rnd() * 4)]!);
      else if (roll < 0.65) await tracker.addTag([id], `t${step % 3}`);
      else if (roll < 0.8) await tracker.addNote(id, `note ${step}`);
      else if (roll < 0.9) await tracker.deleteJobs([id], roll < 0.85 ? 'keep' : 'delete');
      else await db.jobs.where('status').equals('rejected').delete();
      clock += 1000;
    }
    await expectInStep();
    expect(await cards()).toHaveLength(await db.jobs.count());
  });
});
