import { APIError, type OpenAI } from 'openai';
import { AppError } from '../util/errors';
import { CANCELLED, classifyLlmError, failureForFinishReason, LlmCallError, STALLED, type LlmUsage, type PartialOutcome } from './errors';
import { realTimers, type Timers } from './runs';

/**
 * One HTTP attempt of a chat completion, streamed by default. The caller's policy decides about
 * retries; this module turns everything that can happen on the wire into a result or an LlmCallError
 * that carries the partial text:
 * - an inactivity watchdog over raw bytes (OpenRouter's `: OPENROUTER PROCESSING` comments count,
 *   though the SDK drops them) aborts stalled streams, also before the headers arrive;
 * - a cancel aborts the HTTP request itself (the SDK's iterator then returns silently, so the abort
 *   reason is checked after the loop);
 * - in-band errors, `finish_reason: "error"` and a missing finish reason are failures, never a
 *   silently short answer.
 */

export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };

/** OpenRouter's provider preferences; the SDK sends unknown body fields as they are. */
export interface ProviderPreferences {
  data_collection?: 'allow' | 'deny';
  zdr?: boolean;
  require_parameters?: boolean;
}

export interface ChatBody {
  model: string;
  messages: ChatMessage[];
  max_tokens?: number;
  temperature?: number;
  response_format?: OpenAI.Chat.ChatCompletionCreateParams['response_format'];
  provider?: ProviderPreferences;
}

export interface AttemptOptions {
  /** Builds the SDK client around the given fetch (the watchdog's tap). */
  makeClient: (fetch: typeof globalThis.fetch) => OpenAI;
  /** The fetch underneath; the global one by default. */
  baseFetch?: typeof globalThis.fetch;
  /** The run's cancel signal. */
  signal?: AbortSignal;
  /** Abort when no byte arrives for this long (headers included). */
  watchdogMs: number;
  stream?: boolean;
  timers?: Timers;
  /** Raw (still redacted) content as it arrives. */
  onDelta?: (delta: string) => void;
  /** Once the response headers are in: the generation id for cost reconciliation. */
  onResponse?: (info: { generationId?: string }) => void;
}

export interface AttemptResult extends PartialOutcome {
  finishReason: string;
}

/** A fetch whose response body reports every chunk (and the headers) as activity. */
export function tapFetch(base: typeof globalThis.fetch, onActivity: () => void): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await base(input, init);
    onActivity();
    if (!response.body || [101, 204, 205, 304].includes(response.status)) return response;
    const tap = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        onActivity();
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(tap), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

function toUsage(raw: unknown): LlmUsage | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const u = raw as { prompt_tokens?: unknown; completion_tokens?: unknown; cost?: unknown };
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  return {
    promptTokens: num(u.prompt_tokens) ?? 0,
    completionTokens: num(u.completion_tokens) ?? 0,
    cost: num(u.cost) ?? null,
  };
}

export async function runAttempt(body: ChatBody, options: AttemptOptions): Promise<AttemptResult> {
  const timers = options.timers ?? realTimers;
  const controller = new AbortController();
  const onCancel = () => controller.abort(CANCELLED);
  if (options.signal?.aborted) onCancel();
  options.signal?.addEventListener('abort', onCancel, { once: true });

  let watchdog: unknown;
  const arm = () => {
    if (watchdog !== undefined) timers.clearTimeout(watchdog);
    watchdog = timers.setTimeout(() => controller.abort(STALLED), options.watchdogMs);
  };
  const partial: PartialOutcome = { text: '' };
  const abortReason = () => (controller.signal.aborted ? (controller.signal.reason as unknown) : undefined);

  try {
    if (controller.signal.aborted) throw classifyLlmError(undefined, { abortReason: CANCELLED });
    arm();
    const client = options.makeClient(tapFetch(options.baseFetch ?? ((...args) => globalThis.fetch(...args)), arm));
    const requestOptions = { signal: controller.signal, maxRetries: 0 };
    let finishReason: string | null | undefined;
    let sawFrame = false;

    if (options.stream === false) {
      const { data, response } = await client.chat.completions.create({ ...body, stream: false }, requestOptions).withResponse();
      partial.generationId = response.headers.get('x-generation-id') ?? data.id ?? undefined;
      options.onResponse?.({ generationId: partial.generationId });
      if (data.model) partial.servedModel = data.model;
      const usage = toUsage(data.usage);
      if (usage) partial.usage = usage;
      const choice = data.choices?.[0] as (OpenAI.Chat.ChatCompletion.Choice & { error?: unknown }) | undefined;
      partial.text = choice?.message?.content ?? '';
      if (partial.text) options.onDelta?.(partial.text);
      sawFrame = !!choice;
      // OpenRouter's committed error: HTTP 200, `finish_reason: "error"` and an `error` beside the text.
      if (choice?.error) throw new APIError(undefined, choice.error as object, undefined, response.headers);
      finishReason = choice?.finish_reason;
    } else {
      const { data: stream, response } = await client.chat.completions.create({ ...body, stream: true }, requestOptions).withResponse();
      partial.generationId = response.headers.get('x-generation-id') ?? undefined;
      options.onResponse?.({ generationId: partial.generationId });
      for await (const chunk of stream) {
        sawFrame = true;
        partial.generationId ??= chunk.id || undefined;
        if (chunk.model) partial.servedModel = chunk.model;
        const usage = toUsage(chunk.usage);
        if (usage) partial.usage = usage;
        // The usage frame (and debug frames) have `choices: []`.
        const choice = chunk.choices?.[0];
        const delta = choice?.delta?.content;
        if (delta) {
          partial.text += delta;
          options.onDelta?.(delta);
        }
        if (choice?.finish_reason) finishReason = choice.finish_reason;
      }
    }
    // The SDK returns quietly when its request was aborted: a cancel or the watchdog, not an answer.
    if (controller.signal.aborted) throw classifyLlmError(undefined, { abortReason: abortReason(), partial });
    const failure = failureForFinishReason(finishReason, partial, sawFrame);
    if (failure) throw failure;
    // Reasoning only, or nothing: an empty answer is not a result (the prompt may still be billed).
    if (!partial.text) throw new LlmCallError(new AppError('bad_response', 'empty'), { retryable: false, partial });
    return { ...partial, finishReason: finishReason ?? 'stop' };
  } catch (error) {
    if (error instanceof LlmCallError) throw error.partial ? error : error.withPartial(partial);
    throw classifyLlmError(error, { abortReason: abortReason(), partial });
  } finally {
    if (watchdog !== undefined) timers.clearTimeout(watchdog);
    options.signal?.removeEventListener('abort', onCancel);
  }
}
