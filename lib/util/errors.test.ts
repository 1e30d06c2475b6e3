import { describe, expect, it } from 'vitest';
import { AppError, errorCodes, isContextInvalidated, isErrorCode, isQuotaError, toAppError } from './errors';

function named(name: string, message = name): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('isQuotaError', () => {
  it.each([
    ['a direct QuotaExceededError', named('QuotaExceededError'), true],
    ['a DOMException QuotaExceededError', new DOMException('full', 'QuotaExceededError'), true],
    ['an AbortError wrapping one (Dexie)', Object.assign(named('AbortError'), { inner: named('QuotaExceededError') }), true],
    ['an AbortError wrapping something else', Object.assign(named('AbortError'), { inner: named('ConstraintError') }), false],
    ['a plain Error', new Error('QuotaExceededError in the message only'), false],
    ['undefined', undefined, false],
    ['null', null, false],
    ['a string', 'QuotaExceededError', false],
  ])('%s → %s', (_label, error, expected) => {
    expect(isQuotaError(error)).toBe(expected);
  });
});

describe('toAppError', () => {
  it('returns an AppError unchanged', () => {
    const original = new AppError('no_tab', 'x');
    expect(toAppError(original)).toBe(original);
  });

  it('maps quota errors (direct and inner) to storage_full', () => {
    expect(toAppError(named('QuotaExceededError')).code).toBe('storage_full');
    expect(toAppError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } }).code).toBe('storage_full');
  });

  it('maps anything else to internal without carrying the original message', () => {
    const mapped = toAppError(new Error('secret sk-or-v1-abcdef'));
    expect(mapped.code).toBe('internal');
    expect(mapped.detail).toBeUndefined();
    expect(mapped.message).toBe('internal');
    expect(toAppError('boom').code).toBe('internal');
    expect(toAppError(undefined).code).toBe('internal');
  });
});

describe('AppError', () => {
  it('carries code and detail in its message and name', () => {
    const error = new AppError('needs_permission', 'https://example.com');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AppError');
    expect(error.message).toBe('needs_permission: https://example.com');
    expect(new AppError('no_key').message).toBe('no_key');
  });
});

describe('isErrorCode', () => {
  it('accepts every declared code and nothing else', () => {
    for (const code of errorCodes) expect(isErrorCode(code)).toBe(true);
    expect(isErrorCode('nope')).toBe(false);
    expect(isErrorCode(undefined)).toBe(false);
    expect(isErrorCode({ code: 'internal' })).toBe(false);
  });
});

describe('isContextInvalidated', () => {
  it.each([
    [new Error('Extension context invalidated.'), true],
    [new Error('Uncaught Error: extension context invalidated'), true],
    [new Error('Could not establish connection'), false],
    ['Extension context invalidated.', false],
    [undefined, false],
  ])('%s → %s', (error, expected) => {
    expect(isContextInvalidated(error)).toBe(expected);
  });
});
