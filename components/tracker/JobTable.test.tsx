// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobRow } from '@/lib/db/schema';
import { act } from 'react';
import { JobTable, scrollerRect, type JobTableProps } from './JobTable';
import { click, render, type Rendered } from './test-support';

let view: Rendered | undefined;
afterEach(() => view?.unmount());

const jobs: JobRow[] = Array.from({ length: 10_000 }, (_, i) => ({
  id: `j${i}`,
  url: `https://jobs.example.com/${i}`,
  title: `Title ${i}`,
  company: `Company ${i}`,
  status: i === 0 ? 'applied' : 'saved',
  tags: [],
  createdAt: 1,
  updatedAt: 1,
  ...(i === 0 ? { appliedAt: Date.UTC(2026, 0, 2), score: 77 } : {}),
  history: [],
}));

function props(over: Partial<JobTableProps> = {}): JobTableProps {
  return {
    jobs,
    nextTasks: new Map([['j0', { id: 't', jobId: 'j0', title: 'Call Sam', done: 0, createdAt: 1 }]]),
    selected: new Set(['j1']),
    sort: { key: 'company', desc: false },
    onSort: vi.fn(),
    onToggle: vi.fn(),
    onToggleAll: vi.fn(),
    onOpen: vi.fn(),
    ...over,
  };
}

describe('JobTable', () => {
  it('puts a screenful of 10,000 jobs in the DOM, not all of them', () => {
    view = render(<JobTable {...props()} />);
    const rows = view.host.querySelectorAll('[data-testid="tracker-row"]');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(100);
    expect(view.host.querySelector('[role="table"]')!.getAttribute('aria-rowcount')).toBe('10001');
  });

  it('shows company, title, translated status, score, applied date and next task', () => {
    view = render(<JobTable {...props()} />);
    const cells = [...view.host.querySelector('[data-job-id="j0"]')!.querySelectorAll('[role="cell"]')].map((c) => c.textContent);
    expect(cells.slice(1, 5)).toEqual(['Company 0', 'Title 0', 'Applied', '77']);
    expect(cells[5]).toMatch(/2026/);
    expect(cells[6]).toBe('Call Sam');
  });

  it('sorts from the headers, opens a job, and selects rows', () => {
    const p = props();
    view = render(<JobTable {...p} />);
    expect(view.host.querySelector('[aria-sort="ascending"]')!.textContent).toBe('Company ↑');
    click([...view.host.querySelectorAll('[role="columnheader"] button')].find((b) => b.textContent === 'Score'));
    expect(p.onSort).toHaveBeenCalledWith('score');
    click(view.host.querySelector('[data-job-id="j3"] .jf-tracker-open'));
    expect(p.onOpen).toHaveBeenCalledWith('j3');
    const box = view.host.querySelector<HTMLInputElement>('[data-job-id="j1"] input[type="checkbox"]')!;
    expect(box.checked).toBe(true);
    click(view.host.querySelector('[data-job-id="j2"] input[type="checkbox"]'));
    expect(p.onToggle).toHaveBeenCalledWith('j2');
  });

  it('a new list (a filter, a search) fills the drawn rows in place with the new jobs, their state and their handlers', () => {
    const p = props();
    view = render(<JobTable {...p} />);
    const before = view.host.querySelector('[data-testid="tracker-row"]');
    const shown = jobs.filter((_, i) => i % 2 === 1);
    view.rerender(<JobTable {...p} jobs={shown} />);
    const rows = [...view.host.querySelectorAll('[data-testid="tracker-row"]')];
    // The same element, now the first job of the new list, with every cell its own.
    expect(rows[0]).toBe(before);
    expect(rows[0]!.getAttribute('data-job-id')).toBe('j1');
    expect(rows.map((row) => row.getAttribute('data-job-id')).slice(0, 3)).toEqual(['j1', 'j3', 'j5']);
    const cells = [...rows[0]!.querySelectorAll('[role="cell"]')].map((c) => c.textContent);
    expect(cells.slice(1, 4)).toEqual(['Company 1', 'Title 1', 'Saved']);
    expect(cells[6]).toBe('');
    expect(rows[0]!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked).toBe(true);
    expect(rows[1]!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked).toBe(false);
    click(rows[1]!.querySelector('.jf-tracker-open'));
    expect(p.onOpen).toHaveBeenCalledWith('j3');
    click(rows[1]!.querySelector('input[type="checkbox"]'));
    expect(p.onToggle).toHaveBeenCalledWith('j3');
  });

  it('sizes the first rows from the CSS (60vh, at least 240px), then follows the size the browser reports', () => {
    vi.stubGlobal('innerHeight', 1000);
    expect(scrollerRect().height).toBe(600);
    vi.stubGlobal('innerHeight', 300);
    expect(scrollerRect().height).toBe(240);
    vi.stubGlobal('innerHeight', 800);
    const observers: { report(height: number): void; observed: Element[]; disconnected: boolean }[] = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observed: Element[] = [];
        disconnected = false;
        constructor(private readonly callback: ResizeObserverCallback) {
          observers.push(this);
        }
        report(height: number) {
          this.callback([{ contentRect: { width: 400, height } } as ResizeObserverEntry], this as never);
        }
        observe(element: Element) {
          this.observed.push(element);
        }
        disconnect() {
          this.disconnected = true;
        }
      },
    );
    try {
      view = render(<JobTable {...props()} />);
      const count = () => view!.host.querySelectorAll('[data-testid="tracker-row"]').length;
      // 480 px of 40 px rows, and the overscan: drawn before any layout.
      const first = count();
      expect(first).toBeGreaterThanOrEqual(12);
      expect(first).toBeLessThanOrEqual(12 + 8);
      expect(observers).toHaveLength(1);
      expect(observers[0]!.observed[0]).toBe(view.host.querySelector('.jf-tracker-scroll'));
      act(() => observers[0]!.report(1200));
      expect(count()).toBeGreaterThanOrEqual(30);
      act(() => observers[0]!.report(200));
      expect(count()).toBeLessThan(first);
      view.unmount();
      view = undefined;
      expect(observers[0]!.disconnected).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
