/**
 * Classifies who sent a runtime message from what the browser itself sets on `sender`,
 * never from anything inside the message.
 * - `page`: one of Jobfit's own extension pages (side panel, options, app tab), top frame only.
 * - `content`: a Jobfit content script running in a web page (it may be compromised: least trust).
 * - `foreign`: anything else (another extension, a sub-frame of an extension page, missing data).
 */
export type SenderClass = 'page' | 'content' | 'foreign';

export interface SenderInfo {
  kind: SenderClass;
  tabId?: number;
  frameId?: number;
  /** Origin of the web page for content scripts. */
  origin?: string;
}

export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/** `scheme://host` of a URL, also for extension URLs whose `URL.origin` is the opaque "null". */
export function originOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    // Extension URLs have an opaque `origin` of "null" in some engines; rebuild it.
    return `${url.protocol}//${url.host}`;
  } catch {
    return undefined;
  }
}

/**
 * @param runtimeId `browser.runtime.id`
 * @param extensionOrigin origin of `browser.runtime.getURL('/')`, e.g. `chrome-extension://abc`
 */
export function classifySender(sender: SenderLike | undefined, runtimeId: string, extensionOrigin: string): SenderInfo {
  if (!sender || sender.id !== runtimeId) return { kind: 'foreign' };
  const origin = originOf(sender.origin) ?? originOf(sender.url);
  if (!origin) return { kind: 'foreign' };
  if (origin === extensionOrigin) {
    // Extension pages in a tab have frameId 0; the side panel has no tab. A frame inside some page is refused.
    if (sender.frameId !== undefined && sender.frameId !== 0) return { kind: 'foreign' };
    return { kind: 'page' };
  }
  if (sender.tab?.id !== undefined && /^https?:$/.test(new URL(origin).protocol)) {
    return { kind: 'content', tabId: sender.tab.id, frameId: sender.frameId ?? 0, origin };
  }
  return { kind: 'foreign' };
}
