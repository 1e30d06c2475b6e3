import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { memo, type KeyboardEvent } from 'react';
import { i18n } from '#i18n';
import type { JobCard } from '@/lib/db/job-cards';
import type { JobStatus } from '@/lib/db/schema';
import { isJobStatus, statuses } from '@/lib/tracker/statuses';
import { statusLabel } from './labels';

export interface BoardProps {
  jobs: readonly JobCard[];
  onMove(id: string, to: JobStatus): void;
  onOpen(id: string): void;
  /** Cards drawn per column; the rest are counted (the table lists everything). */
  perColumn?: number;
}

/**
 * Columns by status. Cards move by drag and drop (pointer, or keyboard: Space, arrows, Space), and
 * Alt+←/→ moves the focused card to the neighbouring column in one keystroke.
 */
export function Board({ jobs, onMove, onOpen, perColumn = 100 }: BoardProps) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor));
  const byStatus = new Map<JobStatus, JobCard[]>(statuses.map((s) => [s, []]));
  for (const job of jobs) byStatus.get(job.status)!.push(job);

  function onDragEnd(event: DragEndEvent) {
    const to = event.over?.id;
    const id = String(event.active.id);
    const job = jobs.find((j) => j.id === id);
    if (job && isJobStatus(to) && to !== job.status) onMove(id, to);
  }

  return (
    <DndContext sensors={sensors} onDragEnd={onDragEnd} accessibility={{ screenReaderInstructions: { draggable: i18n.t('tracker.board') } }}>
      <p className="jf-muted">{i18n.t('tracker.board')}</p>
      <div className="jf-tracker-board" data-testid="tracker-board">
        {statuses.map((status) => (
          <Column key={status} status={status} jobs={byStatus.get(status)!} limit={perColumn} onMove={onMove} onOpen={onOpen} />
        ))}
      </div>
    </DndContext>
  );
}

function Column({ status, jobs, limit, onMove, onOpen }: { status: JobStatus; jobs: JobCard[]; limit: number } & Pick<BoardProps, 'onMove' | 'onOpen'>) {
  const { setNodeRef, isOver } = useDroppable({ id: status });
  const hidden = jobs.length - limit;
  return (
    <section ref={setNodeRef} className={`jf-tracker-column${isOver ? ' over' : ''}`} data-testid="board-column" data-status={status} aria-label={statusLabel(status)}>
      <h3>
        {statusLabel(status)} <span className="jf-muted">{jobs.length}</span>
      </h3>
      <ul>
        {jobs.slice(0, limit).map((job) => (
          <Card key={job.id} job={job} onMove={onMove} onOpen={onOpen} />
        ))}
      </ul>
      {hidden > 0 ? <p className="jf-muted">+{hidden}</p> : null}
    </section>
  );
}

const Card = memo(function Card({ job, onMove, onOpen }: { job: JobCard } & Pick<BoardProps, 'onMove' | 'onOpen'>) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: job.id });
  const style = transform ? { transform: `translate(${transform.x}px, ${transform.y}px)` } : undefined;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.altKey && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
      event.preventDefault();
      const next = statuses[statuses.indexOf(job.status) + (event.key === 'ArrowRight' ? 1 : -1)];
      if (next) onMove(job.id, next);
      return;
    }
    if (event.key === 'Enter') {
      onOpen(job.id);
      return;
    }
    listeners?.onKeyDown?.(event);
  }

  // The list item stays a list item; the draggable inside it is the button dnd-kit makes it.
  return (
    <li>
      <div
        ref={setNodeRef}
        style={style}
        className={`jf-tracker-card${isDragging ? ' dragging' : ''}`}
        data-testid="board-card"
        data-job-id={job.id}
        {...attributes}
        {...listeners}
        onKeyDown={onKeyDown}
        onDoubleClick={() => onOpen(job.id)}
      >
        <strong>{job.title}</strong>
        <span className="jf-muted">{job.company}</span>
        {job.score !== undefined ? <span className="jf-chip">{job.score}</span> : null}
      </div>
    </li>
  );
});
