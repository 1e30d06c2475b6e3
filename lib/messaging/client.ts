import { browser } from 'wxt/browser';
import { AppError, isErrorCode } from '../util/errors';
import { ENVELOPE_TAG, type Envelope, type Reply } from './envelope';
import type { BackgroundMessage, PayloadOf, ResultOf } from './protocol';

/** Sends a typed message to the background and unwraps its reply; failures throw AppError with the code. */
export async function sendToBackground<K extends BackgroundMessage>(type: K, data: PayloadOf<K>): Promise<ResultOf<K>> {
  const envelope: Envelope = { tag: ENVELOPE_TAG, type, data };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<ResultOf<K>> | undefined;
  if (!reply || typeof reply !== 'object') throw new AppError('internal', 'no reply');
  if (reply.ok) return reply.value;
  throw new AppError(isErrorCode(reply.error?.code) ? reply.error.code : 'internal', reply.error?.detail);
}

/**
 * The worker was stopped while it handled the message (Chrome closes the channel without a reply). What
 * the message was doing is then reported by the next worker, not by this reply.
 */
export function isWorkerGone(error: unknown): boolean {
  return error instanceof Error && /(message port|message channel) closed before a response/i.test(error.message);
}
