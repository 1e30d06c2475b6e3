import { browser } from 'wxt/browser';

/**
 * Chrome lets the worker hide `storage.local` (profile, settings) from content scripts; `storage.session`
 * is hidden by default. Firefox has no such switch, which is why secrets never go to `storage.local`.
 */
export async function restrictStorageToTrustedContexts(): Promise<void> {
  if (import.meta.env.FIREFOX) return;
  const local = browser.storage.local as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  await local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
}
