import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppError } from '../util/errors';
import { captureTab, classifyInjectionError, reconcileInterruptedCaptures, safeOrigin, type ScriptRunner } from './inject';
import type { CaptureState } from './state';
import type { CaptureResult, JobPosting } from './types';

const TAB = 7;
const JOB_URL = 'https://jobs.example.com/postings/42';
const page: JobPosting = { url: JOB_URL, title: 'Platform Engineer', titleNormalized: 'platform engineer', company: 'Acme', source: 'json-ld' };
const found = (posting: JobPosting): CaptureResult => ({ ok: true, posting });

const PERMISSION_MESSAGE = `Cannot access contents of url "${JOB_URL}". Extension manifest must request permission to access this host.`;

async function stored(tabId = TAB): Promise<CaptureState | undefined> {
  const key = `capture:${tabId}`;
  return (await fakeBrowser.storage.session.get(key))[key] as CaptureState | undefined;
}

async function storePrevious(state: CaptureState): Promise<void> {
  await fakeBrowser.storage.session.set({ [`capture:${state.tabId}`]: state });
}

/** A runner that answers once with a value or an error: the injection is a dependency, captureTab is the subject. */
function runner(outcome: { result: unknown } | { error: unknown }): ScriptRunner & { calls: number[] } {
  const calls: number[] = [];
  return {
    calls,
    async run(tabId) {
      calls.push(tabId);
      if ('error' in outcome) throw outcome.error;
      return outcome.result;
    },
  };
}

let debug: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  fakeBrowser.reset();
  debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
});

