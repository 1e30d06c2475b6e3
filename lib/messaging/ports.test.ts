import { beforeEach, describe, expect, it, vi } from 'vitest';
import { followRun, registerRunPort, RUN_PORT_NAME, type PortLike, type PortRuntime, type RunFrame, type RunFrameSource } from './ports';
import type { SenderLike } from './sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const panel: SenderLike = { id: ID, origin: ORIGIN, url: `${ORIGIN}/sidepanel.html` };

/** Two connected fake ports: what one side posts, the other receives. */
function portPair(name: string, sender?: SenderLike) {
  const make = () => {
    const messageListeners: Array<(m: unknown) => void> = [];
    const disconnectListeners: Array<() => void> = [];
    return { messageListeners, disconnectListeners };
  };
  const a = make();
  const b = make();
  let connected = true;
  const side = (self: ReturnType<typeof make>, other: ReturnType<typeof make>, withSender?: SenderLike): PortLike => ({
    name,
    ...(withSender ? { sender: withSender } : {}),
    postMessage: (m) => {
      if (!connected) throw new Error('Attempting to use a disconnected port object');
      const copy: unknown = structuredClone(m);
      queueMicrotask(() => other.messageListeners.forEach((l) => l(copy)));
    },
    disconnect: () => {
      if (!connected) return;
      connected = false;
      // Like the browser: only the other side hears about it.
      queueMicrotask(() => other.disconnectListeners.forEach((l) => l()));
    },
    onMessage: { addListener: (cb) => void self.messageListeners.push(cb) },
    onDisconnect: { addListener: (cb) => void self.disconnectListeners.push(cb) },
  });
  return { page: side(a, b), worker: side(b, a, sender), isConnected: () => connected };
}

function fakeRuntime() {
  const listeners: Array<(port: PortLike) => void> = [];
  const runtime: PortRuntime = {
    id: ID,
    getURL: (path) => `${ORIGIN}${path}`,
    onConnect: { addListener: (cb) => void listeners.push(cb) },
  };
  const connect = (sender: SenderLike | undefined, name = RUN_PORT_NAME) => {
    const pair = portPair(name, sender);
    listeners.forEach((l) => l(pair.worker));
    return pair;
  };
  return { runtime, connect };
}

function fakeSource() {
  const subscribers = new Map<string, Array<(f: RunFrame) => void>>();
  const unsubscribed: string[] = [];
  const source: RunFrameSource = {
    subscribe: vi.fn((runId: string, send: (f: RunFrame) => void) => {
      send({ type: 'progress', runId, stage: 'streaming', attempt: 1, text: 'so far' });
      subscribers.set(runId, [...(subscribers.get(runId) ?? []), send]);
      return () => {
        unsubscribed.push(runId);
        subscribers.set(runId, (subscribers.get(runId) ?? []).filter((s) => s !== send));
      };
    }),
  };
  const emit = (frame: RunFrame) => subscribers.get(frame.runId)?.forEach((s) => s(frame));
  return { source, emit, unsubscribed, subscribers };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('run port', () => {
  it('a page follows a run: catch-up progress, deltas, then done closes the port', async () => {
    const { runtime, connect } = fakeRuntime();
    const { source, emit, unsubscribed } = fakeSource();
    registerRunPort(source, runtime);
    const frames: RunFrame[] = [];
    let pair: ReturnType<typeof portPair> | undefined;
    followRun('run-1', (f) => frames.push(f), () => {
      pair = connect(panel);
      return pair.page;
    });
    await flush();
    emit({ type: 'delta', runId: 'run-1', text: ' and more' });
    emit({ type: 'done', runId: 'run-1', text: 'so far and more', cached: false });
    emit({ type: 'delta', runId: 'run-1', text: 'never seen' });
    await flush();
    expect(frames.map((f) => f.type)).toEqual(['progress', 'delta', 'done']);
    expect(frames[0]).toMatchObject({ text: 'so far' });
    expect(pair?.isConnected()).toBe(false);
    expect(unsubscribed).toEqual(['run-1']);
  });

  it('tells the page when the port drops before the last frame (the worker stopped), not after it', async () => {
    const { runtime, connect } = fakeRuntime();
    const { source, emit } = fakeSource();
    registerRunPort(source, runtime);
    let pair: ReturnType<typeof portPair> | undefined;
    const lost = vi.fn();
    followRun('run-1', () => {}, () => ((pair = connect(panel)), pair.page), lost);
    await flush();
    pair!.worker.disconnect();
    await flush();
    expect(lost).toHaveBeenCalledTimes(1);

    const lostAfterDone = vi.fn();
    followRun('run-1', () => {}, () => ((pair = connect(panel)), pair.page), lostAfterDone);
    await flush();
    emit({ type: 'done', runId: 'run-1', text: 'all', cached: false });
    await flush();
    expect(lostAfterDone).not.toHaveBeenCalled();
  });

  it('refuses a content script (and any non-page sender) by disconnecting', async () => {
    const { runtime, connect } = fakeRuntime();
    const { source } = fakeSource();
    registerRunPort(source, runtime);
    for (const sender of [
      { id: ID, url: 'https://jobs.example.com/', origin: 'https://jobs.example.com', frameId: 0, tab: { id: 3 } },
      { id: 'other-extension', origin: 'chrome-extension://other', url: 'chrome-extension://other/x.html' },
      { ...panel, frameId: 2, tab: { id: 1 } },
      undefined,
    ]) {
      const pair = connect(sender);
      expect(pair.isConnected()).toBe(false);
      expect(() => pair.page.postMessage({ type: 'subscribe', runId: 'run-1' })).toThrow(/disconnected/);
      await flush();
    }
    expect(source.subscribe).not.toHaveBeenCalled();
  });

  it('ignores ports with other names and malformed messages', async () => {
    const { runtime, connect } = fakeRuntime();
    const { source } = fakeSource();
    registerRunPort(source, runtime);
    const other = connect(panel, 'something-else');
    other.page.postMessage({ type: 'subscribe', runId: 'run-1' });
    const ours = connect(panel);
    ours.page.postMessage({ type: 'subscribe' });
    ours.page.postMessage({ type: 'subscribe', runId: 'x', extra: 1 });
    ours.page.postMessage('subscribe');
    await flush();
    expect(source.subscribe).not.toHaveBeenCalled();
    expect(ours.isConnected()).toBe(true);
  });

  it('closing the panel unsubscribes but does not stop anything else', async () => {
    const { runtime, connect } = fakeRuntime();
    const { source, unsubscribed } = fakeSource();
    registerRunPort(source, runtime);
    const pair = connect(panel);
    pair.page.postMessage({ type: 'subscribe', runId: 'a' });
    pair.page.postMessage({ type: 'subscribe', runId: 'b' });
    pair.page.postMessage({ type: 'subscribe', runId: 'b' });
    await flush();
    expect(source.subscribe).toHaveBeenCalledTimes(2);
    pair.page.disconnect();
    await flush();
    await flush();
    expect(unsubscribed.sort()).toEqual(['a', 'b']);
  });

  it('a source that fails to subscribe sends an error frame', async () => {
    const { runtime, connect } = fakeRuntime();
    registerRunPort({ subscribe: () => Promise.reject(new Error('db gone')) }, runtime);
    const frames: unknown[] = [];
    const pair = connect(panel);
    pair.page.onMessage.addListener((m) => frames.push(m));
    pair.page.postMessage({ type: 'subscribe', runId: 'r' });
    await flush();
    await flush();
    expect(frames).toEqual([{ type: 'error', runId: 'r', status: 'error', code: 'internal', partialText: '' }]);
  });
});
