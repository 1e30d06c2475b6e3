import { z } from 'zod';
import { DB_VERSION, tableNames } from '../db/schema';
import { AppError } from '../util/errors';
import { statuses } from './statuses';

/**
 * The backup file: dexie-export-import's JSON format (`formatName: 'dexie'`), rows as plain JSON, with the
 * schema version it was written at. Reading it never trusts it: size and row caps, no prototype keys, known
 * tables only, no duplicate keys, and every row checked against its table's shape before anything is written.
 */
export const BACKUP_FORMAT = 'dexie';
export const BACKUP_FORMAT_VERSION = 1;
/** Far above what a job seeker accumulates (jobs, notes, runs, usage); a bigger file is not ours. */
export const MAX_BACKUP_ROWS = 50_000;
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

export type TableName = (typeof tableNames)[number];

export interface BackupFile {
  formatName: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  data: {
    databaseName: string;
    databaseVersion: number;
    tables: { name: TableName; schema: string; rowCount: number }[];
    data: { tableName: TableName; inbound: true; rows: Record<string, unknown>[] }[];
  };
}

/** Rows read from a backup, per table, already upgraded to the current schema. */
export type BackupRows = Record<TableName, Record<string, unknown>[]>;

export interface ParsedBackup {
  /** Schema version the file was written at (≤ DB_VERSION). */
  version: number;
  rows: BackupRows;
}

const id = z.string().min(1).max(500);
const time = z.number().finite();
const status = z.enum(statuses);
const flag = z.union([z.literal(0), z.literal(1)]);

// Loose objects: other features add optional fields to rows; what is checked is what indexes and the
// tracker rely on.
const rowSchemas: Record<TableName, z.ZodType> = {
  jobs: z.looseObject({
    id,
    url: z.string(),
    title: z.string(),
    company: z.string(),
    status,
    tags: z.array(z.string()),
    createdAt: time,
    updatedAt: time,
    appliedAt: time.optional(),
    score: z.number().finite().optional(),
    history: z.array(z.looseObject({ at: time, from: status.optional(), to: status })),
  }),
  cvs: z.looseObject({ id, name: z.string(), parentId: id.optional(), jobId: id.optional(), isDefault: flag, updatedAt: time }),
  analyses: z.looseObject({
    id,
    jobId: id.optional(),
    cvId: id.optional(),
    kind: z.enum(['match', 'analysis', 'evaluation', 'questions', 'coverLetter']),
    createdAt: time,
  }),
  runs: z.looseObject({ id, jobId: id.optional(), feature: z.string(), status: z.string(), startedAt: time }),
  llmUsage: z.looseObject({ id, runId: id.optional(), at: time, model: z.string() }),
  llmCache: z.looseObject({ key: z.string().min(1), createdAt: time }),
  tasks: z.looseObject({ id, jobId: id.optional(), title: z.string(), dueAt: time.optional(), done: flag, createdAt: time }),
  notes: z.looseObject({
    id,
    jobId: id,
    text: z.string(),
    createdAt: time,
    updatedAt: time,
    // The job drawer lists it (components/tracker/JobDrawer.tsx).
    application: z
      .looseObject({ cvFile: z.string().optional(), coverLetterFile: z.string().optional(), filled: z.array(z.looseObject({ label: z.string(), value: z.string() })) })
      .optional(),
  }),
  answers: z.looseObject({ id, question: z.string() }),
  settings: z.looseObject({ key: z.string().min(1) }),
};

export const primaryKeyOf = (table: TableName): string => (table === 'llmCache' || table === 'settings' ? 'key' : 'id');

/** Row reshaping per schema version: `upgrades[n]` turns rows of version n-1 into rows of version n. */
const upgrades: Partial<Record<number, (rows: BackupRows) => void>> = {
  // v2 only added indexes.
};

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (UNSAFE_KEYS.has(key)) throw new AppError('import_unsafe');
      return value;
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('import_unreadable');
  }
}

const envelopeSchema = z.object({
  formatName: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  data: z.object({
    databaseName: z.string(),
    databaseVersion: z.number().int().positive(),
    data: z.array(z.object({ tableName: z.string(), rows: z.array(z.unknown()) })),
  }),
});

/** Reads and checks a backup file's text; throws a coded AppError and never touches the database. */
export function parseBackup(text: string): ParsedBackup {
  if (text.length > MAX_BACKUP_BYTES) throw new AppError('import_too_large');
  const envelope = envelopeSchema.safeParse(parseJson(text));
  if (!envelope.success) throw new AppError('import_not_backup');
  const { databaseVersion, data } = envelope.data.data;
  if (databaseVersion > DB_VERSION) throw new AppError('import_newer', String(databaseVersion));

  const total = data.reduce((sum, table) => sum + table.rows.length, 0);
  if (total > MAX_BACKUP_ROWS) throw new AppError('import_too_large', String(total));

  const rows = Object.fromEntries(tableNames.map((name) => [name, []])) as unknown as BackupRows;
  for (const table of data) {
    if (!(tableNames as readonly string[]).includes(table.tableName)) throw new AppError('import_invalid', table.tableName);
    const name = table.tableName as TableName;
    if (rows[name].length) throw new AppError('import_duplicate_ids', name);
    const schema = rowSchemas[name];
    const key = primaryKeyOf(name);
    const seen = new Set<string>();
    table.rows.forEach((row, index) => {
      const checked = schema.safeParse(row);
      if (!checked.success) {
        const path = checked.error.issues[0]?.path.join('.') ?? '';
        throw new AppError('import_invalid', `${name}[${index}]${path ? `.${path}` : ''}`);
      }
      if ('$types' in (row as object)) throw new AppError('import_invalid', `${name}[${index}].$types`);
      const value = (row as Record<string, string>)[key]!;
      if (seen.has(value)) throw new AppError('import_duplicate_ids', `${name}: ${value}`);
      seen.add(value);
    });
    rows[name] = table.rows as Record<string, unknown>[];
  }
  for (let version = databaseVersion + 1; version <= DB_VERSION; version++) upgrades[version]?.(rows);
  return { version: databaseVersion, rows };
}

/** Serialises rows read from the database (keys ascending, as IndexedDB returns them). */
export function serializeBackup(databaseName: string, schemas: Record<TableName, string>, rows: BackupRows): string {
  const file: BackupFile = {
    formatName: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    data: {
      databaseName,
      databaseVersion: DB_VERSION,
      tables: tableNames.map((name) => ({ name, schema: schemas[name], rowCount: rows[name].length })),
      data: tableNames.map((name) => ({ tableName: name, inbound: true, rows: rows[name] })),
    },
  };
  return JSON.stringify(file);
}

/** The time a row last changed, for "the newer copy wins" merges; undefined when a table has none. */
export function rowTime(row: Record<string, unknown>): number | undefined {
  for (const field of ['updatedAt', 'heartbeatAt', 'at']) {
    if (typeof row[field] === 'number') return row[field];
  }
  return undefined;
}
