import { browser } from 'wxt/browser';
import type { TrackerRepo } from '../db/repos/tracker';
import { BACKUP_ALARM } from './backup-reminder';
import { backupHash, jobHash, trackerHash } from './links';
import { AUTO_ARCHIVE_ALARM, TASK_ALARM_PREFIX } from './reminders';

/**
 * Where a click on one of the tracker's notifications leads, as an app hash: a task reminder opens its
 * job's drawer (a task without a job, the tracker), the backup reminder the tracker's backup banner,
 * the auto-archive notice the tracker with its undo card. Undefined for notifications that are not ours.
 */
export async function notificationHash(id: string, repo: Pick<TrackerRepo, 'getTask'>): Promise<string | undefined> {
  if (id === BACKUP_ALARM) return backupHash;
  if (id === AUTO_ARCHIVE_ALARM) return trackerHash;
  if (!id.startsWith(TASK_ALARM_PREFIX)) return undefined;
  const task = await repo.getTask(id.slice(TASK_ALARM_PREFIX.length));
  return task?.jobId ? jobHash(task.jobId) : trackerHash;
}

/** Opens the full-tab app where the notification leads and clears the notification. */
export async function openFromNotification(id: string, repo: Pick<TrackerRepo, 'getTask'>): Promise<void> {
  const hash = await notificationHash(id, repo);
  if (!hash) return;
  await browser.tabs.create({ url: browser.runtime.getURL('/app.html') + hash });
  await browser.notifications.clear(id);
}
