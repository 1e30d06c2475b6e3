import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ZodError } from 'zod';
import {
  autoArchiveDaysItem,
  DEFAULT_BASE_URL,
  endpointItem,
  keyHintItem,
  modelsItem,
  profileItem,
  type Profile,
} from './items';
import { getPrivateDb } from './private-db';

const profile: Profile = {
  name: 'Ada Example',
  email: 'ada@example.com',
  phone: '+49 30 1234567',
  location: 'Berlin',
  links: ['https://github.com/ada'],
};

let warn: ReturnType<typeof vi.spyOn>;

beforeEach(async () => {
  fakeBrowser.reset();
  await getPrivateDb().items.clear();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

/** What is really in storage.local, bypassing the items. */
async function raw(key: string): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(key))[key];
}

/** What is really in the private store (the profile), bypassing the items. */
async function privateRaw(key: string): Promise<unknown> {
  return (await getPrivateDb().items.get(key))?.value;
}

async function storePrivate(key: string, value: unknown): Promise<void> {
  await getPrivateDb().items.put({ key, value, updatedAt: 0 });
}

describe('defaults', () => {
  it.each([
    ['endpoint', () => endpointItem.getValue(), { baseUrl: DEFAULT_BASE_URL }],
    ['models', () => modelsItem.getValue(), {}],
    ['profile', () => profileItem.getValue(), { name: '', email: '', phone: '', location: '', links: [] }],
    ['autoArchiveDays', () => autoArchiveDaysItem.getValue(), 60],
    ['keyHint', () => keyHintItem.getValue(), null],
  ])('%s has its default when nothing is stored', async (_key, read, expected) => {
    expect(await read()).toEqual(expected);
    expect(warn).not.toHaveBeenCalled();
  });

  it('the default endpoint is OpenRouter', () => {
    expect(DEFAULT_BASE_URL).toBe('https://openrouter.ai/api/v1');
  });
});

describe('setValue', () => {
  it('stores a valid profile in the private store, not in storage.local, and reads it back', async () => {
    await profileItem.setValue(profile);
    expect(await privateRaw('profile')).toEqual(profile);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await profileItem.getValue()).toEqual(profile);
  });

  it('stores the parsed value (trimmed text)', async () => {
    await profileItem.setValue({ ...profile, name: '  Ada  ' });
    expect(await privateRaw('profile')).toMatchObject({ name: 'Ada' });
  });

  it.each([
    ['an invalid email', { ...profile, email: 'ada-at-example' }],
    ['a name over 200 characters', { ...profile, name: 'x'.repeat(201) }],
    ['a link that is not a URL', { ...profile, links: ['github/ada'] }],
    ['eleven links', { ...profile, links: Array.from({ length: 11 }, (_, i) => `https://example.com/${i}`) }],
  ])('rejects a profile with %s and stores nothing', async (_label, value) => {
    await expect(profileItem.setValue(value)).rejects.toBeInstanceOf(ZodError);
    expect(await privateRaw('profile')).toBeUndefined();
  });

  it('keeps the previous value when an update is rejected', async () => {
    await profileItem.setValue(profile);
    await expect(profileItem.setValue({ ...profile, email: 'nope' })).rejects.toThrow();
    expect(await profileItem.getValue()).toEqual(profile);
  });

  it.each([
    ['https://my-proxy.example/v1', true],
    ['http://127.0.0.1:11434/v1', true],
    ['ftp://example.com', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('endpoint %s accepted: %s', async (baseUrl, ok) => {
    const attempt = endpointItem.setValue({ baseUrl });
    if (ok) {
      await attempt;
      expect(await endpointItem.getValue()).toEqual({ baseUrl });
    } else {
      await expect(attempt).rejects.toBeInstanceOf(ZodError);
      expect(await raw('endpoint')).toBeUndefined();
    }
  });

  it.each([0, 30, 3650])('autoArchiveDays accepts %i', async (days) => {
    await autoArchiveDaysItem.setValue(days);
    expect(await autoArchiveDaysItem.getValue()).toBe(days);
  });

  it.each([-1, 1.5, 3651, Number.NaN])('autoArchiveDays rejects %s', async (days) => {
    await expect(autoArchiveDaysItem.setValue(days)).rejects.toBeInstanceOf(ZodError);
  });

  it('models accepts known features only', async () => {
    await modelsItem.setValue({ analysis: 'openai/gpt-4o-mini' });
    expect(await modelsItem.getValue()).toEqual({ analysis: 'openai/gpt-4o-mini' });
    await expect(modelsItem.setValue({ analysis: '' })).rejects.toBeInstanceOf(ZodError);
    await expect(modelsItem.setValue({ unknownFeature: 'x' } as never)).rejects.toBeInstanceOf(ZodError);
  });

  it('keyHint accepts null and short strings', async () => {
    await keyHintItem.setValue('sk-or-…abcd');
    expect(await keyHintItem.getValue()).toBe('sk-or-…abcd');
    await keyHintItem.setValue(null);
    expect(await keyHintItem.getValue()).toBeNull();
    await expect(keyHintItem.setValue('x'.repeat(41))).rejects.toBeInstanceOf(ZodError);
  });

  it('removeValue brings the default back', async () => {
    await autoArchiveDaysItem.setValue(5);
    await autoArchiveDaysItem.removeValue();
    expect(await autoArchiveDaysItem.getValue()).toBe(60);
  });
});

describe('corrupted stored values', () => {
  it.each([
    ['endpoint', { baseUrl: 'javascript:alert(1)' }, () => endpointItem.getValue(), { baseUrl: DEFAULT_BASE_URL }],
    ['endpoint', 'https://openrouter.ai', () => endpointItem.getValue(), { baseUrl: DEFAULT_BASE_URL }],
    ['autoArchiveDays', 'sixty', () => autoArchiveDaysItem.getValue(), 60],
    ['models', { analysis: 42 }, () => modelsItem.getValue(), {}],
    ['keyHint', { hint: 'x' }, () => keyHintItem.getValue(), null],
  ])('a bad %s (%j) falls back to the default with a warning', async (key, stored, read, expected) => {
    await fakeBrowser.storage.local.set({ [key]: stored });
    expect(await read()).toEqual(expected);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`local:${key} is invalid`));
  });

  it('a bad stored profile falls back to the default with a warning', async () => {
    await storePrivate('profile', { ...profile, links: 'https://x' });
    expect(await profileItem.getValue()).toEqual({ name: '', email: '', phone: '', location: '', links: [] });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('private:profile is invalid'));
  });

  it('fills fields missing from an older stored profile with their defaults', async () => {
    await storePrivate('profile', { name: 'Ada' });
    expect(await profileItem.getValue()).toEqual({ name: 'Ada', email: '', phone: '', location: '', links: [] });
    expect(warn).not.toHaveBeenCalled();
  });

  it('a fallback handed out once cannot be changed by its receiver', async () => {
    await storePrivate('profile', 'garbage');
    const first = await profileItem.getValue();
    first.links.push('https://mutated.example');
    first.name = 'Mutated';
    expect(await profileItem.getValue()).toEqual({ name: '', email: '', phone: '', location: '', links: [] });
    expect(profileItem.fallback).toEqual({ name: '', email: '', phone: '', location: '', links: [] });
  });
});

