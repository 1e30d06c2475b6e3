// Public types of the mock OpenRouter server (spec: ../shared/openrouter-mock-spec.md §7).
// Scenarios are plain JSON so they can be queued over HTTP (`POST /__mock/script`) as well as in-process.

export type FinishReason = 'stop' | 'length' | 'content_filter' | 'tool_calls' | 'error';

/** An in-band error (`data: {"error":{…}}` in a stream, or `choices[0].error` in a committed 200). */
export interface InBandErrorScript {
  /** A number (429, 502) or a string (`"server_error"`): both appear in OpenRouter's docs. Default 502. */
  code?: number | string;
  message?: string;
  /** `error.metadata.error_type`; metadata is omitted when neither this nor `providerCode` is set. */
  errorType?: string;
  providerCode?: string;
  /** Replace the message of a numeric 5xx with a generic one and drop `provider_code`, as OpenRouter says it does. */
  sanitize?: boolean;
}

export interface MidStreamErrorScript extends InBandErrorScript {
  /** Content frames sent before the error frame. Default 1. */
  afterPieces?: number;
  /** Put the usage of the partial output on the error frame. */
  withUsage?: boolean;
}

export interface CommittedErrorScript extends InBandErrorScript {
  /** Text in `message.content` next to the error. Default: the first piece of the normal content. */
  partialContent?: string;
}

/** `error.availability` (§1.5). The HTTP status follows the code unless `status` is given. */
export interface AvailabilityScript {
  code: string;
  status?: number;
  retryable?: boolean;
  /** Seconds; also sent as `Retry-After` unless the scenario sets `retryAfter`. */
  retryAfter?: number;
  message?: string;
  errorType?: string;
  affectedProviders?: string[];
  fallbackModels?: string[];
  excludedBy?: string[];
}

export interface ModerationScript {
  reasons?: string[];
  /** Default: the last user message. Middle-truncated to 100 characters with "...". */
  flaggedInput?: string;
  providerName?: string;
  modelSlug?: string;
}

export interface ToolCallScript {
  id?: string;
  name: string;
  /** A string is sent verbatim (so it may be invalid JSON); anything else is JSON-encoded. */
  arguments?: string | Record<string, unknown>;
  /** Character offsets where the streamed `arguments` are cut. Default: three fragments. */
  splitAt?: number[];
}

export type StructuredMode =
  | 'valid'
  | 'schemaViolating'
  | 'invalidJson'
  | 'fenced'
  | 'prose+json'
  | 'trailingComma'
  | 'emptyObject'
  | 'truncatedJson';

export type SplitWrites = 'random' | 'byte' | 'midUtf8' | number[];

/** Which requests a queued scenario may answer. Unset fields match anything. */
export interface ScenarioMatch {
  /** The full API key of the request. */
  key?: string;
  /** The model being tried (each of `[model, ...models]` in turn). */
  model?: string;
  /** A substring of the last user message. */
  matchUserText?: string;
}

/**
 * One scripted answer. Every field is optional and all of them combine (§7.6).
 * Times are real milliseconds; tests pass small values.
 */
export interface Scenario {
  id?: string;
  match?: ScenarioMatch;
  /** How many requests this queued scenario answers before it is used up. Default 1. */
  times?: number;

  // Responses that never reach the model
  /** With `body`: sent verbatim. A status >= 400 alone gets the documented body for that status. */
  status?: number;
  body?: unknown;
  /** Extra response headers, on every response this scenario produces. */
  headers?: Record<string, string>;
  /** `Retry-After`: seconds (may be 0, negative or > 60) or an HTTP date or any string. */
  retryAfter?: number | string;
  retryAfterMs?: number;
  xShouldRetry?: boolean;
  availability?: string | AvailabilityScript;
  moderation?: true | ModerationScript;
  guardrail?: true | { patterns?: string[] };
  /** A Cloudflare-style HTML page: `true` (502), a status, or both with a custom page. */
  htmlError?: true | number | { status?: number; html?: string };
  /** 200, `Content-Type: application/json`, and a body that is not JSON. */
  okButNotJson?: true | string;
  /** Wait before the status line is sent. */
  headerDelayMs?: number;
  /** Fail this many times (502 unless `status` is given), then answer normally; stays queued meanwhile. */
  serverError5xxThenOk?: number | { count: number; status?: number };

