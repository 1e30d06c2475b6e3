import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppError } from '../util/errors';
import { browserUrlTabs, captureUrl, originPattern, parsePostingUrl, URL_READ_RETRIES, type UrlTabs } from './from-url';
import type { ScriptRunner } from './inject';
import type { CaptureResult, JobPosting } from './types';

const JOB_URL = 'https://jobs.example.com/postings/42?utm_source=x';
const posting: JobPosting = { url: 'https://jobs.example.com/postings/42', title: 'Platform Engineer', titleNormalized: 'platform engineer', company: 'Acme', source: 'json-ld' };
const found: CaptureResult = { ok: true, posting };

/** The browser side as a recording fake: the subject is captureUrl's order of steps and its error handling. */
function fakeTabs(options: { granted?: string[]; loaded?: () => Promise<void>; currentUrl?: string } = {}) {
  const log: string[] = [];
  const tabs: UrlTabs & { log: string[] } = {
    log,
    async hasOrigin(origin) {
      log.push(`has ${origin}`);
      return (options.granted ?? ['https://jobs.example.com/*']).includes(origin);
    },
    async open(url) {
      log.push(`open ${url}`);
      return 9;
    },
    async loaded(tabId) {
      log.push(`loaded ${tabId}`);
      await (options.loaded?.() ?? Promise.resolve());
    },
    async currentUrl() {
      return options.currentUrl;
    },
    async close(tabId) {
      log.push(`close ${tabId}`);
    },
    async wait(ms) {
      log.push(`wait ${ms}`);
    },
  };
  return tabs;
}

/** Answers each injection with the next outcome (the last one repeats). */
function runner(...outcomes: ({ result: unknown } | { error: unknown })[]): ScriptRunner & { calls: number } {
  const r = {
    calls: 0,
    async run() {
      const outcome = outcomes[Math.min(r.calls, outcomes.length - 1)]!;
      r.calls++;
      if ('error' in outcome) throw outcome.error;
      return outcome.result;
    },
  };
  return r;
}

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; detail?: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, ...(error.detail ? { detail: error.detail } : {}) };
    throw error;
  }
  throw new Error('expected an error');
}

describe('parsePostingUrl', () => {
  it.each([
    ['https://jobs.example.com/p/1', 'https://jobs.example.com/p/1'],
    ['  http://127.0.0.1:8080/job.html  ', 'http://127.0.0.1:8080/job.html'],
    ['boards.greenhouse.io/acme/jobs/1', 'https://boards.greenhouse.io/acme/jobs/1'],
  ])('%s → %s', (input, href) => {
    expect(parsePostingUrl(input).href).toBe(href);
  });

  it.each(['', 'not a url at all', 'javascript:alert(1)', 'file:///etc/passwd', 'chrome://settings', 'ftp://x.example/a', 'https://user:pw@x.example/'])(
    'refuses %j with url_invalid',
    (input) => {
      expect(() => parsePostingUrl(input)).toThrow(expect.objectContaining({ code: 'url_invalid' }));
    },
  );

  it('asks for the whole site, any port', () => {
    expect(originPattern(parsePostingUrl('http://127.0.0.1:4321/a/b'))).toBe('http://127.0.0.1/*');
  });
});

