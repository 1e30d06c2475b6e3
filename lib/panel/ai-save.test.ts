import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handMadeCv, handMadePosting } from '../ai/fixtures/hand-made';
import { readCoverLetter } from '../db/repos/analyses';
import { createCvsRepo } from '../db/repos/cvs';
import { createJobsRepo } from '../db/repos/jobs';
import { JobfitDb } from '../db/schema';
import { AppError } from '../util/errors';
import { saveCoverLetter, saveTailoredCv, tailoredName } from './ai-save';

let db: JobfitDb;
let clock: number;
const now = () => (clock += 1000);

beforeEach(async () => {
  db = new JobfitDb(`jobfit-ai-save-${crypto.randomUUID()}`);
  await db.open();
  clock = 1_700_000_000_000;
});
afterEach(() => db.close());

const master = () => createCvsRepo(db, now).add({ name: 'Main', data: handMadeCv() });

describe('saving a tailored CV', () => {
  it('saves the job first when needed, links the CV to master and job, and moves the job to "CV tailored"', async () => {
    const m = await master();
    const { cv, job } = await saveTailoredCv(db, { posting: handMadePosting, masterId: m.id, cv: handMadeCv() }, now);
    expect(cv).toMatchObject({ parentId: m.id, jobId: job.id, isDefault: 0, name: tailoredName(handMadePosting) });
    expect(job.status).toBe('cv_tailored');
    expect((await db.jobs.toArray()).map((j) => j.url)).toEqual([handMadePosting.url]);
    expect((await createCvsRepo(db).listForJob(job.id)).map((c) => c.id)).toEqual([cv.id]);
    // A later version of the same job's CV gets a number.
    const next = await saveTailoredCv(db, { posting: handMadePosting, masterId: m.id, cv: handMadeCv() }, now);
    expect(next.cv.name).toBe(`${tailoredName(handMadePosting)} (2)`);
  });

  it('keeps a job that is further along where it is', async () => {
    const m = await master();
    const jobs = createJobsRepo(db, now);
    const saved = await jobs.savePosting(handMadePosting);
    if (saved.kind === 'probable') throw new Error('unexpected');
    await jobs.setStatus(saved.job.id, 'applied');
    const { job } = await saveTailoredCv(db, { posting: handMadePosting, masterId: m.id, cv: handMadeCv() }, now);
    expect(job.status).toBe('applied');
    expect(await db.jobs.count()).toBe(1);
  });

  it('writes nothing when the posting probably is a job saved at another URL, or the master is gone', async () => {
    const m = await master();
    await createJobsRepo(db, now).savePosting({ ...handMadePosting, url: 'https://jobs.example.org/other' });
    await expect(saveTailoredCv(db, { posting: handMadePosting, masterId: m.id, cv: handMadeCv() }, now)).rejects.toEqual(new AppError('job_choice_needed'));
    await expect(saveTailoredCv(db, { posting: { ...handMadePosting, title: 'Another role' }, masterId: 'gone', cv: handMadeCv() }, now)).rejects.toEqual(
      new AppError('cv_unreadable'),
    );
    // Neither attempt left a job or a CV behind (the second one's job save was rolled back).
    expect(await db.jobs.count()).toBe(1);
    expect(await db.cvs.count()).toBe(1);
  });
});

describe('saving a cover letter', () => {
  it('keeps one letter per job: saving again replaces its text', async () => {
    const first = await saveCoverLetter(db, { posting: handMadePosting, text: '  First draft.  ', model: 'm/one', runId: 'run-1' }, now);
    const second = await saveCoverLetter(db, { posting: handMadePosting, text: 'Edited letter.' }, now);
    expect(second.row.id).toBe(first.row.id);
    const rows = await db.analyses.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ jobId: first.job.id, kind: 'coverLetter' });
    expect(readCoverLetter(rows[0]!.result)).toMatchObject({ text: 'Edited letter.' });
    expect(readCoverLetter(first.row.result)).toMatchObject({ text: 'First draft.', model: 'm/one', runId: 'run-1' });
    expect(readCoverLetter({ text: 3 })).toBeUndefined();
    await expect(saveCoverLetter(db, { posting: handMadePosting, text: '  ' }, now)).rejects.toEqual(new AppError('letter_empty'));
  });
});

describe('guided answers as facts', () => {
  it('are appended to the CV’s own facts', async () => {
    const m = await master();
    const fact = (id: string) => ({ id, skill: 'Terraform', text: 'Wrote Terraform modules for staging', source: 'user' as const, createdAt: 1 });
    await createCvsRepo(db, now).addFacts(m.id, [fact('a')]);
    await createCvsRepo(db, now).addFacts(m.id, [fact('b')]);
    expect(((await db.cvs.get(m.id))?.facts as { id: string }[]).map((f) => f.id)).toEqual(['a', 'b']);
    await expect(createCvsRepo(db, now).addFacts('gone', [fact('c')])).rejects.toThrow(/not found/);
  });
});
