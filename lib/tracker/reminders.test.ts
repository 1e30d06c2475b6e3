import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createJobsRepo } from '../db/repos/jobs';
import { createTrackerRepo, type TrackerRepo } from '../db/repos/tracker';
import { JobfitDb, type JobStatus } from '../db/schema';
import { installMessages } from './test-messages';
import { AUTO_ARCHIVE_ALARM, handleAlarm, scheduleTask, syncReminders, TASK_ALARM_PREFIX, type ReminderEnv } from './reminders';
import { BACKUP_ALARM } from './backup-reminder';
import { setUpTracker } from './setup';

const DAY = 86_400_000;
let db: JobfitDb;
let clock: number;
let repo: TrackerRepo;
let env: ReminderEnv;

beforeEach(async () => {
  fakeBrowser.reset();
  installMessages();
  db = new JobfitDb(`jobfit-reminders-${crypto.randomUUID()}`);
  await db.open();
  clock = 1_800_000_000_000;
  repo = createTrackerRepo(db, () => clock);
  env = { alarms: fakeBrowser.alarms, notifications: fakeBrowser.notifications, now: () => clock };
});

afterEach(() => db.close());

const alarmNames = async () => (await fakeBrowser.alarms.getAll()).map((a) => a.name).sort();
const notifications = async () => Object.values(await fakeBrowser.notifications.getAll()) as { message: string }[];

async function job(status: JobStatus = 'saved', title = 'Engineer') {
  const row = await createJobsRepo(db, () => clock).add({ url: `https://jobs.example.com/${crypto.randomUUID()}`, title, company: 'Acme' });
  if (status !== 'saved') await repo.move([row.id], status);
  return row;
}

describe('task alarms come from the tasks table', () => {
  it('a worker restart re-creates one alarm per open future task and drops stale ones', async () => {
    const j = await job();
    const future = await repo.addTask({ jobId: j.id, title: 'Follow up', dueAt: clock + 7 * DAY });
    const done = await repo.addTask({ title: 'Done already', dueAt: clock + DAY });
    await repo.setTaskDone(done.id, true);
    await repo.addTask({ title: 'No date' });
    // The old worker left an alarm for a task that no longer exists; then the browser dropped the rest.
    await fakeBrowser.alarms.create(`${TASK_ALARM_PREFIX}gone`, { when: clock + DAY });

    await syncReminders(repo, env);
    expect(await alarmNames()).toEqual([AUTO_ARCHIVE_ALARM, TASK_ALARM_PREFIX + future.id].sort());
    expect((await fakeBrowser.alarms.get(TASK_ALARM_PREFIX + future.id))?.scheduledTime).toBe(clock + 7 * DAY);

    // Worker stops: the listeners go; alarms are lost too in the worst case. The next start restores them.
    fakeBrowser.reset();
    installMessages();
    setUpTracker(repo, { ...env, alarms: fakeBrowser.alarms, notifications: fakeBrowser.notifications });
    // (A job is saved, so the backup reminder's alarm is back too.)
    await expect.poll(alarmNames).toEqual([AUTO_ARCHIVE_ALARM, BACKUP_ALARM, TASK_ALARM_PREFIX + future.id].sort());
    expect((await fakeBrowser.alarms.get(AUTO_ARCHIVE_ALARM))?.periodInMinutes).toBe(24 * 60);
  });

  it('install/update re-creates them as well', async () => {
    const task = await repo.addTask({ title: 'Prepare', dueAt: clock + DAY });
    setUpTracker(repo, env);
    await expect.poll(alarmNames).toContain(TASK_ALARM_PREFIX + task.id);
    await fakeBrowser.alarms.clearAll();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false, previousVersion: '0.0.9' });
    await expect.poll(alarmNames).toContain(TASK_ALARM_PREFIX + task.id);
  });

  it('scheduleTask sets and clears a single task alarm as pages write tasks', async () => {
    const task = await repo.addTask({ title: 'Call', dueAt: clock + DAY });
    await scheduleTask(task, env);
    expect(await alarmNames()).toEqual([TASK_ALARM_PREFIX + task.id]);
    await scheduleTask(await repo.setTaskDone(task.id, true), env);
    expect(await alarmNames()).toEqual([]);
  });

  it('a due alarm notifies once, with the job; an overdue task found at start is notified once too', async () => {
    const j = await job('applied', 'Platform Engineer');
    const task = await repo.addTask({ jobId: j.id, title: 'Follow up', dueAt: clock + DAY });
    clock += DAY;
    setUpTracker(repo, env);
    await fakeBrowser.alarms.onAlarm.trigger({ name: TASK_ALARM_PREFIX + task.id, scheduledTime: clock });
    await expect.poll(async () => (await notifications()).map((n) => n.message)).toEqual(['Task due: Follow up — Platform Engineer · Acme']);
    expect((await repo.getTask(task.id))?.remindedAt).toBe(clock);
    await handleAlarm(TASK_ALARM_PREFIX + task.id, repo, env);
    await syncReminders(repo, env);
    expect(await notifications()).toHaveLength(1);

    await fakeBrowser.notifications.clear(TASK_ALARM_PREFIX + task.id);
    const overdue = await repo.addTask({ title: 'Missed while closed', dueAt: clock - 1 });
    await syncReminders(repo, env);
    expect((await notifications()).map((n) => n.message)).toEqual(['Task due: Missed while closed']);
    expect((await repo.getTask(overdue.id))?.remindedAt).toBe(clock);
  });
});

