import { z } from 'zod';
import { endpointItem } from '../storage/items';
import { AppError } from '../util/errors';
import { readApiKey } from './key-store';
import type { KeyStatus } from './key-status';

const keyResponseSchema = z.object({
  data: z.object({
    label: z.string().nullish(),
    limit_remaining: z.number().nullish(),
    usage: z.number().nullish(),
    is_free_tier: z.boolean().nullish(),
  }),
});

export interface ValidateKeyDeps {
  fetch: typeof fetch;
  readKey: () => Promise<string | undefined>;
  baseUrl: () => Promise<string>;
}

const defaultDeps: ValidateKeyDeps = {
  fetch: (...args) => fetch(...args),
  readKey: () => readApiKey(),
  baseUrl: async () => (await endpointItem.getValue()).baseUrl,
};

/** `GET {baseUrl}/key` with the stored key. Servers without that route (local OpenAI-compatible ones) are checked with `/models`. */
export async function validateKey(deps: ValidateKeyDeps = defaultDeps): Promise<KeyStatus> {
  const key = await deps.readKey();
  if (!key) throw new AppError('no_key');
  const base = (await deps.baseUrl()).replace(/\/+$/, '');
  const headers = { Authorization: `Bearer ${key}` };
  let response: Response;
  try {
    response = await deps.fetch(`${base}/key`, { headers });
    if (response.status === 404) response = await deps.fetch(`${base}/models`, { headers });
  } catch {
    throw new AppError('key_check_failed', 'network');
  }
  if (response.status === 401 || response.status === 403) throw new AppError('key_invalid', String(response.status));
  if (!response.ok) throw new AppError('key_check_failed', String(response.status));
  const parsed = keyResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) return { valid: true, limitRemaining: null };
  const data = parsed.data.data;
  return {
    valid: true,
    ...(data.label ? { label: data.label } : {}),
    limitRemaining: data.limit_remaining ?? null,
    ...(data.usage != null ? { usage: data.usage } : {}),
    ...(data.is_free_tier != null ? { isFreeTier: data.is_free_tier } : {}),
  };
}
