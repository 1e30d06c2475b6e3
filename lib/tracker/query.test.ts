import { describe, expect, it } from 'vitest';
import { toJobCard } from '../db/job-cards';
import type { JobRow, NoteRow, TaskRow } from '../db/schema';
import { createJobSearch, emptyFilters, filterAndSort, nextTaskByJob, notesByJob, trackerStats } from './query';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5); // a Monday

function job(id: string, over: Partial<JobRow> = {}): JobRow {
  return { id, url: `https://jobs.example.com/${id}`, title: `Job ${id}`, company: 'Acme', status: 'saved', tags: [], createdAt: T0, updatedAt: T0, history: [{ at: T0, to: 'saved' }], ...over };
}

const jobs = [
  job('a', { title: 'Frontend Engineer', company: 'Acme', status: 'applied', score: 80, tags: ['remote'], updatedAt: T0 + 3 * DAY, posting: { workplace: 'remote' } }),
  job('b', { title: 'Data Analyst', company: 'Globex', status: 'saved', score: 40, updatedAt: T0 + 1 * DAY }),
  job('c', { title: 'Backend Engineer', company: 'Initech', status: 'interview', updatedAt: T0 + 2 * DAY, posting: { workplace: 'onsite' } }),
];
/** What the tracker lists and filters: the jobs' cards (the workplace comes from the posting). */
const cards = jobs.map(toJobCard);
const notes: NoteRow[] = [{ id: 'n', jobId: 'b', text: 'Recruiter mentioned Kubernetes', createdAt: T0, updatedAt: T0 }];

describe('filter, search and sort', () => {
  const search = createJobSearch(cards, notes);
  const ids = (filters = {}, sort = { key: 'updatedAt' as const, desc: true }) =>
    filterAndSort(cards, { ...emptyFilters, ...filters }, sort, search).map((j) => j.id);

  it('sorts by recency by default and by any column', () => {
    expect(ids()).toEqual(['a', 'c', 'b']);
    expect(filterAndSort(cards, emptyFilters, { key: 'company', desc: false }).map((j) => j.id)).toEqual(['a', 'b', 'c']);
    // Jobs without a score sort last either way.
    expect(filterAndSort(cards, emptyFilters, { key: 'score', desc: true }).map((j) => j.id)).toEqual(['a', 'b', 'c']);
    expect(filterAndSort(cards, emptyFilters, { key: 'status', desc: false }).map((j) => j.id)).toEqual(['b', 'a', 'c']);
  });

  it('filters by status, company, tag, workplace, score and date', () => {
    expect(ids({ statuses: ['applied', 'interview'] })).toEqual(['a', 'c']);
    expect(ids({ company: 'glob' })).toEqual(['b']);
    expect(ids({ tag: 'remote' })).toEqual(['a']);
    expect(ids({ workplace: 'onsite' })).toEqual(['c']);
    expect(ids({ minScore: 50 })).toEqual(['a']);
    expect(ids({ from: T0 + 2 * DAY, to: T0 + 2 * DAY })).toEqual(['c']);
  });

  it('searches title, company and notes, with prefixes', () => {
    expect(ids({ query: 'engineer' })).toEqual(['a', 'c']);
    expect(ids({ query: 'initech' })).toEqual(['c']);
    expect(ids({ query: 'kubern' })).toEqual(['b']);
    expect(ids({ query: 'engineer', statuses: ['interview'] })).toEqual(['c']);
    expect(ids({ query: 'zzzz' })).toEqual([]);
  });

  it('keeps the index in step with the loaded rows: changed, removed and added jobs', () => {
    const live = createJobSearch();
    live.sync(jobs, notes);
    expect(live.search('kubern')).toEqual(['b']);
    // b's note is gone and a's title changed; c is no longer loaded (another status filter); d is new.
    live.sync([{ ...jobs[0]!, title: 'Kubernetes Engineer' }, jobs[1]!, job('d', { title: 'Platform Engineer' })], []);
    expect(live.search('kubern')).toEqual(['a']);
    expect(live.search('initech')).toEqual([]);
    expect(live.search('platform')).toEqual(['d']);
    expect(live.search('engineer')?.sort()).toEqual(['a', 'd']);
    // Indexing only some rows finds the same matches among them as indexing all.
    const full = createJobSearch(jobs, notes).search('engineer')!.filter((id) => id !== 'c');
    expect(createJobSearch([jobs[0]!, jobs[1]!], notes).search('engineer')).toEqual(full);
  });

  it('indexes a part at a time: ensure adds or refreshes only the given jobs, prune drops the gone', () => {
    const live = createJobSearch();
    const byJob = notesByJob(notes);
    live.ensure([cards[0]!], byJob);
    expect(live.search('engineer')).toEqual(['a']);
    live.ensure(cards, byJob);
    expect(live.search('engineer')?.sort()).toEqual(['a', 'c']);
    // A new note makes its job stale until it is ensured again.
    const more = notesByJob([...notes, { id: 'n2', jobId: 'c', text: 'Onsite in Lisbon', createdAt: T0, updatedAt: T0 }]);
    expect(live.search('lisbon')).toEqual([]);
    live.ensure([cards[2]!], more);
    expect(live.search('lisbon')).toEqual(['c']);
    // Ensuring some jobs never drops the others; prune does.
    live.ensure([cards[1]!], more);
    expect(live.search('engineer')?.sort()).toEqual(['a', 'c']);
    live.prune(new Set(['b', 'c']));
    expect(live.search('engineer')).toEqual(['c']);
  });

  it('finds the soonest open task per job', () => {
    const tasks: TaskRow[] = [
      { id: '1', jobId: 'a', title: 'late', dueAt: T0 + 9 * DAY, done: 0, createdAt: 1 },
      { id: '2', jobId: 'a', title: 'soon', dueAt: T0 + DAY, done: 0, createdAt: 1 },
      { id: '3', jobId: 'a', title: 'done', dueAt: T0, done: 1, createdAt: 1 },
      { id: '4', jobId: 'b', title: 'undated', done: 0, createdAt: 1 },
    ];
    const next = nextTaskByJob(tasks);
    expect(next.get('a')?.title).toBe('soon');
    expect(next.get('b')?.title).toBe('undated');
    expect(next.has('c')).toBe(false);
  });
});

