import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRunsRepo, type LlmRunRow, type RunsRepo } from '../db/repos/runs';
import { JobfitDb } from '../db/schema';
import { createKeepAlive, createThrottledWriter, KEEP_ALIVE_MS, realTimers, reconcileStaleRuns } from './runs';

describe('keep-alive (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('calls the extension API at least every 25 s while a run is active, and stops after', async () => {
    const ping = vi.fn(async () => ({ os: 'linux' }));
    const onTick = vi.fn();
    const keepAlive = createKeepAlive({ ping, onTick, timers: realTimers });
    expect(KEEP_ALIVE_MS).toBeLessThanOrEqual(25_000);

    await vi.advanceTimersByTimeAsync(60_000);
    expect(ping).not.toHaveBeenCalled();

    const release = keepAlive.acquire();
    await vi.advanceTimersByTimeAsync(24_999);
    expect(ping).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(ping).toHaveBeenCalledTimes(1);
    // Ten minutes of streaming: never 30 s without an API call (the MV3 idle limit).
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(ping).toHaveBeenCalledTimes(1 + (10 * 60_000) / 25_000);
    expect(onTick).toHaveBeenCalledTimes(ping.mock.calls.length);

    release();
    release(); // idempotent
    const calls = ping.mock.calls.length;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(ping).toHaveBeenCalledTimes(calls);
    expect(keepAlive.holders).toBe(0);
  });

  it('runs one interval for several concurrent runs and keeps it until the last one ends', async () => {
    const ping = vi.fn();
    const keepAlive = createKeepAlive({ ping, timers: realTimers });
    const a = keepAlive.acquire();
    const b = keepAlive.acquire();
    await vi.advanceTimersByTimeAsync(50_000);
    expect(ping).toHaveBeenCalledTimes(2);
    a();
    await vi.advanceTimersByTimeAsync(25_000);
    expect(ping).toHaveBeenCalledTimes(3);
    b();
    await vi.advanceTimersByTimeAsync(100_000);
    expect(ping).toHaveBeenCalledTimes(3);
  });

  it('a failing ping (no such API in this browser) does not break the interval', async () => {
    const ping = vi.fn(() => Promise.reject(new Error('not implemented')));
    const release = createKeepAlive({ ping, timers: realTimers }).acquire();
    await vi.advanceTimersByTimeAsync(75_000);
    expect(ping).toHaveBeenCalledTimes(3);
    release();
  });
});

describe('throttled partial writer (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes at most once per 500 ms with the latest text', async () => {
    const write = vi.fn(async (_text: string) => {});
    const writer = createThrottledWriter(write, { timers: realTimers });
    let text = '';
    // 100 deltas, 20 ms apart = 2 s of streaming.
    for (let i = 0; i < 100; i += 1) {
      text += `t${i} `;
      writer.update(text);
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(write.mock.calls.length).toBe(4);
    for (const [written] of write.mock.calls) expect(text.startsWith(written)).toBe(true);
    await writer.flush();
    expect(write).toHaveBeenLastCalledWith(text);
    expect(write.mock.calls.length).toBeLessThanOrEqual(5);
  });

  it('flush with nothing pending writes nothing; cancel drops what is pending', async () => {
    const write = vi.fn(async (_text: string) => {});
    const writer = createThrottledWriter(write, { timers: realTimers });
    await writer.flush();
    expect(write).not.toHaveBeenCalled();
    writer.update('a');
    writer.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    expect(write).not.toHaveBeenCalled();
  });

  it('keeps writes in order even when one is slow, and reports failures without stopping', async () => {
    const order: string[] = [];
    const onError = vi.fn();
    const write = vi.fn(async (text: string) => {
      if (text === 'ab') throw new Error('quota');
      await new Promise<void>((resolve) => setTimeout(resolve, text === 'a' ? 900 : 1));
      order.push(text);
    });
    const writer = createThrottledWriter(write, { timers: realTimers, onError });
    writer.update('a');
    await vi.advanceTimersByTimeAsync(500);
    writer.update('ab');
    await vi.advanceTimersByTimeAsync(500);
    writer.update('abc');
    const flushed = writer.flush();
    await vi.advanceTimersByTimeAsync(1000);
    await flushed;
    expect(order).toEqual(['a', 'abc']);
    expect(onError).toHaveBeenCalledTimes(1);
  });
});

describe('runs repo and reconciliation (fake-indexeddb)', () => {
  let db: JobfitDb;
  let repo: RunsRepo;

  const row = (id: string, over: Partial<LlmRunRow> = {}): LlmRunRow => ({
    id,
    feature: 'analysis',
    status: 'running',
    model: 'mock/json-strict',
    attempt: 1,
    partialText: '',
    startedAt: 1000,
    heartbeatAt: 1000,
    request: { feature: 'analysis', model: 'mock/json-strict', messages: [{ role: 'user', content: 'hi' }] },
    ...over,
  });

  beforeEach(async () => {
    db = new JobfitDb(`jobfit-runs-${crypto.randomUUID()}`);
    await db.open();
    repo = createRunsRepo(db);
  });
  afterEach(() => {
    db.close();
  });

  it('create is idempotent on the request id (a double click never starts twice)', async () => {
    const first = await repo.create(row('req-1'));
    const second = await repo.create(row('req-1', { partialText: 'other' }));
    expect(first.created).toBe(true);
    expect(second).toEqual({ row: first.row, created: false });
    expect(await db.runs.count()).toBe(1);
  });

  it('saves partial text and heartbeats only while running', async () => {
    await repo.create(row('r'));
    await repo.savePartial('r', 'Hello', 2000);
    expect(await repo.get('r')).toMatchObject({ partialText: 'Hello', heartbeatAt: 2000 });
    expect(await repo.finish('r', { status: 'done', finishedAt: 3000, partialText: 'Hello world' })).toBe(true);
    await repo.savePartial('r', 'late write', 4000);
    await repo.heartbeat(['r'], 5000);
    expect(await repo.get('r')).toMatchObject({ status: 'done', partialText: 'Hello world', heartbeatAt: 2000, finishedAt: 3000 });
    expect(await repo.finish('r', { status: 'error', finishedAt: 6000 })).toBe(false);
  });

  it('at worker start, running rows from before the start become interrupted, newer and active ones stay', async () => {
    await repo.create(row('dead-long-ago', { heartbeatAt: 1_000 }));
    await repo.create(row('dead-just-now', { heartbeatAt: 99_000 }));
    await repo.create(row('started-by-the-waking-message', { heartbeatAt: 100_500 }));
    await repo.create(row('done', { status: 'done', heartbeatAt: 1_000 }));
    const changed = await reconcileStaleRuns(repo, { now: 101_000, workerStartedAt: 100_000 });
    expect(changed.sort()).toEqual(['dead-just-now', 'dead-long-ago']);
    expect(await repo.get('dead-just-now')).toMatchObject({ status: 'interrupted', finishedAt: 101_000 });
    expect(await repo.get('started-by-the-waking-message')).toMatchObject({ status: 'running' });
    expect(await repo.get('done')).toMatchObject({ status: 'done' });
  });

  it('later checks use the heartbeat threshold and skip runs this worker drives', async () => {
    await repo.create(row('stale', { heartbeatAt: 0 }));
    await repo.create(row('fresh', { heartbeatAt: 50_000 }));
    await repo.create(row('active-but-quiet', { heartbeatAt: 0 }));
    const changed = await reconcileStaleRuns(repo, { now: 100_000, staleAfterMs: 90_000, activeIds: new Set(['active-but-quiet']) });
    expect(changed).toEqual(['stale']);
  });
});
