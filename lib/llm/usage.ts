import type { OpenAI } from 'openai';
import { z } from 'zod';
import type { LlmUsageRepo } from '../db/repos/llm-usage';
import type { SpendingCap } from '../storage/items';
import { AppError } from '../util/errors';
import type { ModelInfo } from './client';

/**
 * Money and identity of calls: the cache key of a request, a cost estimate before the call (for the
 * local spending cap), and the cost of a run that died mid-stream, read back from `/generation`.
 */

/** JSON with sorted object keys, so equal requests hash equally whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** SHA-256 (hex) of endpoint + model + messages + parameters: the `llmCache` key. */
export async function cacheKey(request: { endpoint: string; body: unknown }): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(request));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Completion tokens assumed when the request sets no `max_tokens`. */
export const DEFAULT_COMPLETION_ESTIMATE = 1_000;

/**
 * An upper-ish estimate in USD: prompt characters / 4 at the prompt price plus the expected completion
 * at the completion price. Unknown prices (other servers) estimate 0.
 */
export function estimateCost(model: ModelInfo | undefined, promptChars: number, maxTokens?: number): number {
  if (!model?.pricing) return 0;
  const completion = maxTokens ?? Math.min(DEFAULT_COMPLETION_ESTIMATE, model.maxCompletionTokens ?? DEFAULT_COMPLETION_ESTIMATE);
  return Math.ceil(promptChars / 4) * model.pricing.prompt + completion * model.pricing.completion;
}

export const startOfLocalDay = (at: number): number => {
  const d = new Date(at);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
};

export const startOfLocalMonth = (at: number): number => {
  const d = new Date(at);
  return new Date(d.getFullYear(), d.getMonth(), 1).getTime();
};

/** Throws `spending_cap` (detail `daily` or `monthly`) when this call could take spending over a cap. */
export async function checkSpendingCap(cap: SpendingCap, usage: LlmUsageRepo, estimate: number, now: number): Promise<void> {
  if (cap.dailyUsd !== null) {
    const spent = await usage.spentSince(startOfLocalDay(now));
    if (spent + estimate > cap.dailyUsd) throw new AppError('spending_cap', 'daily');
  }
  if (cap.monthlyUsd !== null) {
    const spent = await usage.spentSince(startOfLocalMonth(now));
    if (spent + estimate > cap.monthlyUsd) throw new AppError('spending_cap', 'monthly');
  }
}

const generationSchema = z.object({
  data: z.object({
    model: z.string().nullish(),
    tokens_prompt: z.number().nullish(),
    tokens_completion: z.number().nullish(),
    total_cost: z.number().nullish(),
    cancelled: z.boolean().nullish(),
  }),
});

export interface GenerationCost {
  model?: string;
  promptTokens: number;
  completionTokens: number;
  cost: number;
  cancelled: boolean;
}

/**
 * `GET /generation?id=`: what a generation really cost. Generations are recorded asynchronously, so
 * a 404 means "not yet" and gives undefined, as does any other failure (the caller tries again later).
 */
export async function fetchGenerationCost(client: OpenAI, generationId: string, signal?: AbortSignal): Promise<GenerationCost | undefined> {
  try {
    const body = await client.get<unknown>('/generation', { query: { id: generationId }, maxRetries: 0, ...(signal ? { signal } : {}) });
    const parsed = generationSchema.safeParse(body);
    if (!parsed.success) return undefined;
    const d = parsed.data.data;
    return {
      ...(d.model ? { model: d.model } : {}),
      promptTokens: d.tokens_prompt ?? 0,
      completionTokens: d.tokens_completion ?? 0,
      cost: d.total_cost ?? 0,
      cancelled: d.cancelled ?? false,
    };
  } catch {
    return undefined;
  }
}