describe('watch', () => {
  it('reports validated new values until unwatched', async () => {
    const seen: Profile[] = [];
    const unwatch = profileItem.watch((value) => seen.push(value));
    // The profile's watcher reads the private store after each change: its reports arrive a little later.
    await profileItem.setValue(profile);
    await vi.waitFor(() => expect(seen.map((p) => p.name)).toEqual(['Ada Example']));
    await profileItem.setValue({ ...profile, name: 'Grace' });
    await vi.waitFor(() => expect(seen.map((p) => p.name)).toEqual(['Ada Example', 'Grace']));
    unwatch();
    await profileItem.setValue({ ...profile, name: 'Not seen' });
    await profileItem.getValue();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.map((p) => p.name)).toEqual(['Ada Example', 'Grace']);
  });

  it('reports the default for a corrupted write and for a removal', async () => {
    const seen: unknown[] = [];
    const unwatch = endpointItem.watch((value) => seen.push(value));
    await fakeBrowser.storage.local.set({ endpoint: { baseUrl: 'ftp://x' } });
    await endpointItem.setValue({ baseUrl: 'https://proxy.example/v1' });
    await endpointItem.removeValue();
    unwatch();
    expect(seen).toEqual([{ baseUrl: DEFAULT_BASE_URL }, { baseUrl: 'https://proxy.example/v1' }, { baseUrl: DEFAULT_BASE_URL }]);
  });

  it('ignores changes to other keys', async () => {
    const seen: unknown[] = [];
    const unwatch = keyHintItem.watch((value) => seen.push(value));
    await autoArchiveDaysItem.setValue(10);
    await fakeBrowser.storage.session.set({ keyHint: 'sk-or-…zzzz' });
    unwatch();
    expect(seen).toEqual([]);
  });
});

describe('the profile leaves storage.local', () => {
  it('a profile an older version kept in storage.local moves at worker start; the preferences stay', async () => {
    vi.resetModules();
    const fresh = await import('./items');
    await fakeBrowser.storage.local.set({ profile, profile$: { v: 1 }, autoArchiveDays: 30 });
    await fresh.migratePrivateItems();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ autoArchiveDays: 30 });
    expect(await privateRaw('profile')).toEqual(profile);
    expect(await fresh.profileItem.getValue()).toEqual(profile);
  });

  it('a failed move is only a warning at worker start', async () => {
    vi.resetModules();
    const fresh = await import('./items');
    const { getPrivateDb: freshDb } = await import('./private-db');
    await fakeBrowser.storage.local.set({ profile });
    vi.spyOn(freshDb(), 'transaction').mockRejectedValueOnce(new Error('IndexedDB unavailable'));
    await expect(fresh.migratePrivateItems()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not be moved'));
    expect(await fakeBrowser.storage.local.get('profile')).toEqual({ profile });
  });
});
