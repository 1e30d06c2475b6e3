import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BACKUP_ROWS, parseBackup } from '../../tracker/backup-file';
import { SecretsDb } from '../../llm/secrets-db';
import { AppError } from '../../util/errors';
import { loadFixtures, type DbFixture } from '../fixtures/harness';
import { DB_VERSION, JobfitDb, tableNames } from '../schema';
import { applyImport, exportBackup, previewImport } from './backup';
import { findCardMismatches } from './integrity';
import { createTrackerRepo } from './tracker';

const fixtures = loadFixtures();
const newest = fixtures.at(-1)!;
const opened: Dexie[] = [];

async function freshDb(): Promise<JobfitDb> {
  const db = new JobfitDb(`jobfit-backup-${crypto.randomUUID()}`);
  opened.push(db);
  await db.open();
  return db;
}

async function seed(db: JobfitDb, fixture: DbFixture = newest): Promise<void> {
  for (const [table, rows] of Object.entries(fixture.rows)) await db.table(table).bulkPut(rows);
}

/** A backup file written by Jobfit at the fixture's schema version (its user tables: derived ones are never in a backup). */
function fileFrom(fixture: DbFixture, version = fixture.version): string {
  const rows = Object.entries(fixture.rows).filter(([name]) => (tableNames as readonly string[]).includes(name));
  return JSON.stringify({
    formatName: 'dexie',
    formatVersion: 1,
    data: {
      databaseName: 'jobfit',
      databaseVersion: version,
      tables: rows.map(([name, rows]) => ({ name, schema: fixture.stores[name], rowCount: rows.length })),
      data: rows.map(([tableName, rows]) => ({ tableName, inbound: true, rows })),
    },
  });
}

async function snapshot(db: JobfitDb): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(await Promise.all(tableNames.map(async (name) => [name, await db.table(name).toArray()] as const)));
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
  }
  return undefined;
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

describe('export', () => {
  let db: JobfitDb;
  beforeEach(async () => {
    db = await freshDb();
    await seed(db);
  });

  it('writes every table with its rows and the current schema version', async () => {
    const file = JSON.parse(await exportBackup(db)) as { formatName: string; data: { databaseVersion: number; data: { tableName: string; rows: unknown[] }[] } };
    expect(file.formatName).toBe('dexie');
    expect(file.data.databaseVersion).toBe(DB_VERSION);
    expect(file.data.data.map((t) => t.tableName)).toEqual([...tableNames]);
    for (const table of file.data.data) expect(table.rows, table.tableName).toHaveLength(newest.rows[table.tableName]!.length);
  });

  it('never contains the API key, which lives in its own database', async () => {
    const secrets = new SecretsDb(`jobfit-secrets-${crypto.randomUUID()}`);
    opened.push(secrets);
    const key = 'sk-or-v1-0123456789abcdef0123456789abcdef';
    await secrets.secrets.put({ name: 'openrouterKey', value: key, updatedAt: 1 });
    const text = await exportBackup(db);
    expect(text).not.toContain(key);
    expect(text).not.toContain('0123456789abcdef');
    expect(text).not.toContain('openrouterKey');
  });

  it('export → delete all → import → export is identical', async () => {
    const first = await exportBackup(db);
    await createTrackerRepo(db).deleteAll();
    await applyImport(db, parseBackup(first));
    expect(await exportBackup(db)).toBe(first);
  });

  it('round-trips into another, empty database', async () => {
    const other = await freshDb();
    const first = await exportBackup(db);
    await applyImport(other, parseBackup(first));
    expect(await snapshot(other)).toEqual(await snapshot(db));
  });
});

describe('import preview and merge by id', () => {
  it('counts rows per table and the conflicts, without writing', async () => {
    const db = await freshDb();
    await seed(db);
    const text = await exportBackup(db);
    // Local changes after the backup: one newer (kept), one older than the file (replaced), one new row.
    await db.jobs.update('job-1', { title: 'Edited after the backup', updatedAt: 1_900_000_000_000 });
    await db.notes.update('note-1', { text: 'older edit', updatedAt: 1 });
    await db.tasks.delete('task-2');
    const before = await snapshot(db);

    const preview = await previewImport(db, parseBackup(text));
    expect(preview.version).toBe(DB_VERSION);
    expect(preview.tables.jobs).toEqual({ inFile: 2, added: 0, replaced: 0, kept: 1, unchanged: 1 });
    expect(preview.tables.notes).toEqual({ inFile: 1, added: 0, replaced: 1, kept: 0, unchanged: 0 });
    expect(preview.tables.tasks).toEqual({ inFile: 2, added: 1, replaced: 0, kept: 0, unchanged: 1 });
    expect(preview.conflicts).toBe(2);
    expect(await snapshot(db)).toEqual(before);

    await applyImport(db, parseBackup(text));
    expect((await db.jobs.get('job-1'))!.title).toBe('Edited after the backup');
    expect((await db.notes.get('note-1'))!.text).toBe('Recruiter: Sam');
    expect(await db.tasks.get('task-2')).toBeDefined();
  });

  it.each(fixtures.map((f) => [f.version, f] as const))('imports a backup written at schema version %i', async (_v, fixture) => {
    const db = await freshDb();
    const backup = parseBackup(fileFrom(fixture));
    expect(backup.version).toBe(fixture.version);
    await applyImport(db, backup);
    for (const [table, rows] of Object.entries(fixture.rows)) {
      if ((tableNames as readonly string[]).includes(table)) expect(await db.table(table).toArray(), table).toEqual(expect.arrayContaining(rows));
    }
    expect(await findCardMismatches(db)).toEqual([]);
    // Imported rows are reachable through the current version's indexes.
    expect(await db.jobs.where('[status+updatedAt]').between(['applied', 0], ['applied', Infinity]).primaryKeys()).toEqual(['job-1']);
  });
});

