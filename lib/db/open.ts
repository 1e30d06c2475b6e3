import { Dexie } from 'dexie';
import { AppError } from '../util/errors';
import { JobfitDb } from './schema';

let shared: JobfitDb | undefined;

/** The one connection per context. */
export function getDb(): JobfitDb {
  shared ??= new JobfitDb();
  return shared;
}

/** For tests: forget the shared connection. */
export function resetDbForTests(db?: JobfitDb): void {
  shared?.close();
  shared = db;
}

/**
 * Opens the database and turns "the stored database is newer than this code" into a coded error,
 * so a stale panel shows "Jobfit was updated — reopen" instead of failing.
 */
export async function openDb(db: JobfitDb = getDb()): Promise<JobfitDb> {
  try {
    await db.open();
  } catch (error) {
    const e = error as { name?: string; inner?: { name?: string } };
    if (e.name === Dexie.errnames.Version || e.inner?.name === 'VersionError') throw new AppError('db_newer');
    throw error;
  }
  // Dexie 4 does not fail on a newer database: after the VersionError it reopens at the stored version
  // and carries on. Native version n*10 (+ schema patches) is Dexie version n.
  if (Math.floor(db.backendDB().version / 10) > db.verno) {
    db.close();
    throw new AppError('db_newer');
  }
  return db;
}
