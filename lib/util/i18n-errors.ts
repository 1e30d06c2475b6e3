import { i18n } from '#i18n';
import { AppError, type ErrorCode } from './errors';

/** Codes whose sentence lives in a feature's own locale section instead of `errors:`. */
const sectioned = {
  data_consent_refused: 'ffpriv.dataConsentRefused',
} as const satisfies Partial<Record<ErrorCode, string>>;

type SectionedCode = keyof typeof sectioned;
const isSectioned = (code: ErrorCode): code is SectionedCode => code in sectioned;

/** The translated sentence for an error code: what happened and what to do. */
export function errorMessage(code: ErrorCode): string {
  return isSectioned(code) ? i18n.t(sectioned[code]) : i18n.t(`errors.${code}`);
}

export function messageFor(error: unknown): string {
  return errorMessage(error instanceof AppError ? error.code : 'internal');
}
