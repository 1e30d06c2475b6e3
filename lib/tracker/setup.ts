import { browser } from 'wxt/browser';
import { getDb } from '../db/open';
import { createTrackerRepo, type TrackerRepo } from '../db/repos/tracker';
import { createLogger } from '../util/logger';
import { BACKUP_ALARM, backupEnv, syncBackupReminder } from './backup-reminder';
import { openFromNotification } from './notification-links';
import { defaultEnv, handleAlarm, syncReminders, type ReminderEnv } from './reminders';

const log = createLogger('tracker');

/**
 * Worker start: listens for reminder, backup and auto-archive alarms and for clicks on their
 * notifications, and re-creates the alarms from the tasks table and the backup setting now, on
 * install/update and on browser start. Synchronous, so the event that woke the worker reaches its listener.
 */
export function setUpTracker(repo: TrackerRepo = createTrackerRepo(getDb()), env: ReminderEnv = defaultEnv()): void {
  const backup = backupEnv(repo, env);
  const sync = () => {
    void syncReminders(repo, env).catch((error: unknown) => log.error('reminders not synced', error));
    void syncBackupReminder(backup).catch((error: unknown) => log.error('backup reminder not synced', error));
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    const work = alarm.name === BACKUP_ALARM ? syncBackupReminder(backup) : handleAlarm(alarm.name, repo, env);
    void work.catch((error: unknown) => log.error('alarm failed', alarm.name, error));
  });
  browser.notifications.onClicked.addListener((id) => {
    void openFromNotification(id, repo).catch((error: unknown) => log.error('notification link failed', id, error));
  });
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
  sync();
}
