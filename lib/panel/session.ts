import { browser } from 'wxt/browser';
import type { CaptureState } from '../capture/state';

/**
 * Panel state that must survive a worker restart but not a browser restart lives in `storage.session`
 * (not readable by content scripts in Chrome). Keys: `capture:<tabId>` and `binding:<windowId>`.
 */
export interface PanelBinding {
  tabId: number;
  boundAt: number;
}

const captureKey = (tabId: number) => `capture:${tabId}`;
const bindingKey = (windowId: number) => `binding:${windowId}`;

export async function readCaptureState(tabId: number): Promise<CaptureState | undefined> {
  const key = captureKey(tabId);
  const found = await browser.storage.session.get(key);
  return found[key] as CaptureState | undefined;
}

export async function writeCaptureState(state: CaptureState): Promise<void> {
  await browser.storage.session.set({ [captureKey(state.tabId)]: state });
}

export async function clearCaptureState(tabId: number): Promise<void> {
  await browser.storage.session.remove(captureKey(tabId));
}

export async function readBinding(windowId: number): Promise<PanelBinding | undefined> {
  const key = bindingKey(windowId);
  const found = await browser.storage.session.get(key);
  return found[key] as PanelBinding | undefined;
}

export async function writeBinding(windowId: number, tabId: number): Promise<void> {
  await browser.storage.session.set({ [bindingKey(windowId)]: { tabId, boundAt: Date.now() } satisfies PanelBinding });
}

export async function findBoundWindows(tabId: number): Promise<number[]> {
  const all = await browser.storage.session.get(null);
  return Object.entries(all)
    .filter(([key, value]) => key.startsWith('binding:') && (value as PanelBinding).tabId === tabId)
    .map(([key]) => Number(key.slice('binding:'.length)));
}

/** Subscribes to changes of one key; returns the unsubscribe function. */
export function watchSessionKey<T>(key: string, onChange: (value: T | undefined) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && key in changes) onChange(changes[key]?.newValue as T | undefined);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export const sessionKeys = { capture: captureKey, binding: bindingKey };
