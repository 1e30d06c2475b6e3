import type { AtsModule } from './ats';
import { walk } from './controls';

/** `confirmed`: the site showed its marker; `no_reaction`: the page did not change at all; `timeout`: it changed but never confirmed. */
export type UploadOutcome = 'confirmed' | 'no_reaction' | 'timeout';

/** A page with no reaction this long after the file went in has nothing to wait for. */
const IDLE_MS = 600;
/** After the marker, the page must be this long without changes (resume-parse autofill finishing). */
const QUIET_MS = 400;

function shownFileName(doc: Document, fileName: string): boolean {
  // Text outside the file input itself: the site's own chip or label with the file's name.
  return (doc.body?.textContent ?? '').includes(fileName);
}

/**
 * Waits, bounded by `maxMs`, for the site to take the uploaded file: its ATS marker or the file name
 * shown on the page, then for the DOM to settle so any resume-parse autofill has landed.
 * Watched with a MutationObserver (shadow roots of the form too), never polled.
 */
export function waitForUpload(doc: Document, ats: AtsModule | undefined, fileName: string, maxMs: number): Promise<UploadOutcome> {
  const view = doc.defaultView ?? window;
  const confirmed = () => (ats?.uploaded?.(doc, fileName) ?? false) || shownFileName(doc, fileName);
  return new Promise((resolve) => {
    let changed = false;
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const finish = (outcome: UploadOutcome) => {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(idle);
      clearTimeout(limit);
      resolve(outcome);
    };
    const settle = () => {
      clearTimeout(quiet);
      quiet = setTimeout(() => confirmed() && finish('confirmed'), QUIET_MS);
    };
    const observer = new view.MutationObserver(() => {
      changed = true;
      settle();
    });
    const options = { subtree: true, childList: true, characterData: true, attributes: true };
    observer.observe(doc, options);
    for (const element of walk(doc)) if (element.shadowRoot) observer.observe(element.shadowRoot, options);
    const idle = setTimeout(() => !changed && finish(confirmed() ? 'confirmed' : 'no_reaction'), IDLE_MS);
    const limit = setTimeout(() => finish(confirmed() ? 'confirmed' : 'timeout'), maxMs);
  });
}
