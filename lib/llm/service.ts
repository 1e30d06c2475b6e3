import '../util/zod-config';
import { browser } from 'wxt/browser';
import { getDb } from '../db/open';
import { createLlmCacheRepo } from '../db/repos/llm-cache';
import { createLlmUsageRepo, type UsageRow } from '../db/repos/llm-usage';
import { createRunsRepo, type LlmRunRow, type RunRequest, type RunWarnings } from '../db/repos/runs';
import type { JobfitDb, RunStatus } from '../db/schema';
import type { RunFrame, RunFrameSource, RunFrameUsage, RunStage } from '../messaging/ports';
import {
  endpointItem,
  llmPrivacyItem,
  modelsItem,
  profileItem,
  spendingCapItem,
  type LlmPrivacy,
  type Models,
  type Profile,
  type SpendingCap,
} from '../storage/items';
import { AppError, isErrorCode, type ErrorCode } from '../util/errors';
import { createLogger } from '../util/logger';
import { createLlmClient, listModels, type ModelInfo } from './client';
import { classifyLlmError, LlmCallError, type LlmUsage } from './errors';
import { readApiKey } from './key-store';
import { createBreakerRegistry, runWithPolicy, type BreakerRegistry, type PolicyOptions } from './policy';
import { createRedactor, type MangledPlaceholder, type Redactor } from './redact';
import { createKeepAlive, createThrottledWriter, realTimers, reconcileStaleRuns, type KeepAlive, type Timers } from './runs';
import { runAttempt, type AttemptResult, type ChatBody, type ChatMessage, type ProviderPreferences } from './stream';
import type { LlmFeature } from './features';
import { parseStructured, repairMessages, structuredBody, withInstructions, type StructuredSpec } from './structured';
import { cacheKey, checkSpendingCap, estimateCost, fetchGenerationCost } from './usage';

const log = createLogger('llm');

export type { LlmFeature } from './features';

/**
 * The worker's LLM service: starts durable runs, streams them to pages, and answers the background
 * messages. A run: validate settings → `runs` row (status running) → redact → cache? → spending cap →
 * attempts under the failure policy (keep-alive held, partial text saved every 500 ms) → validate
 * (structured) → restore placeholders → row `done`/`error`/`cancelled`, usage row, cache entry.
 */

export interface StartRunInput {
  /** The client's id for this action; starting twice with the same id returns the same run. */
  requestId: string;
  feature: LlmFeature;
  /** Defaults to the model chosen for the feature in settings. */
  model?: string;
  messages: ChatMessage[];
  jobId?: string;
  maxTokens?: number;
  temperature?: number;
  /** Name of a registered structured-output schema. */
  schema?: string;
  /** Bypass the cache. */
  fresh?: boolean;
}

/** What a call would send, for the consent dialog: the redacted messages, where they go, what it may cost. */
export interface RunPreview {
  model: string;
  /** The messages exactly as they would leave (placeholders in place of the profile's values). */
  messages: ChatMessage[];
  /** Host of the endpoint (openrouter.ai, or a local server). */
  endpointHost: string;
  /** USD, from the model's prices; 0 when the endpoint publishes none. */
  estimatedCostUsd: number;
  /** How many distinct personal values were replaced by placeholders. */
  redactedCount: number;
  denyDataCollection: boolean;
}

export interface RunHandle {
  runId: string;
  status: RunStatus;
  /** False when the request id already had a run (a double click). */
  created: boolean;
}

export interface LlmSettings {
  baseUrl(): Promise<string>;
  models(): Promise<Models>;
  profile(): Promise<Profile>;
  spendingCap(): Promise<SpendingCap>;
  privacy(): Promise<LlmPrivacy>;
}

const defaultSettings: LlmSettings = {
  baseUrl: async () => (await endpointItem.getValue()).baseUrl,
  models: () => modelsItem.getValue(),
  profile: () => profileItem.getValue(),
  spendingCap: () => spendingCapItem.getValue(),
  privacy: () => llmPrivacyItem.getValue(),
};

