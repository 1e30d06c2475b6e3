import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMockOpenRouter, type MockOpenRouter } from '../../e2e/mock-openrouter';
import { connectOpenRouter, pkcePair } from './oauth';

let mock: MockOpenRouter;
beforeAll(async () => {
  mock = await createMockOpenRouter({ port: 0 });
});
afterAll(() => mock.close());
beforeEach(() => {
  fakeBrowser.reset();
  mock.reset();
});

/** What the browser does: follow the auth page's redirect and hand back the chromiumapp.org URL. */
const browserFlow = async ({ url }: { url: string }) => {
  const res = await fetch(url, { redirect: 'manual' });
  return res.headers.get('location') ?? undefined;
};

describe('connectOpenRouter (against the mock)', () => {
  it('PKCE S256: the challenge is the hash of the verifier, and each pair is new', async () => {
    const a = await pkcePair();
    const b = await pkcePair();
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.challenge).not.toBe(a.verifier);
    expect(a.verifier).not.toBe(b.verifier);
  });

  it('opens the endpoint site’s /auth, trades the code, stores the key and returns only its hint', async () => {
    const store = vi.fn(async (key: string) => `sk-or-…${key.slice(-4)}`);
    const launch = vi.fn(browserFlow);
    const result = await connectOpenRouter({ baseUrl: async () => mock.baseURL, launch, redirectUrl: () => 'https://abc.chromiumapp.org/', store });
    const asked = new URL(launch.mock.calls[0]![0].url);
    expect(asked.origin + asked.pathname).toBe(`${mock.url}/auth`);
    expect(asked.searchParams.get('code_challenge_method')).toBe('S256');
    expect(asked.searchParams.get('callback_url')).toBe('https://abc.chromiumapp.org/');
    const key = store.mock.calls[0]![0];
    expect(key).toMatch(/^sk-or-v1-/);
    expect(result).toEqual({ hint: `sk-or-…${key.slice(-4)}` });
    expect(JSON.stringify(result)).not.toContain(key);
    // The key works.
    expect((await fetch(`${mock.baseURL}/key`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
  });

  it('a closed window is oauth_cancelled; a callback without a code or a refused exchange is oauth_failed', async () => {
    const store = vi.fn(async () => 'hint');
    const deps = { baseUrl: async () => mock.baseURL, redirectUrl: () => 'https://abc.chromiumapp.org/', store };
    await expect(connectOpenRouter({ ...deps, launch: async () => Promise.reject(new Error('The user did not approve access.')) })).rejects.toMatchObject({ code: 'oauth_cancelled' });
    await expect(connectOpenRouter({ ...deps, launch: async () => 'https://abc.chromiumapp.org/?error=denied' })).rejects.toMatchObject({ code: 'oauth_failed' });
    await expect(connectOpenRouter({ ...deps, launch: async () => 'https://abc.chromiumapp.org/?code=forged' })).rejects.toMatchObject({ code: 'oauth_failed', detail: '403' });
    expect(store).not.toHaveBeenCalled();
  });
});
