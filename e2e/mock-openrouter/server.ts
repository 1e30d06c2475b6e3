import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleChat } from './chat';
import {
  errorBody,
  MANAGEMENT_ONLY,
  MISSING_AUTH,
  NOT_FOUND,
  PAYLOAD_TOO_LARGE,
  UNKNOWN_KEY,
  type ErrorBody,
} from './errors';
import { createLedger, redactAuthorization, type KeyState } from './ledger';
import { filterModels, MODEL_FIXTURES, toApiModel } from './models';
import { createOAuth } from './oauth';
import { createScenarioQueue } from './scenarios';
import type { GenerationRecord, KeyConfig, MockOpenRouterOptions, ModelFixture, RecordedRequest, Scenario } from './types';
import { EXPOSED_HEADERS, sendJson } from './wire';

// The server: CORS, auth, routing, request records, and the control surface a test drives, both
// in-process (the returned handle) and over HTTP (`/__mock/*`, for a mock started by the CLI).

/** The key a default mock accepts. */
export const MOCK_API_KEY = 'sk-or-v1-mock0000000000000000000000000000000000000000000000000000c0de';

export interface MockOpenRouter {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `http://127.0.0.1:<port>/api/v1`: the `baseURL` for the openai SDK. */
  baseURL: string;
  port: number;
  /** The first configured key. */
  apiKey: string;
  /** Queue scenarios (FIFO, filtered by `match`); returns their ids. */
  enqueue(...scenarios: Scenario[]): string[];
  /** The answer when no queued scenario matches; `undefined` restores the configured default. */
  setScenario(scenario: Scenario | undefined): void;
  /** Copies of the records, oldest first. */
  requests(): RecordedRequest[];
  lastRequest(): RecordedRequest | undefined;
  /** Resolves with the first record (now or later) that satisfies `predicate`. */
  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  generations(): GenerationRecord[];
  /** `GET /key` data for a key (default: the first). */
  keyInfo(key?: string): Record<string, unknown> | undefined;
  addKey(config: KeyConfig): void;
  /** Moves the clock of the rate-limit windows, key expiry and generation readiness. */
  advanceClock(ms: number): void;
  /** Clears the queue, records, counters and generations, and restores the configured keys. */
  reset(): void;
  close(): Promise<void>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

async function readBody(req: IncomingMessage, max: number): Promise<{ text: string; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      // Keep draining so the client can read the 413 instead of a broken pipe.
      if (size > max) tooLarge = true;
      else chunks.push(chunk);
    }
  } catch {
    // The client went away; the close handler records it.
  }
  return { text: Buffer.concat(chunks).toString('utf8'), tooLarge };
}

function headerRecord(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    out[name] = name === 'authorization' || name === 'proxy-authorization' ? redactAuthorization(text) : text;
  }
  return out;
}