export interface LlmServiceDeps {
  db?: () => JobfitDb;
  readKey?: () => Promise<string | undefined>;
  settings?: Partial<LlmSettings>;
  /** The fetch under the SDK (tests wrap it). */
  fetch?: typeof globalThis.fetch;
  timers?: Timers;
  now?: () => number;
  /** The keep-alive's extension API call. */
  ping?: () => unknown;
  keepAliveMs?: number;
  breakers?: BreakerRegistry;
  /** Structured-output schemas by name (`startRun({ schema })`). */
  schemas?: Record<string, StructuredSpec>;
  policy?: Pick<PolicyOptions, 'maxAttempts' | 'maxWaitMs' | 'baseDelayMs' | 'maxDelayMs'>;
  /** Inactivity watchdog for streams. Default 60 s (OpenRouter sends comments while it waits). */
  watchdogMs?: number;
  flushMs?: number;
  modelsTtlMs?: number;
  /** When this worker started; rows with older heartbeats are from a dead worker. */
  workerStartedAt?: number;
}

export interface LlmService extends RunFrameSource {
  listModels(options?: { refresh?: boolean }): Promise<ModelInfo[]>;
  startRun(input: StartRunInput): Promise<RunHandle>;
  /** The consent dialog's view of a call, without making it. */
  previewRun(input: Pick<StartRunInput, 'feature' | 'model' | 'messages' | 'maxTokens'>): Promise<RunPreview>;
  cancelRun(runId: string): Promise<{ cancelled: boolean }>;
  /** Runs an ended run's request again as a new request (new id); the old row keeps its partial text. */
  resumeRun(runId: string, requestId: string): Promise<RunHandle>;
  /** At worker start: stale `running` rows become `interrupted`, and their cost is looked up. */
  reconcile(): Promise<string[]>;
  /** Resolves when every run started so far has ended (tests, bench). */
  idle(): Promise<void>;
}

interface ActiveRun {
  id: string;
  controller: AbortController;
  stage: RunStage;
  attempt: number;
  retryAt?: number;
  /** Restored text of the current answer. */
  text: string;
  listeners: Set<(frame: RunFrame) => void>;
  /** The terminal frame once the run has ended (a cancel settles before the engine unwinds). */
  final?: RunFrame;
}

const sumUsage = (a: RunFrameUsage | undefined, b: LlmUsage | undefined, model: string): RunFrameUsage | undefined => {
  if (!b) return a;
  return {
    model,
    promptTokens: (a?.promptTokens ?? 0) + b.promptTokens,
    completionTokens: (a?.completionTokens ?? 0) + b.completionTokens,
    cost: a?.cost == null && b.cost == null ? null : (a?.cost ?? 0) + (b.cost ?? 0),
  };
};

/** Restores placeholders in every string of a structured answer. */
function restoreDeep(value: unknown, redactor: Redactor, mangled: MangledPlaceholder[]): unknown {
  if (typeof value === 'string') {
    const restored = redactor.restore(value);
    mangled.push(...restored.mangled);
    return restored.text;
  }
  if (Array.isArray(value)) return value.map((v) => restoreDeep(v, redactor, mangled));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restoreDeep(v, redactor, mangled)]));
  }
  return value;
}

