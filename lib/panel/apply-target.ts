import { browser } from 'wxt/browser';

/** The tab calls the choice needs; a dependency so the choice can be tested without a browser. */
export interface TabsApi {
  /** The active tab of the panel's window. */
  active(): Promise<{ id?: number; url?: string } | undefined>;
  /** The panel's own tab when the panel is open as a tab (undefined in the side panel). */
  own(): Promise<{ id?: number } | undefined>;
}

const browserTabs: TabsApi = {
  async active() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab;
  },
  own: () => browser.tabs.getCurrent(),
};

export type ApplyTarget = { tabId: number } | { problem: 'not_web_page' };

/**
 * The tab Apply fills for a posting the user pasted or dropped: the one the user looks at beside the
 * panel, the active tab of the panel's window. When the panel is itself that tab (opened as a tab), the
 * tab it is bound to. A tab whose address Jobfit may read and that is no web page (the new tab page,
 * settings, a PDF viewer) is said at once; one it may not read is tried, and the browser's refusal said.
 */
export async function applyTarget(bound: number | null | undefined, tabs: TabsApi = browserTabs): Promise<ApplyTarget> {
  const [active, own] = await Promise.all([tabs.active(), tabs.own()]);
  const tabId = active?.id !== undefined && active.id !== own?.id ? active.id : (bound ?? undefined);
  if (tabId === undefined) return { problem: 'not_web_page' };
  if (tabId === active?.id && active.url !== undefined && !/^https?:/i.test(active.url)) return { problem: 'not_web_page' };
  return { tabId };
}
