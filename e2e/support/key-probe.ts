import type { Chrome } from './chrome';

// What the key-isolation checks (Chromium and Firefox) save as the OpenRouter key and then look for in
// everything a content script or the page can reach.

export const KEY = 'sk-or-v1-0123456789abcdeftestkey';
/** Parts that would give the key away even if reformatted or cut. */
export const KEY_FRAGMENTS = [KEY, '0123456789abcdeftestkey', '0123456789abcdef'];
/** The hint the settings page shows for KEY. */
export const KEY_HINT = 'sk-or-…tkey';

/** The first fragment of the key found in the value's JSON, if any. */
export function keyFragmentIn(value: unknown): string | undefined {
  const text = JSON.stringify(value) ?? '';
  return KEY_FRAGMENTS.find((fragment) => text.includes(fragment));
}

/** Run in an extension page: the key as stored in the extension origin's `jobfit-secrets` database. */
export function readStoredKey(): Promise<unknown> {
  return new Promise<unknown>((resolve, reject) => {
    const request = indexedDB.open('jobfit-secrets');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const get = request.result.transaction('secrets').objectStore('secrets').get('openrouterKey');
      get.onsuccess = () => resolve((get.result as { value?: string } | undefined)?.value);
    };
  });
}

/** Run in an extension page: a value of the extension origin's `jobfit-private` database (the profile). */
export function readPrivateValue(key: string): Promise<unknown> {
  return new Promise<unknown>((resolve, reject) => {
    const request = indexedDB.open('jobfit-private');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('items')) {
        db.close();
        resolve(undefined);
        return;
      }
      const get = db.transaction('items').objectStore('items').get(key);
      get.onsuccess = () => {
        db.close();
        resolve((get.result as { value?: unknown } | undefined)?.value);
      };
    };
  });
}

/**
 * Everything a content script could try, run in the page's isolated world (or the page itself).
 * Self-contained: it is serialised and injected by `chrome.scripting.executeScript`.
 */
export async function probe(messages: { tag: string; type: string; data: unknown }[]) {
  const settle = async (fn: () => Promise<unknown>) => {
    try {
      return { value: await fn() };
    } catch (error) {
      return { denied: String(error) };
    }
  };
  const dumpDatabase = (name: string) =>
    new Promise((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const db = request.result;
        const stores = Array.from(db.objectStoreNames);
        if (stores.length === 0) {
          db.close();
          resolve({ stores });
          return;
        }
        const tx = db.transaction(stores, 'readonly');
        const rows: Record<string, unknown> = {};
        for (const store of stores) {
          const all = tx.objectStore(store).getAll();
          all.onsuccess = () => {
            rows[store] = all.result;
          };
        }
        tx.oncomplete = () => {
          db.close();
          resolve({ stores, rows });
        };
      };
    });
  const api = (globalThis as { chrome?: Chrome }).chrome;
  const databases = await settle(() => indexedDB.databases());
  const names = new Set(['jobfit-secrets', 'jobfit-private', 'jobfit', ...((databases.value as { name?: string }[] | undefined) ?? []).map((d) => d.name ?? '')]);
  const contents: Record<string, unknown> = {};
  for (const name of names) if (name) contents[name] = await settle(() => dumpDatabase(name));
  return {
    hasRuntime: typeof api?.runtime?.sendMessage === 'function',
    local: await settle(async () => api!.storage.local.get(null)),
    session: await settle(async () => api!.storage.session.get(null)),
    sync: await settle(async () => api!.storage.sync.get(null)),
    databases,
    contents,
    localStorage: { ...localStorage },
    cookies: document.cookie,
    replies: await Promise.all(messages.map((m) => settle(async () => api!.runtime.sendMessage(m)))),
  };
}
