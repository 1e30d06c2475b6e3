import type { JobPosting } from './types';
import type { ErrorCode } from '../util/errors';

/** What the panel shows for a tab: kept in `storage.session` by the worker, keyed by tab id. */
export type CaptureState =
  | { status: 'capturing'; tabId: number; url?: string; updatedAt: number }
  | { status: 'ready'; tabId: number; url: string; posting: JobPosting; updatedAt: number }
  | { status: 'error'; tabId: number; url?: string; error: { code: ErrorCode; detail?: string }; updatedAt: number };
