import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFixtures } from '../fixtures/harness';
import { JobfitDb, tableNames, type JobRow } from '../schema';
import { createJobsRepo } from './jobs';
import { findCardMismatches, findDanglingReferences, references } from './integrity';
import { createTrackerRepo, type TrackerRepo } from './tracker';

let db: JobfitDb;
let clock: number;
let repo: TrackerRepo;
const tick = (ms = 1000) => (clock += ms);

/** The newest fixture's rows: a job with a tailored CV, a cover letter, a run with usage, a note and a task. */
async function seed(): Promise<void> {
  const newest = loadFixtures().at(-1)!;
  for (const [table, rows] of Object.entries(newest.rows)) await db.table(table).bulkPut(rows);
}

beforeEach(async () => {
  db = new JobfitDb(`jobfit-tracker-${crypto.randomUUID()}`);
  await db.open();
  clock = 1_800_000_000_000;
  repo = createTrackerRepo(db, () => clock);
});

afterEach(() => db.close());

async function addJob(title: string): Promise<JobRow> {
  return createJobsRepo(db, () => clock).add({ url: `https://jobs.example.com/${title}`, title, company: 'Acme' });
}

describe('tracker repo: status moves', () => {
  it('timestamps every change in history and sets appliedAt once, on the first Applied', async () => {
    const job = await addJob('a');
    tick();
    await repo.move([job.id], 'applied');
    const appliedAt = clock;
    tick();
    await repo.move([job.id], 'interview');
    tick();
    await repo.move([job.id], 'applied');
    const stored = (await db.jobs.get(job.id))!;
    expect(stored.appliedAt).toBe(appliedAt);
    expect(stored.updatedAt).toBe(clock);
    expect(stored.history).toEqual([
      { at: job.createdAt, to: 'saved' },
      { at: appliedAt, from: 'saved', to: 'applied' },
      { at: appliedAt + 1000, from: 'applied', to: 'interview' },
      { at: clock, from: 'interview', to: 'applied' },
    ]);
  });

  it('allows an unusual move and reports it; a usual one is not reported', async () => {
    const a = await addJob('a');
    const b = await addJob('b');
    await repo.move([a.id], 'offer');
    const result = await repo.move([a.id, b.id], 'saved');
    expect(result.unusual).toEqual([a.id]);
    expect((await db.jobs.get(a.id))!.status).toBe('saved');
    expect((await repo.move([b.id], 'interested')).unusual).toEqual([]);
  });

  it('moving to the same status writes no history entry', async () => {
    const job = await addJob('a');
    await repo.move([job.id], 'saved');
    expect((await db.jobs.get(job.id))!.history).toHaveLength(1);
  });

  it('a batch with a missing job changes nothing', async () => {
    const job = await addJob('a');
    await expect(repo.move([job.id, 'nope'], 'applied')).rejects.toThrow(/nope/);
    expect((await db.jobs.get(job.id))!.status).toBe('saved');
  });
});

describe('tracker repo: tags, notes, tasks', () => {
  it('adds a tag once to many jobs and removes it', async () => {
    const a = await addJob('a');
    const b = await addJob('b');
    await repo.addTag([a.id], 'remote');
    await repo.addTag([a.id, b.id], ' remote ');
    expect((await db.jobs.where('tags').equals('remote').primaryKeys()).sort()).toEqual([a.id, b.id].sort());
    expect((await db.jobs.get(a.id))!.tags).toEqual(['remote']);
    await repo.removeTag([a.id, b.id], 'remote');
    expect(await db.jobs.where('tags').equals('remote').count()).toBe(0);
  });

  it('notes are timestamped and editable, and count as activity on the job', async () => {
    const job = await addJob('a');
    tick();
    const note = await repo.addNote(job.id, '  Recruiter: Sam  ');
    expect(note).toMatchObject({ jobId: job.id, text: 'Recruiter: Sam', createdAt: clock, updatedAt: clock });
    tick();
    await repo.editNote(note.id, 'Recruiter: Sam (Berlin)');
    expect(await repo.listNotes(job.id)).toEqual([{ ...note, text: 'Recruiter: Sam (Berlin)', updatedAt: clock }]);
    expect((await db.jobs.get(job.id))!.updatedAt).toBe(clock);
    await expect(repo.addNote(job.id, '   ')).rejects.toThrow(/empty/);
    await repo.removeNote(note.id);
    expect(await repo.listNotes(job.id)).toEqual([]);
  });

  it('tasks have due dates; open tasks across jobs come soonest first, undated last, done ones never', async () => {
    const job = await addJob('a');
    const late = await repo.addTask({ jobId: job.id, title: 'Follow up', dueAt: clock + 7 * 86_400_000 });
    tick();
    const soon = await repo.addTask({ title: 'Update portfolio', dueAt: clock + 3_600_000 });
    tick();
    const undated = await repo.addTask({ jobId: job.id, title: 'Ask for salary range' });
    tick();
    const done = await repo.addTask({ jobId: job.id, title: 'Send CV', dueAt: clock });
    await repo.setTaskDone(done.id, true);
    expect((await repo.listOpenTasks()).map((t) => t.id)).toEqual([soon.id, late.id, undated.id]);
    expect((await repo.listTasks(job.id)).map((t) => t.title)).toEqual(['Follow up', 'Ask for salary range', 'Send CV']);
    await expect(repo.addTask({ jobId: 'missing', title: 'x' })).rejects.toThrow(/missing/);
  });
});

