import { browser } from 'wxt/browser';
import { AppError, type ErrorCode } from '../util/errors';
import { createLogger } from '../util/logger';
import { browserScriptRunner, classifyInjectionError, readTab, safeOrigin, type ScriptRunner } from './inject';
import type { JobPosting } from './types';
import { originPattern, parsePostingUrl } from './url-input';

export { originPattern, parsePostingUrl };

const log = createLogger('capture-url');

/** A page that has not finished loading after this long is given up on. */
export const URL_LOAD_TIMEOUT_MS = 30_000;
/**
 * Pages that render their posting with script after `load` (Workday, many ATS boards) are read again
 * a few times while they still look empty or like a list.
 */
export const URL_READ_RETRIES = 4;
export const URL_READ_RETRY_MS = 750;
const RETRY_CODES: readonly ErrorCode[] = ['empty_page', 'not_a_job_posting'];

/** What "analyze from URL" needs from the browser; the real one is below, tests pass their own. */
export interface UrlTabs {
  /** Whether the extension holds the optional host permission for the origin. */
  hasOrigin(origin: string): Promise<boolean>;
  /** Opens the address in a tab the user does not see switch to; returns the tab id. */
  open(url: string): Promise<number>;
  /** Resolves when the tab finished loading; rejects with AppError('url_timeout') or ('no_tab'). */
  loaded(tabId: number, timeoutMs: number): Promise<void>;
  /** The tab's address now, when the extension may read it (it may not after a redirect to another site). */
  currentUrl(tabId: number): Promise<string | undefined>;
  close(tabId: number): Promise<void>;
  wait(ms: number): Promise<void>;
}

/**
 * Reads the posting at an address: opens it in a background tab (the site's optional host permission,
 * asked for by the panel on the user's click, lets the worker script it), reads it with the same capture
 * script as the toolbar button, and closes the tab whatever happens.
 */
export async function captureUrl(input: string, tabs: UrlTabs = browserUrlTabs, runner: ScriptRunner = browserScriptRunner): Promise<JobPosting> {
  const url = parsePostingUrl(input);
  if (!(await tabs.hasOrigin(originPattern(url)))) throw new AppError('needs_permission', url.origin);
  const tabId = await tabs.open(url.href);
  try {
    await tabs.loaded(tabId, URL_LOAD_TIMEOUT_MS);
    for (let attempt = 1; ; attempt++) {
      try {
        return await readTab(tabId, runner);
      } catch (error) {
        // Chromium: "Frame with ID 0 is showing error page" (no answer, DNS failure, refused connection).
        if (!(error instanceof AppError) && /error page/i.test(String(error instanceof Error ? error.message : error))) {
          throw new AppError('url_unreachable');
        }
        const appError = error instanceof AppError ? error : classifyInjectionError(error);
        if (appError.code === 'needs_permission' || appError.code === 'restricted_page') {
          // The address led somewhere else: a site without permission (its URL is then unreadable) or a browser page.
          const now = await tabs.currentUrl(tabId);
          const landed = now ? safeOrigin(now) : undefined;
          if (landed !== url.origin) throw new AppError('url_redirected', landed && new URL(landed).host);
        }
        if (!RETRY_CODES.includes(appError.code) || attempt >= URL_READ_RETRIES) throw appError;
        await tabs.wait(URL_READ_RETRY_MS);
      }
    }
  } finally {
    await tabs.close(tabId).catch((error: unknown) => log.debug(`closing tab ${tabId} failed: ${String(error)}`));
  }
}

export const browserUrlTabs: UrlTabs = {
  hasOrigin: (origin) => browser.permissions.contains({ origins: [origin] }),
  async open(url) {
    const tab = await browser.tabs.create({ url, active: false });
    if (tab.id === undefined) throw new AppError('no_tab');
    return tab.id;
  },
  loaded(tabId, timeoutMs) {
    return new Promise<void>((resolve, reject) => {
      const done = (error?: AppError) => {
        clearTimeout(timer);
        browser.tabs.onUpdated.removeListener(onUpdated);
        browser.tabs.onRemoved.removeListener(onRemoved);
        if (error) reject(error);
        else resolve();
      };
      const onUpdated = (id: number, change: { status?: string }) => {
        if (id === tabId && change.status === 'complete') done();
      };
      const onRemoved = (id: number) => {
        if (id === tabId) done(new AppError('no_tab'));
      };
      const timer = setTimeout(() => done(new AppError('url_timeout')), timeoutMs);
      browser.tabs.onUpdated.addListener(onUpdated);
      browser.tabs.onRemoved.addListener(onRemoved);
      // It may have finished before the listeners were added.
      browser.tabs.get(tabId).then(
        (tab) => {
          if (tab.status === 'complete' && tab.url && tab.url !== 'about:blank') done();
        },
        () => done(new AppError('no_tab')),
      );
    });
  },
  async currentUrl(tabId) {
    try {
      return (await browser.tabs.get(tabId)).url;
    } catch {
      return undefined;
    }
  },
  close: (tabId) => browser.tabs.remove(tabId),
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
