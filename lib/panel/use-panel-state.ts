import { useEffect, useState } from 'react';
import { browser, type Browser } from 'wxt/browser';
import { RUN_PORT_NAME } from '../messaging/ports';
import type { CaptureState } from '../capture/state';
import { readBinding, readCaptureState, sessionKeys, watchSessionKey, type PanelBinding } from './session';

/**
 * Which tab the panel speaks about. The worker binds the panel to the tab the user invoked Jobfit on
 * (per window). `?tabId=N` in the page URL pins it instead: used when the app runs in a full tab and by tests.
 */
export function useBoundTab(search: string = location.search): number | undefined | null {
  const pinned = Number(new URLSearchParams(search).get('tabId'));
  const [tabId, setTabId] = useState<number | undefined | null>(Number.isInteger(pinned) && pinned > 0 ? pinned : undefined);
  useEffect(() => {
    if (Number.isInteger(pinned) && pinned > 0) return;
    let stop = () => {};
    let cancelled = false;
    void (async () => {
      const win = await browser.windows.getCurrent();
      if (cancelled || win.id === undefined) return;
      const binding = await readBinding(win.id);
      if (binding) setTabId(binding.tabId);
      else {
        // Opened from the browser's own side panel menu: speak about the active tab until the user invokes Jobfit.
        const [active] = await browser.tabs.query({ active: true, windowId: win.id });
        setTabId(active?.id ?? null);
      }
      stop = watchSessionKey<PanelBinding>(sessionKeys.binding(win.id), (b) => b && setTabId(b.tabId));
    })();
    return () => {
      cancelled = true;
      stop();
    };
  }, [pinned]);
  return tabId;
}

/** The capture state of a tab, live. `undefined` while loading, `null` when nothing was captured yet. */
export function useCaptureState(tabId: number | undefined | null): CaptureState | null | undefined {
  // Keyed by tab so a switch of tab never shows the previous tab's state while the new one loads.
  const [entry, setEntry] = useState<{ tabId: number; state: CaptureState | null }>();
  useEffect(() => {
    if (tabId === undefined || tabId === null) return;
    let cancelled = false;
    const set = (s: CaptureState | undefined) => setEntry({ tabId, state: s ?? null });
    void readCaptureState(tabId).then((s) => !cancelled && set(s));
    const stop = watchSessionKey<CaptureState>(sessionKeys.capture(tabId), set);
    return () => {
      cancelled = true;
      stop();
    };
  }, [tabId]);
  const state = tabId !== undefined && tabId !== null && entry?.tabId === tabId ? entry.state : undefined;
  useWorkerWatch(state?.status === 'capturing');
  if (tabId === null) return null;
  return state;
}

const RECONNECT_MS = 300;

/**
 * While a capture is running, keeps a port open to the worker. A stopped worker drops it; connecting
 * again starts a new worker, which marks the capture it inherited as interrupted (the panel then
 * offers Try again instead of spinning). Ports do not keep the worker alive.
 */
function useWorkerWatch(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let port: Browser.runtime.Port | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const connect = () => {
      try {
        port = browser.runtime.connect({ name: RUN_PORT_NAME });
        port.onDisconnect.addListener(() => {
          if (!stopped) timer = setTimeout(connect, RECONNECT_MS);
        });
      } catch {
        // The extension itself is gone (reloaded): nothing to watch.
      }
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      port?.disconnect();
    };
  }, [active]);
}
