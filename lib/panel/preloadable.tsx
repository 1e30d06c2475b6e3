import { lazy, type ComponentType } from 'react';

/**
 * A lazily loaded view that can be fetched ahead of time. Once `preload()` has resolved, the view
 * renders straight away instead of suspending: a suspended view costs its fetch and React's reveal
 * throttle (up to 300 ms before its content, and so its first effects and queries, are committed).
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= load().then((component) => {
      loaded = component;
      return component;
    }));
  const Lazy = lazy(async () => ({ default: await preload() }));
  function View(props: P) {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  return Object.assign(View, { preload });
}
