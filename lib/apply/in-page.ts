import { isContextInvalidated } from '../util/errors';
import { fillForm, undoFill, undoOne, type FillEnv } from './fill';
import type { ApplyScriptResult, FillPlan } from './report';

/**
 * The apply script's entry in a page's isolated world. `scripting.executeScript` injects the bundle once
 * per frame (it installs this object), then calls it with the plan: the undo log lives here between a fill
 * and its undo. Nothing is sent anywhere; each call returns its result to the worker, which checks it.
 */
export interface ApplyInPage {
  fill(plan: FillPlan): Promise<ApplyScriptResult>;
  undo(undoId?: number): ApplyScriptResult;
}

/** Where the installed object lives in the isolated world (never the page's own world). */
export const APPLY_GLOBAL = '__jobfitApply';

export function createApplyInPage(doc: Document): ApplyInPage {
  const env: FillEnv = { undo: [] };
  let busy = false;
  return {
    async fill(plan) {
      // A second click while a fill waits for the upload marker would write the same fields twice.
      if (busy) return { ok: false, error: 'busy' };
      busy = true;
      try {
        return { ok: true, mode: 'fill', report: await fillForm(doc, plan, env) };
      } catch (error) {
        return { ok: false, error: isContextInvalidated(error) ? 'invalidated' : 'fill_failed' };
      } finally {
        busy = false;
      }
    },
    undo(undoId) {
      return undoId === undefined ? { ok: true, mode: 'undo', restored: undoFill(env) } : { ok: true, mode: 'undoOne', restored: undoOne(env, undoId) };
    },
  };
}

/** Installs the object once per frame; a second injection keeps the first (and its undo log). */
export function installApplyInPage(scope: Record<string, unknown>, doc: Document): true {
  if (!scope[APPLY_GLOBAL]) scope[APPLY_GLOBAL] = createApplyInPage(doc);
  return true;
}
