import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createJobsRepo } from '../db/repos/jobs';
import { createTrackerRepo, type TrackerRepo } from '../db/repos/tracker';
import { JobfitDb } from '../db/schema';
import { BACKUP_ALARM } from './backup-reminder';
import { jobIdFromHash, wantsBackupFromHash } from './links';
import { AUTO_ARCHIVE_ALARM, TASK_ALARM_PREFIX } from './reminders';
import { setUpTracker } from './setup';
import { installMessages } from './test-messages';

let db: JobfitDb;
let repo: TrackerRepo;

beforeEach(async () => {
  fakeBrowser.reset();
  installMessages();
  db = new JobfitDb(`jobfit-notification-links-${crypto.randomUUID()}`);
  await db.open();
  repo = createTrackerRepo(db);
  setUpTracker(repo, { alarms: fakeBrowser.alarms, notifications: fakeBrowser.notifications, now: Date.now });
});
afterEach(() => db.close());

const APP = fakeBrowser.runtime.getURL('/app.html');
const openedUrls = async () => (await fakeBrowser.tabs.query({})).map((t) => t.url).filter((url) => url?.startsWith(APP));

/** Shows a notification as the worker does, then clicks it. */
async function click(id: string): Promise<void> {
  await fakeBrowser.notifications.create(id, { type: 'basic', iconUrl: '', title: 'Jobfit reminder', message: '…' });
  await fakeBrowser.notifications.onClicked.trigger(id);
}

describe('clicking a notification opens the tracker where it leads', () => {
  it("a task reminder opens the app at the task's job, and the notification goes", async () => {
    const job = await createJobsRepo(db).add({ url: 'https://jobs.example.com/1', title: 'Engineer', company: 'Acme' });
    const task = await repo.addTask({ jobId: job.id, title: 'Follow up', dueAt: Date.now() - 1 });
    await click(TASK_ALARM_PREFIX + task.id);
    await expect.poll(openedUrls).toHaveLength(1);
    const [url] = await openedUrls();
    expect(jobIdFromHash(new URL(url!).hash)).toBe(job.id);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('a task without a job, or a deleted one, opens the tracker itself', async () => {
    const task = await repo.addTask({ title: 'Update my CV' });
    await click(TASK_ALARM_PREFIX + task.id);
    await click(`${TASK_ALARM_PREFIX}deleted-task`);
    await expect.poll(openedUrls).toEqual([`${APP}#/tracker`, `${APP}#/tracker`]);
  });

  it('the backup reminder opens the backup banner; auto-archive the tracker with its undo card', async () => {
    await click(BACKUP_ALARM);
    await expect.poll(openedUrls).toHaveLength(1);
    expect(wantsBackupFromHash(new URL((await openedUrls())[0]!).hash)).toBe(true);
    await click(AUTO_ARCHIVE_ALARM);
    await expect.poll(openedUrls).toHaveLength(2);
    expect((await openedUrls())[1]).toBe(`${APP}#/tracker`);
  });

  it("other notifications are not the tracker's: nothing opens", async () => {
    await click('someone-else');
    await new Promise((r) => setTimeout(r, 20));
    expect(await openedUrls()).toEqual([]);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual(['someone-else']);
  });
});