  // SSE framing
  keepalivesBefore?: number;
  keepaliveIntervalMs?: number;
  /** The whole comment line, e.g. `:` or `: ping`. Default `: OPENROUTER PROCESSING`. */
  keepaliveCommentText?: string;
  /** Comments between consecutive data frames. */
  keepalivesBetween?: number;
  chunkDelayMs?: number;
  trickleBytesPerSec?: number;
  splitWrites?: SplitWrites;
  /** Pause between split writes. Default 0 (next turn of the event loop). */
  splitDelayMs?: number;
  /** Seed for `splitWrites: "random"`. */
  seed?: number;
  lineEnding?: '\n' | '\r\n' | '\r';
  multiLineData?: boolean;
  dataNoSpace?: boolean;
  /** `id:`, `event:`, `retry:` and an unknown field before every data frame. */
  extraFields?: boolean;
  usageFrameStyle?: 'empty-choices' | 'repeat-choice';

  // Faults inside a committed response
  midStreamError?: true | MidStreamErrorScript;
  errorBeforeContent?: true | InBandErrorScript;
  committedError?: true | CommittedErrorScript;
  truncate?: 'noDone' | 'noFinishReason' | 'midFrame';
  reset?: { afterBytes: number };
  hang?: 'beforeHeaders' | 'afterHeaders' | 'afterFirstChunk';
  /** One `data:` frame with invalid JSON after the first piece: a truncated object, `NaN`, or this text. */
  malformedFrame?: true | 'truncatedObject' | 'nan' | { payload: string };
  emptyChoicesMidStream?: boolean;
  duplicateDone?: boolean;
  /** Content frames after `[DONE]` (true = 1). */
  framesAfterDone?: boolean | number;

  // Content
  /** `null` means no finish reason ever. */
  finishReason?: FinishReason | null;
  nativeFinishReason?: string | null;
  /** The `model` reported back, as after a provider-side fallback. */
  servedModel?: string;
  content?: string;
  /** Content frames: a count (default 3), or one per word / per character. */
  pieces?: number | 'word' | 'char';
  structured?: StructuredMode;
  toolCalls?: true | ToolCallScript[];
  /** Reasoning text streamed as `delta.reasoning` + `delta.reasoning_details` before the content. */
  reasoning?: string;
  reasoningOnly?: boolean;
  /** Megabytes of content (fractions allowed). */
  hugeContent?: number;
  /** Answer with the last user message. */
  echoPrompt?: boolean;

  // Usage and billing
  omitUsage?: boolean;
  omitCost?: boolean;
  costNull?: boolean;
  /** Replace the computed cost (also what the key is charged). */
  cost?: number;
  /** Merged over the reported `usage` object, e.g. `{ is_byok: true }`. */
  usage?: Record<string, unknown>;
  /** `/generation?id=` answers 404 for this long after the response ends. */
  generationReadyAfterMs?: number;
}

/** A key the mock accepts (§7.2). Money is in USD, like OpenRouter credits. */
export interface KeyConfig {
  key: string;
  label?: string;
  /** Credit limit, or null for unlimited (default). */
  limit?: number | null;
  limitReset?: 'daily' | 'weekly' | 'monthly' | null;
  /** Usage already spent. */
  usage?: number;
  isFreeTier?: boolean;
  disabled?: boolean;
  /** A management key may read `/credits`. */
  management?: boolean;
  /** All-time purchases; >= 10 lifts the `:free` daily limit from 50 to 1000. Default 10. */
  creditsPurchased?: number;
  expiresAt?: string | null;
  /** Used when a request names neither `model` nor `models`. */
  defaultModel?: string;
}

