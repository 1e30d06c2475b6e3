import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { AppError, type ErrorCode } from '../util/errors';

/**
 * Every way an LLM call can fail, mapped to an AppError code with a translated message, plus what the
 * failure policy needs: may it be retried, after how long, and does it say the endpoint is unhealthy.
 * Classification reads status, `error.metadata.error_type` and `error.availability`, never `message`.
 */

/** Codes this module produces; each has a message in every locale (errors.test.ts). */
export const llmErrorCodes = [
  'bad_request',
  'context_too_long',
  'key_invalid',
  'no_credit',
  'blocked_by_moderation',
  'model_unavailable',
  'privacy_restricted',
  'request_too_large',
  'rate_limited',
  'provider_error',
  'provider_timeout',
  'network_error',
  'provider_unavailable',
  'stream_stalled',
  'stream_error',
  'stream_truncated',
  'output_too_long',
  'content_filtered',
  'bad_response',
  'run_cancelled',
  'spending_cap',
  'invalid_output',
  'run_not_found',
  'no_model',
  'run_interrupted',
  'no_key',
] as const satisfies readonly ErrorCode[];

export interface LlmUsage {
  promptTokens: number;
  completionTokens: number;
  /** USD as reported by the endpoint; null when it reports none (other servers, `cost: null`). */
  cost: number | null;
}

/** What arrived before a failure: kept on the run, billed in the usage log. */
export interface PartialOutcome {
  text: string;
  usage?: LlmUsage;
  generationId?: string;
  servedModel?: string;
}

export class LlmCallError extends Error {
  override readonly name = 'LlmCallError';
  constructor(
    readonly appError: AppError,
    readonly options: {
      retryable: boolean;
      /** The server's hint (Retry-After, retry-after-ms, availability.retry_after), in ms. */
      retryAfterMs?: number;
      /** Counts towards the endpoint's circuit breaker (5xx, network, timeouts, stalls). */
      unhealthy?: boolean;
      status?: number;
      partial?: PartialOutcome;
    },
  ) {
    super(appError.message);
  }
  get code(): ErrorCode {
    return this.appError.code;
  }
  get retryable(): boolean {
    return this.options.retryable;
  }
  get partial(): PartialOutcome | undefined {
    return this.options.partial;
  }
  withPartial(partial: PartialOutcome): LlmCallError {
    return new LlmCallError(this.appError, { ...this.options, partial });
  }
}

/** Abort reasons the run engine sets on its own controller. */
export const CANCELLED = 'jobfit:cancelled';
export const STALLED = 'jobfit:stalled';

interface ErrorBody {
  code?: number | string;
  message?: unknown;
  error_type?: string;
  http_status?: number;
  metadata?: { error_type?: string; limit_source?: string };
  availability?: { code?: string; retryable?: boolean; retry_after?: number };
}

const CONTEXT_TYPES = new Set(['context_length_exceeded', 'max_tokens_exceeded', 'token_limit_exceeded', 'string_too_long']);
const UNAVAILABLE_CODES = new Set([
  'model_not_found',
  'wrong_endpoint',
  'no_endpoints',
  'model_deprecated',
  'model_unavailable_upstream',
  'constraint_filtered',
  'free_variant_ended',
  'region_restricted',
]);

function headerValue(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const record = headers as Record<string, string | undefined>;
  return record[name] ?? record[name.toLowerCase()] ?? null;
}

/**
 * The server's wait hint in ms: `retry-after-ms`, then `Retry-After` (seconds or an HTTP date), then
 * `error.availability.retry_after`. Negative, garbage or non-finite values give undefined.
 */