describe('bad files are refused with a code, before anything is written', () => {
  const good = fileFrom(newest);
  const withRows = (table: string, rows: unknown[]) => {
    const file = JSON.parse(good) as { data: { data: { tableName: string; rows: unknown[] }[] } };
    file.data.data.find((t) => t.tableName === table)!.rows = rows;
    return JSON.stringify(file);
  };
  const job = newest.rows.jobs![0]!;

  it.each([
    ['truncated', good.slice(0, good.length / 2), 'import_unreadable'],
    ['empty', '', 'import_unreadable'],
    ['not a backup', JSON.stringify({ jobs: [] }), 'import_not_backup'],
    ['a newer schema', fileFrom(newest, DB_VERSION + 1), 'import_newer'],
    ['duplicate ids', withRows('jobs', [job, { ...job, title: 'twin' }]), 'import_duplicate_ids'],
    ['a wrong type', withRows('jobs', [{ ...job, createdAt: 'yesterday' }]), 'import_invalid'],
    ['an unknown status', withRows('jobs', [{ ...job, status: 'hired' }]), 'import_invalid'],
    ['a row that is not an object', withRows('notes', ['hello']), 'import_invalid'],
    [
      'an application record the job drawer cannot list',
      withRows('notes', [{ id: 'n9', jobId: job.id, text: 'Application sent', createdAt: 1, updatedAt: 1, application: { filled: 'Email: x' } }]),
      'import_invalid',
    ],
    ['typed values it cannot restore', withRows('settings', [{ key: 'k', value: 0, $types: { value: 'date' } }]), 'import_invalid'],
    ['an unknown table', good.replace('"tableName":"answers"', '"tableName":"secrets"'), 'import_invalid'],
    ['a __proto__ key', good.replace('"title":"Senior Frontend Engineer"', '"title":"x","__proto__":{"polluted":true}'), 'import_unsafe'],
    ['a constructor key', withRows('settings', [{ key: 'k', value: { constructor: { prototype: {} } } }]), 'import_unsafe'],
  ])('%s', async (_label, text, code) => {
    const db = await freshDb();
    await seed(db);
    const before = await snapshot(db);
    expect(codeOf(() => parseBackup(text))).toBe(code);
    expect(await snapshot(db)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('more rows than a backup can hold (100,000)', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ key: `k${i}` }));
    expect(MAX_BACKUP_ROWS).toBeLessThan(100_000);
    expect(codeOf(() => parseBackup(withRows('settings', rows)))).toBe('import_too_large');
  });
});

describe('a full disk refuses the write and leaves nothing half-written', () => {
  /** Fails every write to `notes`, the way IndexedDB does when the origin is over its quota. */
  function failNotes(db: JobfitDb, error: () => Error): void {
    db.use({
      stack: 'dbcore',
      name: 'quota',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return name === 'notes' ? { ...table, mutate: () => Promise.reject(error()) } : table;
        },
      }),
    });
  }

  it.each([
    ['QuotaExceededError', () => new DOMException('quota', 'QuotaExceededError')],
    ['AbortError wrapping it', () => Object.assign(new Error('aborted'), { name: 'AbortError', inner: new DOMException('quota', 'QuotaExceededError') })],
  ])('%s → storage_full, no table changed', async (_label, error) => {
    const source = await freshDb();
    await seed(source);
    const text = await exportBackup(source);
    const db = new JobfitDb(`jobfit-backup-${crypto.randomUUID()}`);
    opened.push(db);
    failNotes(db, error);
    await db.open();
    await expect(applyImport(db, parseBackup(text))).rejects.toMatchObject({ code: 'storage_full' });
    for (const name of tableNames) expect(await db.table(name).count(), name).toBe(0);
  });
});