export async function createMockOpenRouter(options: MockOpenRouterOptions = {}): Promise<MockOpenRouter> {
  const initialKeys = options.keys ?? [{ key: MOCK_API_KEY }];
  let clockOffset = 0;
  const now = () => Date.now() + clockOffset;
  const ledger = createLedger(options, now);
  const oauth = createOAuth(now);
  const queue = createScenarioQueue(options.defaultScenario);
  const models = new Map<string, ModelFixture>(
    [...(options.models ?? MODEL_FIXTURES), ...(options.extraModels ?? [])].map((m) => [m.id, m]),
  );
  const maxBodyBytes = options.maxBodyBytes ?? 2 * 1024 * 1024;
  let records: RecordedRequest[] = [];
  let seq = 0;
  let closing = false;
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());

  const loadKeys = () => initialKeys.forEach((k) => ledger.addKey(k));
  loadKeys();

  function authenticate(req: IncomingMessage, record: RecordedRequest): KeyState | ErrorBody {
    const header = req.headers.authorization;
    if (!header) return MISSING_AUTH(options.missingAuthMessage);
    // Exactly `Bearer <key>`: a padded or mangled key is a different key, as it is for OpenRouter.
    const token = /^Bearer (.+)$/.exec(header)?.[1];
    if (token === undefined) return UNKNOWN_KEY;
    let state = ledger.get(token);
    if (!state && options.acceptAnyKey && /^sk-or-\S+$/.test(token)) state = ledger.addKey({ key: token });
    if (!state || !ledger.isUsable(state)) return UNKNOWN_KEY;
    record.authorized = true;
    return state;
  }

  async function control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const { text } = await readBody(req, 64 * 1024 * 1024);
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      return sendJson(res, 400, errorBody(400, 'Invalid JSON'));
    }
    const route = `${req.method} ${path}`;
    switch (route) {
      case 'POST /__mock/script': {
        let ids: string[] = [];
        if (Array.isArray(body)) ids = handle.enqueue(...(body as Scenario[]));
        else if (isObject(body) && ('scenarios' in body || 'default' in body)) {
          if (Array.isArray(body.scenarios)) ids = handle.enqueue(...(body.scenarios as Scenario[]));
          if ('default' in body) handle.setScenario((body.default ?? undefined) as Scenario | undefined);
        } else if (isObject(body)) ids = handle.enqueue(body as Scenario);
        return sendJson(res, 200, { ids, pending: queue.pending() });
      }
      case 'GET /__mock/requests':
        return sendJson(res, 200, { data: handle.requests() });
      case 'POST /__mock/reset':
        handle.reset();
        return sendJson(res, 200, { ok: true });
      case 'POST /__mock/clock': {
        const ms = isObject(body) && typeof body.advanceMs === 'number' ? body.advanceMs : 0;
        handle.advanceClock(ms);
        return sendJson(res, 200, { now: now() });
      }
      case 'POST /__mock/keys': {
        const keys = isObject(body) && Array.isArray(body.keys) ? (body.keys as KeyConfig[]) : [];
        keys.forEach((k) => handle.addKey(k));
        return sendJson(res, 200, { added: keys.length });
      }
      case 'GET /__mock/keys':
        return sendJson(res, 200, { data: ledger.all().map((k) => ({ hint: redactAuthorization(`Bearer ${k.config.key}`).slice(7), ...ledger.keyInfo(k) })) });
      default:
        return sendJson(res, 404, NOT_FOUND);
    }
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const record: RecordedRequest = {
      seq: ++seq,
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: headerRecord(req),
      authorization: req.headers.authorization === undefined ? undefined : redactAuthorization(req.headers.authorization),
      authorized: false,
      attribution: {
        httpReferer: req.headers['http-referer'] as string | undefined,
        title: (req.headers['x-openrouter-title'] ?? req.headers['x-title']) as string | undefined,
        categories: req.headers['x-openrouter-categories'] as string | undefined,
      },
      retryCount: req.headers['x-stainless-retry-count'] === undefined ? undefined : Number(req.headers['x-stainless-retry-count']),
      rawBody: '',
      startedAt: now(),
      stream: false,
      clientAborted: false,
      serverReset: false,
      bytesSent: 0,
      writes: 0,
    };
    records.push(record);
    const aborter = new AbortController();
    res.on('close', () => {
      record.endedAt = now();
      if (res.headersSent) record.status = res.statusCode;
      if (!res.writableFinished) {
        if (!record.serverReset && !closing) record.clientAborted = true;
        aborter.abort();
      }
      notify();
    });
    notify();

    if (req.method === 'OPTIONS') {
      const asked = req.headers['access-control-request-headers'];
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers':
          options.cors === 'strict' || !asked ? 'authorization, content-type' : asked,
        'access-control-max-age': '600',
        ...(req.headers['access-control-request-private-network'] ? { 'access-control-allow-private-network': 'true' } : {}),
      });
      res.end();
      return;
    }

    const { text, tooLarge } = await readBody(req, maxBodyBytes);
    record.rawBody = text;
    notify();
    if (aborter.signal.aborted) return;
    if (tooLarge) return sendJson(res, 413, PAYLOAD_TOO_LARGE);

    if (url.pathname === '/auth' && req.method === 'GET') return oauth.authorize(url, res);
    const route = url.pathname.replace(/^\/api\/v1/, '').replace(/\/$/, '');
    const methods: Record<string, string> = { '/auth/keys': 'POST', '/models': 'GET', '/key': 'GET', '/credits': 'GET', '/generation': 'GET', '/chat/completions': 'POST' };
    const method = methods[route];
    if (!method) return sendJson(res, 404, NOT_FOUND);
    if (req.method !== method) return sendJson(res, 405, errorBody(405, 'Method Not Allowed'));

    // The PKCE code is the credential here, not a key.
    if (route === '/auth/keys') return oauth.exchange(text, res, (key) => void ledger.addKey({ key, label: 'Jobfit (OAuth)' }));
    // The model list is public: no key needed, and a bad one is not rejected.
    if (route === '/models') {
      return sendJson(res, 200, { data: filterModels([...models.values()], url.searchParams).map(toApiModel) });
    }
    const key = authenticate(req, record);
    if (!('config' in key)) return sendJson(res, 401, key);

    switch (route) {
      case '/key':
        return sendJson(res, 200, { data: ledger.keyInfo(key) });
      case '/credits':
        return key.config.management ? sendJson(res, 200, { data: ledger.credits(key) }) : sendJson(res, 403, MANAGEMENT_ONLY);
      case '/generation': {
        const id = url.searchParams.get('id');
        if (!id) return sendJson(res, 400, errorBody(400, 'Missing generation id', { error_type: 'invalid_request' }));
        const generation = ledger.generation(id, key.config.key);
        return generation ? sendJson(res, 200, { data: generation }) : sendJson(res, 404, NOT_FOUND);
      }
      default:
        return handleChat({
          req,
          res,
          record,
          rawBody: text,
          key,
          signal: aborter.signal,
          options,
          ledger,
          models,
          queue,
          now,
          onReset: () => {
            record.serverReset = true;
          },
        });
    }
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://mock.invalid');
    const origin = req.headers.origin;
    res.setHeader('access-control-allow-origin', origin ?? '*');
    if (origin) res.setHeader('vary', 'Origin');
    res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
    const work = url.pathname.startsWith('/__mock/') ? control(req, res, url.pathname) : api(req, res, url);
    work.catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, errorBody(500, `Mock failure: ${String(error)}`));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const handle: MockOpenRouter = {
    url,
    baseURL: `${url}/api/v1`,
    port,
    apiKey: initialKeys[0]?.key ?? MOCK_API_KEY,
    enqueue: (...scenarios) => queue.enqueue(...scenarios),
    setScenario: (scenario) => queue.setDefault(scenario ?? options.defaultScenario),
    requests: () => structuredClone(records),
    lastRequest: () => structuredClone(records.at(-1)),
    waitForRequest(predicate, timeoutMs = 2000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = records.find(predicate);
          if (!found) return;
          cleanup();
          resolve(structuredClone(found));
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`No matching request within ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    generations: () => structuredClone(ledger.generations()),
    keyInfo(key = handle.apiKey) {
      const state = ledger.get(key);
      return state ? ledger.keyInfo(state) : undefined;
    },
    addKey: (config) => void ledger.addKey(config),
    advanceClock(ms) {
      clockOffset += ms;
    },
    reset() {
      queue.clear();
      records = [];
      seq = 0;
      clockOffset = 0;
      ledger.clear();
      oauth.reset();
      loadKeys();
    },
    close() {
      closing = true;
      waiters.clear();
      return new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
  return handle;
}
