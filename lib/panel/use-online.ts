import { useSyncExternalStore } from 'react';

/** The browser's online state, live. */
export function useOnline(win: Window = window): boolean {
  return useSyncExternalStore(
    (onChange) => {
      win.addEventListener('online', onChange);
      win.addEventListener('offline', onChange);
      return () => {
        win.removeEventListener('online', onChange);
        win.removeEventListener('offline', onChange);
      };
    },
    () => win.navigator.onLine,
  );
}
