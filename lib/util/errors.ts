/**
 * Every failure the UI can explain has a code; the UI maps codes to translated messages.
 * Handlers throw AppError; the messaging layer carries only `{ code, detail }` across contexts.
 */
export const errorCodes = [
  'unknown_message',
  'forbidden_sender',
  'invalid_payload',
  'internal',
  'no_tab',
  'restricted_page',
  'needs_permission',
  'capture_failed',
  'not_a_job_posting',
  'captcha',
  'login_required',
  'empty_page',
  'no_key',
  'key_invalid',
  'key_check_failed',
  'invalid_key_format',
  'storage_full',
  'db_newer',
  'cv_too_large',
  'cv_unsupported_type',
  'cv_encrypted',
  'cv_corrupt',
  'cv_empty',
  'cv_image_only',
  // LLM calls (lib/llm): one code per failure the user can act on differently.
  'bad_request',
  'context_too_long',
  'no_credit',
  'blocked_by_moderation',
  'model_unavailable',
  'privacy_restricted',
  'request_too_large',
  'rate_limited',
  'provider_error',
  'provider_timeout',
  'network_error',
  'provider_unavailable',
  'stream_stalled',
  'stream_error',
  'stream_truncated',
  'output_too_long',
  'content_filtered',
  'bad_response',
  'run_cancelled',
  'spending_cap',
  'invalid_output',
  'run_not_found',
  'no_model',
  'run_interrupted',
  // Offline match (lib/match): keyword chips and the facts that back them.
  'fact_required',
  'fact_too_long',
  'keyword_invalid',
  'cv_unreadable',
  // Connect OpenRouter (OAuth PKCE).
  'oauth_cancelled',
  'oauth_failed',
  // Postings from a file or pasted text (lib/capture/file.ts).
  'posting_file_type',
  'posting_file_too_large',
  'posting_file_unreadable',
  'posting_file_no_text',
  'pdf_document',
  // Backup import (lib/tracker/backup-file.ts): the file is refused before anything is written.
  'import_unreadable',
  'import_not_backup',
  'import_newer',
  'import_too_large',
  'import_invalid',
  'import_duplicate_ids',
  'import_unsafe',
  // CV export (lib/cv/export).
  'cv_export_unsupported_chars',
  'cv_export_failed',
  // CV import: a JSON Resume with prototype keys (__proto__, constructor).
  'cv_unsafe',
  // AI features in the Job view (tailored CV, cover letter).
  'job_choice_needed',
  'letter_empty',
  // Capture from an address typed in the panel.
  'url_invalid',
  'url_permission_denied',
  'url_timeout',
  'url_redirected',
  'url_unreachable',
  // Firefox's built-in data consent for AI calls (lib/util/data-consent.ts): refused or withdrawn.
  'data_consent_refused',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    /** Non-sensitive detail safe to show (an origin, a status code); never a key or profile value. */
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isQuotaError(error)) return new AppError('storage_full');
  return new AppError('internal');
}

/** Dexie reports quota problems directly or as the inner error of an AbortError. */
export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: string; inner?: { name?: string } } | undefined;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
}

/** After an extension reload, old content scripts keep running with a dead runtime. */
export function isContextInvalidated(error: unknown): boolean {
  return error instanceof Error && /Extension context invalidated/i.test(error.message);
}
