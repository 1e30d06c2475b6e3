import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { TrackerRepo } from '../db/repos/tracker';
import type { TaskRow } from '../db/schema';

/**
 * Reminders. The tasks table is the source of truth: one alarm per open task with a future due date,
 * re-created from the table on every worker start and on install/update (alarms do not survive
 * everything, and a backup import brings tasks without alarms). Pages schedule a task's alarm right after
 * writing it, so a reminder is set even if the worker is asleep.
 */
export const TASK_ALARM_PREFIX = 'jobfit-task:';
export const AUTO_ARCHIVE_ALARM = 'jobfit-auto-archive';
export const FOLLOW_UP_DAYS = 7;
const DAY = 86_400_000;

/** The slices of the alarms and notifications APIs used here (browser's or fakeBrowser's). */
export interface Alarms {
  create(name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }): unknown;
  clear(name: string): Promise<boolean>;
  getAll(): Promise<{ name: string; scheduledTime: number }[]>;
}
export interface Notifications {
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<string>;
  clear(id: string): Promise<boolean>;
}

export interface ReminderEnv {
  alarms: Alarms;
  notifications: Notifications;
  now: () => number;
}

export const defaultEnv = (): ReminderEnv => ({ alarms: browser.alarms, notifications: browser.notifications, now: Date.now });

const wantsAlarm = (task: TaskRow, now: number) => task.done === 0 && task.dueAt !== undefined && task.dueAt > now;
const isDue = (task: TaskRow, now: number) => task.done === 0 && task.dueAt !== undefined && task.dueAt <= now && task.remindedAt === undefined;

/** After a page writes a task: sets or clears its alarm. */
export async function scheduleTask(task: TaskRow, env: Pick<ReminderEnv, 'alarms' | 'now'> = defaultEnv()): Promise<void> {
  const name = TASK_ALARM_PREFIX + task.id;
  if (wantsAlarm(task, env.now())) await env.alarms.create(name, { when: task.dueAt! });
  else await env.alarms.clear(name);
}

export async function clearTaskAlarms(ids: readonly string[], alarms: Alarms = browser.alarms): Promise<void> {
  await Promise.all(ids.map((id) => alarms.clear(TASK_ALARM_PREFIX + id)));
}

/** A suggested follow-up task, FOLLOW_UP_DAYS after the job was marked Applied. */
export function followUpDueAt(appliedAt: number): number {
  return appliedAt + FOLLOW_UP_DAYS * DAY;
}

/**
 * Makes the alarms match the tasks table: one alarm per open future task, none for anything else, and
 * the daily auto-archive alarm. Tasks that fell due while no worker ran are notified now, once.
 */
export async function syncReminders(repo: TrackerRepo, env: ReminderEnv = defaultEnv()): Promise<void> {
  const now = env.now();
  const tasks = await repo.listAllTasks();
  const wanted = new Map(tasks.filter((t) => wantsAlarm(t, now)).map((t) => [TASK_ALARM_PREFIX + t.id, t]));
  const existing = [...(await env.alarms.getAll())];
  for (const alarm of existing) {
    if (alarm.name.startsWith(TASK_ALARM_PREFIX) && !wanted.has(alarm.name)) await env.alarms.clear(alarm.name);
  }
  const scheduled = new Map(existing.map((a) => [a.name, a.scheduledTime]));
  for (const [name, task] of wanted) {
    if (scheduled.get(name) !== task.dueAt) await env.alarms.create(name, { when: task.dueAt! });
  }
  if (!scheduled.has(AUTO_ARCHIVE_ALARM)) await env.alarms.create(AUTO_ARCHIVE_ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 });
  for (const task of tasks.filter((t) => isDue(t, now))) await notifyTask(repo, task, env);
}

async function notifyTask(repo: TrackerRepo, task: TaskRow, env: ReminderEnv): Promise<void> {
  const job = task.jobId ? await repo.getJob(task.jobId) : undefined;
  const title = job ? `${task.title} — ${job.title} · ${job.company}` : task.title;
  await env.notifications.create(TASK_ALARM_PREFIX + task.id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: i18n.t('tracker.reminderTitle'),
    message: i18n.t('tracker.taskDueNotification', [title]),
  });
  await repo.markReminded(task.id);
}

/** What an alarm means: a task fell due, or the daily auto-archive pass. */
export async function handleAlarm(name: string, repo: TrackerRepo, env: ReminderEnv = defaultEnv()): Promise<void> {
  if (name.startsWith(TASK_ALARM_PREFIX)) {
    const task = await repo.getTask(name.slice(TASK_ALARM_PREFIX.length));
    if (task && task.done === 0 && task.remindedAt === undefined) await notifyTask(repo, task, env);
    return;
  }
  if (name === AUTO_ARCHIVE_ALARM) {
    const archived = await repo.autoArchive(await repo.autoArchiveDays());
    if (archived.length) {
      await env.notifications.create(AUTO_ARCHIVE_ALARM, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: i18n.t('tracker.reminderTitle'),
        message: i18n.t('tracker.autoArchived', [String(archived.length)]),
      });
    }
  }
}
