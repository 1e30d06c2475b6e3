import { tableNames, type JobfitDb } from '../schema';

type TableName = (typeof tableNames)[number];

/**
 * Every field that points at another row, per table. Tables with none are listed with `{}` so a new table
 * has to be placed here deliberately (the integrity test fails on a table it does not know).
 */
export const references: Record<TableName, Record<string, TableName>> = {
  jobs: {},
  cvs: { jobId: 'jobs', parentId: 'cvs' },
  analyses: { jobId: 'jobs', cvId: 'cvs' },
  runs: { jobId: 'jobs' },
  llmUsage: { runId: 'runs' },
  llmCache: {},
  tasks: { jobId: 'jobs' },
  notes: { jobId: 'jobs' },
  answers: {},
  settings: {},
};

export interface DanglingReference {
  table: TableName;
  id: string;
  field: string;
  missing: string;
}

/** Walks every table and lists references to rows that do not exist. */
export async function findDanglingReferences(db: JobfitDb): Promise<DanglingReference[]> {
  const found: DanglingReference[] = [];
  return db.transaction('r', tableNames.map((name) => db.table(name)), async () => {
    const keys = new Map<TableName, Set<string>>();
    for (const name of tableNames) keys.set(name, new Set((await db.table(name).toCollection().primaryKeys()) as string[]));
    for (const name of tableNames) {
      const fields = Object.entries(references[name]);
      if (fields.length === 0) continue;
      const primKey = db.table(name).schema.primKey.keyPath as string;
      await db.table(name).each((row: Record<string, unknown>) => {
        for (const [field, target] of fields) {
          const value = row[field];
          if (value !== undefined && !keys.get(target)!.has(value as string)) {
            found.push({ table: name, id: row[primKey] as string, field, missing: String(value) });
          }
        }
      });
    }
    return found;
  });
}
