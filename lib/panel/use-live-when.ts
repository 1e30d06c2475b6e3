import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

const sameDeps = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

/**
 * A live query that reads only while `enabled`: undefined while it is off and until the first result for
 * the current `deps`. Unlike `useLiveQuery`, nothing is subscribed (no query scheduled) while it is off,
 * so a view can hold queries for its tabs and its drawer without paying for them when it first draws.
 * A failed read is thrown to the view's error boundary.
 */
export function useLiveQueryWhen<T>(enabled: boolean, querier: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [state, setState] = useState<{ deps: readonly unknown[]; value: T }>();
  useEffect(() => {
    if (!enabled) return;
    const subscription = liveQuery(querier).subscribe({
      next: (value) => setState({ deps, value }),
      error: (error: unknown) =>
        setState(() => {
          throw error;
        }),
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the querier is read with the deps given
  }, [enabled, ...deps]);
  return enabled && state && sameDeps(state.deps, deps) ? state.value : undefined;
}
