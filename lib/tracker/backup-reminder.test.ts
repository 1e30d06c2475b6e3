import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createJobsRepo } from '../db/repos/jobs';
import { createTrackerRepo, type TrackerRepo } from '../db/repos/tracker';
import { JobfitDb } from '../db/schema';
import { backupIntervalItem, backupRemindedAtItem, lastBackupAtItem } from '../storage/items';
import { BACKUP_ALARM, backupDueAt, backupEnv, isBackupDue, nextBackupReminderAt, recordBackup, syncBackupReminder, type BackupReminderEnv } from './backup-reminder';
import { AUTO_ARCHIVE_ALARM } from './reminders';
import { setUpTracker } from './setup';
import { installMessages } from './test-messages';

const DAY = 86_400_000;
const T0 = 1_800_000_000_000;

describe('when a backup is due', () => {
  it.each([
    ['off: never', { interval: 'off', lastBackupAt: T0 }, T0, undefined],
    ['weekly after the last backup', { interval: 'weekly', lastBackupAt: T0 }, T0 - 90 * DAY, T0 + 7 * DAY],
    ['monthly after the last backup', { interval: 'monthly', lastBackupAt: T0 }, undefined, T0 + 30 * DAY],
    ['never backed up: a period after the first saved job', { interval: 'weekly', lastBackupAt: null }, T0, T0 + 7 * DAY],
    ['never backed up, nothing saved: nothing to back up', { interval: 'weekly', lastBackupAt: null }, undefined, undefined],
  ] as const)('%s', (_name, state, oldestJobAt, due) => {
    expect(backupDueAt(state, oldestJobAt)).toBe(due);
    if (due !== undefined) {
      expect(isBackupDue(state, oldestJobAt, due - 1)).toBe(false);
      expect(isBackupDue(state, oldestJobAt, due)).toBe(true);
    } else {
      expect(isBackupDue(state, oldestJobAt, T0 + 3650 * DAY)).toBe(false);
    }
  });

  it('once reminded in a period, the next reminder comes a period later, not again at once', () => {
    const state = { interval: 'weekly', lastBackupAt: T0, remindedAt: null } as const;
    expect(nextBackupReminderAt(state, T0)).toBe(T0 + 7 * DAY);
    expect(nextBackupReminderAt({ ...state, remindedAt: T0 + 8 * DAY }, T0)).toBe(T0 + 15 * DAY);
    // A reminder from before the last backup does not count for the new period.
    expect(nextBackupReminderAt({ ...state, remindedAt: T0 - DAY }, T0)).toBe(T0 + 7 * DAY);
    expect(nextBackupReminderAt({ ...state, interval: 'off' }, T0)).toBeUndefined();
  });
});

describe('the backup alarm comes from the setting and the last backup', () => {
  let db: JobfitDb;
  let repo: TrackerRepo;
  let clock: number;
  let env: BackupReminderEnv;

  beforeEach(async () => {
    fakeBrowser.reset();
    installMessages();
    db = new JobfitDb(`jobfit-backup-reminder-${crypto.randomUUID()}`);
    await db.open();
    clock = T0;
    repo = createTrackerRepo(db, () => clock);
    env = backupEnv(repo, { alarms: fakeBrowser.alarms, notifications: fakeBrowser.notifications, now: () => clock });
  });
  afterEach(() => db.close());

  const backupAlarm = () => fakeBrowser.alarms.get(BACKUP_ALARM);
  const messages = async () => (Object.values(await fakeBrowser.notifications.getAll()) as { message: string }[]).map((n) => n.message);

  it('no saved job: no alarm; the first job starts the clock (weekly by default)', async () => {
    await syncBackupReminder(env);
    expect(await backupAlarm()).toBeUndefined();
    await createJobsRepo(db, () => clock).add({ url: 'https://jobs.example.com/1', title: 'Engineer', company: 'Acme' });
    await syncBackupReminder(env);
    expect((await backupAlarm())?.scheduledTime).toBe(T0 + 7 * DAY);
  });

  it('a worker restart and an install/update re-create it; a change of setting or a backup moves it', async () => {
    await createJobsRepo(db, () => clock).add({ url: 'https://jobs.example.com/1', title: 'Engineer', company: 'Acme' });
    await lastBackupAtItem.setValue(T0 - DAY);
    await backupIntervalItem.setValue('monthly');

    setUpTracker(repo, env);
    await expect.poll(async () => (await backupAlarm())?.scheduledTime).toBe(T0 + 29 * DAY);
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name)).toContain(AUTO_ARCHIVE_ALARM);

    // The browser dropped every alarm; the update event brings the backup alarm back.
    await fakeBrowser.alarms.clearAll();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false, previousVersion: '0.0.9' });
    await expect.poll(async () => (await backupAlarm())?.scheduledTime).toBe(T0 + 29 * DAY);

    clock += 2 * DAY;
    await recordBackup(env);
    expect(await lastBackupAtItem.getValue()).toBe(clock);
    expect((await backupAlarm())?.scheduledTime).toBe(clock + 30 * DAY);

    await backupIntervalItem.setValue('off');
    await syncBackupReminder(env, { notify: false });
    expect(await backupAlarm()).toBeUndefined();
  });

  it('when due, the alarm shows one notification per period; a backup clears it', async () => {
    await createJobsRepo(db, () => clock).add({ url: 'https://jobs.example.com/1', title: 'Engineer', company: 'Acme' });
    await lastBackupAtItem.setValue(T0);
    setUpTracker(repo, env);
    await expect.poll(async () => (await backupAlarm())?.scheduledTime).toBe(T0 + 7 * DAY);

    clock = T0 + 7 * DAY;
    await fakeBrowser.alarms.onAlarm.trigger({ name: BACKUP_ALARM, scheduledTime: clock });
    await expect.poll(messages).toEqual(['Time to back up your tracker. Click to save a backup file.']);
    expect(await backupRemindedAtItem.getValue()).toBe(clock);
    // Not again at the next worker start in the same period; the alarm waits a period.
    await syncBackupReminder(env);
    expect(await messages()).toHaveLength(1);
    expect((await backupAlarm())?.scheduledTime).toBe(clock + 7 * DAY);

    clock += DAY;
    await recordBackup(env);
    expect(await messages()).toEqual([]);
    expect((await backupAlarm())?.scheduledTime).toBe(clock + 7 * DAY);
  });

  it('a page (notify: false) never shows the notification itself: the worker does, a minute later', async () => {
    await createJobsRepo(db, () => clock).add({ url: 'https://jobs.example.com/1', title: 'Engineer', company: 'Acme' });
    clock += 10 * DAY;
    await syncBackupReminder(env, { notify: false });
    expect(await messages()).toEqual([]);
    expect((await backupAlarm())?.scheduledTime).toBe(clock + 60_000);
  });
});