describe('stats', () => {
  it('counts the funnel from history, applications per week, response rate and time in stage', () => {
    const history = (...steps: [number, JobRow['status']][]) => steps.map(([day, to], i) => ({ at: T0 + day * DAY, to, ...(i ? { from: steps[i - 1]![1] } : {}) }));
    const stats = trackerStats(
      [
        job('1', { status: 'interview', appliedAt: T0 + 2 * DAY, history: history([0, 'saved'], [2, 'applied'], [6, 'interview']) }),
        job('2', { status: 'rejected', appliedAt: T0 + 8 * DAY, history: history([0, 'saved'], [8, 'applied'], [9, 'rejected']) }),
        job('3', { status: 'applied', appliedAt: T0 + 9 * DAY, history: history([9, 'applied']) }),
        job('4', { status: 'saved', history: history([0, 'saved']) }),
      ],
      T0 + 20 * DAY,
    );
    expect(stats.funnel).toEqual([
      { status: 'saved', count: 4 },
      { status: 'interested', count: 3 },
      { status: 'cv_tailored', count: 3 },
      { status: 'applied', count: 3 },
      { status: 'interview', count: 1 },
      { status: 'offer', count: 0 },
    ]);
    expect(stats.perWeek).toEqual([
      { weekStart: T0, count: 1 },
      { weekStart: T0 + 7 * DAY, count: 2 },
    ]);
    expect(stats.responseRate).toBeCloseTo(2 / 3);
    expect(stats.daysInStage).toEqual({ saved: 5, applied: 2.5 });
  });

  it('has no response rate before the first application', () => {
    expect(trackerStats([job('x')], T0).responseRate).toBeUndefined();
  });
});
