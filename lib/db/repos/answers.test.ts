import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobfitDb, type JobRow } from '../schema';
import { createAnswersRepo } from './answers';
import { applicationNote, createApplicationsRepo } from './applications';

let db: JobfitDb;
let clock: number;

beforeEach(async () => {
  db = new JobfitDb(`jobfit-answers-${crypto.randomUUID()}`);
  await db.open();
  clock = 1_700_000_000_000;
});

afterEach(() => db.close());

describe('answers repo', () => {
  it('keys answers by the normalised question, replaces on a second save and deletes on an empty one', async () => {
    const repo = createAnswersRepo(db, () => (clock += 1000));
    await repo.save('Are you authorized to work in the EU? *', 'Yes');
    await repo.save('are you authorized to work in the EU', 'Yes, EU citizen');
    expect(await repo.list()).toEqual([expect.objectContaining({ question: 'are you authorized to work in the eu', answer: 'Yes, EU citizen' })]);
    expect((await repo.get('Are you authorized to work in the EU? (required)'))?.answer).toBe('Yes, EU citizen');
    await repo.save('Are you authorized to work in the EU?', '  ');
    expect(await repo.list()).toEqual([]);
  });
});

describe('applications repo', () => {
  const job: JobRow = { id: 'j1', url: 'https://x.test/1', title: 'Engineer', company: 'Acme', status: 'cv_tailored', tags: [], createdAt: 1, updatedAt: 1, history: [{ at: 1, to: 'saved' }] };

  it('moves the job to Applied with a history entry and keeps the record as a note, in one write', async () => {
    await db.jobs.add(job);
    const repo = createApplicationsRepo(db, () => clock);
    const record = { cvFile: 'Ana-Garcia-Acme-Engineer.pdf', filled: [{ label: 'Email', value: 'ana@example.com' }] };
    const text = applicationNote(record, { title: 'Applied', cv: 'CV', coverLetter: 'Cover letter', filled: 'Filled' });
    await repo.markApplied('j1', text, record);
    const saved = await db.jobs.get('j1');
    expect(saved).toMatchObject({ status: 'applied', appliedAt: clock, history: [{ at: 1, to: 'saved' }, { at: clock, from: 'cv_tailored', to: 'applied' }] });
    const [note] = await db.notes.toArray();
    expect(note!.text).toBe('Applied\nCV: Ana-Garcia-Acme-Engineer.pdf\nFilled:\n- Email: ana@example.com');
    // The record itself goes with the note, for the job drawer to list.
    expect(note!.application).toEqual(record);
  });

  it('writes nothing for a job that is gone', async () => {
    await expect(createApplicationsRepo(db).markApplied('missing', 'x')).rejects.toThrow();
    expect(await db.notes.count()).toBe(0);
  });
});
