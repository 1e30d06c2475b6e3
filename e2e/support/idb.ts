import type { Page } from '@playwright/test';
import { bucketOf, JOB_CARDS, toJobCard, withChanges, type CardBucketRow, type JobCard } from '../../lib/db/job-cards';
import type { JobRow } from '../../lib/db/schema';

/**
 * The extension's `jobfit` database read and written straight through IndexedDB from one of its pages
 * (no Dexie in the tests). Rows are put as the repos store them: jobs with their cards (the derived list
 * fields, lib/db/job-cards.ts) in the same transaction, as Jobfit's own writes do. Dexie's live queries in
 * an open page do not see such writes: reload the page after `putRows`.
 */
export async function putRows(page: Page, store: string, rows: readonly unknown[]): Promise<void> {
  const cardRows = store === 'jobs' ? await cardsWith(page, rows as JobRow[]) : [];
  await page.evaluate(
    ({ store, rows, cardRows, cardStore }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('jobfit'); // no version: opens what exists, never upgrades
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(cardRows.length ? [store, cardStore] : [store], 'readwrite');
          for (const row of rows) tx.objectStore(store).put(row);
          for (const row of cardRows) tx.objectStore(cardStore).put(row);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { store, rows, cardRows, cardStore: JOB_CARDS },
  );
}

/** The card buckets the given jobs fall in, with those jobs' cards put in (read, then merged here). */
async function cardsWith(page: Page, jobs: readonly JobRow[]): Promise<CardBucketRow[]> {
  const stored = new Map((await allRows<CardBucketRow>(page, JOB_CARDS)).map((row) => [row.bucket, row]));
  const touched = new Map<number, [string, JobCard][]>();
  for (const job of jobs) {
    const bucket = bucketOf(job.id);
    touched.set(bucket, [...(touched.get(bucket) ?? []), [job.id, toJobCard(job)]]);
  }
  return [...touched].map(([bucket, changes]) => withChanges(bucket, stored.get(bucket), changes));
}

export function allRows<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (store) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('jobfit');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as T[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    store,
  );
}

/**
 * Holds a read-write transaction on one store from an extension page until the returned function is
 * called: every other write to that store (the worker's too) waits meanwhile, which parks a writer
 * exactly at its write. The transaction stays open by chaining one cheap request after another.
 * Resolves once the hold is in place (the writes queued before it have finished).
 */
export async function holdStore(page: Page, store: string): Promise<() => Promise<void>> {
  await page.evaluate(
    (store) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('jobfit');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(store, 'readwrite');
          let released = false;
          const ended = new Promise<void>((done) => {
            tx.oncomplete = tx.onabort = () => {
              db.close();
              done();
            };
          });
          (globalThis as { __jobfitRelease?: () => Promise<void> }).__jobfitRelease = () => {
            released = true;
            return ended;
          };
          let held = false;
          const spin = () => {
            const request = tx.objectStore(store).count();
            request.onsuccess = () => {
              if (!held) {
                held = true;
                resolve();
              }
              if (!released) spin();
            };
          };
          spin();
        };
      }),
    store,
  );
  return () => page.evaluate(() => (globalThis as { __jobfitRelease?: () => Promise<void> }).__jobfitRelease?.());
}
