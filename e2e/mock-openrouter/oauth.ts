import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendJson } from './wire';

/**
 * OpenRouter's OAuth PKCE (spec §1, `guides/overview/auth/oauth.mdx`): `GET /auth?callback_url&code_challenge
 * &code_challenge_method=S256` sends the browser back to `callback_url?code=…` (the real site asks the user
 * to log in and approve first; the mock approves at once), and `POST /api/v1/auth/keys {code, code_verifier,
 * code_challenge_method}` trades the code for a new key. Codes are single-use and expire after 10 minutes.
 */
export interface OAuthState {
  /** Issues a code for a challenge; answers the `/auth` page. */
  authorize(url: URL, res: ServerResponse): void;
  /** The code exchange; `onKey` registers the new key with the ledger. */
  exchange(rawBody: string, res: ServerResponse, onKey: (key: string) => void): void;
  reset(): void;
}

const CODE_TTL_MS = 10 * 60_000;
const base64url = (bytes: Buffer) => bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export function createOAuth(now: () => number): OAuthState {
  const codes = new Map<string, { challenge: string; method: string; issuedAt: number }>();
  const badRequest = (res: ServerResponse, message: string) => sendJson(res, 400, { error: { code: 400, message } });
  return {
    authorize(url, res) {
      const callback = url.searchParams.get('callback_url');
      const challenge = url.searchParams.get('code_challenge');
      const method = url.searchParams.get('code_challenge_method') ?? 'plain';
      if (!callback || !/^https?:\/\//.test(callback)) return badRequest(res, 'Invalid callback_url');
      if (!challenge) return badRequest(res, 'Missing code_challenge');
      const code = base64url(randomBytes(18));
      codes.set(code, { challenge, method, issuedAt: now() });
      const target = new URL(callback);
      target.searchParams.set('code', code);
      res.writeHead(302, { location: target.toString() });
      res.end();
    },
    exchange(rawBody, res, onKey) {
      let body: { code?: unknown; code_verifier?: unknown; code_challenge_method?: unknown };
      try {
        body = JSON.parse(rawBody) as typeof body;
      } catch {
        return badRequest(res, 'Invalid JSON');
      }
      const issued = typeof body.code === 'string' ? codes.get(body.code) : undefined;
      if (!issued || now() - issued.issuedAt > CODE_TTL_MS) return sendJson(res, 403, { error: { code: 403, message: 'Invalid code' } });
      codes.delete(body.code as string);
      const verifier = typeof body.code_verifier === 'string' ? body.code_verifier : '';
      const expected = issued.method === 'S256' ? base64url(createHash('sha256').update(verifier).digest()) : verifier;
      if (!verifier || expected !== issued.challenge) return sendJson(res, 403, { error: { code: 403, message: 'Invalid code verifier' } });
      const key = `sk-or-v1-${randomBytes(32).toString('hex')}`;
      onKey(key);
      sendJson(res, 200, { key, user_id: 'user_mock' });
    },
    reset: () => codes.clear(),
  };
}