/** A model in `GET /models`, plus mock-only defaults. */
export interface ModelFixture {
  id: string;
  name?: string;
  description?: string;
  contextLength: number;
  maxCompletionTokens?: number;
  /** USD per token as decimal strings, as the real API sends them. */
  pricing: { prompt: string; completion: string };
  supportedParameters: string[];
  /** Scenario fields applied to every request served by this model (e.g. `mock/slow`). */
  defaults?: Scenario;
}

export interface MockOpenRouterOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (an ephemeral port). */
  port?: number;
  /** Default: one key, `MOCK_API_KEY`. */
  keys?: KeyConfig[];
  /** Accept any unknown `sk-or-…` key (registered on first use with default settings). */
  acceptAnyKey?: boolean;
  /** Replaces the built-in model fixtures. */
  models?: ModelFixture[];
  /** Added to the built-in fixtures. */
  extraModels?: ModelFixture[];
  /** When a request names no model and its key has no default. Default `mock/json-strict`. */
  defaultModel?: string;
  /** `strict` allows only `authorization, content-type` in preflight (§7.1). */
  cors?: 'permissive' | 'strict';
  /** The 401 message when the header is missing; both appear in the wild. */
  missingAuthMessage?: 'Missing Authentication header' | 'No cookie auth credentials found';
  /** Default 2 MB. */
  maxBodyBytes?: number;
  /** Default delay before `/generation` answers 200. Default 0. */
  generationReadyAfterMs?: number;
  /** Unit of `X-RateLimit-Reset`, which the docs leave unstated. Default `ms`. */
  rateLimitResetUnit?: 'ms' | 's';
  /** The answer when no queued scenario matches. */
  defaultScenario?: Scenario;
  /** Free-model limits (§1.6); defaults 20/min, 50/day, 1000/day with >= 10 credits purchased. */
  freeLimits?: { perMinute?: number; perDay?: number; perDayWithCredits?: number; creditsThreshold?: number };
}

/** What the mock remembers of one request to `/api/v1/*` (never the raw key). */
export interface RecordedRequest {
  seq: number;
  method: string;
  path: string;
  query: Record<string, string>;
  /** Lower-case names; `authorization` is redacted. */
  headers: Record<string, string>;
  /** e.g. `Bearer sk-or-v1-…c0de`; undefined when absent. */
  authorization?: string;
  /** The key was known and enabled. */
  authorized: boolean;
  attribution: { httpReferer?: string; title?: string; categories?: string };
  /** `x-stainless-retry-count`: 0 on the first attempt of an SDK call. */
  retryCount?: number;
  rawBody: string;
  json?: unknown;
  startedAt: number;
  endedAt?: number;
  status?: number;
  stream: boolean;
  /** The model asked for (`model`, or the first of `models`). */
  model?: string;
  /** The model that answered. */
  servedModel?: string;
  /** Models that failed before `servedModel` answered. */
  fallbackAttempts?: Array<{ model: string; status: number }>;
  generationId?: string;
  scenarioId?: string;
  /** The client closed the connection before the mock finished. */
  clientAborted: boolean;
  /** The mock destroyed the socket on purpose (`reset`). */
  serverReset: boolean;
  bytesSent: number;
  /** Separate body writes, useful with `splitWrites`. */
  writes: number;
}

/** A generation as `/generation?id=` reports it. */
export interface GenerationRecord {
  id: string;
  model: string;
  provider_name: string;
  created_at: string;
  streamed: boolean;
  cancelled: boolean;
  finish_reason: FinishReason | null;
  native_finish_reason: string | null;
  tokens_prompt: number;
  tokens_completion: number;
  native_tokens_prompt: number;
  native_tokens_completion: number;
  native_tokens_reasoning: number;
  native_tokens_cached: number;
  total_cost: number;
  usage: number;
  upstream_inference_cost: null;
  cache_discount: null;
  latency: number;
  generation_time: number;
  moderation_latency: number;
  is_byok: boolean;
  http_referer: string | null;
  origin: string | null;
  api_type: 'completions';
  upstream_id: string;
  request_id: string;
}
