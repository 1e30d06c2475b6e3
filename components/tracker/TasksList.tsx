import { i18n } from '#i18n';
import type { JobCard } from '@/lib/db/job-cards';
import type { TaskRow } from '@/lib/db/schema';
import { formatDate } from './labels';

export interface TasksListProps {
  /** Open tasks, soonest first. */
  tasks: readonly TaskRow[];
  jobs: ReadonlyMap<string, JobCard>;
  now: number;
  onToggle(id: string, done: boolean): void;
  onOpenJob(id: string): void;
}

/** Open tasks across every job, with their job and due date; overdue ones say so. */
export function TasksList({ tasks, jobs, now, onToggle, onOpenJob }: TasksListProps) {
  if (tasks.length === 0) return <p className="jf-muted">{i18n.t('tracker.noOpenTasks')}</p>;
  return (
    <ul className="jf-tracker-list" data-testid="tasks-list">
      {tasks.map((task) => {
        const job = task.jobId ? jobs.get(task.jobId) : undefined;
        const overdue = task.dueAt !== undefined && task.dueAt < now;
        return (
          <li key={task.id} data-testid="open-task" data-overdue={overdue || undefined}>
            <label>
              <input type="checkbox" checked={task.done === 1} onChange={(e) => onToggle(task.id, e.target.checked)} aria-label={i18n.t('tracker.taskDone')} />
              {task.title}
            </label>
            {task.dueAt !== undefined ? (
              <span className={overdue ? 'jf-error' : 'jf-muted'}>
                {' · '}
                {formatDate(task.dueAt)}
                {overdue ? ` (${i18n.t('tracker.overdue')})` : ''}
              </span>
            ) : null}
            {job ? (
              <>
                {' · '}
                <button className="jf-link" onClick={() => onOpenJob(job.id)}>
                  {`${job.title} · ${job.company}`}
                </button>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
