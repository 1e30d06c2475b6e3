import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keyHintItem } from '../storage/items';
import { AppError } from '../util/errors';
import { readApiKey } from './key-store';
import { checkKeyFormat, clearApiKey, keyHint, setApiKey } from './key-writer';
import { SECRETS_DB_NAME, SecretsDb } from './secrets-db';

const KEY = 'sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab';
const SECRET_PART = KEY.slice(9, -4);

let db: SecretsDb;

beforeEach(() => {
  fakeBrowser.reset();
  db = new SecretsDb(`jobfit-secrets-test-${crypto.randomUUID()}`);
});

afterEach(() => {
  db.close();
});

async function everythingInExtensionStorage(): Promise<string> {
  const local = await fakeBrowser.storage.local.get(null);
  const session = await fakeBrowser.storage.session.get(null);
  return JSON.stringify({ local, session });
}

describe('setApiKey', () => {
  it('stores the key in its own IndexedDB and returns the hint', async () => {
    const hint = await setApiKey(KEY, db);
    expect(hint).toBe('sk-or-…89ab');
    expect(await db.secrets.get('openrouterKey')).toEqual({ name: 'openrouterKey', value: KEY, updatedAt: expect.any(Number) });
    expect(await readApiKey(db)).toBe(KEY);
  });

  it('publishes only the hint to storage', async () => {
    await setApiKey(KEY, db);
    expect(await keyHintItem.getValue()).toBe('sk-or-…89ab');
    const stored = await everythingInExtensionStorage();
    expect(stored).toContain('sk-or-…89ab');
    expect(stored).not.toContain(KEY);
    expect(stored).not.toContain(SECRET_PART);
    expect(stored).not.toContain(SECRET_PART.slice(0, 16));
  });

  it('trims surrounding whitespace (pasted keys) before storing', async () => {
    await setApiKey(`  ${KEY}\n`, db);
    expect(await readApiKey(db)).toBe(KEY);
  });

  it('replaces an earlier key', async () => {
    await setApiKey(KEY, db);
    const next = 'sk-or-v1-ffffffffffffffffffffffffffffffff0000';
    expect(await setApiKey(next, db)).toBe('sk-or-…0000');
    expect(await readApiKey(db)).toBe(next);
    expect(await db.secrets.count()).toBe(1);
  });

  it.each([
    ['an inner space', 'sk-or-v1-0123 456789abcdef'],
    ['an inner tab', 'sk-or-v1-0123\t456789abcdef'],
    ['too short', 'sk-or-1'],
    ['empty', ''],
    ['only spaces', '            '],
    ['non-ASCII', 'sk-or-v1-ключ0123456789'],
    ['a zero-width space', 'sk-or-v1-0123\u200b456789abcdef'],
    ['over 300 characters', `sk-or-v1-${'a'.repeat(300)}`],
  ])('rejects %s with invalid_key_format and stores nothing', async (_label, bad) => {
    const error = await setApiKey(bad, db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid_key_format');
    expect((error as AppError).message).not.toContain(bad.trim() || '\u0000');
    expect(await db.secrets.count()).toBe(0);
    expect(await keyHintItem.getValue()).toBeNull();
  });

  it('keeps the stored key and hint when a replacement is rejected', async () => {
    await setApiKey(KEY, db);
    await expect(setApiKey('bad key', db)).rejects.toMatchObject({ code: 'invalid_key_format' });
    expect(await readApiKey(db)).toBe(KEY);
    expect(await keyHintItem.getValue()).toBe('sk-or-…89ab');
  });
});

describe('clearApiKey', () => {
  it('removes the key and the hint', async () => {
    await setApiKey(KEY, db);
    await clearApiKey(db);
    expect(await readApiKey(db)).toBeUndefined();
    expect(await db.secrets.count()).toBe(0);
    expect(await keyHintItem.getValue()).toBeNull();
  });

  it('is harmless without a stored key', async () => {
    await expect(clearApiKey(db)).resolves.toBeUndefined();
    expect(await readApiKey(db)).toBeUndefined();
  });
});

describe('readApiKey', () => {
  it('returns undefined before a key is set', async () => {
    expect(await readApiKey(db)).toBeUndefined();
  });

  it('reads what another connection to the same database wrote', async () => {
    await setApiKey(KEY, db);
    const other = new SecretsDb(db.name);
    try {
      expect(await readApiKey(other)).toBe(KEY);
    } finally {
      other.close();
    }
  });
});

describe('keyHint / checkKeyFormat', () => {
  it.each([
    [KEY, 'sk-or-…89ab'],
    ['sk-proj-abcdefgh1234', 'sk-…1234'],
    ['gsk_0123456789wxyz', 'gsk…wxyz'],
  ])('keyHint(%s) → %s', (key, hint) => {
    expect(keyHint(key)).toBe(hint);
    expect(hint.length).toBeLessThanOrEqual(40);
  });

  it('returns the trimmed key when the format is acceptable', () => {
    expect(checkKeyFormat(` ${KEY} `)).toBe(KEY);
    expect(checkKeyFormat('abcdefgh')).toBe('abcdefgh');
  });

  it('the secrets database has its own name', () => {
    expect(SECRETS_DB_NAME).toBe('jobfit-secrets');
    const shared = new SecretsDb();
    expect(shared.name).toBe('jobfit-secrets');
    shared.close();
  });
});
