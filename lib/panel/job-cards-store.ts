import { liveQuery, type Subscription } from 'dexie';
import { useSyncExternalStore } from 'react';
import type { JobCard } from '../db/job-cards';
import { getDb } from '../db/open';
import { createSavedFiltersRepo, type SavedFilter } from '../db/repos/saved-filters';
import { createTrackerRepo, type AutoArchiveUndo } from '../db/repos/tracker';
import type { TaskRow } from '../db/schema';
import { createJobSearch, emptyFilters, filterAndSort, notesByJob } from '../tracker/query';
import { whenIdle, whenIdleEach } from './idle';

/**
 * What the tracker view draws from, live, for the page's lifetime: every job's card (lib/db/job-cards.ts),
 * the open tasks with the auto-archive state, the saved filters, and the notes' texts with the search
 * index over titles, companies and notes (built in idle time, newest jobs first). The app starts them when idle after
 * its first view is up (`warmTracker`), like it fetches the other views' code, so switching to the tracker
 * draws it whole in the same render instead of waiting for IndexedDB (and re-rendering as each read
 * lands); the view reads them with `useJobCards`, `useTrackerData`, `useSavedFilters` and `useNoteTexts`, which start
 * them if nothing did.
 */
interface State<T> {
  value?: T;
  error?: unknown;
}

interface LiveStore<T> {
  warm(): void;
  /** The value read last, outside React. */
  peek(): T | undefined;
  use(): T | undefined;
  reset(): void;
}

function liveStore<T>(querier: () => Promise<T>, onValue?: (value: T) => void): LiveStore<T> {
  let state: State<T> = {};
  let subscription: Subscription | undefined;
  const listeners = new Set<() => void>();
  const publish = (next: State<T>) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const warm = () => {
    subscription ??= liveQuery(querier).subscribe({
      next: (value) => {
        publish({ value });
        onValue?.(value);
      },
      error: (error: unknown) => {
        // A failed read (e.g. the database is newer than this code) ends the query: the next subscriber retries.
        subscription = undefined;
        publish({ ...state, error });
      },
    });
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    warm();
    return () => listeners.delete(listener);
  };
  return {
    warm,
    peek: () => state.value,
    /** The value, undefined until first read; a read error is thrown to the view's error boundary. */
    use() {
      const current = useSyncExternalStore(subscribe, () => state);
      if (current.error !== undefined && current.value === undefined) throw current.error;
      return current.value;
    },
    reset() {
      subscription?.unsubscribe();
      subscription = undefined;
      state = {};
    },
  };
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

export interface CardFacts {
  /** Every tag in use, sorted. */
  tags: string[];
  /** When the oldest job was saved; undefined with none. */
  oldestJobAt?: number;
}

const facts = new WeakMap<readonly JobCard[], CardFacts>();

/** Facts over all the cards that the view shows (the tag filter's choices, the backup reminder's start), once per read. */
export function cardFacts(cards: readonly JobCard[]): CardFacts {
  let found = facts.get(cards);
  if (!found) {
    const tags = new Set<string>();
    let oldest = Infinity;
    for (const card of cards) {
      for (const tag of card.tags) tags.add(tag);
      if (card.createdAt < oldest) oldest = card.createdAt;
    }
    found = { tags: [...tags].sort(), ...(cards.length ? { oldestJobAt: oldest } : {}) };
    facts.set(cards, found);
  }
  return found;
}

export interface TrackerData {
  /** Open tasks across jobs, soonest due first. */
  tasks: TaskRow[];
  lastArchive?: AutoArchiveUndo;
  archiveDays: number;
  /** When this was read (the "now" for due dates and the backup reminder). */
  readAt: number;
}

const cards = liveStore(
  () => createTrackerRepo(getDb()).listCards(),
  // The default order and the facts, ready before they are asked for; then the search index.
  (list) =>
    whenIdle(() => {
      newestFirst(list);
      cardFacts(list);
      indexAhead();
    }),
);

/** Each job's note texts, by job id. */
export type NoteTexts = Map<string, string[]>;

const notes = liveStore<NoteTexts>(
  async () => notesByJob(await createTrackerRepo(getDb()).listAllNotes()),
  () => indexAhead(),
);

/** Jobs indexed for search per idle slice (a few milliseconds of work). */
const INDEX_SLICE = 200;

let search = createJobSearch();
/** The cards and notes the index is being brought up to, and whether it holds them whole yet. */
let target: { cards: readonly JobCard[]; notes: NoteTexts } | undefined;
let complete = false;
let stopIndexing = () => {};

/**
 * Brings the search index up to the latest cards and notes in idle time, a slice at a time (only what
 * changed is indexed again, see createJobSearch), so the first keystroke finds it whole.
 */
function indexAhead(): void {
  const list = cards.peek();
  const texts = notes.peek();
  // Already built, or being built, from these very reads: nothing to start again.
  if (!list || !texts || (target?.cards === list && target.notes === texts)) return;
  stopIndexing();
  target = { cards: list, notes: texts };
  complete = false;
  stopIndexing = whenIdle(() => {
    search.prune(new Set(list.map((card) => card.id)));
    stopIndexing = whenIdleEach(newestFirst(list), INDEX_SLICE, (slice) => search.ensure(slice, texts), () => {
      complete = true;
    });
  });
}

/**
 * The cards of `among` (taken from `all`, the cards that useJobCards gave) that match `query`, in their
 * order. What the index does not hold yet of `among` is indexed first.
 */
export function searchCards(among: readonly JobCard[], all: readonly JobCard[], texts: NoteTexts, query: string): JobCard[] {
  if (!complete || target?.cards !== all || target.notes !== texts) search.ensure(among, texts);
  const hits = new Set(search.search(query));
  return among.filter((card) => hits.has(card.id));
}

const data = liveStore<TrackerData>(async () => {
  const r = createTrackerRepo(getDb());
  const [tasks, lastArchive, archiveDays] = await Promise.all([r.listOpenTasks(), r.lastAutoArchive(), r.autoArchiveDays()]);
  return { tasks, ...(lastArchive ? { lastArchive } : {}), archiveDays, readAt: Date.now() };
});

const savedFilters = liveStore<SavedFilter[]>(() => createSavedFiltersRepo(getDb()).list());

const stores = [cards, data, savedFilters, notes];

export function warmTracker(): void {
  for (const store of stores) store.warm();
}

export const useJobCards = (): JobCard[] | undefined => cards.use();
export const useTrackerData = (): TrackerData | undefined => data.use();
export const useSavedFilters = (): SavedFilter[] | undefined => savedFilters.use();
export const useNoteTexts = (): NoteTexts | undefined => notes.use();

/** For tests: forget the subscriptions and what they read. */
export function resetTrackerStoresForTests(): void {
  for (const store of stores) store.reset();
  stopIndexing();
  search = createJobSearch();
  target = undefined;
  complete = false;
}
