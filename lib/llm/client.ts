import '../util/zod-config';
import OpenAI from 'openai';
import { z } from 'zod';

/**
 * The worker's OpenAI-compatible client. OpenRouter (or any compatible server) is called with the
 * user's own key, so `dangerouslyAllowBrowser` is always on: from openai v7.5 the SDK also refuses to
 * run in a browser *worker* without it, and the MV3 worker is one.
 */

/** App attribution (OpenRouter rankings). A web address, not `chrome-extension://`, identifies the app. */
export const ATTRIBUTION_HEADERS = {
  'HTTP-Referer': 'https://jobfit.app',
  'X-OpenRouter-Title': 'Jobfit',
  // Legacy name, still read by OpenRouter and by older compatible servers.
  'X-Title': 'Jobfit',
} as const;

export interface LlmClientOptions {
  baseURL: string;
  apiKey: string;
  /** Injected in tests; the worker's global fetch otherwise. */
  fetch?: typeof fetch;
  /** When known, decides the SDK's own retries (none for `:free` models). */
  model?: string;
  /** Time until response headers arrive; the body is watched by the run's inactivity watchdog. */
  timeoutMs?: number;
}

export const isFreeModel = (model: string): boolean => model.endsWith(':free');

/**
 * The SDK's own retries. `:free` models have 20/min and 50/day quotas, which silent retries burn,
 * and chat runs always pass `maxRetries: 0` because the run's cockatiel policy is the one retry layer
 * (it honours long `Retry-After` values the SDK ignores and counts attempts in the run row).
 */
export function sdkMaxRetries(model?: string): number {
  return model && isFreeModel(model) ? 0 : 2;
}

export function createLlmClient(options: LlmClientOptions): OpenAI {
  return new OpenAI({
    baseURL: options.baseURL.replace(/\/+$/, ''),
    apiKey: options.apiKey,
    dangerouslyAllowBrowser: true,
    maxRetries: sdkMaxRetries(options.model),
    timeout: options.timeoutMs ?? 60_000,
    defaultHeaders: { ...ATTRIBUTION_HEADERS },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/** What the model picker and the run engine need to know about a model. Prices in USD per token. */
export interface ModelInfo {
  id: string;
  name: string;
  contextLength: number | null;
  maxCompletionTokens: number | null;
  pricing: { prompt: number; completion: number } | null;
  /** `response_format: json_schema` is honoured (OpenRouter's `structured_outputs` parameter). */
  supportsStructured: boolean;
  isFree: boolean;
}

const price = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n) || n < 0) {
    ctx.addIssue({ code: 'custom', message: 'bad price' });
    return z.NEVER;
  }
  return n;
});

const modelItemSchema = z.object({
  id: z.string().min(1).max(300),
  name: z.string().max(300).nullish(),
  context_length: z.number().int().positive().nullish(),
  pricing: z.object({ prompt: price, completion: price }).nullish().catch(null),
  supported_parameters: z.array(z.string()).nullish().catch(null),
  top_provider: z.object({ max_completion_tokens: z.number().int().positive().nullish() }).nullish().catch(null),
});

/** Maps one `GET /models` item; servers other than OpenRouter send only `id`, so every other field is optional. */
export function toModelInfo(raw: unknown): ModelInfo | undefined {
  const parsed = modelItemSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const m = parsed.data;
  return {
    id: m.id,
    name: m.name ?? m.id,
    contextLength: m.context_length ?? null,
    maxCompletionTokens: m.top_provider?.max_completion_tokens ?? null,
    pricing: m.pricing ? { prompt: m.pricing.prompt, completion: m.pricing.completion } : null,
    supportsStructured: m.supported_parameters?.includes('structured_outputs') ?? false,
    isFree: isFreeModel(m.id) || (m.pricing ? m.pricing.prompt === 0 && m.pricing.completion === 0 : false),
  };
}

/** `GET {baseURL}/models`: every model the endpoint offers, sorted by name; unreadable items are skipped. */
export async function listModels(client: OpenAI, signal?: AbortSignal): Promise<ModelInfo[]> {
  const body = await client.get<unknown>('/models', { ...(signal ? { signal } : {}) });
  const items = z.object({ data: z.array(z.unknown()) }).safeParse(body);
  if (!items.success) return [];
  return items.data.data
    .map(toModelInfo)
    .filter((m): m is ModelInfo => m !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
}
