import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../util/errors';
import { loadFixtures, nativeVersion, writeRawDb } from './fixtures/harness';
import { getDb, openDb, resetDbForTests } from './open';
import { DB_NAME, DB_VERSION, JobfitDb } from './schema';

const newest = loadFixtures().at(-1)!;
const opened: JobfitDb[] = [];

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  resetDbForTests();
});

function track(db: JobfitDb): JobfitDb {
  opened.push(db);
  return db;
}

const name = () => `jobfit-open-${crypto.randomUUID()}`;

describe('openDb', () => {
  it('opens a fresh database at the current version', async () => {
    const db = track(new JobfitDb(name()));
    await expect(openDb(db)).resolves.toBe(db);
    expect(db.isOpen()).toBe(true);
    expect(db.backendDB().version).toBe(DB_VERSION * 10);
  });

  it.each([
    ['far newer (native 990)', 990],
    ['one version newer', (DB_VERSION + 1) * 10],
  ])('throws db_newer for a stored database that is %s, and closes it', async (_label, native) => {
    const dbName = name();
    await writeRawDb(dbName, newest, native);
    const db = track(new JobfitDb(dbName));
    const error = await openDb(db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('db_newer');
    expect(db.isOpen()).toBe(false);
    // The newer database is left as it was.
    expect(await nativeVersion(dbName)).toBe(native);
  });

  it('accepts a database that Dexie only patched within the current version (native +1)', async () => {
    const dbName = name();
    await writeRawDb(dbName, newest, DB_VERSION * 10 + 1);
    const db = track(new JobfitDb(dbName));
    await expect(openDb(db)).resolves.toBe(db);
  });

  it('passes other open failures through unchanged', async () => {
    const db = track(new JobfitDb(name()));
    const failure = new Error('disk on fire');
    db.on('ready', () => {
      throw failure;
    });
    await expect(openDb(db)).rejects.toBe(failure);
  });
});

describe('getDb / resetDbForTests', () => {
  it('shares one connection per context', () => {
    const db = getDb();
    track(db);
    expect(getDb()).toBe(db);
    expect(db.name).toBe(DB_NAME);
  });

  it('lets tests substitute and forget the shared connection', () => {
    const substitute = track(new JobfitDb(name()));
    resetDbForTests(substitute);
    expect(getDb()).toBe(substitute);
    resetDbForTests();
    expect(getDb()).not.toBe(substitute);
    track(getDb());
  });
});
