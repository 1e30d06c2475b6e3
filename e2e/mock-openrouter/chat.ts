import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  hugeText,
  lastUserText,
  planToolCalls,
  requestedSchema,
  splitPieces,
  structuredContent,
  type ToolCallPlan,
} from './content';
import {
  availabilityError,
  cloudflarePage,
  defaultErrorBody,
  errorBody,
  guardrailError,
  inBandError,
  INVALID_JSON,
  KEY_LIMIT,
  moderationError,
  RATE_LIMITED,
} from './errors';
import { fromUnits, toUnits, type KeyState, type Ledger } from './ledger';
import { isFreeModel, supportsStructured } from './models';
import type { Pick, ScenarioQueue } from './scenarios';
import type { FinishReason, MockOpenRouterOptions, ModelFixture, RecordedRequest, Scenario } from './types';
import {
  createBodyWriter,
  DEFAULT_COMMENT,
  encodeComment,
  encodeData,
  frameStyle,
  sendJson,
  sleep,
  untilAborted,
  type BodyWriter,
} from './wire';

// POST /api/v1/chat/completions: validation (§7.4), model fallbacks, pre-stream faults (§7.6), then a
// JSON or SSE answer (§7.5) whose usage is billed to the key and recorded as a generation.

export interface ChatContext {
  req: IncomingMessage;
  res: ServerResponse;
  record: RecordedRequest;
  rawBody: string;
  key: KeyState;
  /** Aborts when the client goes away. */
  signal: AbortSignal;
  options: MockOpenRouterOptions;
  ledger: Ledger;
  models: Map<string, ModelFixture>;
  queue: ScenarioQueue;
  now: () => number;
  /** Marks the socket as destroyed by the mock itself. */
  onReset: () => void;
}

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);
const PROVIDER = 'MockProvider';
const MULTIBYTE_CONTENT = 'Grüße aus Zürich 👋🏽 — 日本語のテキスト, 한국어, emoji 🎉 and ümlauts.';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const invalidPrompt = (message: string) => errorBody(400, message, { error_type: 'invalid_prompt' });

const generationId = () => `gen-${randomBytes(14).toString('base64url').slice(0, 18)}`;

/** Headers a scenario adds to whatever it answers. */
function scenarioHeaders(s: Scenario): Record<string, string> {
  const h: Record<string, string> = {};
  if (s.retryAfter !== undefined) h['retry-after'] = String(s.retryAfter);
  if (s.retryAfterMs !== undefined) h['retry-after-ms'] = String(s.retryAfterMs);
  if (s.xShouldRetry !== undefined) h['x-should-retry'] = String(s.xShouldRetry);
  return { ...h, ...s.headers };
}

interface Failure {
  status: number;
  body: string;
  contentType: string;
  headers: Record<string, string>;
}

/** An answer that never reaches the model: scripted status, availability, moderation, guardrail, HTML. */
function preStreamFailure(pick: Pick, model: ModelFixture, userText: string): Failure | undefined {
  const s = pick.scenario;
  const headers = scenarioHeaders(s);
  const json = (status: number, body: unknown): Failure => ({
    status,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    contentType: 'application/json',
    headers,
  });
  if (pick.failStatus !== undefined) return json(pick.failStatus, s.body ?? defaultErrorBody(pick.failStatus));
  if (s.htmlError) {
    const status = typeof s.htmlError === 'number' ? s.htmlError : s.htmlError === true ? 502 : (s.htmlError.status ?? 502);
    const html = typeof s.htmlError === 'object' && s.htmlError.html ? s.htmlError.html : cloudflarePage(status);
    return { status, body: html, contentType: 'text/html; charset=UTF-8', headers };
  }
  if (s.moderation) return json(403, moderationError(s.moderation === true ? {} : s.moderation, userText, model.id));
  if (s.guardrail) {
    const patterns = s.guardrail === true ? undefined : s.guardrail.patterns;
    return json(403, guardrailError(patterns ?? ['ignore all previous instructions']));
  }
  if (s.availability) {
    const script = typeof s.availability === 'string' ? { code: s.availability } : s.availability;
    const { status, body } = availabilityError(script, [model.id]);
    if (script.retryAfter !== undefined && headers['retry-after'] === undefined) headers['retry-after'] = String(script.retryAfter);
    return json(status, body);
  }
  if (s.serverError5xxThenOk === undefined && (s.body !== undefined || (s.status !== undefined && s.status >= 400))) {
    const status = s.status ?? 200;
    return json(status, s.body ?? defaultErrorBody(status));
  }
  return undefined;
}

