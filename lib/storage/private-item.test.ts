import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod';
import { PrivateDb } from './private-db';
import { definePrivateItem } from './private-item';

const schema = z.object({ name: z.string().max(50), email: z.string() });
type Person = z.infer<typeof schema>;
const fallback: Person = { name: '', email: '' };
const ada: Person = { name: 'Ada Example', email: 'ada@example.com' };

let db: PrivateDb;
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  fakeBrowser.reset();
  db = new PrivateDb(`jobfit-private-test-${crypto.randomUUID()}`);
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => db.close());

/** The item as one extension context (a page, the worker) defines it: its own migration state. */
const inContext = () => definePrivateItem('person', schema, fallback, { legacyLocalKey: 'person', db: () => db });

async function everythingInStorageAreas(): Promise<string> {
  return JSON.stringify({ local: await fakeBrowser.storage.local.get(null), session: await fakeBrowser.storage.session.get(null) });
}

describe('read and write', () => {
  it('gives the default when nothing is stored', async () => {
    expect(await inContext().getValue()).toEqual(fallback);
  });

  it('keeps the value in its IndexedDB and nowhere in the storage areas', async () => {
    const item = inContext();
    await item.setValue(ada);
    expect(await item.getValue()).toEqual(ada);
    expect((await db.items.get('person'))?.value).toEqual(ada);
    const areas = await everythingInStorageAreas();
    expect(areas).not.toContain('Ada');
    expect(areas).not.toContain('ada@example.com');
  });

  it('another context reads what one wrote', async () => {
    await inContext().setValue(ada);
    expect(await inContext().getValue()).toEqual(ada);
  });

  it('refuses an invalid value and keeps the stored one', async () => {
    const item = inContext();
    await item.setValue(ada);
    await expect(item.setValue({ ...ada, name: 'x'.repeat(51) })).rejects.toBeInstanceOf(z.ZodError);
    expect(await item.getValue()).toEqual(ada);
  });

  it('removeValue brings the default back', async () => {
    const item = inContext();
    await item.setValue(ada);
    await item.removeValue();
    expect(await item.getValue()).toEqual(fallback);
    expect(await db.items.count()).toBe(0);
  });

  it('a stored value that no longer fits falls back with a warning', async () => {
    await db.items.put({ key: 'person', value: { name: 42 }, updatedAt: 0 });
    expect(await inContext().getValue()).toEqual(fallback);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('private:person is invalid'));
  });
});

describe('watch', () => {
  it('reports changes made in another context, and a removal as the default, until unwatched', async () => {
    const panel = inContext();
    const settings = inContext();
    const seen: Person[] = [];
    const unwatch = panel.watch((value) => seen.push(value));
    await settings.setValue(ada);
    await vi.waitFor(() => expect(seen).toEqual([ada]));
    await settings.removeValue();
    await vi.waitFor(() => expect(seen).toEqual([ada, fallback]));
    unwatch();
    await settings.setValue({ ...ada, name: 'Not seen' });
    await panel.getValue();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual([ada, fallback]);
  });

  it('announces a change with a token only: the value never reaches storage.session', async () => {
    const changes: unknown[] = [];
    fakeBrowser.storage.session.onChanged.addListener((change) => changes.push(change));
    await inContext().setValue(ada);
    expect(changes).toHaveLength(1);
    expect(JSON.stringify(changes)).not.toContain('Ada');
    expect(await everythingInStorageAreas()).not.toContain('ada@example.com');
  });

  it('ignores changes of other private items', async () => {
    const seen: unknown[] = [];
    const unwatch = inContext().watch((value) => seen.push(value));
    await definePrivateItem('other', schema, fallback, { db: () => db }).setValue(ada);
    await new Promise((resolve) => setTimeout(resolve, 50));
    unwatch();
    expect(seen).toEqual([]);
  });
});

describe('migration from storage.local', () => {
  it('moves a value an older version stored, removes it and its metadata from storage.local', async () => {
    await fakeBrowser.storage.local.set({ person: ada, person$: { v: 1 }, models: { analysis: 'x/y' } });
    expect(await inContext().getValue()).toEqual(ada);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ models: { analysis: 'x/y' } });
    expect((await db.items.get('person'))?.value).toEqual(ada);
  });

  it('runs on its own (worker start) and tells watchers', async () => {
    await fakeBrowser.storage.local.set({ person: ada });
    const seen: Person[] = [];
    const unwatch = inContext().watch((value) => seen.push(value));
    await inContext().migrate();
    await vi.waitFor(() => expect(seen).toEqual([ada]));
    unwatch();
    expect(await fakeBrowser.storage.local.get('person')).toEqual({});
  });

  it('a value already in the private store wins; the legacy one is still removed', async () => {
    await db.items.put({ key: 'person', value: { ...ada, name: 'Newer' }, updatedAt: 1 });
    await fakeBrowser.storage.local.set({ person: ada });
    expect((await inContext().getValue()).name).toBe('Newer');
    expect(await fakeBrowser.storage.local.get('person')).toEqual({});
  });

  it('the page and the worker migrating at once leave one value and a clean storage.local', async () => {
    await fakeBrowser.storage.local.set({ person: ada });
    const [a, b] = await Promise.all([inContext().getValue(), inContext().getValue()]);
    expect([a, b]).toEqual([ada, ada]);
    expect(await db.items.count()).toBe(1);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('moves an invalid legacy value as it is: reads fall back, nothing is lost silently', async () => {
    await fakeBrowser.storage.local.set({ person: { name: 7 } });
    expect(await inContext().getValue()).toEqual(fallback);
    expect((await db.items.get('person'))?.value).toEqual({ name: 7 });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('happens once per context: a value written to storage.local later is not read', async () => {
    const item = inContext();
    await item.setValue(ada);
    await fakeBrowser.storage.local.set({ person: { ...ada, name: 'Stale' } });
    expect(await item.getValue()).toEqual(ada);
  });

  it('a failed move leaves storage.local as it was and is tried again on the next use', async () => {
    await fakeBrowser.storage.local.set({ person: ada });
    let broken = true;
    const item = definePrivateItem('person', schema, fallback, {
      legacyLocalKey: 'person',
      db: () => {
        if (broken) throw new Error('IndexedDB unavailable');
        return db;
      },
    });
    await expect(item.getValue()).rejects.toThrow('IndexedDB unavailable');
    expect(await fakeBrowser.storage.local.get('person')).toEqual({ person: ada });
    broken = false;
    expect(await item.getValue()).toEqual(ada);
    expect(await fakeBrowser.storage.local.get('person')).toEqual({});
  });
});
