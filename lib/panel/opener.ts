import { browser, type Browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { captureTab, safeOrigin } from '../capture/inject';
import { createLogger } from '../util/logger';
import { findBoundWindows, readCaptureState, writeBinding } from './session';

const log = createLogger('panel');

export const CONTEXT_MENU_ID = 'jobfit-capture';
export const CAPTURE_COMMAND = 'capture-job';

type Tab = Browser.tabs.Tab;

/**
 * Opens the panel for a tab. Must run synchronously inside the user-gesture handler, before any
 * `await`: the gesture is what lets `sidePanel.open` succeed and grants `activeTab`.
 */
export function openPanel(tab: Tab): Promise<void> {
  if (import.meta.env.FIREFOX) {
    return (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
  }
  return browser.sidePanel.open({ tabId: tab.id!, windowId: tab.windowId });
}

/** Toolbar, shortcut and context menu all land here: open, bind the panel to the tab, capture. */
export function startFromGesture(tab: Tab | undefined): void {
  if (tab?.id === undefined || tab.id < 0) return;
  const tabId = tab.id;
  openPanel(tab).catch((error: unknown) => log.warn('panel did not open', error));
  void (async () => {
    await writeBinding(tab.windowId, tabId);
    await captureTab(tabId, undefined, { afterGesture: true });
  })().catch((error: unknown) => log.error('capture after gesture failed', error));
}

export function registerPanelOpeners(): void {
  if (!import.meta.env.FIREFOX) {
    // The toolbar click must reach onClicked (no default popup, no openPanelOnActionClick), or no grant follows.
    browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
  }
  browser.action.onClicked.addListener((tab) => startFromGesture(tab));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === CAPTURE_COMMAND) startFromGesture(tab);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CONTEXT_MENU_ID) startFromGesture(tab);
  });
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll(() => {
      browser.contextMenus.create({ id: CONTEXT_MENU_ID, title: i18n.t('contextMenuCapture'), contexts: ['page', 'selection', 'link'] });
    });
  });
}

/**
 * On sites the user allowed (optional host permission), the panel follows in-site navigation:
 * a bound tab that finishes loading a page of an allowed origin is captured again.
 */
export function registerNavigationFollower(): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'complete' || !tab.url) return;
    void (async () => {
      if ((await findBoundWindows(tabId)).length === 0) return;
      const origin = safeOrigin(tab.url!);
      if (!origin) return;
      const allowed = await browser.permissions.contains({ origins: [`${origin}/*`] });
      if (!allowed) return;
      const previous = await readCaptureState(tabId);
      if (previous?.status === 'ready' && previous.url === tab.url) return;
      await captureTab(tabId);
    })().catch((error: unknown) => log.warn('follow navigation failed', error));
  });
}
