import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { tableNames } from '../../lib/db/schema';
import { allRows } from './idb';

/** One hash over every table of the extension's database, read from one of its pages. */
export async function databaseHash(page: Page): Promise<string> {
  const hash = createHash('sha256');
  for (const table of tableNames) hash.update(`${table}\n${JSON.stringify(await allRows(page, table))}\n`);
  return hash.digest('hex');
}

/** Row counts per table, to say what changed when the hashes differ. */
export async function rowCounts(page: Page): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tableNames) counts[table] = (await allRows(page, table)).length;
  return counts;
}
