import { keyHintItem } from '../storage/items';
import { AppError } from '../util/errors';
import { getSecretsDb, type SecretsDb } from './secrets-db';

/** `sk-or-v1-…abcd`; other providers' keys keep their first segment. */
export function keyHint(key: string): string {
  const prefix = key.startsWith('sk-or-') ? 'sk-or-' : key.slice(0, Math.min(3, key.length));
  return `${prefix}…${key.slice(-4)}`;
}

/** Accepts anything that could be a bearer token; OpenRouter keys look like `sk-or-v1-<hex>`. */
export function checkKeyFormat(key: string): string {
  const trimmed = key.trim();
  if (trimmed.length < 8 || trimmed.length > 300 || /\s/.test(trimmed) || !/^[\x21-\x7e]+$/.test(trimmed)) {
    throw new AppError('invalid_key_format');
  }
  return trimmed;
}

/**
 * Write-only: pages may store or clear the key but there is no way here to read it back.
 * Only `lib/llm` code running in the worker reads it (key-store.ts).
 */
export async function setApiKey(key: string, db: SecretsDb = getSecretsDb()): Promise<string> {
  const value = checkKeyFormat(key);
  await db.secrets.put({ name: 'openrouterKey', value, updatedAt: Date.now() });
  const hint = keyHint(value);
  await keyHintItem.setValue(hint);
  return hint;
}

export async function clearApiKey(db: SecretsDb = getSecretsDb()): Promise<void> {
  await db.secrets.delete('openrouterKey');
  await keyHintItem.setValue(null);
}
