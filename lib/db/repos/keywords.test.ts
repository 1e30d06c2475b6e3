import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCvText } from '../../cv/import/index';
import { AppError } from '../../util/errors';
import { JobfitDb } from '../schema';
import { createCvsRepo } from './cvs';
import { createKeywordsRepo, type KeywordsRepo } from './keywords';

let db: JobfitDb;
let repo: KeywordsRepo;
let cvId: string;
let goLine: string;
const job = 'https://jobs.example.com/backend-1';

beforeEach(async () => {
  db = new JobfitDb(`jobfit-keywords-${crypto.randomUUID()}`);
  await db.open();
  let clock = 1_700_000_000_000;
  const cv = importCvText('Sam Lee\nsam@example.com\n\nEXPERIENCE\nBackend Engineer, Acme, 2020 – 2024\nServices in Go and PostgreSQL\n', { fileName: 'sam.txt' });
  goLine = cv.source.lines.find((l) => l.text.includes('Go'))!.id;
  cvId = (await createCvsRepo(db).add({ name: 'Sam', data: cv })).id;
  repo = createKeywordsRepo(db, () => (clock += 1000));
});

afterEach(() => db.close());

const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof AppError ? e.code : String(e)));

describe('keywords repo', () => {
  it('confirms a keyword the CV shows with its line, per job', async () => {
    await repo.confirm(cvId, job, 'Go', { lineId: goLine });
    expect(await repo.confirmed(cvId, job)).toEqual([{ keyword: 'Go', evidence: { kind: 'cv', lineId: goLine, text: 'Services in Go and PostgreSQL' } }]);
    expect(await repo.confirmed(cvId, 'https://jobs.example.com/other')).toEqual([]);
  });

  it('refuses to confirm without proof: a line that is not in the CV, or no fact', async () => {
    expect(await code(repo.confirm(cvId, job, 'Kafka', { lineId: 'L999' }))).toBe('fact_required');
    expect(await code(repo.confirm(cvId, job, 'Kafka', { fact: '  Kafka ' }))).toBe('fact_required');
    expect(await code(repo.confirm(cvId, job, 'Kafka', { fact: 'x'.repeat(300) }))).toBe('fact_too_long');
    expect(await code(repo.confirm(cvId, job, 'Kafka', { factId: 'nope' }))).toBe('fact_required');
    expect(await repo.confirmed(cvId, job)).toEqual([]);
    expect(await repo.facts(cvId)).toEqual([]);
  });

  it('stores the fact with the CV as user-provided, in the same write as the confirmation', async () => {
    await repo.confirm(cvId, job, 'Kafka', { fact: ' Ran Kafka clusters at Initech for 2 years ' });
    const [fact] = await repo.facts(cvId);
    expect(fact).toMatchObject({ skill: 'Kafka', text: 'Ran Kafka clusters at Initech for 2 years', source: 'user' });
    expect(await repo.confirmed(cvId, job)).toEqual([{ keyword: 'Kafka', evidence: { kind: 'fact', factId: fact!.id, text: fact!.text } }]);
    // The fact is the CV's: another job can confirm Kafka with it.
    await repo.confirm(cvId, 'https://jobs.example.com/2', 'Kafka', { factId: fact!.id });
    expect(await repo.confirmed(cvId, 'https://jobs.example.com/2')).toHaveLength(1);
    // The CV itself is untouched.
    const row = await db.cvs.get(cvId);
    expect((row!.data as { source: { lines: unknown[] } }).source.lines).toHaveLength(5);
  });

  it('a failed write leaves nothing half-saved', async () => {
    await repo.add(cvId, job, 'Rust');
    db.cvs.hook('updating').subscribe(() => {
      throw new Error('disk full');
    });
    await expect(repo.confirm(cvId, job, 'Rust', { fact: 'Wrote Rust tools for our CI at Acme' })).rejects.toThrow();
    const fresh = createKeywordsRepo(db);
    expect(await fresh.facts(cvId)).toEqual([]);
    expect((await fresh.choices(cvId, job)).confirmed).toEqual([]);
  });

  it('removes, restores and adds keywords; removing a confirmed one unconfirms it', async () => {
    await repo.confirm(cvId, job, 'Go', { lineId: goLine });
    await repo.remove(cvId, job, 'go');
    expect(await repo.choices(cvId, job)).toEqual({ confirmed: [], removed: ['go'], added: [] });
    expect(await repo.confirmed(cvId, job)).toEqual([]);
    await repo.restore(cvId, job, 'Go');
    await repo.add(cvId, job, '  Salesforce CPQ ');
    await repo.add(cvId, job, 'salesforce cpq');
    expect(await repo.choices(cvId, job)).toEqual({ confirmed: [], removed: [], added: ['Salesforce CPQ'] });
    // The user's own keyword goes away when removed, instead of piling up as removed.
    await repo.remove(cvId, job, 'Salesforce CPQ');
    expect(await repo.choices(cvId, job)).toEqual({ confirmed: [], removed: [], added: [] });
    expect(await code(repo.add(cvId, job, '   '))).toBe('keyword_invalid');
    expect(await code(repo.add(cvId, job, 'k'.repeat(61)))).toBe('keyword_invalid');
  });
});
