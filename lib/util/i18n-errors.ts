import { i18n } from '#i18n';
import { AppError, type ErrorCode } from './errors';

/** The translated sentence for an error code: what happened and what to do. */
export function errorMessage(code: ErrorCode): string {
  return i18n.t(`errors.${code}`);
}

export function messageFor(error: unknown): string {
  return errorMessage(error instanceof AppError ? error.code : 'internal');
}
