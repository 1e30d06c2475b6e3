import type { ErrorCode } from '../util/errors';

/** Wire format of every runtime message Jobfit sends. Kept free of zod so content scripts can use it. */
export const ENVELOPE_TAG = 'jobfit/1';

export interface Envelope {
  tag: typeof ENVELOPE_TAG;
  type: string;
  data: unknown;
}

export type Reply<T = unknown> =
  | { ok: true; value: T }
  | { ok: false; error: { code: ErrorCode; detail?: string } };

export function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as Envelope).tag === ENVELOPE_TAG &&
    typeof (message as Envelope).type === 'string'
  );
}
