/** Asks the browser not to evict Jobfit's data. Only pages can call it (not the worker). */
export async function requestPersistentStorage(nav: Navigator = navigator): Promise<boolean> {
  if (!nav.storage?.persist) return false;
  if (await nav.storage.persisted()) return true;
  return nav.storage.persist();
}
