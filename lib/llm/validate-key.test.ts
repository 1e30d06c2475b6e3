import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { endpointItem } from '../storage/items';
import { AppError } from '../util/errors';
import { clearApiKey, setApiKey } from './key-writer';
import { getSecretsDb } from './secrets-db';
import { validateKey, type ValidateKeyDeps } from './validate-key';

const KEY = 'sk-or-v1-abcdef0123456789abcdef0123456789';

interface Seen {
  method?: string;
  path?: string;
  authorization?: string;
}

type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** A stand-in for OpenRouter on 127.0.0.1: real HTTP, so headers and status codes go through fetch. */
let server: Server;
let base: string;
let seen: Seen[];
let routes: Record<string, Route>;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const openRouterKey: Route = (req, res) => {
  if (req.headers.authorization !== `Bearer ${KEY}`) {
    json(res, 401, { error: { message: 'No auth credentials found', code: 401 } });
    return;
  }
  json(res, 200, { data: { label: 'sk-or-v1-abc...789', limit_remaining: 4.25, usage: 0.75, is_free_tier: false, limit: 5 } });
};

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method, path: req.url, authorization: req.headers.authorization });
    const route = routes[req.url ?? ''];
    if (route) route(req, res);
    else json(res, 404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  fakeBrowser.reset();
  seen = [];
  routes = { '/api/v1/key': openRouterKey };
});

function deps(over: Partial<ValidateKeyDeps> = {}): ValidateKeyDeps {
  return {
    fetch: (...args) => fetch(...args),
    readKey: async () => KEY,
    baseUrl: async () => base,
    ...over,
  };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('validateKey against an OpenRouter-like server', () => {
  it('sends the key as a bearer token to GET /key and maps the answer', async () => {
    const status = await validateKey(deps());
    expect(seen).toEqual([{ method: 'GET', path: '/api/v1/key', authorization: `Bearer ${KEY}` }]);
    expect(status).toEqual({ valid: true, label: 'sk-or-v1-abc...789', limitRemaining: 4.25, usage: 0.75, isFreeTier: false });
  });

  it('maps an unlimited key (null limit, no label) to limitRemaining null', async () => {
    routes['/api/v1/key'] = (_req, res) => json(res, 200, { data: { label: null, limit_remaining: null, usage: 0, is_free_tier: true } });
    expect(await validateKey(deps())).toEqual({ valid: true, limitRemaining: null, usage: 0, isFreeTier: true });
  });

  it('treats an unexpected 200 body as valid without details', async () => {
    routes['/api/v1/key'] = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    };
    expect(await validateKey(deps())).toEqual({ valid: true, limitRemaining: null });
  });

  it('a wrong key → key_invalid (401)', async () => {
    const error = await failure(validateKey(deps({ readKey: async () => 'sk-or-v1-wrongwrongwrong' })));
    expect(error).toMatchObject({ code: 'key_invalid', detail: '401' });
    expect(seen[0]?.authorization).toBe('Bearer sk-or-v1-wrongwrongwrong');
  });

  it('403 → key_invalid (403)', async () => {
    routes['/api/v1/key'] = (_req, res) => json(res, 403, {});
    expect(await failure(validateKey(deps()))).toMatchObject({ code: 'key_invalid', detail: '403' });
  });

  it.each([500, 502, 429])('%i → key_check_failed with the status', async (code) => {
    routes['/api/v1/key'] = (_req, res) => json(res, code, { error: 'nope' });
    expect(await failure(validateKey(deps()))).toMatchObject({ code: 'key_check_failed', detail: String(code) });
  });

  it('connection refused → key_check_failed (network)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(validateKey(deps({ baseUrl: async () => `http://127.0.0.1:${port}/api/v1` })));
    expect(error).toMatchObject({ code: 'key_check_failed', detail: 'network' });
  });

  it('no stored key → no_key, without any request', async () => {
    expect(await failure(validateKey(deps({ readKey: async () => undefined })))).toMatchObject({ code: 'no_key' });
    expect(await failure(validateKey(deps({ readKey: async () => '' })))).toMatchObject({ code: 'no_key' });
    expect(seen).toEqual([]);
  });

  it('a server without /key (404) is checked with /models', async () => {
    delete routes['/api/v1/key'];
    routes['/api/v1/models'] = (req, res) =>
      req.headers.authorization === `Bearer ${KEY}` ? json(res, 200, { object: 'list', data: [{ id: 'llama3' }] }) : json(res, 401, {});
    expect(await validateKey(deps())).toEqual({ valid: true, limitRemaining: null });
    expect(seen.map((s) => [s.path, s.authorization])).toEqual([
      ['/api/v1/key', `Bearer ${KEY}`],
      ['/api/v1/models', `Bearer ${KEY}`],
    ]);
  });

  it('the /models fallback also reports a rejected key', async () => {
    delete routes['/api/v1/key'];
    routes['/api/v1/models'] = (_req, res) => json(res, 401, {});
    expect(await failure(validateKey(deps()))).toMatchObject({ code: 'key_invalid', detail: '401' });
  });

  it('tolerates trailing slashes in the base URL', async () => {
    await validateKey(deps({ baseUrl: async () => `${base}//` }));
    expect(seen.map((s) => s.path)).toEqual(['/api/v1/key']);
  });
});

describe('validateKey with its default dependencies', () => {
  afterEach(async () => {
    await clearApiKey();
  });

  it('reads the stored key and endpoint itself', async () => {
    await setApiKey(KEY);
    await endpointItem.setValue({ baseUrl: base });
    expect(await validateKey()).toMatchObject({ valid: true, limitRemaining: 4.25 });
    expect(seen).toEqual([{ method: 'GET', path: '/api/v1/key', authorization: `Bearer ${KEY}` }]);
    expect(await getSecretsDb().secrets.count()).toBe(1);
  });

  it('reports no_key when nothing is stored', async () => {
    await endpointItem.setValue({ baseUrl: base });
    expect(await failure(validateKey())).toMatchObject({ code: 'no_key' });
    expect(seen).toEqual([]);
  });
});
