import { useVirtualizer, type Rect, type Virtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { i18n } from '#i18n';
import type { JobCard } from '@/lib/db/job-cards';
import type { TaskRow } from '@/lib/db/schema';
import type { SortKey, TrackerSort } from '@/lib/tracker/query';
import { formatDate, statusLabel } from './labels';

export interface JobTableProps {
  jobs: readonly JobCard[];
  nextTasks: ReadonlyMap<string, TaskRow>;
  selected: ReadonlySet<string>;
  sort: TrackerSort;
  onSort(key: SortKey): void;
  onToggle(id: string): void;
  onToggleAll(): void;
  onOpen(id: string): void;
}

const ROW_HEIGHT = 40;

/** The scroller's size as theme.css sets it (`.jf-tracker-scroll`: 60vh, at least 240px), known without a layout. */
export function scrollerRect(): Rect {
  return { width: window.innerWidth, height: Math.max(240, Math.round(window.innerHeight * 0.6)) };
}

/**
 * The scroller's size for the virtualizer. The library's default reads it from the element at once, which
 * forces a layout in the middle of the first render's commit; here the first rows are sized from the CSS
 * (`initialRect`), and a ResizeObserver reports the laid-out size with the frame's own layout, and every
 * change after (a resized panel).
 */
export function observeScrollerRect(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: Rect) => void): (() => void) | undefined {
  const element = instance.scrollElement;
  if (!element || typeof ResizeObserver !== 'function') return undefined;
  const observer = new ResizeObserver(([entry]) => {
    if (entry) cb({ width: Math.round(entry.contentRect.width), height: Math.round(entry.contentRect.height) });
  });
  observer.observe(element);
  return () => observer.disconnect();
}

/** Only the rows in view are in the DOM, so 10,000 jobs scroll like 10. */
export function JobTable({ jobs, nextTasks, selected, sort, onSort, onToggle, onToggleAll, onOpen }: JobTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- nothing below is memoised; the table re-renders with it
  const virtualizer = useVirtualizer({
    count: jobs.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    initialRect: scrollerRect(),
    observeElementRect: observeScrollerRect,
  });

  const columns: { key: SortKey | 'next'; label: string }[] = [
    { key: 'company', label: i18n.t('tracker.colCompany') },
    { key: 'title', label: i18n.t('tracker.colTitle') },
    { key: 'status', label: i18n.t('tracker.colStatus') },
    { key: 'score', label: i18n.t('tracker.colScore') },
    { key: 'appliedAt', label: i18n.t('tracker.colApplied') },
    { key: 'next', label: i18n.t('tracker.colNextTask') },
  ];

  const allSelected = jobs.length > 0 && jobs.every((job) => selected.has(job.id));

  return (
    <div className="jf-tracker-table" role="table" aria-rowcount={jobs.length + 1} data-testid="tracker-table">
      <div className="jf-tracker-row jf-tracker-head" role="row">
        <span role="columnheader" className="jf-tracker-check">
          <input type="checkbox" aria-label={i18n.t('tracker.selectAll')} checked={allSelected} onChange={onToggleAll} />
        </span>
        {columns.map((column) => (
          <span role="columnheader" key={column.key} aria-sort={sort.key === column.key ? (sort.desc ? 'descending' : 'ascending') : undefined}>
            {column.key === 'next' ? (
              column.label
            ) : (
              <button className="jf-link" onClick={() => onSort(column.key as SortKey)}>
                {column.label}
                {sort.key === column.key ? (sort.desc ? ' ↓' : ' ↑') : ''}
              </button>
            )}
          </span>
        ))}
      </div>
      <div ref={scroller} className="jf-tracker-scroll" role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const job = jobs[item.index]!;
            const task = nextTasks.get(job.id);
            // Keyed by position: a filter or a search fills the drawn rows with other jobs in place
            // (text and attributes change) instead of removing every row and building new ones.
            return (
              <div
                key={item.index}
                role="row"
                aria-rowindex={item.index + 2}
                className="jf-tracker-row"
                data-testid="tracker-row"
                data-job-id={job.id}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                <span role="cell" className="jf-tracker-check">
                  <input
                    type="checkbox"
                    aria-label={i18n.t('tracker.selectJob', [job.title])}
                    checked={selected.has(job.id)}
                    onChange={() => onToggle(job.id)}
                  />
                </span>
                <span role="cell" title={job.company}>
                  {job.company}
                </span>
                <span role="cell">
                  <button className="jf-link jf-tracker-open" onClick={() => onOpen(job.id)} title={job.title}>
                    {job.title}
                  </button>
                </span>
                <span role="cell" data-status={job.status}>
                  {statusLabel(job.status)}
                </span>
                <span role="cell">{job.score ?? ''}</span>
                <span role="cell">{formatDate(job.appliedAt)}</span>
                <span role="cell" title={task?.title}>
                  {task ? [task.title, formatDate(task.dueAt)].filter(Boolean).join(' · ') : ''}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