describe('captureTab', () => {
  it('after a gesture, a refusal while the activeTab grant is on its way is retried; otherwise it counts at once', async () => {
    const flaky = (refusals: number): ScriptRunner & { calls: number } => ({
      calls: 0,
      async run() {
        this.calls++;
        if (this.calls <= refusals) throw new Error(PERMISSION_MESSAGE);
        return found(page);
      },
    });
    const late = flaky(2);
    expect((await captureTab(TAB, late, { afterGesture: true })).status).toBe('ready');
    expect(late.calls).toBe(3);

    const noGesture = flaky(1);
    expect(await captureTab(TAB, noGesture)).toMatchObject({ status: 'error', error: { code: 'needs_permission' } });
    expect(noGesture.calls).toBe(1);

    // A page that really is not granted is still refused, after the few retries.
    const never = flaky(Infinity);
    expect(await captureTab(TAB, never, { afterGesture: true })).toMatchObject({ status: 'error', error: { code: 'needs_permission' } });
    expect(never.calls).toBe(4);
    // Other failures are not retried.
    const gone = runner({ error: new Error('No tab with id: 7') });
    expect(await captureTab(TAB, gone, { afterGesture: true })).toMatchObject({ status: 'error', error: { code: 'no_tab' } });
    expect(gone.calls).toEqual([TAB]);
  });

  it('stores a ready state for a valid result', async () => {
    const run = runner({ result: found(page) });
    const state = await captureTab(TAB, run);
    expect(run.calls).toEqual([TAB]);
    expect(state).toEqual({ status: 'ready', tabId: TAB, url: JOB_URL, posting: page, updatedAt: expect.any(Number) });
    expect(await stored()).toEqual(state);
  });

  it.each(['not_a_job_posting', 'captcha', 'login_required', 'empty_page'] as const)(
    'a page that holds no posting (%s) → an error state with that code',
    async (code) => {
      await storePrevious({ status: 'capturing', tabId: TAB, url: JOB_URL, updatedAt: 1 });
      const state = await captureTab(TAB, runner({ result: { ok: false, error: { code } } }));
      expect(state).toEqual({ status: 'error', tabId: TAB, url: JOB_URL, error: { code }, updatedAt: expect.any(Number) });
      expect(await stored()).toEqual(state);
    },
  );

  it('drops fields the page added beyond the schema', async () => {
    const state = await captureTab(TAB, runner({ result: { ok: true, posting: { ...page, html: '<b>x</b>' }, extra: 1 } }));
    expect(state.status === 'ready' && state.posting).toEqual(page);
  });

  it('marks the tab as capturing (keeping the known url) while the script runs', async () => {
    await storePrevious({ status: 'error', tabId: TAB, url: JOB_URL, error: { code: 'no_tab' }, updatedAt: 1 });
    let during: CaptureState | undefined;
    await captureTab(TAB, {
      async run() {
        during = await stored();
        return found(page);
      },
    });
    expect(during).toMatchObject({ status: 'capturing', tabId: TAB, url: JOB_URL });
    expect(await stored()).toMatchObject({ status: 'ready' });
  });

  it('only touches the state of its own tab', async () => {
    await storePrevious({ status: 'ready', tabId: 8, url: 'https://other.example/', posting: { ...page, url: 'https://other.example/' }, updatedAt: 1 });
    await captureTab(TAB, runner({ result: found(page) }));
    expect(await stored(8)).toMatchObject({ status: 'ready', url: 'https://other.example/', updatedAt: 1 });
  });

  it.each([
    ['undefined', undefined],
    ['a string', 'Platform Engineer'],
    ['a bare posting (no result envelope)', page],
    ['a missing title', { ok: true, posting: { url: JOB_URL, titleNormalized: '', source: 'json-ld' } }],
    ['an unknown source', found({ ...page, source: 'page' as JobPosting['source'] })],
    ['an adapter source with markup', found({ ...page, source: 'adapter:<img>' })],
    ['an oversized description', found({ ...page, description: 'x'.repeat(200_001) })],
    ['a javascript: url', found({ ...page, url: 'javascript:alert(1)' })],
    ['an unknown employment type', found({ ...page, employmentType: ['GIG' as 'OTHER'] })],
    ['a date that is not ISO 8601', found({ ...page, datePosted: 'yesterday' })],
    ['an unknown error code', { ok: false, error: { code: 'internal' } }],
  ])('a result that fails the schema (%s) → capture_failed', async (_label, result) => {
    const state = await captureTab(TAB, runner({ result }));
    expect(state).toEqual({
      status: 'error',
      tabId: TAB,
      error: { code: 'capture_failed', detail: 'unreadable result' },
      updatedAt: expect.any(Number),
    });
    expect(await stored()).toEqual(state);
  });

  it('a missing host permission → needs_permission with the origin of the known url', async () => {
    await storePrevious({ status: 'ready', tabId: TAB, url: JOB_URL, posting: page, updatedAt: 1 });
    const state = await captureTab(TAB, runner({ error: new Error(PERMISSION_MESSAGE) }));
    expect(state).toEqual({
      status: 'error',
      tabId: TAB,
      url: JOB_URL,
      error: { code: 'needs_permission', detail: 'https://jobs.example.com' },
      updatedAt: expect.any(Number),
    });
    expect(await stored()).toEqual(state);
    // Logs carry the code, never the page's url.
    expect(debug).toHaveBeenCalledWith(expect.stringContaining('needs_permission'));
    expect(JSON.stringify(debug.mock.calls)).not.toContain('jobs.example.com');
  });

  it('needs_permission without a known url carries no detail', async () => {
    const state = await captureTab(TAB, runner({ error: new Error(PERMISSION_MESSAGE) }));
    expect(state).toMatchObject({ status: 'error', error: { code: 'needs_permission' } });
    expect(state.status === 'error' && state.error).not.toHaveProperty('detail');
    expect(state).not.toHaveProperty('url');
  });

  it('a closed tab → no_tab', async () => {
    const state = await captureTab(TAB, runner({ error: new Error(`No tab with id: ${TAB}.`) }));
    expect(state).toMatchObject({ status: 'error', tabId: TAB, error: { code: 'no_tab' } });
    expect(await stored()).toMatchObject({ status: 'error', error: { code: 'no_tab' } });
  });

  it('a chrome:// page → restricted_page, without leaking the browser message', async () => {
    await storePrevious({ status: 'capturing', tabId: TAB, url: 'chrome://settings/', updatedAt: 1 });
    const state = await captureTab(TAB, runner({ error: new Error('Cannot access a chrome:// URL') }));
    expect(state).toEqual({
      status: 'error',
      tabId: TAB,
      url: 'chrome://settings/',
      error: { code: 'restricted_page' },
      updatedAt: expect.any(Number),
    });
  });

  it('an AppError from the runner keeps its code and detail', async () => {
    const state = await captureTab(TAB, runner({ error: new AppError('capture_failed', 'timeout') }));
    expect(state).toMatchObject({ status: 'error', error: { code: 'capture_failed', detail: 'timeout' } });
  });

  it('replaces an earlier ready state with the new outcome', async () => {
    await storePrevious({ status: 'ready', tabId: TAB, url: JOB_URL, posting: page, updatedAt: 1 });
    const next = { ...page, url: 'https://jobs.example.com/postings/43', title: 'Next' };
    const state = await captureTab(TAB, runner({ result: found(next) }));
    expect(state).toMatchObject({ status: 'ready', url: next.url, posting: { title: 'Next' } });
    expect(await stored()).toMatchObject({ url: next.url });
  });

  it('records the time of the outcome', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(1_700_000_000_000);
      expect((await captureTab(TAB, runner({ result: found(page) }))).updatedAt).toBe(1_700_000_000_000);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('classifyInjectionError', () => {
  it.each([
    ['No tab with id: 123.', 'no_tab'],
    ['Cannot access a chrome:// URL', 'restricted_page'],
    ['Cannot access a chrome-extension:// URL of different extension', 'restricted_page'],
    ['The extensions gallery cannot be scripted.', 'restricted_page'],
    ['Cannot access contents of url "https://chromewebstore.google.com/detail/x". Extension manifest must request permission to access this host.', 'restricted_page'],
    ['Cannot access contents of url "edge://settings/". Extension manifest must request permission to access this host.', 'restricted_page'],
    ['Cannot access "about:blank" at origin "null".', 'restricted_page'],
    [PERMISSION_MESSAGE, 'needs_permission'],
    ['Cannot access contents of the page. Extension manifest must request permission to access the respective host.', 'needs_permission'],
    ['Missing host permission for the tab', 'needs_permission'],
    ['Frame with ID 0 is showing error page', 'capture_failed'],
    ['Something unexpected', 'capture_failed'],
  ])('%s → %s', (message, code) => {
    const error = classifyInjectionError(new Error(message));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe(code);
    expect(error.detail).toBeUndefined();
  });

  it.each([
    ['a string', 'No tab with id: 4', 'no_tab'],
    ['undefined', undefined, 'capture_failed'],
    ['an object', { message: 'No tab with id: 4' }, 'capture_failed'],
  ])('non-Error values: %s', (_label, value, code) => {
    expect(classifyInjectionError(value).code).toBe(code);
  });
});

describe('safeOrigin', () => {
  it.each([
    ['https://jobs.example.com/a?b#c', 'https://jobs.example.com'],
    ['http://127.0.0.1:8080/x', 'http://127.0.0.1:8080'],
    ['chrome://settings', undefined],
    ['file:///tmp/x.html', undefined],
    ['not a url', undefined],
  ])('%s → %s', (url, expected) => {
    expect(safeOrigin(url)).toBe(expected);
  });
});

describe('reconcileInterruptedCaptures', () => {
  it('turns captures a stopped worker left running into a retryable error; newer ones and finished ones stay', async () => {
    const started = 5_000;
    await storePrevious({ status: 'capturing', tabId: TAB, url: JOB_URL, updatedAt: started - 1 });
    await storePrevious({ status: 'capturing', tabId: 8, updatedAt: started + 1 });
    const ready: CaptureState = { status: 'ready', tabId: 9, url: JOB_URL, posting: page, updatedAt: 1 };
    await storePrevious(ready);
    await fakeBrowser.storage.session.set({ 'binding:1': { tabId: TAB, boundAt: 1 } });

    expect(await reconcileInterruptedCaptures(started)).toEqual([TAB]);
    expect(await stored()).toEqual({ status: 'error', tabId: TAB, url: JOB_URL, error: { code: 'capture_failed', detail: 'interrupted' }, updatedAt: expect.any(Number) });
    expect((await stored(8))?.status).toBe('capturing');
    expect(await stored(9)).toEqual(ready);
  });

  it('a capture started meanwhile waits for it, so its own state is never overwritten', async () => {
    await storePrevious({ status: 'capturing', tabId: TAB, url: JOB_URL, updatedAt: 1 });
    const reconciling = reconcileInterruptedCaptures(Date.now());
    const state = await captureTab(TAB, runner({ result: found(page) }));
    await reconciling;
    expect(state.status).toBe('ready');
    expect(await stored()).toEqual(state);
  });
});
