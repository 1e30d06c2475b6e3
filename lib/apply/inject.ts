import { browser } from 'wxt/browser';
import { classifyInjectionError } from '../capture/inject';
import { AppError } from '../util/errors';
import { createLogger } from '../util/logger';
import { APPLY_GLOBAL, type ApplyInPage } from './in-page';
import { applyScriptResultSchema, type ApplyOutcome, type FrameReport } from './model';
import type { FillPlan, FillProblem } from './report';

const log = createLogger('apply');

/** Path of the on-demand apply script in the built extension (entrypoints/apply.content). */
export const APPLY_SCRIPT = '/content-scripts/apply.js';

export interface FrameInfo {
  frameId: number;
  origin: string;
}

/** The browser calls a fill needs; a dependency so the merging and checks can be tested without a tab. */
export interface ApplyRunner {
  /** Every frame of the tab the extension may script, with its origin. */
  frames(tabId: number): Promise<FrameInfo[]>;
  /** Injects the apply script, then calls it; one raw (unchecked) result per frame. */
  call(tabId: number, frameIds: number[], args: CallArgs): Promise<{ frameId: number; result: unknown }[]>;
  /** Whether the user has granted this origin's optional host permission. */
  granted(origin: string): Promise<boolean>;
}

export type CallArgs = { mode: 'fill'; plan: FillPlan } | { mode: 'undo'; undoId?: number };

/** Runs in the page's isolated world: serialised by `executeScript`, so it refers to nothing outside itself. */
function callInPage(key: string, args: CallArgs): unknown {
  const api = (globalThis as unknown as Record<string, ApplyInPage | undefined>)[key];
  if (!api) return { ok: false, error: 'not_installed' };
  return args.mode === 'fill' ? api.fill(args.plan) : api.undo(args.undoId);
}

export const browserApplyRunner: ApplyRunner = {
  async frames(tabId) {
    // Frames without access (a cross-origin iframe not granted) are left out by the browser, not refused.
    const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: () => location.origin });
    return results.map((r) => ({ frameId: r.frameId, origin: String(r.result) }));
  },
  async call(tabId, frameIds, args) {
    const target = { tabId, frameIds };
    await browser.scripting.executeScript({ target, files: [APPLY_SCRIPT] });
    const results = await browser.scripting.executeScript({ target, func: callInPage, args: [APPLY_GLOBAL, args] });
    return results.map((r) => ({ frameId: r.frameId, result: r.result }));
  },
  granted: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
};

function checked(raw: unknown) {
  const parsed = applyScriptResultSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('internal', 'unreadable apply result');
  return parsed.data;
}

/**
 * Fills the application form in every frame of the tab Jobfit may script (the top page with the activeTab
 * grant or its site permission, and iframes whose origin the user allowed), one plan for all. A frame
 * the fill needs but cannot reach (a `grnhse_iframe` board on an origin not granted) comes back as
 * `frame_needs_permission` with that origin, for the panel to ask on the user's click.
 */
export async function fillApplication(tabId: number, plan: FillPlan, runner: ApplyRunner = browserApplyRunner): Promise<ApplyOutcome> {
  const frames = await withInjectionErrors(() => runner.frames(tabId));
  if (frames.length === 0) throw new AppError('needs_permission');
  const results = await withInjectionErrors(() => runner.call(tabId, frames.map((f) => f.frameId), { mode: 'fill', plan }));
  const reports: FrameReport[] = [];
  const failed: string[] = [];
  for (const { frameId, result } of results) {
    const value = checked(result);
    if (!value.ok) failed.push(value.error);
    else if (value.mode === 'fill') reports.push({ ...value.report, frameId });
  }
  if (reports.length === 0) throw new AppError('internal', failed[0] ?? 'no result');
  return { frames: reports, problems: await mergeProblems(reports, frames, runner) };
}

/**
 * One list for the whole tab: a frame that found no form says nothing when another frame filled; a
 * cross-origin iframe that was filled is no problem; one not granted needs the user's permission.
 */
async function mergeProblems(reports: FrameReport[], frames: FrameInfo[], runner: ApplyRunner): Promise<FillProblem[]> {
  const reached = new Set(frames.map((f) => f.origin));
  const anyForm = reports.some((r) => r.filled.length > 0 || r.left.length > 0);
  const problems: FillProblem[] = [];
  const seen = new Set<string>();
  for (const report of reports) {
    for (const problem of report.problems) {
      if (problem.code === 'no_form' && anyForm) continue;
      let next: FillProblem = problem;
      if (problem.code === 'cross_origin_iframe' && problem.detail) {
        if (reached.has(problem.detail)) continue;
        if (!(await runner.granted(problem.detail))) next = { code: 'frame_needs_permission', detail: problem.detail };
      }
      const key = `${next.code} ${next.detail ?? ''}`;
      if (!seen.has(key)) problems.push(next);
      seen.add(key);
    }
  }
  // Only "no form" everywhere: one line, not one per frame.
  if (!anyForm && problems.length === 0) problems.push({ code: 'no_form' });
  return problems;
}

/** Undoes the last fill in one frame (one field with `undoId`) or in every frame. */
export async function undoApplicationFill(
  tabId: number,
  target: { frameId?: number; undoId?: number },
  runner: ApplyRunner = browserApplyRunner,
): Promise<{ restored: number }> {
  const frameIds = target.frameId !== undefined ? [target.frameId] : (await withInjectionErrors(() => runner.frames(tabId))).map((f) => f.frameId);
  const results = await withInjectionErrors(() => runner.call(tabId, frameIds, { mode: 'undo', ...(target.undoId !== undefined ? { undoId: target.undoId } : {}) }));
  let restored = 0;
  for (const { result } of results) {
    const value = checked(result);
    if (value.ok && value.mode !== 'fill') restored += value.restored;
  }
  return { restored };
}

async function withInjectionErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError) throw error;
    const appError = classifyInjectionError(error);
    log.debug(`apply injection failed: ${appError.code}`);
    // The capture code stands for "could not run the script" in general.
    throw appError.code === 'capture_failed' ? new AppError('internal', 'apply script failed') : appError;
  }
}
