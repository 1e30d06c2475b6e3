import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMockOpenRouter, type MockOpenRouter } from './index';

let mock: MockOpenRouter;
beforeAll(async () => {
  mock = await createMockOpenRouter({ port: 0 });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

const b64url = (b: Buffer) => b.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

async function authorize(challenge: string): Promise<string> {
  const url = `${mock.url}/auth?callback_url=${encodeURIComponent('https://ext.chromiumapp.org/')}&code_challenge=${challenge}&code_challenge_method=S256`;
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location')!);
  expect(location.origin).toBe('https://ext.chromiumapp.org');
  return location.searchParams.get('code')!;
}

const exchange = (body: unknown) =>
  fetch(`${mock.baseURL}/auth/keys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('OAuth PKCE', () => {
  it('trades a code and its verifier for a working key, once', async () => {
    const verifier = b64url(randomBytes(32));
    const code = await authorize(b64url(createHash('sha256').update(verifier).digest()));
    const res = await exchange({ code, code_verifier: verifier, code_challenge_method: 'S256' });
    expect(res.status).toBe(200);
    const { key } = (await res.json()) as { key: string };
    expect(key).toMatch(/^sk-or-v1-[0-9a-f]{64}$/);
    const info = await fetch(`${mock.baseURL}/key`, { headers: { authorization: `Bearer ${key}` } });
    expect(info.status).toBe(200);
    expect((await exchange({ code, code_verifier: verifier, code_challenge_method: 'S256' })).status).toBe(403);
  });

  it('refuses a wrong verifier and an unknown code', async () => {
    const code = await authorize(b64url(createHash('sha256').update('right').digest()));
    expect((await exchange({ code, code_verifier: 'wrong', code_challenge_method: 'S256' })).status).toBe(403);
    expect((await exchange({ code: 'nope', code_verifier: 'right' })).status).toBe(403);
  });
});
