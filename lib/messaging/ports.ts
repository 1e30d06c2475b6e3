import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { ErrorCode } from '../util/errors';
import { createLogger } from '../util/logger';
import { classifySender, originOf, type SenderLike } from './sender';

const log = createLogger('ports');

/**
 * Streaming from the worker to extension pages over one named Port. A page connects, sends
 * `{ type: 'subscribe', runId }` (any number of runs per port), and receives frames:
 * - `progress`: the stage of the run; on subscribe it carries the text so far, so a reopened panel
 *   catches up;
 * - `delta`: new text (placeholders already restored);
 * - `done`: the final text, the structured result if any, usage and warnings;
 * - `error`: the code (translated in the UI), the partial text, and the final status.
 * Closing the port (the panel) never stops a run. Only Jobfit's own pages may connect.
 */
export const RUN_PORT_NAME = 'jobfit-run';

export type RunStage = 'queued' | 'requesting' | 'streaming' | 'retrying' | 'validating' | 'repairing';

export interface RunFrameUsage {
  model: string;
  promptTokens: number;
  completionTokens: number;
  /** USD; null when the endpoint reports no cost. */
  cost: number | null;
}

export type RunFrame =
  | {
      type: 'progress';
      runId: string;
      stage: RunStage;
      attempt: number;
      /** Epoch ms of the next attempt while waiting to retry. */
      retryAt?: number;
      /** Everything received so far (sent on subscribe). */
      text?: string;
    }
  | { type: 'delta'; runId: string; text: string }
  | {
      type: 'done';
      runId: string;
      text: string;
      result?: unknown;
      cached: boolean;
      usage?: RunFrameUsage;
      warnings?: { mangledPlaceholders?: Array<{ found: string; restored: boolean }>; repaired?: boolean };
    }
  | {
      type: 'error';
      runId: string;
      status: 'error' | 'cancelled' | 'interrupted';
      code: ErrorCode;
      detail?: string;
      partialText: string;
    };

export const runPortRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('subscribe'), runId: z.string().min(1).max(100) }),
  z.strictObject({ type: z.literal('unsubscribe'), runId: z.string().min(1).max(100) }),
]);
export type RunPortRequest = z.infer<typeof runPortRequestSchema>;

/** Where frames come from (the LLM service). `subscribe` sends the current state first. */
export interface RunFrameSource {
  subscribe(runId: string, send: (frame: RunFrame) => void): Promise<() => void> | (() => void);
}

/** The slice of `Runtime.Port` used here, so tests can pass a fake. */
export interface PortLike {
  name: string;
  sender?: SenderLike;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

export interface PortRuntime {
  id: string;
  getURL(path: string): string;
  onConnect: { addListener(cb: (port: PortLike) => void): void };
}

/** Serves the run port. Call synchronously at worker start. */
export function registerRunPort(source: RunFrameSource, runtime: PortRuntime = browser.runtime as unknown as PortRuntime): void {
  const extensionOrigin = originOf(runtime.getURL('/')) ?? runtime.getURL('/');
  runtime.onConnect.addListener((port) => {
    if (port.name !== RUN_PORT_NAME) return;
    if (classifySender(port.sender, runtime.id, extensionOrigin).kind !== 'page') {
      log.warn('refused a run port from a sender that is not an extension page');
      port.disconnect();
      return;
    }
    const subscriptions = new Map<string, Promise<() => void>>();
    let open = true;
    const send = (frame: RunFrame) => {
      if (!open) return;
      try {
        port.postMessage(frame);
      } catch {
        open = false;
      }
    };
    port.onDisconnect.addListener(() => {
      open = false;
      for (const unsubscribe of subscriptions.values()) void unsubscribe.then((u) => u());
      subscriptions.clear();
    });
    port.onMessage.addListener((message) => {
      const parsed = runPortRequestSchema.safeParse(message);
      if (!parsed.success) {
        log.warn('ignored a malformed run port message');
        return;
      }
      const { type, runId } = parsed.data;
      if (type === 'unsubscribe') {
        void subscriptions.get(runId)?.then((u) => u());
        subscriptions.delete(runId);
        return;
      }
      if (subscriptions.has(runId)) return;
      subscriptions.set(
        runId,
        Promise.resolve(source.subscribe(runId, send)).catch(() => {
          send({ type: 'error', runId, status: 'error', code: 'internal', partialText: '' });
          return () => {};
        }),
      );
    });
  });
}

/**
 * Page side: follows one run and calls `onFrame` for each frame until `done` or `error`.
 * Returns a function that stops following (the run itself goes on). `onLost` is called when the port
 * drops before the run's last frame (the worker was stopped): follow again to learn how it ended.
 */
export function followRun(
  runId: string,
  onFrame: (frame: RunFrame) => void,
  connect: (info: { name: string }) => PortLike = (info) => browser.runtime.connect(info) as unknown as PortLike,
  onLost?: () => void,
): () => void {
  const port = connect({ name: RUN_PORT_NAME });
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    port.disconnect();
  };
  port.onMessage.addListener((message) => {
    const frame = message as RunFrame;
    if (closed || frame?.runId !== runId) return;
    onFrame(frame);
    if (frame.type === 'done' || frame.type === 'error') close();
  });
  port.onDisconnect.addListener(() => {
    if (closed) return;
    closed = true;
    onLost?.();
  });
  port.postMessage({ type: 'subscribe', runId } satisfies RunPortRequest);
  return close;
}
