import { liveQuery, type Subscription } from 'dexie';
import { useSyncExternalStore } from 'react';
import type { JobCard } from '../db/job-cards';
import { getDb } from '../db/open';
import { createTrackerRepo } from '../db/repos/tracker';
import { emptyFilters, filterAndSort } from '../tracker/query';
import { whenIdle } from './idle';

/**
 * Every job's card (lib/db/job-cards.ts), live, for the page's lifetime. The app starts it when idle
 * after its first view is up (`warmJobCards`), like it fetches the other views' code, so switching to
 * the tracker draws its rows in the same render instead of waiting for IndexedDB; the tracker view
 * reads it with `useJobCards`, which starts it if nothing did.
 */
interface State {
  cards?: JobCard[];
  error?: unknown;
}

let state: State = {};
let subscription: Subscription | undefined;
const listeners = new Set<() => void>();

function publish(next: State): void {
  state = next;
  for (const listener of listeners) listener();
  // The tracker's default order, ready before it is asked for.
  const { cards } = next;
  if (cards) whenIdle(() => newestFirst(cards));
}

const sorted = new WeakMap<readonly JobCard[], JobCard[]>();

/** The cards newest first (the tracker's default order, no filter), computed once per read. Do not mutate. */
export function newestFirst(cards: readonly JobCard[]): JobCard[] {
  let list = sorted.get(cards);
  if (!list) {
    list = filterAndSort(cards, emptyFilters, { key: 'updatedAt', desc: true });
    sorted.set(cards, list);
  }
  return list;
}

export function warmJobCards(): void {
  subscription ??= liveQuery(() => createTrackerRepo(getDb()).listCards()).subscribe({
    next: (cards) => publish({ cards }),
    error: (error: unknown) => {
      // A failed read (e.g. the database is newer than this code) ends the query: the next subscriber retries.
      subscription = undefined;
      publish({ ...state, error });
    },
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  warmJobCards();
  return () => listeners.delete(listener);
}

/** The cards, undefined until first read; a read error is thrown to the view's error boundary. */
export function useJobCards(): JobCard[] | undefined {
  const current = useSyncExternalStore(subscribe, () => state);
  if (current.error !== undefined && current.cards === undefined) throw current.error;
  return current.cards;
}

/** For tests: forget the subscription and what it read. */
export function resetJobCardsForTests(): void {
  subscription?.unsubscribe();
  subscription = undefined;
  state = {};
}
