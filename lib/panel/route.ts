import { useEffect, useState } from 'react';

/**
 * The app's views, chosen by the URL hash (`#/job`, `#/cv`, …) in the side panel and in the full tab
 * (`app.html#/tracker`), so a view can be linked to, reloaded and opened in a tab.
 */
export const routes = ['job', 'cv', 'tracker', 'usage', 'settings'] as const;
export type Route = (typeof routes)[number];

export function parseRoute(hash: string): Route {
  const name = /^#\/?([a-z]+)/.exec(hash)?.[1];
  return (routes as readonly string[]).includes(name ?? '') ? (name as Route) : 'job';
}

export const routeHash = (route: Route): string => `#/${route}`;

/** The current route, following `hashchange`; `navigate` writes the hash (one history entry per view). */
export function useRoute(win: Window = window): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(win.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(win.location.hash));
    win.addEventListener('hashchange', onChange);
    return () => win.removeEventListener('hashchange', onChange);
  }, [win]);
  const navigate = (next: Route) => {
    if (parseRoute(win.location.hash) !== next) win.location.hash = routeHash(next);
    setRoute(next);
  };
  return [route, navigate];
}
