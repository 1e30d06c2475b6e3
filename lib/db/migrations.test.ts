import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadFixtures, nativeVersion, writeRawDb, type DbFixture } from './fixtures/harness';
import { findCardMismatches } from './repos/integrity';
import { DB_VERSION, derivedTableNames, JobfitDb, tableNames } from './schema';

/**
 * One row per fixture: a database left behind by Jobfit at schema version n must open with the current
 * code, end at DB_VERSION, and keep its data. When a version's `.upgrade()` reshapes rows, add the
 * expected result for the fixtures it affects here instead of weakening the default check.
 */
const expectAfterUpgrade: Partial<Record<number, (db: JobfitDb, fixture: DbFixture) => Promise<void>>> = {};

const fixtures = loadFixtures();
const opened: JobfitDb[] = [];
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  warn = vi.spyOn(console, 'warn');
});

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function uniqueName(label: string): string {
  return `jobfit-migration-${label}-${crypto.randomUUID()}`;
}

describe('fixtures', () => {
  it('there is one fixture per schema version, 1..DB_VERSION', () => {
    expect(fixtures.map((f) => f.version)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  it.each(fixtures.map((f) => [f.version, f] as const))('v%i has rows for every table it declares', (_v, fixture) => {
    for (const table of Object.keys(fixture.stores)) {
      expect(fixture.rows[table], table).toBeDefined();
      expect(fixture.rows[table]!.length, table).toBeGreaterThan(0);
    }
  });

  it('the newest fixture declares exactly the current schema', async () => {
    const newest = fixtures.at(-1)!;
    const db = new JobfitDb(uniqueName('schema'));
    opened.push(db);
    await db.open();
    const declared = Object.fromEntries(
      db.tables.map((table) => [table.name, [table.schema.primKey.src, ...table.schema.indexes.map((i) => i.src)].join(', ')]),
    );
    expect(declared).toEqual(newest.stores);
  });
});

describe.each(fixtures.map((f) => [f.version, f] as const))('upgrade from v%i', (version, fixture) => {
  it(`opens at DB_VERSION (native ${DB_VERSION * 10}) with every row intact`, async () => {
    const name = uniqueName(`v${version}`);
    await writeRawDb(name, fixture);
    expect(await nativeVersion(name)).toBe(version * 10);

    const db = new JobfitDb(name);
    opened.push(db);
    await db.open();

    expect(db.verno).toBe(DB_VERSION);
    expect(db.backendDB().version).toBe(DB_VERSION * 10);
    expect(db.tables.map((t) => t.name).sort()).toEqual([...tableNames, ...derivedTableNames].sort());
    // The job cards are built from (or were stored with) the jobs: one per job, equal to what the job gives.
    expect(await findCardMismatches(db)).toEqual([]);
    // Dexie warns and patches the schema when what is installed does not match what the code declares.
    expect(warn).not.toHaveBeenCalled();

    const custom = expectAfterUpgrade[version];
    if (custom) {
      await custom(db, fixture);
      return;
    }
    for (const [table, rows] of Object.entries(fixture.rows)) {
      const stored = await db.table(table).toArray();
      expect(stored, table).toHaveLength(rows.length);
      expect(stored, table).toEqual(expect.arrayContaining(rows));
    }
  });

  it('keeps the indexes usable after the upgrade', async () => {
    const name = uniqueName(`v${version}-idx`);
    await writeRawDb(name, fixture);
    const db = new JobfitDb(name);
    opened.push(db);
    await db.open();

    const job = fixture.rows.jobs?.[0] as { id: string; url: string; tags: string[] } | undefined;
    if (job) {
      expect((await db.jobs.where('url').equals(job.url).first())?.id).toBe(job.id);
      for (const tag of job.tags) expect((await db.jobs.where('tags').equals(tag).primaryKeys()).includes(job.id)).toBe(true);
    }
    const analysis = fixture.rows.analyses?.[0] as { id: string; jobId: string; kind: string } | undefined;
    if (analysis) {
      const found = await db.analyses.where('[jobId+kind]').equals([analysis.jobId, analysis.kind]).primaryKeys();
      expect(found).toContain(analysis.id);
    }
    // And the upgraded database accepts new rows.
    await db.tasks.add({ id: 'after-upgrade', title: 'new', done: 0, createdAt: 1 });
    expect(await db.tasks.get('after-upgrade')).toMatchObject({ title: 'new' });
  });
});
