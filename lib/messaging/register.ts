import { browser } from 'wxt/browser';
import type { z } from 'zod';
import { AppError, toAppError } from '../util/errors';
import { createLogger } from '../util/logger';
import { isEnvelope, type Reply } from './envelope';
import type { BackgroundProtocol } from './protocol';
import { backgroundSchemas, backgroundSenders } from './schemas';
import { classifySender, originOf, type SenderClass, type SenderInfo, type SenderLike } from './sender';

const log = createLogger('messaging');


export type Handlers<P extends { [K in keyof P]: (data: never) => unknown }> = {
  [K in keyof P]: (data: Parameters<P[K]>[0], sender: SenderInfo) => Promise<Awaited<ReturnType<P[K]>>> | Awaited<ReturnType<P[K]>>;
};

export interface ReceiverSpec<P extends { [K in keyof P]: (data: never) => unknown }> {
  schemas: { [K in keyof P]: z.ZodType };
  senders: { [K in keyof P]: readonly SenderClass[] };
  handlers: Handlers<P>;
  runtimeId: string;
  extensionOrigin: string;
}

/**
 * Builds the receiver: classify sender -> check allowlist -> parse payload -> call handler.
 * Every failure becomes a coded error reply; nothing unchecked reaches a handler.
 */
export function createReceiver<P extends { [K in keyof P]: (data: never) => unknown }>(spec: ReceiverSpec<P>) {
  return async function receive(message: unknown, rawSender: SenderLike | undefined): Promise<Reply> {
    try {
      if (!isEnvelope(message) || !Object.hasOwn(spec.handlers, message.type)) {
        throw new AppError('unknown_message');
      }
      const type = message.type as keyof P & string;
      const sender = classifySender(rawSender, spec.runtimeId, spec.extensionOrigin);
      if (!spec.senders[type].includes(sender.kind)) {
        log.warn(`rejected ${type} from a ${sender.kind} sender`);
        throw new AppError('forbidden_sender', type);
      }
      const parsed = spec.schemas[type].safeParse(message.data);
      if (!parsed.success) throw new AppError('invalid_payload', type);
      const value = await spec.handlers[type](parsed.data as never, sender);
      return { ok: true, value };
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'internal') log.error('handler failed', error);
      return { ok: false, error: { code: appError.code, ...(appError.detail ? { detail: appError.detail } : {}) } };
    }
  };
}

type Listener = (message: unknown, sender: SenderLike, sendResponse?: (reply: Reply) => void) => true | Promise<Reply>;

/**
 * Adapts a receiver to `runtime.onMessage`. Chrome needs `sendResponse` + `return true`;
 * environments that pass no `sendResponse` get the promise.
 */
export function toRuntimeListener(receive: ReturnType<typeof createReceiver>): Listener {
  return (message, sender, sendResponse) => {
    const reply = receive(message, sender);
    if (typeof sendResponse === 'function') {
      void reply.then(sendResponse);
      return true;
    }
    return reply;
  };
}

/** Wires the background receiver to `runtime.onMessage`. Call synchronously at worker start. */
export function registerBackgroundHandlers(
  handlers: Handlers<BackgroundProtocol>,
  runtime: Pick<typeof browser.runtime, 'onMessage' | 'id' | 'getURL'> = browser.runtime,
): ReturnType<typeof createReceiver<BackgroundProtocol>> {
  const receive = createReceiver<BackgroundProtocol>({
    schemas: backgroundSchemas,
    senders: backgroundSenders,
    handlers,
    runtimeId: runtime.id,
    // Not `URL.origin`: it is "null" for extension schemes in some engines, which would refuse every page.
    extensionOrigin: originOf(runtime.getURL('/')) ?? runtime.getURL('/'),
  });
  runtime.onMessage.addListener(toRuntimeListener(receive) as Parameters<typeof runtime.onMessage.addListener>[0]);
  return receive;
}
