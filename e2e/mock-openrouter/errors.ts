import type { AvailabilityScript, InBandErrorScript, ModerationScript } from './types';

// Error bodies exactly as OpenRouter documents them (spec §1.5, §7.2–7.4).

export interface ErrorBody {
  error: { code?: number | string; message: string; metadata?: Record<string, unknown>; [k: string]: unknown };
}

export const errorBody = (code: number, message: string, metadata?: Record<string, unknown>): ErrorBody => ({
  error: metadata ? { code, message, metadata } : { code, message },
});

/** The body a scripted bare status gets; the wording comes from the docs and the OpenAPI spec. */
const STATUS_MESSAGES: Record<number, string> = {
  400: 'Invalid request',
  401: 'User not found.',
  402: 'Insufficient credits. Add more using https://openrouter.ai/credits',
  403: 'Forbidden',
  404: 'Resource not found',
  408: 'Operation timed out. Please try again later.',
  409: 'Conflict',
  413: 'Request payload too large',
  422: 'Invalid argument',
  429: 'Rate limit exceeded',
  500: 'Internal Server Error',
  502: 'Provider returned error',
  503: 'Service temporarily unavailable',
  504: 'Gateway timeout',
  524: 'Request timed out. Please try again later.',
  529: 'Provider returned error',
};

export const defaultErrorBody = (status: number): ErrorBody =>
  errorBody(status, STATUS_MESSAGES[status] ?? `HTTP ${status}`);

export const MISSING_AUTH = (message = 'Missing Authentication header') => errorBody(401, message);
export const UNKNOWN_KEY = errorBody(401, 'User not found.');
export const INVALID_JSON = errorBody(400, 'Invalid JSON');
export const NOT_FOUND = errorBody(404, 'Resource not found');
export const PAYLOAD_TOO_LARGE = errorBody(413, 'Request payload too large');
export const MANAGEMENT_ONLY = errorBody(403, 'Only management keys can perform this operation');
export const RATE_LIMITED = errorBody(429, 'Rate limit exceeded');
export const KEY_LIMIT = errorBody(402, 'Insufficient credits. Add more using https://openrouter.ai/credits', {
  limit_source: 'openrouter_key_limit',
});

/** Availability codes → HTTP status and whether a retry can help (§1.5). */
const AVAILABILITY: Record<string, { status: number; retryable: boolean }> = {
  model_not_found: { status: 400, retryable: false },
  wrong_endpoint: { status: 400, retryable: false },
  no_endpoints: { status: 404, retryable: false },
  model_deprecated: { status: 404, retryable: false },
  model_unavailable_upstream: { status: 404, retryable: false },
  capacity_exhausted: { status: 429, retryable: true },
  temporarily_unavailable: { status: 503, retryable: true },
  region_restricted: { status: 403, retryable: false },
  privacy_restricted: { status: 404, retryable: false },
  constraint_filtered: { status: 404, retryable: false },
  free_variant_ended: { status: 404, retryable: false },
};

const ERROR_TYPE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request',
  403: 'permission_denied',
  404: 'not_found',
  429: 'rate_limit_exceeded',
  503: 'provider_overloaded',
};

/** An availability error. Like the documented examples it has `http_status` and no `error.code`. */
export function availabilityError(script: AvailabilityScript, models: string[]): { status: number; body: ErrorBody } {
  const known = AVAILABILITY[script.code];
  const status = script.status ?? known?.status ?? 503;
  const retryable = script.retryable ?? known?.retryable ?? false;
  const first = models[0] ?? 'unknown';
  const defaultMessage =
    script.code === 'capacity_exhausted'
      ? `All providers for ${first} are at capacity.${script.retryAfter === undefined ? '' : ` Retry after ${script.retryAfter} seconds.`}`
      : script.code === 'model_not_found'
        ? `${first} is not a valid model ID`
        : `No endpoints available for ${first} (${script.code})`;
  const availability: Record<string, unknown> = {
    code: script.code,
    retryable,
    ...(script.retryAfter === undefined ? {} : { retry_after: script.retryAfter }),
    requested_models: models,
    ...(script.affectedProviders ? { affected_providers: script.affectedProviders } : {}),
    ...(script.fallbackModels ? { fallback_models: script.fallbackModels } : {}),
    ...(script.excludedBy ? { excluded_by: script.excludedBy } : {}),
    docs_url: `https://openrouter.ai/docs/errors#${script.code}`,
  };
  return {
    status,
    body: {
      error: {
        message: script.message ?? defaultMessage,
        error_type: script.errorType ?? ERROR_TYPE_BY_STATUS[status] ?? 'unmapped',
        http_status: status,
        availability,
      },
    },
  };
}

/** "Limited to 100 characters … truncated in the middle and replaced with ..." */
export function truncateMiddle(text: string, max = 100): string {
  if (text.length <= max) return text;
  const keep = max - 3;
  const head = Math.ceil(keep / 2);
  return `${text.slice(0, head)}...${text.slice(text.length - (keep - head))}`;
}

export function moderationError(script: ModerationScript, userText: string, model: string): ErrorBody {
  const reasons = script.reasons ?? ['harassment'];
  const provider = script.providerName ?? 'MockProvider';
  return errorBody(403, `${model} requires moderation on ${provider}. Your input was flagged for "${reasons.join(', ')}". No credits were charged.`, {
    reasons,
    flagged_input: truncateMiddle(script.flaggedInput ?? userText),
    provider_name: provider,
    model_slug: script.modelSlug ?? model,
  });
}

export const guardrailError = (patterns: string[]): ErrorBody =>
  errorBody(403, 'Request blocked: prompt injection patterns detected', { patterns });

/** A Cloudflare-style error page (the kind a JSON parser chokes on). */
export function cloudflarePage(status: number): string {
  const title = status === 524 ? 'A timeout occurred' : status === 503 ? 'Service unavailable' : 'Bad gateway';
  return [
    '<!DOCTYPE html>',
    '<html lang="en-US"><head><meta charset="UTF-8" />',
    `<title>openrouter.ai | ${status}: ${title}</title></head>`,
    '<body><div id="cf-wrapper"><div id="cf-error-details">',
    `<h1><span class="inline-block">${title}</span> <span class="code-label">Error code ${status}</span></h1>`,
    '<p>The web server reported an error. Please try again in a few minutes.</p>',
    '<p>Cloudflare Ray ID: <strong>8f0000000000mock</strong></p>',
    '</div></div></body></html>',
  ].join('\n');
}

/** The `error` object of an in-band error (stream frame or `choices[0].error`). */
export function inBandError(script: InBandErrorScript): ErrorBody['error'] {
  const code = script.code ?? 502;
  const sanitized = script.sanitize === true && typeof code === 'number' && code >= 500;
  const message = sanitized ? 'Internal Server Error' : (script.message ?? defaultInBandMessage(code));
  const metadata: Record<string, unknown> = {};
  if (script.errorType !== undefined) metadata.error_type = script.errorType;
  if (script.providerCode !== undefined && !sanitized) metadata.provider_code = script.providerCode;
  return Object.keys(metadata).length ? { code, message, metadata } : { code, message };
}

function defaultInBandMessage(code: number | string): string {
  if (code === 429) return 'Rate limit exceeded';
  if (typeof code === 'string') return 'Provider disconnected unexpectedly';
  return 'Provider disconnected mid-stream';
}
