import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { backupIntervalItem, backupRemindedAtItem, lastBackupAtItem, type BackupInterval } from '../storage/items';
import type { TrackerRepo } from '../db/repos/tracker';
import { defaultEnv, type Alarms, type Notifications, type ReminderEnv } from './reminders';

/**
 * The "back up your data" reminder. The setting (off / weekly / monthly) and the last backup time are
 * the source of truth: one alarm at the next reminder time, re-created from them on every worker start,
 * on install/update and whenever a page changes them. A backup is due a period after the last one (or,
 * never backed up, a period after the first saved job); when it is due the worker shows a notification
 * once per period and the tracker shows a banner with "Back up now".
 */
export const BACKUP_ALARM = 'jobfit-backup';
const DAY = 86_400_000;
export const backupPeriodDays: Record<Exclude<BackupInterval, 'off'>, number> = { weekly: 7, monthly: 30 };

export interface BackupState {
  interval: BackupInterval;
  lastBackupAt: number | null;
  remindedAt: number | null;
}

/** When a backup falls due; undefined when reminders are off or nothing is saved yet. */
export function backupDueAt(state: Pick<BackupState, 'interval' | 'lastBackupAt'>, oldestJobAt: number | undefined): number | undefined {
  if (state.interval === 'off') return undefined;
  const since = state.lastBackupAt ?? oldestJobAt;
  return since === undefined ? undefined : since + backupPeriodDays[state.interval] * DAY;
}

export function isBackupDue(state: Pick<BackupState, 'interval' | 'lastBackupAt'>, oldestJobAt: number | undefined, now: number): boolean {
  const due = backupDueAt(state, oldestJobAt);
  return due !== undefined && now >= due;
}

/** When the next reminder is shown: at the due time; once shown for this period, a period after that. */
export function nextBackupReminderAt(state: BackupState, oldestJobAt: number | undefined): number | undefined {
  const due = backupDueAt(state, oldestJobAt);
  if (due === undefined || state.interval === 'off') return undefined;
  return state.remindedAt !== null && state.remindedAt >= due ? state.remindedAt + backupPeriodDays[state.interval] * DAY : due;
}

export async function readBackupState(): Promise<BackupState> {
  const [interval, lastBackupAt, remindedAt] = await Promise.all([backupIntervalItem.getValue(), lastBackupAtItem.getValue(), backupRemindedAtItem.getValue()]);
  return { interval, lastBackupAt, remindedAt };
}

export interface BackupReminderEnv {
  alarms: Alarms;
  notifications: Notifications;
  now: () => number;
  /** createdAt of the oldest saved job, undefined with none. */
  oldestJobAt: () => Promise<number | undefined>;
}

/** The browser's alarms and notifications and the saved jobs' start date, for the worker and for pages. */
export const backupEnv = (repo: Pick<TrackerRepo, 'oldestJobAt'>, env: ReminderEnv = defaultEnv()): BackupReminderEnv => ({
  ...env,
  oldestJobAt: () => repo.oldestJobAt(),
});

/**
 * Makes the backup alarm match the setting and the last backup. A reminder that fell due while no
 * worker ran is shown now (`notify: false` from pages: they only reschedule).
 */
export async function syncBackupReminder(env: BackupReminderEnv, { notify = true } = {}): Promise<void> {
  const state = await readBackupState();
  const at = nextBackupReminderAt(state, await env.oldestJobAt());
  if (at === undefined) {
    await env.alarms.clear(BACKUP_ALARM);
    return;
  }
  const now = env.now();
  if (at <= now && notify) {
    await env.notifications.create(BACKUP_ALARM, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: i18n.t('tracker.reminderTitle'),
      message: i18n.t('tracker2.backupDueNotification'),
    });
    await backupRemindedAtItem.setValue(now);
    return syncBackupReminder(env, { notify: false });
  }
  const when = Math.max(at, now + 60_000);
  const existing = (await env.alarms.getAll()).find((a) => a.name === BACKUP_ALARM);
  if (existing?.scheduledTime !== when) await env.alarms.create(BACKUP_ALARM, { when });
}

/** A backup file was saved (Back up now or the export button): the next one is due a period from now. */
export async function recordBackup(env: BackupReminderEnv): Promise<void> {
  await lastBackupAtItem.setValue(env.now());
  await env.notifications.clear(BACKUP_ALARM).catch(() => false);
  await syncBackupReminder(env, { notify: false });
}
