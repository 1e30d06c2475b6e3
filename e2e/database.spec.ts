import { DB_VERSION } from '../lib/db/schema';
import { expect, test } from './fixtures';

// The database is created by the first extension page that opens it (the side panel), in the
// extension's origin. Dexie multiplies its version by 10: Jobfit's version(3) is IndexedDB version 30.

const TABLES = ['jobs', 'cvs', 'analyses', 'runs', 'llmUsage', 'llmCache', 'tasks', 'notes', 'answers', 'settings', 'jobCards'];

test('opening the side panel creates the jobfit database at the current version, with every table', async ({ ext }) => {
  const tab = await ext.openTab('not-a-job.html');
  const panel = await ext.openPanel(tab.tabId);

  await expect
    .poll(() => panel.page.evaluate(async () => (await indexedDB.databases()).find((db) => db.name === 'jobfit')?.version))
    .toBe(DB_VERSION * 10);

  const schema = await panel.page.evaluate(
    () =>
      new Promise<{ version: number; stores: Record<string, { keyPath: unknown; indexes: string[] }> }>((resolve, reject) => {
        const request = indexedDB.open('jobfit'); // no version: opens what exists, never upgrades
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const names = Array.from(db.objectStoreNames);
          const tx = db.transaction(names, 'readonly');
          const stores = Object.fromEntries(
            names.map((name) => {
              const store = tx.objectStore(name);
              return [name, { keyPath: store.keyPath, indexes: Array.from(store.indexNames).sort() }];
            }),
          );
          db.close();
          resolve({ version: db.version, stores });
        };
      }),
  );

  expect(schema.version).toBe(DB_VERSION * 10);
  expect(Object.keys(schema.stores).sort()).toEqual([...TABLES].sort());
  expect(schema.stores.llmCache?.keyPath).toBe('key');
  expect(schema.stores.settings?.keyPath).toBe('key');
  expect(schema.stores.jobCards?.keyPath).toBe('bucket');
  expect(schema.stores.jobs?.keyPath).toBe('id');
  expect(schema.stores.jobs?.indexes).toEqual(expect.arrayContaining(['url', 'status', 'updatedAt', 'tags']));
  expect(schema.stores.analyses?.indexes).toContain('[jobId+kind]');
  expect(schema.stores.jobs?.indexes).toEqual(expect.arrayContaining(['[status+updatedAt]', 'appliedAt', 'score']));
});
