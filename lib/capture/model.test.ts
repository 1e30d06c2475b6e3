import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from './fixtures/load';
import { readPage } from '.';
import { captureResultSchema, jobPostingSchema, modelMatchesTypes } from './model';
import type { JobPosting } from './types';

const minimal: JobPosting = { title: 'Engineer', titleNormalized: 'engineer', url: 'https://jobs.example.com/1', source: 'json-ld' };

describe('jobPostingSchema', () => {
  it('describes the same shape as the plain types (checked at compile time)', () => {
    expect(modelMatchesTypes).toEqual([true, true]);
  });

  it('accepts what readPage returns for every hand-made fixture', () => {
    const files = readdirSync(new URL('./fixtures/', import.meta.url)).filter((f) => f.endsWith('.html'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) {
      const result = readPage(fixture(file));
      const parsed = captureResultSchema.safeParse(result);
      expect(parsed.success, `${file}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it.each([
    ['json-ld', true],
    ['readability', true],
    ['adapter:linkedin', true],
    ['adapter:', false],
    ['adapter:Linked In', false],
    ['page', false],
  ])('source %j → %s', (source, ok) => {
    expect(jobPostingSchema.safeParse({ ...minimal, source }).success).toBe(ok);
  });

  it.each([
    ['a date', '2024-09-24', true],
    ['a UTC date-time', '2024-06-11T13:47:28.000Z', true],
    ['an offset date-time', '2024-06-11T13:47:28+02:00', true],
    ['a local date-time', '2024-06-11T13:47:28', true],
    ['words', 'yesterday', false],
  ])('datePosted as %s', (_label, datePosted, ok) => {
    expect(jobPostingSchema.safeParse({ ...minimal, datePosted }).success).toBe(ok);
  });

  it.each([
    ['an empty title', { title: '' }],
    ['a javascript: url', { url: 'javascript:alert(1)' }],
    ['a lowercase currency', { salary: { currency: 'eur' } }],
    ['a negative salary', { salary: { min: -1 } }],
    ['an unknown workplace', { workplace: 'moon' }],
    ['too many section items', { sections: { requirements: Array.from({ length: 101 }, () => 'x') } }],
    ['a 201 kB description', { description: 'x'.repeat(200_001) }],
  ])('rejects %s', (_label, patch) => {
    expect(jobPostingSchema.safeParse({ ...minimal, ...patch }).success).toBe(false);
  });

  it('accepts the typed capture errors and nothing else', () => {
    for (const code of ['not_a_job_posting', 'captcha', 'login_required', 'empty_page']) {
      expect(captureResultSchema.safeParse({ ok: false, error: { code } }).success).toBe(true);
    }
    expect(captureResultSchema.safeParse({ ok: false, error: { code: 'no_key' } }).success).toBe(false);
  });
});