interface Plan {
  id: string;
  created: number;
  model: ModelFixture;
  servedModel: string;
  pieces: string[];
  /** `message.content` of a JSON answer. */
  content: string | null;
  reasoning?: string;
  reasoningPieces: string[];
  toolCalls: ToolCallPlan[];
  finishReason: FinishReason | null;
  nativeFinishReason: string | null;
  promptTokens: number;
}

function plan(body: Record<string, unknown>, s: Scenario, model: ModelFixture, promptTokens: number, created: number): Plan {
  const messages = body.messages as unknown[];
  const rf = body.response_format;
  const wantsJson = isObject(rf) && (rf.type === 'json_schema' || rf.type === 'json_object');
  let finishReason: FinishReason | null = s.toolCalls ? 'tool_calls' : 'stop';
  let content: string;
  if (s.hugeContent) content = hugeText(s.hugeContent);
  else if (s.echoPrompt) content = lastUserText(messages);
  else if (s.content !== undefined) content = s.content;
  else if (s.structured || wantsJson) {
    // A model without structured outputs ignores the schema and answers the way models often do.
    const generated = structuredContent(s.structured ?? (supportsStructured(model) ? 'valid' : 'fenced'), requestedSchema(rf));
    content = generated.text;
    if (generated.finishReason) finishReason = generated.finishReason;
  } else if (s.toolCalls || s.reasoningOnly) content = '';
  else if (s.splitWrites === 'midUtf8') content = MULTIBYTE_CONTENT;
  else content = `This is a mock reply from ${s.servedModel ?? model.id}.`;
  if (s.finishReason !== undefined) finishReason = s.finishReason;
  const pieces = s.pieces ?? (s.hugeContent ? Math.ceil(content.length / 65_536) : 3);
  const reasoning = s.reasoning ?? (s.reasoningOnly ? 'Thinking about the request.' : undefined);
  const toolCalls = s.toolCalls ? planToolCalls(s.toolCalls, body.tools) : [];
  return {
    id: generationId(),
    created: Math.floor(created / 1000),
    model,
    servedModel: s.servedModel ?? model.id,
    pieces: splitPieces(content, pieces),
    content: toolCalls.length && content === '' && s.content === undefined ? null : content,
    reasoning,
    reasoningPieces: reasoning ? splitPieces(reasoning, 3) : [],
    toolCalls,
    finishReason,
    nativeFinishReason: s.nativeFinishReason !== undefined ? s.nativeFinishReason : finishReason,
    promptTokens,
  };
}

/** Characters actually delivered, which is what a cancelled stream is billed for. */
interface Sent {
  content: number;
  reasoning: number;
}

function usageOf(p: Plan, sent: Sent, s: Scenario): { usage: Record<string, unknown>; cost: bigint } {
  const reasoningTokens = Math.ceil(sent.reasoning / 4);
  const completionTokens = Math.ceil(sent.content / 4) + reasoningTokens;
  const cost =
    s.cost !== undefined
      ? toUnits(s.cost)
      : isFreeModel(p.model.id)
        ? 0n
        : BigInt(p.promptTokens) * toUnits(p.model.pricing.prompt) + BigInt(completionTokens) * toUnits(p.model.pricing.completion);
  const usage: Record<string, unknown> = {
    prompt_tokens: p.promptTokens,
    completion_tokens: completionTokens,
    total_tokens: p.promptTokens + completionTokens,
    cost: fromUnits(cost),
    is_byok: false,
    prompt_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: reasoningTokens },
    cost_details: { upstream_inference_cost: null },
  };
  if (s.omitCost) delete usage.cost;
  if (s.costNull) usage.cost = null;
  return { usage: { ...usage, ...s.usage }, cost };
}

