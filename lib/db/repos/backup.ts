import { Dexie } from 'dexie';
import { primaryKeyOf, rowTime, serializeBackup, type BackupRows, type ParsedBackup, type TableName } from '../../tracker/backup-file';
import { AppError, isQuotaError } from '../../util/errors';
import { tableNames, type JobfitDb } from '../schema';

export interface TablePreview {
  inFile: number;
  /** Ids not in the database: added. */
  added: number;
  /** Same id, different content, the file's copy is as new or newer: replaced. */
  replaced: number;
  /** Same id, the stored copy is newer: kept. */
  kept: number;
  unchanged: number;
}

export type ImportPreview = { version: number; tables: Record<TableName, TablePreview>; conflicts: number };

const allTables = (db: JobfitDb) => tableNames.map((name) => db.table(name));

/** Every table of the database as one backup file (the API key lives in another database and is never in it). */
export async function exportBackup(db: JobfitDb): Promise<string> {
  return db.transaction('r', allTables(db), async () => {
    const rows = {} as BackupRows;
    const schemas = {} as Record<TableName, string>;
    for (const name of tableNames) {
      const table = db.table(name);
      rows[name] = await table.toArray();
      schemas[name] = [table.schema.primKey.src, ...table.schema.indexes.map((i) => i.src)].join(',');
    }
    return serializeBackup(db.name, schemas, rows);
  });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Merge by key: new keys are added; for a key in both, the newer copy wins (the file's on a tie). */
async function plan(db: JobfitDb, backup: ParsedBackup) {
  const tables = {} as Record<TableName, TablePreview>;
  const writes = {} as Record<TableName, Record<string, unknown>[]>;
  for (const name of tableNames) {
    const incoming = backup.rows[name];
    const key = primaryKeyOf(name);
    // Read only the rows whose key is already stored: a restore into an empty table reads nothing.
    const table = db.table(name);
    const present = new Set((await table.toCollection().primaryKeys()) as string[]);
    const overlapping = incoming.filter((row) => present.has(row[key] as string));
    const storedByKey = new Map((await table.bulkGet(overlapping.map((row) => row[key] as string))).map((row, i) => [overlapping[i]![key], row]));
    const stored = incoming.map((row) => storedByKey.get(row[key]));
    const preview: TablePreview = { inFile: incoming.length, added: 0, replaced: 0, kept: 0, unchanged: 0 };
    writes[name] = [];
    incoming.forEach((row, i) => {
      const existing = stored[i] as Record<string, unknown> | undefined;
      if (!existing) {
        preview.added++;
        writes[name].push(row);
      } else if (same(existing, row)) {
        preview.unchanged++;
      } else if ((rowTime(row) ?? 0) >= (rowTime(existing) ?? 0)) {
        preview.replaced++;
        writes[name].push(row);
      } else {
        preview.kept++;
      }
    });
    tables[name] = preview;
  }
  const conflicts = Object.values(tables).reduce((sum, t) => sum + t.replaced + t.kept, 0);
  return { preview: { version: backup.version, tables, conflicts }, writes };
}

export async function previewImport(db: JobfitDb, backup: ParsedBackup): Promise<ImportPreview> {
  return db.transaction('r', allTables(db), async () => (await plan(db, backup)).preview);
}

/** Applies a checked backup in one transaction: all of it or, on any failure, none of it. */
export async function applyImport(db: JobfitDb, backup: ParsedBackup): Promise<ImportPreview> {
  try {
    return await db.transaction('rw', allTables(db), async () => {
      const { preview, writes } = await plan(db, backup);
      for (const name of tableNames) if (writes[name].length) await db.table(name).bulkPut(writes[name]);
      return preview;
    });
  } catch (error) {
    throw toWriteError(error);
  }
}

/** Quota failures become storage_full, also when Dexie wraps them (AbortError inside AbortError, bulk errors). */
export function toWriteError(error: unknown): unknown {
  return isQuotaDeep(error) ? new AppError('storage_full') : error;
}

function isQuotaDeep(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  if (isQuotaError(error)) return true;
  if (error instanceof Dexie.BulkError) return Object.values(error.failuresByPos).some((e) => isQuotaDeep(e, depth + 1));
  const { inner, cause } = error as { inner?: unknown; cause?: unknown };
  return isQuotaDeep(inner, depth + 1) || isQuotaDeep(cause, depth + 1);
}