export function retryAfterMs(headers: unknown, body?: ErrorBody, now: number = Date.now()): number | undefined {
  const ms = headerValue(headers, 'retry-after-ms');
  if (ms !== null && ms.trim() !== '') {
    const n = Number(ms);
    if (Number.isFinite(n) && n >= 0) return n;
  }
  const after = headerValue(headers, 'retry-after');
  if (after !== null && after.trim() !== '') {
    const seconds = Number(after);
    if (Number.isFinite(seconds)) {
      if (seconds >= 0) return seconds * 1000;
    } else {
      const at = Date.parse(after);
      if (Number.isFinite(at)) return Math.max(0, at - now);
    }
  }
  const hinted = body?.availability?.retry_after;
  if (typeof hinted === 'number' && Number.isFinite(hinted) && hinted >= 0) return hinted * 1000;
  return undefined;
}

function errorBody(error: APIError): ErrorBody | undefined {
  const body = error.error;
  return body && typeof body === 'object' ? (body as ErrorBody) : undefined;
}

export interface ClassifyContext {
  /** Text received before the failure (kept, and an in-band error after content is never retried). */
  partial?: PartialOutcome;
  /** Why our own controller aborted, if it did. */
  abortReason?: unknown;
  now?: number;
}

const fail = (
  code: ErrorCode,
  options: ConstructorParameters<typeof LlmCallError>[1],
  detail?: string,
): LlmCallError => new LlmCallError(new AppError(code, detail), options);

/** An HTTP status (pre-stream) or an in-band error code (status-less) → the code and policy. */
function byStatus(status: number, body: ErrorBody | undefined, hasContent: boolean, retryAfter: number | undefined, partial?: PartialOutcome): LlmCallError {
  const errorType = body?.metadata?.error_type ?? body?.error_type;
  const availability = body?.availability;
  const base = { status, ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}), ...(partial ? { partial } : {}) };
  if (availability?.code === 'privacy_restricted') return fail('privacy_restricted', { ...base, retryable: false });
  if (availability?.code && UNAVAILABLE_CODES.has(availability.code)) {
    return fail('model_unavailable', { ...base, retryable: false }, availability.code);
  }
  if (availability && availability.retryable === false && status >= 500) {
    return fail('model_unavailable', { ...base, retryable: false }, availability.code);
  }
  if (hasContent) return fail('stream_error', { ...base, retryable: false, unhealthy: status >= 500 }, String(status));
  switch (status) {
    case 400:
    case 422:
      if (errorType && CONTEXT_TYPES.has(errorType)) return fail('context_too_long', { ...base, retryable: false });
      return fail('bad_request', { ...base, retryable: false }, String(status));
    case 401:
      return fail('key_invalid', { ...base, retryable: false }, '401');
    case 402:
      return fail('no_credit', { ...base, retryable: false }, body?.metadata?.limit_source);
    case 403:
      return fail('blocked_by_moderation', { ...base, retryable: false }, errorType);
    case 404:
      return fail('model_unavailable', { ...base, retryable: false }, availability?.code ?? '404');
    case 408:
    case 504:
    case 524:
      return fail('provider_timeout', { ...base, retryable: true, unhealthy: true }, String(status));
    case 409:
      return fail('provider_error', { ...base, retryable: true }, '409');
    case 413:
      return fail('request_too_large', { ...base, retryable: false });
    case 429:
      return fail('rate_limited', { ...base, retryable: availability?.retryable ?? true });
    default:
      if (status >= 500) return fail('provider_error', { ...base, retryable: availability?.retryable ?? true, unhealthy: true }, String(status));
      return fail('bad_request', { ...base, retryable: false }, String(status));
  }
}

/** In-band codes come as numbers (429, 502) or strings ("server_error"). */
function inBandStatus(code: unknown): number {
  if (typeof code === 'number' && Number.isFinite(code)) return code;
  if (typeof code === 'string') {
    const n = Number(code);
    if (Number.isFinite(n) && n >= 100) return n;
    if (/rate/i.test(code)) return 429;
    if (/timeout/i.test(code)) return 524;
  }
  return 502;
}

function isAbort(error: unknown): boolean {
  return error instanceof APIUserAbortError || (error instanceof Error && error.name === 'AbortError');
}

