// @vitest-environment jsdom
import { act, Component, createElement, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, type Rendered } from '@/components/tracker/test-support';
import { getDb, resetDbForTests } from '../db/open';
import { JobfitDb, type JobRow } from '../db/schema';
import { useLiveQueryWhen } from './use-live-when';

function job(id: string, title: string): JobRow {
  return { id, url: `https://jobs.example.com/${id}`, title, company: 'Acme', status: 'saved', tags: [], createdAt: 1, updatedAt: 1, history: [] };
}

let view: Rendered | undefined;
beforeEach(() => resetDbForTests(new JobfitDb(`jobfit-live-when-${crypto.randomUUID()}`)));
afterEach(() => {
  view?.unmount();
  view = undefined;
  resetDbForTests();
});
const text = () => view!.host.textContent;

function Title({ id, querier }: { id: string | undefined; querier: (id: string) => Promise<string | undefined> }) {
  const title = useLiveQueryWhen(id !== undefined, () => querier(id!), [id]);
  return createElement('p', null, id === undefined ? 'off' : (title ?? 'loading'));
}

class Boundary extends Component<{ children: ReactNode }, { error?: string }> {
  override state: { error?: string } = {};
  static getDerivedStateFromError(error: Error) {
    return { error: error.message };
  }
  override render() {
    return this.state.error ? createElement('p', null, `failed: ${this.state.error}`) : this.props.children;
  }
}

describe('useLiveQueryWhen', () => {
  it('reads nothing while off; then reads the current deps and follows writes', async () => {
    await getDb().jobs.bulkPut([job('a', 'Alpha'), job('b', 'Beta')]);
    const querier = vi.fn(async (id: string) => (await getDb().jobs.get(id))?.title);
    view = render(createElement(Title, { id: undefined, querier }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(text()).toBe('off');
    expect(querier).not.toHaveBeenCalled();
    view!.rerender(createElement(Title, { id: 'a', querier }));
    await expect.poll(text).toBe('Alpha');
    // Other deps: never the previous result under the new ones.
    view!.rerender(createElement(Title, { id: 'b', querier }));
    expect(text()).toBe('loading');
    await expect.poll(text).toBe('Beta');
    await act(async () => {
      await getDb().jobs.update('b', { title: 'Beta 2' });
    });
    await expect.poll(text).toBe('Beta 2');
  });

  it('a failed read reaches the error boundary', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const querier = () => Promise.reject(new Error('read refused'));
    view = render(createElement(Boundary, null, createElement(Title, { id: 'a', querier })));
    await expect.poll(text).toBe('failed: read refused');
    vi.restoreAllMocks();
  });
});
