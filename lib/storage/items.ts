import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { llmFeatures } from '../llm/features';
import { createLogger } from '../util/logger';
import { definePrivateItem } from './private-item';
import { parseOrFallback, type ValidatedItem } from './validated';

/**
 * Plain preferences as WXT storage items. Every read is validated; a stored value that no longer
 * fits its schema falls back to the default with a warning instead of breaking a view.
 * Never put the API key or personal details in `storage.local`: content scripts can read it in Firefox.
 * The profile lives in the extension's own IndexedDB (private-item.ts), behind the same interface.
 */
export const DEFAULT_BASE_URL = 'https://openrouter.ai/api/v1';

export const endpointSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).max(500),
});
export type Endpoint = z.infer<typeof endpointSchema>;

export const modelsSchema = z.partialRecord(z.enum(llmFeatures), z.string().min(1).max(200));
export type Models = z.infer<typeof modelsSchema>;

const shortText = z.string().trim().max(200);
export const profileSchema = z.object({
  name: shortText.default(''),
  email: z.union([z.literal(''), z.email().max(200)]).default(''),
  phone: shortText.default(''),
  location: shortText.default(''),
  links: z.array(z.url().max(500)).max(10).default([]),
});
export type Profile = z.infer<typeof profileSchema>;

export const autoArchiveDaysSchema = z.number().int().min(0).max(3650);

export const keyHintSchema = z.string().max(40).nullable();

/** Local spending cap for AI calls, in USD; null = no cap. Checked before each call with an estimate. */
export const spendingCapSchema = z.object({
  dailyUsd: z.number().min(0).max(100_000).nullable(),
  monthlyUsd: z.number().min(0).max(100_000).nullable(),
});
export type SpendingCap = z.infer<typeof spendingCapSchema>;

/**
 * What leaves the device with an AI call. `denyDataCollection` sends OpenRouter's
 * `provider.data_collection: "deny"` (only providers that do not store or train on prompts), `zdr`
 * asks for zero-data-retention endpoints; both may leave a model without a provider.
 */
export const llmPrivacySchema = z.object({
  denyDataCollection: z.boolean(),
  zdr: z.boolean(),
  /** City and location are useful for matching; the user may choose to send them. */
  redactLocation: z.boolean(),
});
export type LlmPrivacy = z.infer<typeof llmPrivacySchema>;

function defineValidatedItem<T>(key: `local:${string}`, schema: z.ZodType<T>, fallback: T): ValidatedItem<T> {
  const item = storage.defineItem<T>(key, { fallback, version: 1 });
  return {
    key,
    schema,
    fallback,
    getValue: async () => parseOrFallback(key, schema, fallback, await item.getValue()),
    async setValue(value: T): Promise<void> {
      await item.setValue(schema.parse(value));
    },
    removeValue: () => item.removeValue(),
    watch: (cb) => item.watch((value) => cb(parseOrFallback(key, schema, fallback, value, false))),
  };
}

export const endpointItem = defineValidatedItem('local:endpoint', endpointSchema, { baseUrl: DEFAULT_BASE_URL });
export const modelsItem = defineValidatedItem('local:models', modelsSchema, {});
/** Name, email, phone, location, links: personal, so never in `storage.local` (moved from there once). */
export const profileItem = definePrivateItem(
  'profile',
  profileSchema,
  { name: '', email: '', phone: '', location: '', links: [] },
  { legacyLocalKey: 'profile' },
);
export const autoArchiveDaysItem = defineValidatedItem('local:autoArchiveDays', autoArchiveDaysSchema, 60);
/** `sk-or-…abcd`: the only trace of the key that pages may show. */
export const keyHintItem = defineValidatedItem('local:keyHint', keyHintSchema, null);
export const spendingCapItem = defineValidatedItem('local:spendingCap', spendingCapSchema, { dailyUsd: null, monthlyUsd: null });
export const llmPrivacyItem = defineValidatedItem('local:llmPrivacy', llmPrivacySchema, {
  denyDataCollection: false,
  zdr: false,
  redactLocation: true,
});
/** The user saw what an AI call sends and chose not to be asked again before each one. */
export const llmConsentItem = defineValidatedItem('local:llmConsent', z.boolean(), false);

/** How often the tracker reminds the user to save a backup file (see lib/tracker/backup-reminder.ts). */
export const backupIntervalSchema = z.enum(['off', 'weekly', 'monthly']);
export type BackupInterval = z.infer<typeof backupIntervalSchema>;
export const backupIntervalItem = defineValidatedItem('local:backupInterval', backupIntervalSchema, 'weekly');
/**
 * When the last backup file was saved and when the last backup reminder was shown (ms, null = never).
 * Kept outside the database so a backup file never carries them and an import cannot turn them back.
 */
export const lastBackupAtItem = defineValidatedItem('local:lastBackupAt', z.number().finite().nullable(), null);
export const backupRemindedAtItem = defineValidatedItem('local:backupRemindedAt', z.number().finite().nullable(), null);

const log = createLogger('settings');

export type { ValidatedItem } from './validated';

/** Worker start: personal values an older version left in `storage.local` move to the private store. */
export async function migratePrivateItems(): Promise<void> {
  // Not fatal: the next read or write of the item tries again.
  await profileItem.migrate().catch(() => log.warn('the profile could not be moved out of storage.local yet'));
}