describe('captureUrl', () => {
  it('opens the address, reads it with the capture script and closes the tab', async () => {
    const tabs = fakeTabs();
    await expect(captureUrl(JOB_URL, tabs, runner({ result: found }))).resolves.toEqual(posting);
    expect(tabs.log).toEqual(['has https://jobs.example.com/*', `open ${JOB_URL}`, 'loaded 9', 'close 9']);
  });

  it('without the site permission: needs_permission with the origin, and no tab is opened', async () => {
    const tabs = fakeTabs({ granted: [] });
    expect(await codeOf(captureUrl(JOB_URL, tabs, runner({ result: found })))).toEqual({ code: 'needs_permission', detail: 'https://jobs.example.com' });
    expect(tabs.log).toEqual(['has https://jobs.example.com/*']);
  });

  it('an invalid address fails before anything is asked of the browser', async () => {
    const tabs = fakeTabs();
    expect(await codeOf(captureUrl('javascript:alert(1)', tabs, runner({ result: found })))).toEqual({ code: 'url_invalid' });
    expect(tabs.log).toEqual([]);
  });

  it('a page that does not load in time: url_timeout, and the tab is closed', async () => {
    const tabs = fakeTabs({ loaded: () => Promise.reject(new AppError('url_timeout')) });
    const read = runner({ result: found });
    expect(await codeOf(captureUrl(JOB_URL, tabs, read))).toEqual({ code: 'url_timeout' });
    expect(read.calls).toBe(0);
    expect(tabs.log.at(-1)).toBe('close 9');
  });

  it('a page that renders its posting late is read again until it shows', async () => {
    const tabs = fakeTabs();
    const read = runner({ result: { ok: false, error: { code: 'empty_page' } } }, { result: { ok: false, error: { code: 'empty_page' } } }, { result: found });
    await expect(captureUrl(JOB_URL, tabs, read)).resolves.toEqual(posting);
    expect(read.calls).toBe(3);
    expect(tabs.log.filter((l) => l.startsWith('wait'))).toHaveLength(2);
  });

  it('a list page stays a list after the retries: not_a_job_posting, tab closed', async () => {
    const tabs = fakeTabs();
    const read = runner({ result: { ok: false, error: { code: 'not_a_job_posting' } } });
    expect(await codeOf(captureUrl(JOB_URL, tabs, read))).toEqual({ code: 'not_a_job_posting' });
    expect(read.calls).toBe(URL_READ_RETRIES);
    expect(tabs.log.at(-1)).toBe('close 9');
  });

  it('a captcha is not retried', async () => {
    const read = runner({ result: { ok: false, error: { code: 'captcha' } } });
    expect(await codeOf(captureUrl(JOB_URL, fakeTabs(), read))).toEqual({ code: 'captcha' });
    expect(read.calls).toBe(1);
  });

  it('a redirect to a site without permission: url_redirected (its address is unreadable)', async () => {
    const denied = new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.');
    const tabs = fakeTabs({ currentUrl: undefined });
    expect(await codeOf(captureUrl(JOB_URL, tabs, runner({ error: denied })))).toEqual({ code: 'url_redirected' });
    expect(tabs.log.at(-1)).toBe('close 9');
  });

  it('a redirect to another readable site names it', async () => {
    const denied = new Error('Cannot access contents of url "https://login.example.org/"');
    const tabs = fakeTabs({ currentUrl: 'https://login.example.org/sso?next=1' });
    expect(await codeOf(captureUrl(JOB_URL, tabs, runner({ error: denied })))).toEqual({ code: 'url_redirected', detail: 'login.example.org' });
  });

  it("Chromium's error page (nothing answered) is url_unreachable, not retried", async () => {
    const tabs = fakeTabs();
    const read = runner({ error: new Error('Frame with ID 0 is showing error page') });
    expect(await codeOf(captureUrl(JOB_URL, tabs, read))).toEqual({ code: 'url_unreachable' });
    expect(read.calls).toBe(1);
    expect(tabs.log.at(-1)).toBe('close 9');
  });

  it('a garbled answer from the page is capture_failed, never a posting', async () => {
    expect(await codeOf(captureUrl(JOB_URL, fakeTabs(), runner({ result: { ok: true, posting: { title: 42 } } })))).toMatchObject({ code: 'capture_failed' });
  });
});

describe('browserUrlTabs.loaded', () => {
  beforeEach(() => fakeBrowser.reset());

  it('resolves when the tab reports complete', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://jobs.example.com/p/1' });
    const loaded = browserUrlTabs.loaded(tab.id!, 5_000);
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { status: 'complete' }, { ...tab, status: 'complete' });
    await expect(loaded).resolves.toBeUndefined();
  });

  it('rejects with url_timeout when it never completes', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://jobs.example.com/p/1' });
    expect(await codeOf(browserUrlTabs.loaded(tab.id!, 20))).toEqual({ code: 'url_timeout' });
  });

  it('rejects with no_tab when the user closes the tab', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://jobs.example.com/p/1' });
    const loaded = browserUrlTabs.loaded(tab.id!, 5_000);
    await fakeBrowser.tabs.onRemoved.trigger(tab.id!, { windowId: tab.windowId!, isWindowClosing: false });
    expect(await codeOf(loaded)).toEqual({ code: 'no_tab' });
  });
});
