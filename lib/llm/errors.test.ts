import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../util/errors';
import { llmErrorCodes } from './errors';

/** `errors:` entries of a locale file (two-space keys under the top-level `errors:` block). */
function errorMessages(locale: string): Map<string, string> {
  const text = readFileSync(new URL(`../../locales/${locale}.yml`, import.meta.url), 'utf8');
  const block = text.split(/^errors:\n/m)[1]?.split(/^\S/m)[0] ?? '';
  const out = new Map<string, string>();
  for (const line of block.split('\n')) {
    const m = /^ {2}([a-z_]+): (.*)$/.exec(line);
    if (m) out.set(m[1]!, m[2]!.replace(/^"(.*)"$/, '$1'));
  }
  return out;
}

describe('LLM error codes', () => {
  it('are declared AppError codes', () => {
    for (const code of llmErrorCodes) expect(errorCodes).toContain(code);
  });

  it.each(['en', 'es', 'fr'])('each has a specific message in %s', (locale) => {
    const messages = errorMessages(locale);
    for (const code of llmErrorCodes) {
      expect(messages.get(code), `${locale}: ${code}`).toBeTruthy();
      expect(messages.get(code)!.length, `${locale}: ${code}`).toBeGreaterThan(20);
    }
    expect(new Set(llmErrorCodes.map((c) => messages.get(c))).size).toBe(llmErrorCodes.length);
  });

  it('402 says what to do', () => {
    expect(errorMessages('en').get('no_credit')).toBe('OpenRouter says the key has no credit left (402). Add credit or switch to a free model.');
  });
});
