import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { z } from 'zod';
import { getPrivateDb, type PrivateDb } from './private-db';
import { parseOrFallback, type ValidatedItem } from './validated';

export interface PrivateItem<T> extends ValidatedItem<T> {
  /** Moves a value an older version kept in `storage.local` into the private store, once; then removes it there. */
  migrate(): Promise<void>;
}

export interface PrivateItemOptions {
  /** The `storage.local` key an older version used for this value (moved on first use). */
  legacyLocalKey?: string;
  db?: () => PrivateDb;
}

/**
 * A validated item kept in the extension's own IndexedDB (lib/storage/private-db.ts) instead of
 * `storage.local`, with the interface of the `storage.local` items. Changes are announced through
 * `storage.session` (hidden from content scripts in Chrome and Firefox) with a random token only, so
 * every extension page and the worker can watch; the value itself never leaves the database.
 */
export function definePrivateItem<T>(name: string, schema: z.ZodType<T>, fallback: T, options: PrivateItemOptions = {}): PrivateItem<T> {
  const key = `private:${name}`;
  const db = options.db ?? getPrivateDb;
  const signal = `session:changed:${name}` as const;
  const legacy = options.legacyLocalKey;
  let migrated: Promise<void> | undefined;

  async function announce(): Promise<void> {
    await storage.setItem(signal, crypto.randomUUID());
  }

  async function migrate(): Promise<void> {
    if (!legacy) return;
    // WXT keeps a versioned item's metadata beside it as `<key>$`.
    const found = await browser.storage.local.get([legacy, `${legacy}$`]);
    const value = found[legacy];
    if (value === undefined && found[`${legacy}$`] === undefined) return;
    let moved = false;
    if (value !== undefined) {
      const table = db().items;
      // A value written here meanwhile (another page, the worker) is newer than the legacy one.
      await db().transaction('rw', table, async () => {
        if (await table.get(name)) return;
        await table.add({ key: name, value, updatedAt: Date.now() });
        moved = true;
      });
    }
    await browser.storage.local.remove([legacy, `${legacy}$`]);
    if (moved) await announce();
  }

  /** Once per context; a failed attempt is tried again on the next use. */
  function ready(): Promise<void> {
    migrated ??= migrate().catch((error: unknown) => {
      migrated = undefined;
      throw error;
    });
    return migrated;
  }

  async function read(warn: boolean): Promise<T> {
    await ready();
    const row = await db().items.get(name);
    return row === undefined ? structuredClone(fallback) : parseOrFallback(key, schema, fallback, row.value, warn);
  }

  return {
    key,
    schema,
    fallback,
    migrate: ready,
    getValue: () => read(true),
    async setValue(value) {
      const parsed = schema.parse(value);
      await ready();
      await db().items.put({ key: name, value: parsed, updatedAt: Date.now() });
      await announce();
    },
    async removeValue() {
      await ready();
      await db().items.delete(name);
      await announce();
    },
    watch(cb) {
      let active = true;
      const stop = storage.watch<string>(signal, () => {
        // Reads are ordered after the write that announced them (IndexedDB orders transactions).
        void read(false).then(
          (value) => active && cb(value),
          () => undefined,
        );
      });
      return () => {
        active = false;
        stop();
      };
    },
  };
}
