import { bucketOf, decodeBucket, toJobCard } from '../job-cards';
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

export interface CardMismatch {
  id: string;
  problem: 'missing' | 'stale' | 'orphan' | 'duplicate' | 'wrong_bucket';
}

/**
 * Compares the job cards (lib/db/job-cards.ts) with the jobs they are derived from: every job has exactly
 * one card, in its bucket, equal to what the job gives; no card is left for a job that is gone.
 */
export async function findCardMismatches(db: JobfitDb): Promise<CardMismatch[]> {
  return db.transaction('r', db.jobs, db.jobCards, async () => {
    const found: CardMismatch[] = [];
    const cards = new Map<string, unknown>();
    for (const row of await db.jobCards.toArray()) {
      for (const card of decodeBucket(row)) {
        if (cards.has(card.id)) found.push({ id: card.id, problem: 'duplicate' });
        if (bucketOf(card.id) !== row.bucket) found.push({ id: card.id, problem: 'wrong_bucket' });
        cards.set(card.id, card);
      }
    }
    const jobIds = new Set<string>();
    await db.jobs.each((job) => {
      jobIds.add(job.id);
      const card = cards.get(job.id);
      if (!card) found.push({ id: job.id, problem: 'missing' });
      else if (JSON.stringify(card) !== JSON.stringify(toJobCard(job))) found.push({ id: job.id, problem: 'stale' });
    });
    for (const id of cards.keys()) if (!jobIds.has(id)) found.push({ id, problem: 'orphan' });
    return found;
  });
}