const sentOf = (p: Plan, content: string): Sent => ({
  content: content.length + p.toolCalls.reduce((n, c) => n + c.name.length + c.arguments.length, 0),
  reasoning: p.reasoning?.length ?? 0,
});

export async function handleChat(ctx: ChatContext): Promise<void> {
  const { res, record, options, ledger } = ctx;
  let body: unknown;
  try {
    body = JSON.parse(ctx.rawBody);
  } catch {
    return sendJson(res, 400, INVALID_JSON);
  }
  if (!isObject(body)) return sendJson(res, 400, invalidPrompt('Request body must be a JSON object'));
  record.json = body;
  record.stream = body.stream === true;

  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0) {
    return sendJson(res, 400, invalidPrompt('Input required: specify "prompt" or "messages"'));
  }
  const badRole = messages.findIndex((m) => !isObject(m) || typeof m.role !== 'string' || !ROLES.has(m.role));
  if (badRole >= 0) return sendJson(res, 400, invalidPrompt(`Invalid role in messages[${badRole}]`));

  // `model` first, then the `models` fallbacks; neither means the key's default.
  const asked = [body.model, ...(Array.isArray(body.models) ? body.models : [])].filter(
    (m, i, all): m is string => typeof m === 'string' && m !== '' && all.indexOf(m) === i,
  );
  if (asked.length === 0) asked.push(ctx.key.config.defaultModel ?? options.defaultModel ?? 'mock/json-strict');
  record.model = asked[0];
  const unknown = asked.filter((id) => !ctx.models.has(id));
  if (unknown.length) {
    const { status, body: err } = availabilityError({ code: 'model_not_found', errorType: 'invalid_request' }, unknown);
    return sendJson(res, status, err);
  }
  let usable = asked.map((id) => ctx.models.get(id) as ModelFixture);

  const rf = body.response_format;
  const provider = body.provider;
  if (isObject(rf) && rf.type === 'json_schema' && isObject(provider) && provider.require_parameters === true) {
    usable = usable.filter(supportsStructured);
    if (usable.length === 0) {
      const { status, body: err } = availabilityError({ code: 'constraint_filtered', excludedBy: ['require_parameters'] }, asked);
      return sendJson(res, status, err);
    }
  }

  const promptTokens = Math.ceil(JSON.stringify(messages).length / 4);
  const fitting = usable.filter((m) => promptTokens <= m.contextLength);
  if (fitting.length === 0) {
    const max = Math.max(...usable.map((m) => m.contextLength));
    return sendJson(
      res,
      400,
      errorBody(
        400,
        `This endpoint's maximum context length is ${max} tokens. However, you requested about ${promptTokens} tokens. Please reduce the length of the messages.`,
        { error_type: 'context_length_exceeded' },
      ),
    );
  }
  usable = fitting;

  if (ledger.overBudget(ctx.key)) return sendJson(res, 402, KEY_LIMIT);

  const first = usable[0] as ModelFixture;
  if (isFreeModel(first.id)) {
    const hit = ledger.takeFreeRequest(ctx.key);
    if (hit) {
      const unit = options.rateLimitResetUnit === 's' ? 1000 : 1;
      return sendJson(res, 429, RATE_LIMITED, {
        'x-ratelimit-limit': String(hit.limit),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.ceil(hit.resetAt / unit)),
        'retry-after': String(Math.max(1, Math.ceil((hit.resetAt - ctx.now()) / 1000))),
      });
    }
  }

  // Try each model in turn; a scripted failure on one falls through to the next (§7.4 `models`).
  const userText = lastUserText(messages);
  const attempts: Array<{ model: string; status: number }> = [];
  let chosen: { model: ModelFixture; pick: Pick; failure?: Failure } | undefined;
  for (const [i, model] of usable.entries()) {
    const pick = ctx.queue.pick({ key: ctx.key.config.key, model, userText });
    const failure = preStreamFailure(pick, model, userText);
    if (failure && i < usable.length - 1) {
      attempts.push({ model: model.id, status: failure.status });
      continue;
    }
    chosen = { model, pick, failure };
    break;
  }
  if (!chosen) return;
  if (attempts.length) record.fallbackAttempts = attempts;
  record.scenarioId = chosen.pick.scenarioId;
  const s = chosen.pick.scenario;

  if (s.headerDelayMs && !(await sleep(s.headerDelayMs, ctx.signal))) return;
  if (s.hang === 'beforeHeaders') return untilAborted(ctx.signal);

  if (chosen.failure) {
    const f = chosen.failure;
    res.writeHead(f.status, { ...f.headers, 'content-type': f.contentType, 'content-length': String(Buffer.byteLength(f.body)) });
    res.end(f.body);
    return;
  }
  if (s.okButNotJson) {
    const text = s.okButNotJson === true ? '<html><body>Something went wrong</body></html>' : s.okButNotJson;
    res.writeHead(200, { ...scenarioHeaders(s), 'content-type': 'application/json' });
    res.end(text);
    return;
  }

  const p = plan(body, s, chosen.model, promptTokens, ctx.now());
  record.servedModel = p.servedModel;
  record.generationId = p.id;
  const started = ctx.now();
  const writer = createBodyWriter(res, {
    scenario: s,
    signal: ctx.signal,
    onWrite: (bytes) => {
      record.bytesSent += bytes;
      record.writes += 1;
    },
    onReset: ctx.onReset,
  });
  const baseHeaders = { ...scenarioHeaders(s), 'x-generation-id': p.id };

  let sent: Sent;
  let finishReason = p.finishReason;
  let nativeFinishReason = p.nativeFinishReason;
  if (record.stream) {
    res.writeHead(200, {
      ...baseHeaders,
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    res.flushHeaders();
    const outcome = await streamBody(ctx, p, s, writer);
    sent = outcome.sent;
    if (outcome.errored) {
      finishReason = 'error';
      nativeFinishReason = 'error';
    }
  } else {
    sent = await jsonBody(ctx, p, s, writer, baseHeaders);
    if (s.committedError || s.midStreamError || s.errorBeforeContent) {
      finishReason = 'error';
      nativeFinishReason = 'error';
    }
  }

  const { cost } = usageOf(p, sent, s);
  ledger.charge(ctx.key, cost);
  const ended = ctx.now();
  ledger.addGeneration(
    {
      id: p.id,
      model: p.servedModel,
      provider_name: PROVIDER,
      created_at: new Date(started).toISOString(),
      streamed: record.stream,
      cancelled: ctx.signal.aborted && !record.serverReset,
      finish_reason: finishReason,
      native_finish_reason: nativeFinishReason,
      tokens_prompt: p.promptTokens,
      tokens_completion: Math.ceil(sent.content / 4) + Math.ceil(sent.reasoning / 4),
      native_tokens_prompt: p.promptTokens,
      native_tokens_completion: Math.ceil(sent.content / 4) + Math.ceil(sent.reasoning / 4),
      native_tokens_reasoning: Math.ceil(sent.reasoning / 4),
      native_tokens_cached: 0,
      total_cost: fromUnits(cost),
      usage: fromUnits(cost),
      upstream_inference_cost: null,
      cache_discount: null,
      latency: ended - record.startedAt,
      generation_time: ended - started,
      moderation_latency: 0,
      is_byok: false,
      http_referer: record.attribution.httpReferer ?? null,
      origin: typeof ctx.req.headers.origin === 'string' ? ctx.req.headers.origin : null,
      api_type: 'completions',
      upstream_id: `chatcmpl-mock-${p.id.slice(4)}`,
      request_id: `req-mock-${record.seq}`,
    },
    ctx.key.config.key,
    s.generationReadyAfterMs ?? options.generationReadyAfterMs ?? 0,
  );
}

/** A non-streaming answer; billed in full even if the client leaves (§1.4). */
async function jsonBody(
  ctx: ChatContext,
  p: Plan,
  s: Scenario,
  writer: BodyWriter,
  headers: Record<string, string>,
): Promise<Sent> {
  const { res } = ctx;
  const inBand = s.committedError ?? s.midStreamError ?? s.errorBeforeContent;
  let content = p.content;
  let choiceError: ReturnType<typeof inBandError> | undefined;
  if (inBand) {
    const script = inBand === true ? {} : inBand;
    choiceError = inBandError(script);
    const after = s.midStreamError && s.midStreamError !== true ? (s.midStreamError.afterPieces ?? 1) : 1;
    content = s.errorBeforeContent
      ? ''
      : s.committedError && s.committedError !== true && s.committedError.partialContent !== undefined
        ? s.committedError.partialContent
        : p.pieces.slice(0, after).join('');
  }
  const finishReason = choiceError ? 'error' : s.truncate === 'noFinishReason' ? null : p.finishReason;
  const message: Record<string, unknown> = { role: 'assistant', content };
  if (p.reasoning) {
    message.reasoning = p.reasoning;
    message.reasoning_details = [{ type: 'reasoning.text', text: p.reasoning, format: 'unknown', index: 0 }];
  }
  if (p.toolCalls.length && !choiceError) {
    message.tool_calls = p.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } }));
  }
  const sent = choiceError ? { content: (content ?? '').length, reasoning: p.reasoning?.length ?? 0 } : sentOf(p, content ?? '');
  const { usage } = usageOf(p, sent, s);
  const payload = {
    id: p.id,
    object: 'chat.completion',
    created: p.created,
    model: p.servedModel,
    provider: PROVIDER,
    choices: [
      {
        index: 0,
        message,
        finish_reason: finishReason,
        native_finish_reason: choiceError ? 'error' : s.truncate === 'noFinishReason' ? null : p.nativeFinishReason,
        logprobs: null,
        ...(choiceError ? { error: choiceError } : {}),
      },
    ],
    ...(s.omitUsage ? {} : { usage }),
  };
  const text = JSON.stringify(payload);
  res.writeHead(200, { ...headers, 'content-type': 'application/json' });
  if (s.hang === 'afterHeaders') {
    res.flushHeaders();
    await untilAborted(ctx.signal);
    return sent;
  }
  const half = text.slice(0, Math.floor(text.length / 2));
  if (s.hang === 'afterFirstChunk') {
    await writer.write(half);
    await untilAborted(ctx.signal);
    return sent;
  }
  if (await writer.write(s.truncate === 'midFrame' ? half : text)) res.end();
  return sent;
}

