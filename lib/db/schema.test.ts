import { afterEach, describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, derivedTableNames, JobfitDb, tableNames, type JobRow } from './schema';

const opened: JobfitDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function freshDb(): Promise<JobfitDb> {
  const db = new JobfitDb(`jobfit-schema-${crypto.randomUUID()}`);
  opened.push(db);
  await db.open();
  return db;
}

function job(id: string, over: Partial<JobRow> = {}): JobRow {
  return {
    id,
    url: `https://jobs.example.com/${id}`,
    title: `Job ${id}`,
    company: 'Acme',
    status: 'saved',
    tags: [],
    createdAt: 1,
    updatedAt: 1,
    history: [{ at: 1, to: 'saved' }],
    ...over,
  };
}

describe('JobfitDb schema', () => {
  it('defaults to the jobfit database name', () => {
    const db = new JobfitDb();
    expect(db.name).toBe(DB_NAME);
    expect(db.verno).toBe(DB_VERSION);
  });

  it('creates every table in tableNames and derivedTableNames, and only those', async () => {
    const db = await freshDb();
    const all = [...tableNames, ...derivedTableNames].sort();
    expect(db.tables.map((t) => t.name).sort()).toEqual(all);
    expect([...db.backendDB().objectStoreNames].sort()).toEqual(all);
  });

  it('declares the current version as native version DB_VERSION * 10', async () => {
    const db = await freshDb();
    expect(db.verno).toBe(DB_VERSION);
    expect(db.backendDB().version).toBe(DB_VERSION * 10);
  });

  it('uses inbound keys (id / key; the job cards their bucket number), never auto-increment', async () => {
    const db = await freshDb();
    for (const table of db.tables) {
      expect(table.schema.primKey.auto, table.name).toBe(false);
      const key = table.name === 'llmCache' || table.name === 'settings' ? 'key' : table.name === 'jobCards' ? 'bucket' : 'id';
      expect(table.schema.primKey.keyPath, table.name).toBe(key);
    }
  });

  it('indexes jobs by url, status and each tag', async () => {
    const db = await freshDb();
    await db.jobs.bulkAdd([
      job('a', { tags: ['remote', 'react'], status: 'applied' }),
      job('b', { tags: ['remote'] }),
      job('c', { url: 'https://jobs.example.com/a' }),
    ]);
    expect(await db.jobs.where('tags').equals('remote').primaryKeys()).toEqual(['a', 'b']);
    expect(await db.jobs.where('tags').equals('react').primaryKeys()).toEqual(['a']);
    expect(await db.jobs.where('status').equals('applied').primaryKeys()).toEqual(['a']);
    expect(await db.jobs.where('url').equals('https://jobs.example.com/a').primaryKeys()).toEqual(['a', 'c']);
  });

  it('finds analyses by the [jobId+kind] compound index', async () => {
    const db = await freshDb();
    await db.analyses.bulkAdd([
      { id: '1', jobId: 'j1', kind: 'match', result: {}, createdAt: 1 },
      { id: '2', jobId: 'j1', kind: 'coverLetter', result: {}, createdAt: 2 },
      { id: '3', jobId: 'j2', kind: 'match', result: {}, createdAt: 3 },
    ]);
    expect(await db.analyses.where('[jobId+kind]').equals(['j1', 'match']).primaryKeys()).toEqual(['1']);
  });

  it('finds the default CV through its 0/1 index', async () => {
    const db = await freshDb();
    await db.cvs.bulkAdd([
      { id: 'm', name: 'Master', isDefault: 1, data: {}, createdAt: 1, updatedAt: 1 },
      { id: 't', name: 'Tailored', parentId: 'm', jobId: 'j', isDefault: 0, data: {}, createdAt: 2, updatedAt: 2 },
    ]);
    expect(await db.cvs.where('isDefault').equals(1).primaryKeys()).toEqual(['m']);
    expect(await db.cvs.where('parentId').equals('m').primaryKeys()).toEqual(['t']);
  });
});
