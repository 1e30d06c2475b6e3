import { browser } from 'wxt/browser';
import { getDb } from '../db/open';
import { createTrackerRepo, type TrackerRepo } from '../db/repos/tracker';
import { createLogger } from '../util/logger';
import { defaultEnv, handleAlarm, syncReminders, type ReminderEnv } from './reminders';

const log = createLogger('tracker');

/**
 * Worker start: listens for reminder and auto-archive alarms and re-creates the alarms from the tasks
 * table now, on install/update and on browser start. Synchronous, so the alarm that woke the worker
 * reaches the listener.
 */
export function setUpTracker(repo: TrackerRepo = createTrackerRepo(getDb()), env: ReminderEnv = defaultEnv()): void {
  const sync = () => void syncReminders(repo, env).catch((error: unknown) => log.error('reminders not synced', error));
  browser.alarms.onAlarm.addListener((alarm) => {
    void handleAlarm(alarm.name, repo, env).catch((error: unknown) => log.error('alarm failed', alarm.name, error));
  });
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
  sync();
}
