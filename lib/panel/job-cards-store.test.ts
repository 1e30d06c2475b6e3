// @vitest-environment jsdom
import { act, createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, type Rendered } from '@/components/tracker/test-support';
import { getDb, resetDbForTests } from '../db/open';
import { JobfitDb, type JobRow } from '../db/schema';
import { toJobCard } from '../db/job-cards';
import { newestFirst, resetJobCardsForTests, useJobCards, warmJobCards } from './job-cards-store';

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
  resetJobCardsForTests();
});

afterEach(() => {
  view?.unmount();
  view = undefined;
  resetJobCardsForTests();
  resetDbForTests();
});

const text = () => view!.host.textContent;

describe('job cards store', () => {
  it('warmed ahead, hands the cards to the first render; then follows every write to jobs', async () => {
    await getDb().jobs.bulkPut([job('a', 'Alpha'), job('b', 'Beta')]);
    warmJobCards();
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
});