describe('auto-archive', () => {
  it('archives jobs idle for N days (default 60), never from Interview or Offer, and can be undone', async () => {
    const idleSaved = await job('saved');
    const idleApplied = await job('applied');
    const idleInterview = await job('interview');
    const idleOffer = await job('offer');
    clock += 30 * DAY;
    const active = await job('saved');
    const touched = await job('saved');
    clock += 31 * DAY; // 61 days after the first four, 31 after the others
    await repo.addNote(touched.id, 'still on it'); // activity today

    expect(await repo.autoArchiveDays()).toBe(60);
    await handleAlarm(AUTO_ARCHIVE_ALARM, repo, env);
    const status = async (id: string) => (await repo.getJob(id))!.status;
    expect(await status(idleSaved.id)).toBe('archived');
    expect(await status(idleApplied.id)).toBe('archived');
    expect(await status(idleInterview.id)).toBe('interview');
    expect(await status(idleOffer.id)).toBe('offer');
    expect(await status(active.id)).toBe('saved');
    expect(await status(touched.id)).toBe('saved');
    expect((await notifications()).map((n) => n.message)).toEqual(['Archived after no activity: 2.']);
    expect((await repo.getJob(idleApplied.id))!.history.at(-1)).toEqual({ at: clock, from: 'applied', to: 'archived' });

    const undo = await repo.lastAutoArchive();
    expect(undo?.items.map((i) => i.from).sort()).toEqual(['applied', 'saved']);
    // The user already moved one back by hand: undo leaves that one alone.
    clock += 1000;
    await repo.move([idleSaved.id], 'interested');
    expect(await repo.undoAutoArchive()).toEqual([idleApplied.id]);
    expect(await status(idleApplied.id)).toBe('applied');
    expect(await status(idleSaved.id)).toBe('interested');
    expect(await repo.lastAutoArchive()).toBeUndefined();
  });

  it('follows the days setting; 0 turns it off', async () => {
    const j = await job();
    clock += 11 * DAY;
    await repo.setAutoArchiveDays(0);
    expect(await repo.autoArchive(await repo.autoArchiveDays())).toEqual([]);
    await repo.setAutoArchiveDays(10);
    expect(await repo.autoArchive(await repo.autoArchiveDays())).toEqual([j.id]);
    expect(await repo.autoArchive(10)).toEqual([]); // already archived
  });
});
