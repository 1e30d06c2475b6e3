import { browser } from 'wxt/browser';
import { AppError } from '../util/errors';
import { createLogger } from '../util/logger';
import { captureResultSchema } from './model';
import type { CaptureState } from './state';
import type { JobPosting } from './types';
import { readCaptureState, writeCaptureState } from '../panel/session';

const log = createLogger('capture');

/** Path of the on-demand capture script in the built extension (entrypoints/capture.content). */
export const CAPTURE_SCRIPT = '/content-scripts/capture.js';

export interface ScriptRunner {
  run(tabId: number): Promise<unknown>;
}

export const browserScriptRunner: ScriptRunner = {
  async run(tabId) {
    const [first] = await browser.scripting.executeScript({ target: { tabId }, files: [CAPTURE_SCRIPT] });
    return first?.result;
  },
};

/** Maps the browser's refusal messages to codes the panel can act on. */
export function classifyInjectionError(error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  if (/No tab with id/i.test(message)) return new AppError('no_tab');
  if (/cannot be scripted|chrome:\/\/|extensions gallery|Cannot access a chrome|about:|edge:\/\/|webstore/i.test(message)) {
    return new AppError('restricted_page');
  }
  if (/permission|Cannot access contents|host/i.test(message)) return new AppError('needs_permission');
  return new AppError('capture_failed');
}

/** Runs the capture script in a tab and returns the posting, or throws what the page said (or the browser). */
export async function readTab(tabId: number, runner: ScriptRunner = browserScriptRunner, { afterGesture = false } = {}): Promise<JobPosting> {
  const raw = await runScript(tabId, runner, afterGesture);
  // The page's answer is untrusted: shape and sizes are checked here, in the worker.
  const parsed = captureResultSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('capture_failed', 'unreadable result');
  if (!parsed.data.ok) throw new AppError(parsed.data.error.code);
  return parsed.data.posting;
}

/**
 * Right after a toolbar click, shortcut or menu item, the activeTab grant can reach the tab's renderer
 * after `action.onClicked` reached the worker: an injection started at once is sometimes refused as
 * "Cannot access contents", and the same call a moment later succeeds. So, after a gesture only, a
 * refusal is retried a few times before it counts.
 */
export const GRANT_RETRY_DELAYS_MS = [50, 150, 400];

async function runScript(tabId: number, runner: ScriptRunner, afterGesture: boolean): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await runner.run(tabId);
    } catch (error) {
      const delay = GRANT_RETRY_DELAYS_MS[attempt];
      if (!afterGesture || delay === undefined || classifyInjectionError(error).code !== 'needs_permission') throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/**
 * Runs the capture script in a tab and records the outcome for the panel.
 * Needs either the activeTab grant (toolbar, shortcut, menu: `afterGesture`) or the site's optional
 * host permission.
 */
export async function captureTab(tabId: number, runner: ScriptRunner = browserScriptRunner, { afterGesture = false } = {}): Promise<CaptureState> {
  await reconciled;
  const previous = await readCaptureState(tabId);
  const knownUrl = previous?.url;
  await writeCaptureState({ status: 'capturing', tabId, ...(knownUrl ? { url: knownUrl } : {}), updatedAt: Date.now() });
  let state: CaptureState;
  try {
    const posting = await readTab(tabId, runner, { afterGesture });
    state = { status: 'ready', tabId, url: posting.url, posting, updatedAt: Date.now() };
  } catch (error) {
    const appError = error instanceof AppError ? error : classifyInjectionError(error);
    const origin = knownUrl ? safeOrigin(knownUrl) : undefined;
    const detail = appError.code === 'needs_permission' ? origin : appError.detail;
    log.debug(`capture of tab ${tabId} failed: ${appError.code}`);
    state = {
      status: 'error',
      tabId,
      ...(knownUrl ? { url: knownUrl } : {}),
      error: { code: appError.code, ...(detail ? { detail } : {}) },
      updatedAt: Date.now(),
    };
  }
  await writeCaptureState(state);
  return state;
}

export function safeOrigin(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

let reconciled: Promise<unknown> = Promise.resolve();

/**
 * At worker start: a capture a stopped worker left `capturing` will never finish. It becomes an error
 * the panel can retry, instead of a panel that spins forever. Captures this worker starts wait for it.
 */
export function reconcileInterruptedCaptures(workerStartedAt: number = Date.now()): Promise<number[]> {
  const run = (async () => {
    const all = await browser.storage.session.get(null);
    const stale = Object.entries(all)
      .filter(([key]) => key.startsWith('capture:'))
      .map(([, value]) => value as CaptureState)
      .filter((state) => state?.status === 'capturing' && state.updatedAt < workerStartedAt);
    for (const state of stale) {
      await writeCaptureState({
        status: 'error',
        tabId: state.tabId,
        ...(state.url ? { url: state.url } : {}),
        error: { code: 'capture_failed', detail: 'interrupted' },
        updatedAt: Date.now(),
      });
    }
    return stale.map((s) => s.tabId);
  })();
  reconciled = run.catch(() => undefined);
  return run;
}