/** The SSE answer (§7.5 sequence) with every framing fault the scenario asks for. */
async function streamBody(ctx: ChatContext, p: Plan, s: Scenario, writer: BodyWriter): Promise<{ sent: Sent; errored: boolean }> {
  const { res, signal } = ctx;
  const style = frameStyle(s);
  const sent: Sent = { content: 0, reasoning: 0 };
  const base = { id: p.id, object: 'chat.completion.chunk', created: p.created, model: p.servedModel, provider: PROVIDER };
  const chunk = (delta: Record<string, unknown>, finish: FinishReason | null = null, native: string | null = null) => ({
    ...base,
    choices: [{ index: 0, delta, finish_reason: finish, native_finish_reason: native, logprobs: null }],
  });
  const comment = encodeComment(s.keepaliveCommentText ?? DEFAULT_COMMENT, style);
  const write = (text: string | Buffer) => writer.write(text);
  const frame = (payload: unknown) => write(encodeData(payload, style));
  let dataFrames = 0;
  /** Pacing before every data frame after the first: delay, then comments. */
  const beforeFrame = async (): Promise<boolean> => {
    if (dataFrames++ === 0) return true;
    if (s.chunkDelayMs && !(await sleep(s.chunkDelayMs, signal))) return false;
    for (let i = 0; i < (s.keepalivesBetween ?? 0); i++) if (!(await write(comment))) return false;
    return true;
  };
  const send = async (payload: unknown) => (await beforeFrame()) && (await frame(payload));
  const end = () => {
    if (!writer.dead) res.end();
  };
  const errorFrame = (script: true | Parameters<typeof inBandError>[0], withUsage: boolean) => ({
    ...base,
    error: inBandError(script === true ? {} : script),
    choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error', native_finish_reason: 'error' }],
    ...(withUsage ? { usage: usageOf(p, sent, s).usage } : {}),
  });
  const stopped = { sent, errored: false };
  const failed = { sent, errored: true };

  if (s.hang === 'afterHeaders') {
    await untilAborted(signal);
    return stopped;
  }
  const before = s.keepalivesBefore ?? 1;
  for (let i = 0; i < before; i++) {
    if (!(await write(comment))) return stopped;
    if (s.keepaliveIntervalMs && !(await sleep(s.keepaliveIntervalMs, signal))) return stopped;
  }
  if (s.errorBeforeContent) {
    if (await send(errorFrame(s.errorBeforeContent, false))) end();
    return failed;
  }
  if (!(await send(chunk({ role: 'assistant', content: '' })))) return stopped;

  for (const piece of p.reasoningPieces) {
    const delta = { reasoning: piece, reasoning_details: [{ type: 'reasoning.text', text: piece, format: 'unknown', index: 0 }] };
    if (!(await send(chunk(delta)))) return stopped;
    sent.reasoning += piece.length;
  }

  const midError = s.midStreamError ?? s.committedError;
  const errorAfter = midError ? (midError !== true && 'afterPieces' in midError ? (midError.afterPieces ?? 1) : 1) : -1;
  const emitError = async () => {
    const script = midError === true || midError === undefined ? {} : midError;
    const withUsage = midError !== true && midError !== undefined && 'withUsage' in midError && midError.withUsage === true;
    if (await send(errorFrame(script, withUsage))) end();
    return failed;
  };
  /** Faults placed after the first content frame (or after the role frame when there is no content). */
  const afterFirst = async (): Promise<'go' | 'stop'> => {
    if (s.emptyChoicesMidStream && !(await send({ ...base, choices: [] }))) return 'stop';
    if (s.malformedFrame) {
      const m = s.malformedFrame;
      const payload =
        m === 'nan'
          ? `{"id":"${p.id}","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":NaN}}]}`
          : typeof m === 'object'
            ? m.payload
            : `{"id":"${p.id}","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"oo`;
      if (!(await beforeFrame()) || !(await write(encodeData(payload, style)))) return 'stop';
    }
    if (s.hang === 'afterFirstChunk') {
      await untilAborted(signal);
      return 'stop';
    }
    if (s.truncate === 'midFrame') {
      const next = Buffer.from(encodeData(chunk({ content: p.pieces[1] ?? ' and then the connection closed' }), style));
      if (await write(next.subarray(0, Math.floor(next.length / 2)))) end();
      return 'stop';
    }
    return 'go';
  };

  if (errorAfter === 0) return emitError();
  for (const [i, piece] of p.pieces.entries()) {
    if (!(await send(chunk({ content: piece })))) return stopped;
    sent.content += piece.length;
    if (i === 0 && (await afterFirst()) === 'stop') return stopped;
    if (errorAfter === i + 1) return emitError();
  }
  if (p.pieces.length === 0 && (await afterFirst()) === 'stop') return stopped;
  if (errorAfter > p.pieces.length) return emitError();

  for (const [index, call] of p.toolCalls.entries()) {
    const head = { index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } };
    if (!(await send(chunk({ tool_calls: [head] })))) return stopped;
    sent.content += call.name.length;
    for (const fragment of call.fragments) {
      if (!(await send(chunk({ tool_calls: [{ index, function: { arguments: fragment } }] })))) return stopped;
      sent.content += fragment.length;
    }
  }

  if (s.truncate === 'noFinishReason') {
    end();
    return stopped;
  }
  if (!(await send(chunk({ content: '' }, p.finishReason, p.nativeFinishReason)))) return stopped;
  if (!s.omitUsage) {
    const { usage } = usageOf(p, sent, s);
    const choices =
      s.usageFrameStyle === 'repeat-choice'
        ? [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: p.finishReason, native_finish_reason: p.nativeFinishReason }]
        : [];
    if (!(await send({ ...base, choices, usage }))) return stopped;
  }
  if (s.truncate === 'noDone') {
    end();
    return stopped;
  }
  if (!(await send('[DONE]'))) return stopped;
  if (s.duplicateDone && !(await send('[DONE]'))) return stopped;
  const after = s.framesAfterDone === true ? 1 : s.framesAfterDone || 0;
  for (let i = 0; i < after; i++) if (!(await send(chunk({ content: ' [after DONE]' })))) return stopped;
  end();
  return { sent, errored: false };
}