export function createLlmService(deps: LlmServiceDeps = {}): LlmService {
  const db = deps.db ?? getDb;
  const runs = () => createRunsRepo(db());
  const usage = () => createLlmUsageRepo(db());
  const now = deps.now ?? Date.now;
  const cache = () => createLlmCacheRepo(db(), now);
  const settings: LlmSettings = { ...defaultSettings, ...deps.settings };
  const readKey = deps.readKey ?? (() => readApiKey());
  const timers = deps.timers ?? realTimers;
  const breakers = deps.breakers ?? createBreakerRegistry();
  const schemas = deps.schemas ?? {};
  // A schema strict mode cannot take (open objects, `.optional()` without `.nullable()`) is a bug: fail at start.
  for (const [name, spec] of Object.entries(schemas)) {
    try {
      structuredBody(spec, true);
    } catch (error) {
      throw new Error(`Structured-output schema "${name}" is not strict-compatible: ${(error as Error).message}`);
    }
  }
  const watchdogMs = deps.watchdogMs ?? 60_000;
  const workerStartedAt = deps.workerStartedAt ?? now();
  const active = new Map<string, ActiveRun>();
  const engines = new Set<Promise<void>>();
  const modelLists = new Map<string, { at: number; models: ModelInfo[] }>();

  const keepAlive: KeepAlive = createKeepAlive({
    ping: deps.ping ?? (() => browser.runtime.getPlatformInfo()),
    onTick: () => runs().heartbeat([...active.keys()], now()),
    ...(deps.keepAliveMs ? { intervalMs: deps.keepAliveMs } : {}),
    timers,
  });

  const makeClient = (baseURL: string, apiKey: string, model?: string) => (fetch: typeof globalThis.fetch) =>
    createLlmClient({ baseURL, apiKey, fetch, ...(model ? { model } : {}) });

  const baseFetch: typeof globalThis.fetch = deps.fetch ?? ((...args) => globalThis.fetch(...args));

  async function requireKey(): Promise<string> {
    const key = await readKey();
    if (!key) throw new AppError('no_key');
    return key;
  }

  async function fetchModels(baseURL: string, apiKey: string, refresh: boolean): Promise<ModelInfo[]> {
    const cached = modelLists.get(baseURL);
    if (cached && !refresh && now() - cached.at < (deps.modelsTtlMs ?? 600_000)) return cached.models;
    try {
      const models = await listModels(makeClient(baseURL, apiKey)(baseFetch));
      modelLists.set(baseURL, { at: now(), models });
      return models;
    } catch (error) {
      throw classifyLlmError(error).appError;
    }
  }

  /** Model facts for one call; a failing model list is not a reason to fail the call. */
  async function modelInfo(baseURL: string, apiKey: string, model: string): Promise<ModelInfo | undefined> {
    try {
      return (await fetchModels(baseURL, apiKey, false)).find((m) => m.id === model);
    } catch (error) {
      log.warn('model list unavailable', (error as AppError).code);
      return undefined;
    }
  }

  function emit(run: ActiveRun, frame: RunFrame): void {
    for (const send of run.listeners) {
      try {
        send(frame);
      } catch {
        run.listeners.delete(send);
      }
    }
  }

  function setStage(run: ActiveRun, stage: RunStage, extra: { retryAt?: number; resetText?: boolean } = {}): void {
    run.stage = stage;
    run.retryAt = extra.retryAt;
    if (extra.resetText) run.text = '';
    emit(run, {
      type: 'progress',
      runId: run.id,
      stage,
      attempt: run.attempt,
      ...(extra.retryAt !== undefined ? { retryAt: extra.retryAt } : {}),
      ...(extra.resetText ? { text: '' } : {}),
    });
  }

  /** Moves the row to its final state once, and tells every follower. */
  async function settle(run: ActiveRun, patch: Parameters<ReturnType<typeof runs>['finish']>[1], frame: RunFrame): Promise<void> {
    if (run.final) return;
    run.final = frame;
    try {
      await runs().finish(run.id, patch);
    } finally {
      emit(run, frame);
    }
  }

  async function settleFailure(run: ActiveRun, failure: LlmCallError, partialText: string): Promise<void> {
    const status = failure.code === 'run_cancelled' ? 'cancelled' : 'error';
    const detail = failure.appError.detail;
    await settle(
      run,
      {
        status,
        finishedAt: now(),
        heartbeatAt: now(),
        partialText,
        error: { code: failure.code, ...(detail ? { detail } : {}) },
        ...(failure.partial?.generationId ? { generationId: failure.partial.generationId } : {}),
        ...(failure.partial?.servedModel ? { servedModel: failure.partial.servedModel } : {}),
      },
      { type: 'error', runId: run.id, status, code: failure.code, ...(detail ? { detail } : {}), partialText },
    );
  }

  async function execute(run: ActiveRun, request: RunRequest, baseURL: string, apiKey: string): Promise<void> {
    const release = keepAlive.acquire();
    const writer = createThrottledWriter((text) => runs().savePartial(run.id, text, now()), {
      ...(deps.flushMs !== undefined ? { intervalMs: deps.flushMs } : {}),
      timers,
      onError: (error) => log.warn('could not save partial text', (error as { name?: string }).name),
    });
    let redactor: Redactor | undefined;
    let totals: RunFrameUsage | undefined;
    const started = now();

    /** One logical call (its retries included) → one usage row. */
    const call = async (body: ChatBody, stage: RunStage): Promise<AttemptResult> => {
      const callStarted = now();
      let requests = 0;
      const logUsage = async (row: Partial<UsageRow> & Pick<UsageRow, 'status'>, u?: LlmUsage, served?: string, generationId?: string) => {
        const model = served ?? body.model;
        totals = sumUsage(totals, u, model) ?? totals;
        await usage()
          .add({
            runId: run.id,
            feature: request.feature,
            model,
            ...(served && served !== body.model ? { requestedModel: body.model } : {}),
            promptTokens: u?.promptTokens ?? 0,
            completionTokens: u?.completionTokens ?? 0,
            cost: u?.cost ?? 0,
            latencyMs: now() - callStarted,
            cached: 0,
            at: now(),
            ...(generationId ? { generationId } : {}),
            ...row,
          })
          .catch((error: unknown) => log.warn('could not log usage', (error as { name?: string }).name));
      };
      try {
        const breaker = await breakers.forEndpoint(baseURL);
        const result = await runWithPolicy(
          async () => {
            requests += 1;
            run.attempt += 1;
            setStage(run, stage, { resetText: run.text !== '' });
            await runs().patchRunning(run.id, { attempt: run.attempt, heartbeatAt: now() });
            const restorer = redactor!.createStreamRestorer();
            const append = (shown: string) => {
              if (!shown) return;
              if (run.stage !== 'streaming') setStage(run, 'streaming');
              run.text += shown;
              writer.update(run.text);
              emit(run, { type: 'delta', runId: run.id, text: shown });
            };
            const result = await runAttempt(body, {
              makeClient: makeClient(baseURL, apiKey, body.model),
              baseFetch,
              signal: run.controller.signal,
              watchdogMs,
              timers,
              onDelta: (delta) => append(restorer.push(delta)),
              onResponse: ({ generationId }) => {
                if (generationId) void runs().patchRunning(run.id, { generationId });
              },
            });
            append(restorer.flush());
            return result;
          },
          {
            ...deps.policy,
            breaker,
            signal: run.controller.signal,
            now,
            onRetry: ({ delayMs }) => setStage(run, 'retrying', { retryAt: now() + delayMs }),
          },
        );
        await logUsage({ status: 'ok' }, result.usage, result.servedModel, result.generationId);
        return result;
      } catch (error) {
        const failure = error instanceof LlmCallError ? error : classifyLlmError(error);
        if (requests > 0) {
          await logUsage({ status: 'error', errorCode: failure.code }, failure.partial?.usage, failure.partial?.servedModel, failure.partial?.generationId);
        }
        throw failure;
      }
    };

    try {
      const [profile, privacy, cap] = await Promise.all([settings.profile(), settings.privacy(), settings.spendingCap()]);
      redactor = createRedactor(profile, { redactLocation: privacy.redactLocation });
      const spec = request.schema ? schemas[request.schema] : undefined;
      const info = await modelInfo(baseURL, apiKey, request.model);
      const structured = spec ? structuredBody(spec, info?.supportsStructured ?? false) : undefined;
      const messages = withInstructions(
        request.messages.map((m) => ({ role: m.role, content: redactor!.redact(m.content) })),
        structured?.instructions,
      );
      const provider: ProviderPreferences = {
        ...(privacy.denyDataCollection ? { data_collection: 'deny' as const } : {}),
        ...(privacy.zdr ? { zdr: true } : {}),
        ...structured?.provider,
      };
      const body: ChatBody = {
        model: request.model,
        messages,
        ...(request.maxTokens !== undefined ? { max_tokens: request.maxTokens } : {}),
        ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
        ...(structured?.response_format ? { response_format: structured.response_format } : {}),
        ...(Object.keys(provider).length ? { provider } : {}),
      };

      const key = await cacheKey({ endpoint: baseURL.replace(/\/+$/, ''), body });
      const finishDone = async (text: string, result: unknown, cached: boolean, extra: Partial<Pick<LlmRunRow, 'finishReason' | 'servedModel' | 'generationId'>>, warnings: RunWarnings) => {
        await writer.flush();
        await settle(
          run,
          { status: 'done', finishedAt: now(), heartbeatAt: now(), partialText: text, cached, ...(result !== undefined ? { result } : {}), ...(Object.keys(warnings).length ? { warnings } : {}), ...extra },
          {
            type: 'done',
            runId: run.id,
            text,
            cached,
            ...(result !== undefined ? { result } : {}),
            ...(totals ? { usage: totals } : {}),
            ...(Object.keys(warnings).length ? { warnings } : {}),
          },
        );
      };
      /** Validates a structured answer; placeholders inside its strings are restored after validation. */
      const validate = (text: string, warnings: RunWarnings) => {
        if (!spec) return { ok: true as const, value: undefined };
        const parsed = parseStructured(text, spec.schema);
        if (!parsed.ok) return parsed;
        const mangled: MangledPlaceholder[] = [];
        const value = restoreDeep(parsed.value, redactor!, mangled);
        if (mangled.length) warnings.mangledPlaceholders = mangled.map(({ found, restored }) => ({ found, restored }));
        return { ok: true as const, value };
      };

      if (!request.fresh) {
        const hit = await cache().get(key);
        const warnings: RunWarnings = {};
        const checked = hit ? validate(hit.text, warnings) : undefined;
        if (hit && checked?.ok) {
          const restored = redactor.restore(hit.text);
          const model = hit.servedModel ?? request.model;
          await usage().add({ runId: run.id, feature: request.feature, model, promptTokens: 0, completionTokens: 0, cost: 0, latencyMs: now() - started, cached: 1, status: 'ok', at: now() });
          totals = { model, promptTokens: 0, completionTokens: 0, cost: 0 };
          run.text = restored.text;
          emit(run, { type: 'delta', runId: run.id, text: restored.text });
          await finishDone(restored.text, checked.value, true, { ...(hit.servedModel ? { servedModel: hit.servedModel } : {}) }, warnings);
          return;
        }
      }

      const promptChars = messages.reduce((n, m) => n + m.content.length, 0);
      await checkSpendingCap(cap, usage(), estimateCost(info, promptChars, request.maxTokens), now());

      let answer = await call(body, 'requesting');
      const warnings: RunWarnings = {};
      let checked = validate(answer.text, warnings);
      if (!checked.ok) {
        // One repair request with the validation errors; then a clear error.
        setStage(run, 'repairing', { resetText: true });
        answer = await call({ ...body, messages: repairMessages(body.messages, answer.text, checked.issues) }, 'repairing');
        warnings.repaired = true;
        checked = validate(answer.text, warnings);
        if (!checked.ok) {
          throw new LlmCallError(new AppError('invalid_output', checked.reason), { retryable: false, partial: { text: answer.text } });
        }
      }
      const restored = redactor.restore(answer.text);
      if (restored.mangled.length && !warnings.mangledPlaceholders) {
        warnings.mangledPlaceholders = restored.mangled.map(({ found, restored: r }) => ({ found, restored: r }));
      }
      await cache()
        .put(key, { text: answer.text, ...(answer.servedModel ? { servedModel: answer.servedModel } : {}), finishReason: answer.finishReason })
        .catch((error: unknown) => log.warn('could not cache the answer', (error as { name?: string }).name));
      await finishDone(
        restored.text,
        checked.value,
        false,
        {
          finishReason: answer.finishReason,
          ...(answer.servedModel ? { servedModel: answer.servedModel } : {}),
          ...(answer.generationId ? { generationId: answer.generationId } : {}),
        },
        warnings,
      );
    } catch (error) {
      const failure = error instanceof LlmCallError ? error : classifyLlmError(error);
      writer.cancel();
      const partialText = failure.partial?.text && redactor ? redactor.restore(failure.partial.text).text : run.text;
      await settleFailure(run, failure, partialText).catch((e: unknown) => log.error('could not record the failed run', e));
    } finally {
      writer.cancel();
      release();
      active.delete(run.id);
    }
  }

  async function startRun(input: StartRunInput, extra: { resumedFrom?: string } = {}): Promise<RunHandle> {
    const model = input.model ?? (await settings.models())[input.feature];
    if (!model) throw new AppError('no_model', input.feature);
    if (input.schema && !schemas[input.schema]) throw new AppError('invalid_payload', 'schema');
    const apiKey = await requireKey();
    const baseURL = await settings.baseUrl();
    const at = now();
    const request: RunRequest = {
      feature: input.feature,
      model,
      messages: input.messages,
      ...(input.maxTokens !== undefined ? { maxTokens: input.maxTokens } : {}),
      ...(input.temperature !== undefined ? { temperature: input.temperature } : {}),
      ...(input.schema ? { schema: input.schema } : {}),
      ...(input.fresh ? { fresh: true } : {}),
    };
    const { row, created } = await runs().create({
      id: input.requestId,
      feature: input.feature,
      ...(input.jobId ? { jobId: input.jobId } : {}),
      status: 'running',
      model,
      attempt: 0,
      partialText: '',
      startedAt: at,
      heartbeatAt: at,
      request,
      ...(extra.resumedFrom ? { resumedFrom: extra.resumedFrom } : {}),
    });
    if (!created) return { runId: row.id, status: row.status, created: false };
    const run: ActiveRun = { id: row.id, controller: new AbortController(), stage: 'queued', attempt: 0, text: '', listeners: new Set() };
    active.set(run.id, run);
    const engine = execute(run, request, baseURL, apiKey);
    engines.add(engine);
    void engine.finally(() => engines.delete(engine));
    return { runId: run.id, status: 'running', created: true };
  }

  async function frameForRow(row: LlmRunRow): Promise<RunFrame> {
    if (row.status === 'done') {
      const rows = await usage().byRun(row.id);
      const model = row.servedModel ?? row.model ?? '';
      const total = rows.reduce<RunFrameUsage | undefined>(
        (sum, u) => sumUsage(sum, { promptTokens: u.promptTokens, completionTokens: u.completionTokens, cost: u.cost }, model),
        undefined,
      );
      return {
        type: 'done',
        runId: row.id,
        text: row.partialText,
        cached: !!row.cached,
        ...(row.result !== undefined ? { result: row.result } : {}),
        ...(total ? { usage: total } : {}),
        ...(row.warnings ? { warnings: row.warnings } : {}),
      };
    }
    const status: 'error' | 'cancelled' | 'interrupted' = row.status === 'running' || row.status === 'interrupted' ? 'interrupted' : row.status === 'cancelled' ? 'cancelled' : 'error';
    const code: ErrorCode =
      status === 'interrupted' ? 'run_interrupted' : status === 'cancelled' ? 'run_cancelled' : isErrorCode(row.error?.code) ? row.error.code : 'internal';
    return {
      type: 'error',
      runId: row.id,
      status,
      code,
      ...(row.error?.detail ? { detail: row.error.detail } : {}),
      partialText: row.partialText,
    };
  }

  /**
   * An interrupted run never got its usage frame: ask `/generation` what it cost. Worker start and
   * Resume both ask; one lookup per run at a time, and the row is added only if none exists by then.
   */
  const costLookups = new Map<string, Promise<void>>();
  function reconcileCost(row: LlmRunRow): Promise<void> {
    const running = costLookups.get(row.id);
    if (running) return running;
    const lookup = lookUpCost(row).finally(() => costLookups.delete(row.id));
    costLookups.set(row.id, lookup);
    return lookup;
  }

  async function lookUpCost(row: LlmRunRow): Promise<void> {
    if (row.status !== 'interrupted' || !row.generationId) return;
    if ((await usage().byRun(row.id)).length) return;
    const apiKey = await readKey();
    if (!apiKey) return;
    const client = makeClient(await settings.baseUrl(), apiKey)(baseFetch);
    const cost = await fetchGenerationCost(client, row.generationId);
    if (!cost) return;
    if ((await usage().byRun(row.id)).length) return;
    await usage().add({
      runId: row.id,
      feature: row.feature,
      model: cost.model ?? row.model ?? row.request.model,
      promptTokens: cost.promptTokens,
      completionTokens: cost.completionTokens,
      cost: cost.cost,
      latencyMs: 0,
      cached: 0,
      status: 'error',
      errorCode: 'run_interrupted',
      generationId: row.generationId,
      reconciled: true,
      at: now(),
    });
  }

  return {
    listModels: async (options = {}) => fetchModels(await settings.baseUrl(), await requireKey(), !!options.refresh),

    startRun: (input) => startRun(input),

    async previewRun(input) {
      const model = input.model ?? (await settings.models())[input.feature];
      if (!model) throw new AppError('no_model', input.feature);
      const apiKey = await requireKey();
      const baseURL = await settings.baseUrl();
      const [profile, privacy, info] = await Promise.all([settings.profile(), settings.privacy(), modelInfo(baseURL, apiKey, model)]);
      const redactor = createRedactor(profile, { redactLocation: privacy.redactLocation });
      const messages = input.messages.map((m) => ({ role: m.role, content: redactor.redact(m.content) }));
      const placeholders = new Set(messages.flatMap((m) => m.content.match(/\[\[[A-Z]+_\d+\]\]/g) ?? []));
      const promptChars = messages.reduce((n, m) => n + m.content.length, 0);
      return {
        model,
        messages,
        endpointHost: new URL(baseURL).host,
        estimatedCostUsd: estimateCost(info, promptChars, input.maxTokens),
        redactedCount: placeholders.size,
        denyDataCollection: privacy.denyDataCollection,
      };
    },

    async cancelRun(runId) {
      const run = active.get(runId);
      if (!run) {
        if (!(await runs().get(runId))) throw new AppError('run_not_found');
        return { cancelled: false };
      }
      if (run.final) return { cancelled: false };
      run.controller.abort();
      // Settled now, also while the policy sleeps before a retry; the engine's own end is then a no-op.
      await settleFailure(run, new LlmCallError(new AppError('run_cancelled'), { retryable: false }), run.text);
      return { cancelled: true };
    },

    async resumeRun(runId, requestId) {
      const old = await runs().get(runId);
      if (!old) throw new AppError('run_not_found');
      if (old.status === 'running' && active.has(runId)) return { runId, status: 'running', created: false };
      void reconcileCost(old).catch(() => undefined);
      // An answer that arrived (and was paid for) before the worker stopped is in the cache: use it
      // rather than paying for the same request again. Otherwise the request goes out again.
      const answered = (await usage().byRun(runId)).some((u) => u.status === 'ok' && !u.cached);
      return startRun(
        {
          requestId,
          feature: old.feature as LlmFeature,
          model: old.request.model,
          messages: old.request.messages,
          ...(old.jobId ? { jobId: old.jobId } : {}),
          ...(old.request.maxTokens !== undefined ? { maxTokens: old.request.maxTokens } : {}),
          ...(old.request.temperature !== undefined ? { temperature: old.request.temperature } : {}),
          ...(old.request.schema ? { schema: old.request.schema } : {}),
          ...(answered ? {} : { fresh: true }),
        },
        { resumedFrom: runId },
      );
    },

    async subscribe(runId, send) {
      const run = active.get(runId);
      if (run) {
        if (run.final) {
          send(run.final);
          return () => {};
        }
        send({
          type: 'progress',
          runId,
          stage: run.stage,
          attempt: run.attempt,
          text: run.text,
          ...(run.retryAt !== undefined ? { retryAt: run.retryAt } : {}),
        });
        run.listeners.add(send);
        return () => run.listeners.delete(send);
      }
      const row = await runs().get(runId);
      send(row ? await frameForRow(row) : { type: 'error', runId, status: 'error', code: 'run_not_found', partialText: '' });
      return () => {};
    },

    async reconcile() {
      const changed = await reconcileStaleRuns(runs(), { now: now(), workerStartedAt, activeIds: new Set(active.keys()) });
      for (const id of changed) {
        void runs()
          .get(id)
          .then((row) => row && reconcileCost(row))
          .catch(() => undefined);
      }
      return changed;
    },

    async idle() {
      while (engines.size) await Promise.allSettled([...engines]);
    },
  };
}
