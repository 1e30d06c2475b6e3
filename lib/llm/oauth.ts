import { browser } from 'wxt/browser';
import { AppError } from '../util/errors';
import { setApiKey } from './key-writer';

/**
 * "Connect OpenRouter": OAuth PKCE through `identity.launchWebAuthFlow`, for users who have no key yet.
 * The browser opens `<origin>/auth` on the configured endpoint's site, OpenRouter sends it back to
 * `https://<extension-id>.chromiumapp.org/?code=…`, and the worker trades the code and its verifier for a
 * key at `<baseURL>/auth/keys`. The key is stored like a pasted one; only its hint reaches pages.
 */
export interface ConnectDeps {
  baseUrl: () => Promise<string>;
  launch?: (details: { url: string; interactive: boolean }) => Promise<string | undefined>;
  redirectUrl?: () => string;
  fetch?: typeof globalThis.fetch;
  store?: (key: string) => Promise<string>;
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

export async function pkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  return { verifier, challenge: base64url(digest) };
}

export async function connectOpenRouter(deps: ConnectDeps): Promise<{ hint: string }> {
  const launch = deps.launch ?? ((d) => browser.identity.launchWebAuthFlow(d));
  const redirectUrl = deps.redirectUrl ?? (() => browser.identity.getRedirectURL());
  const doFetch = deps.fetch ?? globalThis.fetch.bind(globalThis);
  const baseUrl = (await deps.baseUrl()).replace(/\/+$/, '');
  const { verifier, challenge } = await pkcePair();
  const authUrl = new URL('/auth', new URL(baseUrl).origin);
  authUrl.searchParams.set('callback_url', redirectUrl());
  authUrl.searchParams.set('code_challenge', challenge);
  authUrl.searchParams.set('code_challenge_method', 'S256');

  let responseUrl: string | undefined;
  try {
    responseUrl = await launch({ url: authUrl.toString(), interactive: true });
  } catch {
    // Closing the window or refusing access lands here; the browser gives no finer reason.
    throw new AppError('oauth_cancelled');
  }
  const code = responseUrl ? new URL(responseUrl).searchParams.get('code') : null;
  if (!code) throw new AppError('oauth_failed', 'no code');

  let response: Response;
  try {
    response = await doFetch(`${baseUrl}/auth/keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, code_verifier: verifier, code_challenge_method: 'S256' }),
    });
  } catch {
    throw new AppError('network_error');
  }
  if (!response.ok) throw new AppError('oauth_failed', String(response.status));
  const body = (await response.json().catch(() => undefined)) as { key?: unknown } | undefined;
  if (typeof body?.key !== 'string') throw new AppError('oauth_failed', 'no key');
  const hint = await (deps.store ?? setApiKey)(body.key);
  return { hint };
}
