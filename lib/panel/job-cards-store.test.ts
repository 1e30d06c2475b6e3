// @vitest-environment jsdom
import { act, createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, type Rendered } from '@/components/tracker/test-support';
import { getDb, resetDbForTests } from '../db/open';
import { JobfitDb, type JobRow } from '../db/schema';
import { toJobCard } from '../db/job-cards';
import { createSavedFiltersRepo } from '../db/repos/saved-filters';
import { createTrackerRepo } from '../db/repos/tracker';
import { emptyFilters } from '../tracker/query';
import { cardFacts, newestFirst, resetTrackerStoresForTests, searchCards, useJobCards, useNoteTexts, useSavedFilters, useTrackerData, warmTracker } from './job-cards-store';

function job(id: string, title: string): JobRow {
  return { id, url: `https://jobs.example.com/${id}`, title, company: 'Acme', status: 'saved', tags: [], createdAt: 1, updatedAt: 1, history: [] };
}

function Titles() {
  const cards = useJobCards();
  return createElement('p', null, cards === undefined ? 'loading' : cards.map((card) => card.title).sort().join(',') || 'none');
}
const titles = () => createElement(Titles);

let view: Rendered | undefined;

beforeEach(() => {
  resetDbForTests(new JobfitDb(`jobfit-cards-store-${crypto.randomUUID()}`));
  resetTrackerStoresForTests();
});

afterEach(() => {
  view?.unmount();
  view = undefined;
  resetTrackerStoresForTests();
  resetDbForTests();
});

const text = () => view!.host.textContent;

describe('job cards store', () => {
  it('warmed ahead, hands the cards to the first render; then follows every write to jobs', async () => {
    await getDb().jobs.bulkPut([job('a', 'Alpha'), job('b', 'Beta')]);
    warmTracker();
    await expect.poll(async () => {
      view ??= render(titles());
      return text();
    }).toBe('Alpha,Beta');
    view!.unmount();
    // A view mounted later draws the cards in its first render: nothing to wait for.
    view = render(titles());
    expect(text()).toBe('Alpha,Beta');
    await act(async () => {
      await getDb().jobs.put(job('c', 'Gamma'));
    });
    await expect.poll(text).toBe('Alpha,Beta,Gamma');
    await act(async () => {
      await getDb().jobs.delete('a');
    });
    await expect.poll(text).toBe('Beta,Gamma');
  });

  it('keeps the default order (newest first) once per read of the cards', () => {
    const cards = [job('old', 'Old'), { ...job('new', 'New'), updatedAt: 5 }, { ...job('mid', 'Mid'), updatedAt: 3 }].map(toJobCard);
    const sorted = newestFirst(cards);
    expect(sorted.map((card) => card.id)).toEqual(['new', 'mid', 'old']);
    expect(newestFirst(cards)).toBe(sorted);
    expect(newestFirst([...cards])).not.toBe(sorted);
    expect(cards.map((card) => card.id)).toEqual(['old', 'new', 'mid']);
  });

  it('starts reading when a view needs the cards and nothing warmed them', async () => {
    view = render(titles());
    expect(text()).toBe('loading');
    await expect.poll(text).toBe('none');
  });

  it('facts over the cards: tags in use (sorted, once each) and the oldest save, once per read', () => {
    const cards = [
      { ...job('a', 'A'), tags: ['visa', 'remote'], createdAt: 30 },
      { ...job('b', 'B'), tags: ['remote'], createdAt: 10 },
      { ...job('c', 'C'), createdAt: 20 },
    ].map(toJobCard);
    const facts = cardFacts(cards);
    expect(facts).toEqual({ tags: ['remote', 'visa'], oldestJobAt: 10 });
    expect(cardFacts(cards)).toBe(facts);
    expect(cardFacts([])).toEqual({ tags: [] });
  });

  it('reads ahead the open tasks, the auto-archive state and the saved filters, and follows their writes', async () => {
    const repo = createTrackerRepo(getDb());
    await getDb().jobs.put(job('a', 'Alpha'));
    await repo.addTask({ jobId: 'a', title: 'Call back', dueAt: 50 });
    await repo.setAutoArchiveDays(30);
    await createSavedFiltersRepo(getDb()).save('Applied', { ...emptyFilters, statuses: ['applied'] });
    function Data() {
      const data = useTrackerData();
      const saved = useSavedFilters();
      return createElement('p', null, data && saved ? `${data.tasks.map((t) => t.title).join(',')}|${data.archiveDays}|${saved.map((f) => f.name).join(',')}` : 'loading');
    }
    warmTracker();
    await expect.poll(async () => {
      view ??= render(createElement(Data));
      return text();
    }).toBe('Call back|30|Applied');
    view!.unmount();
    view = render(createElement(Data));
    expect(text()).toBe('Call back|30|Applied');
    await act(async () => {
      await repo.addTask({ title: 'Update CV' });
      await createSavedFiltersRepo(getDb()).save('Remote', { ...emptyFilters, workplace: 'remote' });
    });
    await expect.poll(text).toBe('Call back,Update CV|30|Applied,Remote');
  });

  it('searches titles, companies and notes read ahead, and follows writes to jobs and notes', async () => {
    await getDb().jobs.bulkPut([job('a', 'Platform engineer'), job('b', 'Designer')]);
    const repo = createTrackerRepo(getDb());
    await repo.addNote('b', 'Recruiter mentioned kubernetes');
    function Search({ query }: { query: string }) {
      const cards = useJobCards();
      const notes = useNoteTexts();
      if (!cards || !notes) return createElement('p', null, 'loading');
      return createElement('p', null, searchCards(newestFirst(cards), cards, notes, query).map((card) => card.id).join(',') || 'none');
    }
    warmTracker();
    view = render(createElement(Search, { query: 'kubernetes' }));
    await expect.poll(text).toBe('b');
    view.unmount();
    view = render(createElement(Search, { query: 'platform' }));
    expect(text()).toBe('a');
    await act(async () => {
      await getDb().jobs.put(job('a', 'Data analyst'));
    });
    await expect.poll(text).toBe('none');
    view.unmount();
    await repo.addNote('a', 'Platform team, remote');
    view = render(createElement(Search, { query: 'platform' }));
    await expect.poll(text).toBe('a');
  });
});
