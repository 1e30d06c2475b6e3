import { AppError } from '../util/errors';

/** An http(s) address as typed or pasted by the user, or AppError('url_invalid'). */
export function parsePostingUrl(input: string): URL {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
  } catch {
    throw new AppError('url_invalid');
  }
  if (!/^https?:$/.test(url.protocol) || !url.hostname || url.username || url.password) throw new AppError('url_invalid');
  return url;
}

/** The match pattern `permissions.request` / `contains` take for the address's site. */
export function originPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}