export function classifyLlmError(error: unknown, context: ClassifyContext = {}): LlmCallError {
  const partial = context.partial;
  const hasContent = !!partial?.text;
  const withPartial = partial ? { partial } : {};
  if (error instanceof LlmCallError) return partial && !error.partial ? error.withPartial(partial) : error;
  if (context.abortReason === CANCELLED) return fail('run_cancelled', { retryable: false, ...withPartial });
  if (context.abortReason === STALLED) {
    return fail('stream_stalled', { retryable: !hasContent, unhealthy: true, ...withPartial });
  }
  if (error instanceof APIError && !(error instanceof APIConnectionError) && !isAbort(error)) {
    const body = errorBody(error);
    const after = retryAfterMs(error.headers, body, context.now);
    const shouldRetry = headerValue(error.headers, 'x-should-retry');
    let failure: LlmCallError;
    if (error.status === undefined) {
      // In-band: an `error` inside a committed 200 stream (or a 200 body). Before any content it can be
      // retried like the status it names; after content the partial text is kept and the run fails.
      failure = byStatus(inBandStatus(body?.code), body, hasContent, after, partial);
    } else {
      failure = byStatus(error.status, body, false, after, partial);
    }
    if (shouldRetry === 'false' && failure.retryable) {
      failure = new LlmCallError(failure.appError, { ...failure.options, retryable: false });
    }
    return failure;
  }
  if (error instanceof APIConnectionTimeoutError) return fail('provider_timeout', { retryable: !hasContent, unhealthy: true, ...withPartial });
  if (error instanceof APIConnectionError) return fail('network_error', { retryable: !hasContent, unhealthy: true, ...withPartial });
  if (isAbort(error)) return fail('run_cancelled', { retryable: false, ...withPartial });
  if (error instanceof SyntaxError) return fail('bad_response', { retryable: !hasContent, ...withPartial }, 'json');
  if (error instanceof TypeError) {
    // fetch's own failures ("fetch failed", socket reset mid-body) surface as TypeError.
    return fail(hasContent ? 'stream_truncated' : 'network_error', { retryable: !hasContent, unhealthy: true, ...withPartial });
  }
  if (error instanceof AppError) return new LlmCallError(error, { retryable: false, ...withPartial });
  return fail('internal', { retryable: false, ...withPartial });
}

/**
 * A wait longer than the UI should show a spinner for becomes a `rate_limited` error that says when to
 * try again (ISO time in `detail`); shorter hints are honoured by the retry policy, even above the
 * SDK's 60 s cap.
 */
export function capRetryAfter(failure: LlmCallError, maxWaitMs: number, now: number): LlmCallError {
  const wait = failure.options.retryAfterMs;
  if (wait === undefined || wait <= maxWaitMs || !failure.retryable) return failure;
  const retryAt = new Date(now + wait).toISOString();
  return new LlmCallError(new AppError(failure.code === 'provider_error' ? 'provider_error' : 'rate_limited', retryAt), {
    ...failure.options,
    retryable: false,
  });
}

/** The outcome of a finished stream or body: success, or the failure its finish reason means. */
export function failureForFinishReason(finishReason: string | null | undefined, partial: PartialOutcome, sawAnyFrame: boolean): LlmCallError | undefined {
  const hasContent = !!partial.text;
  switch (finishReason) {
    case 'stop':
      return undefined;
    case 'length':
      return fail('output_too_long', { retryable: false, partial });
    case 'content_filter':
      return fail('content_filtered', { retryable: false, partial });
    case 'error':
      return fail('stream_error', { retryable: !hasContent, unhealthy: true, partial });
    case 'tool_calls':
      // Jobfit never sends tools; a tool call instead of text is an answer it cannot use.
      return fail('bad_response', { retryable: false, partial }, 'tool_calls');
    case null:
    case undefined:
    case '':
      if (!sawAnyFrame) return fail('bad_response', { retryable: true, unhealthy: true, partial }, 'empty');
      return fail('stream_truncated', { retryable: !hasContent, partial });
    default:
      // Other servers' native reasons ("end_turn", "eos"): the answer finished.
      return undefined;
  }
}