describe('tracker repo: delete with linked CVs and cover letters', () => {
  it('every table is known to the integrity walk', () => {
    expect(Object.keys(references).sort()).toEqual([...tableNames].sort());
  });

  it('the fixture has no dangling references to start with', async () => {
    await seed();
    expect(await findDanglingReferences(db)).toEqual([]);
    expect(await findCardMismatches(db)).toEqual([]);
  });

  it('lists what was made for a job: tailored CVs and analyses', async () => {
    await seed();
    expect(await repo.linkedTo('job-1')).toEqual({
      cvs: [{ id: 'cv-tailored-1', name: 'Master CV — Acme Corp' }],
      analyses: [
        { id: 'an-1', kind: 'match', createdAt: 1700000100000 },
        { id: 'an-2', kind: 'coverLetter', createdAt: 1700000200000 },
      ],
    });
    expect(await repo.linkedTo('job-2')).toEqual({ cvs: [], analyses: [] });
  });

  it('"delete" removes the job with its notes, tasks, analyses, runs, tailored CVs and cover letters', async () => {
    await seed();
    expect(await repo.linkedCounts(['job-1'])).toEqual({ tailoredCvs: 1, coverLetters: 1 });
    const { deletedTaskIds } = await repo.deleteJobs(['job-1'], 'delete');
    expect(deletedTaskIds).toEqual(['task-1']);
    expect(await db.jobs.get('job-1')).toBeUndefined();
    expect(await db.cvs.get('cv-tailored-1')).toBeUndefined();
    expect(await db.cvs.get('cv-master')).toBeDefined();
    expect(await db.analyses.count()).toBe(0);
    expect(await db.notes.count()).toBe(0);
    expect((await db.tasks.toArray()).map((t) => t.id)).toEqual(['task-2']);
    expect((await db.runs.toArray()).map((r) => r.id)).toEqual(['run-2']);
    // Spending history stays, without the deleted run.
    expect(await db.llmUsage.get('use-1')).not.toHaveProperty('runId');
    expect(await db.jobs.get('job-2')).toBeDefined();
    expect(await findDanglingReferences(db)).toEqual([]);
    expect(await findCardMismatches(db)).toEqual([]);
  });

  it('"keep" keeps the tailored CV and the cover letter standalone', async () => {
    await seed();
    await repo.deleteJobs(['job-1'], 'keep');
    const cv = await db.cvs.get('cv-tailored-1');
    expect(cv).toMatchObject({ parentId: 'cv-master', name: 'Master CV — Acme Corp' });
    expect(cv).not.toHaveProperty('jobId');
    const letter = await db.analyses.get('an-2');
    expect(letter).toMatchObject({ kind: 'coverLetter', fromJob: { title: 'Senior Frontend Engineer', company: 'Acme Corp' } });
    expect(letter).not.toHaveProperty('jobId');
    expect(await db.analyses.get('an-1')).toBeUndefined();
    expect(await findDanglingReferences(db)).toEqual([]);
    expect(await findCardMismatches(db)).toEqual([]);
  });

  it('detaches what pointed at a deleted tailored CV', async () => {
    await seed();
    await db.cvs.put({ id: 'cv-child', name: 'From tailored', parentId: 'cv-tailored-1', isDefault: 0, data: {}, createdAt: 1, updatedAt: 1 });
    await db.analyses.put({ id: 'an-3', jobId: 'job-2', cvId: 'cv-tailored-1', kind: 'match', result: {}, createdAt: 1 });
    await repo.deleteJobs(['job-1'], 'delete');
    expect(await db.cvs.get('cv-child')).not.toHaveProperty('parentId');
    expect(await db.analyses.get('an-3')).not.toHaveProperty('cvId');
    expect(await findDanglingReferences(db)).toEqual([]);
    expect(await findCardMismatches(db)).toEqual([]);
  });

  it('the integrity walk does find a dangling reference', async () => {
    await seed();
    await db.jobs.delete('job-1');
    const dangling = await findDanglingReferences(db);
    expect(dangling).toEqual(
      expect.arrayContaining([
        { table: 'notes', id: 'note-1', field: 'jobId', missing: 'job-1' },
        { table: 'cvs', id: 'cv-tailored-1', field: 'jobId', missing: 'job-1' },
      ]),
    );
  });

  it('delete all empties every table in one go', async () => {
    await seed();
    await repo.deleteAll();
    for (const name of tableNames) expect(await db.table(name).count(), name).toBe(0);
  });
});
