/**
 * Runs inside a Jobfit extension page during `npm run bench` (bundled by scripts/bench/tracker.ts and
 * evaluated through CDP): the tracker's real import path next to a bare Dexie bulkPut of the same rows.
 */
import '../../lib/util/zod-config';
import { Dexie } from 'dexie';
import { applyImport } from '../../lib/db/repos/backup';
import { createTrackerRepo } from '../../lib/db/repos/tracker';
import { JobfitDb } from '../../lib/db/schema';
import { parseBackup } from '../../lib/tracker/backup-file';

async function fresh(name: string): Promise<JobfitDb> {
  await Dexie.delete(name);
  const db = new JobfitDb(name);
  await db.open();
  return db;
}

const api = {
  /** parseBackup (every check) + applyImport (one transaction, merge by id) into an empty database. */
  async importBackup(text: string, name: string): Promise<number> {
    const db = await fresh(name);
    const started = performance.now();
    await applyImport(db, parseBackup(text));
    const ms = performance.now() - started;
    db.close();
    return ms;
  },
  /** The same rows written with one bare bulkPut per table (JSON.parse included, no checks). */
  async rawBulkPut(text: string, name: string): Promise<number> {
    const db = await fresh(name);
    const started = performance.now();
    const file = JSON.parse(text) as { data: { data: { tableName: string; rows: unknown[] }[] } };
    for (const table of file.data.data) if (table.rows.length) await db.table(table.tableName).bulkPut(table.rows);
    const ms = performance.now() - started;
    db.close();
    return ms;
  },
  /** Bare Dexie reads of an existing database: every job (toArray), and one status through its index. */
  async rawReads(name: string, status: string): Promise<{ all: number; status: number }> {
    const db = new JobfitDb(name);
    await db.open();
    let started = performance.now();
    await db.jobs.toArray();
    const all = performance.now() - started;
    started = performance.now();
    await db.jobs.where('status').equals(status).toArray();
    const byStatus = performance.now() - started;
    db.close();
    return { all, status: byStatus };
  },
  /** Each read the tracker view makes when it opens, timed alone (JOBFIT_PROFILE=1 prints them). */
  async viewReads(name: string): Promise<Record<string, number>> {
    const db = new JobfitDb(name);
    await db.open();
    const repo = createTrackerRepo(db);
    const reads: Record<string, () => Promise<unknown>> = {
      cards: () => repo.listCards(),
      openTasks: () => repo.listOpenTasks(),
      lastArchive: () => repo.lastAutoArchive(),
      archiveDays: () => repo.autoArchiveDays(),
      allNotes: () => repo.listAllNotes(),
      allJobs: () => repo.listJobs(),
    };
    const out: Record<string, number> = {};
    for (const [key, read] of Object.entries(reads)) {
      const started = performance.now();
      await read();
      out[key] = Math.round((performance.now() - started) * 10) / 10;
    }
    db.close();
    return out;
  },
  /** parseBackup alone, to see where import time goes. */
  parseOnly(text: string): number {
    const started = performance.now();
    parseBackup(text);
    return performance.now() - started;
  },
  async drop(name: string): Promise<void> {
    await Dexie.delete(name);
  },
};

(globalThis as { jobfitBench?: typeof api }).jobfitBench = api;
