import type { z } from 'zod';
import { createLogger } from '../util/logger';

const log = createLogger('settings');

/** A validated settings item as pages and the worker use it: read, watch, write. */
export interface ValidatedItem<T> {
  /** Where the value lives (`local:endpoint`, `private:profile`), for messages and tests. */
  readonly key: string;
  readonly schema: z.ZodType<T>;
  readonly fallback: T;
  getValue(): Promise<T>;
  /** Throws a ZodError for invalid input, so forms can show what is wrong. */
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Reports each later change (validated) until the returned function is called. */
  watch(cb: (value: T) => void): () => void;
}

/** The stored value if it fits the schema, else a copy of the default, with a warning for a bad value. */
export function parseOrFallback<T>(key: string, schema: z.ZodType<T>, fallback: T, raw: unknown, warn = true): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  if (warn) log.warn(`stored ${key} is invalid; using the default`);
  // A copy: a receiver that edits the value must not change the default for everyone else.
  return structuredClone(fallback);
}

const updates = new Map<string, Promise<unknown>>();

/**
 * Read-modify-write of an item, one at a time per item in this context: two quick changes (two model
 * dropdowns, two privacy switches) each build on the other instead of the second overwriting the first.
 */
export function updateItem<T>(item: ValidatedItem<T>, change: (value: T) => T): Promise<void> {
  const previous = updates.get(item.key) ?? Promise.resolve();
  const next = previous.then(async () => item.setValue(change(await item.getValue())));
  updates.set(
    item.key,
    next.catch(() => undefined),
  );
  return next;
}
