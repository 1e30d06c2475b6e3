import { describe, expect, it } from 'vitest';
import { jobHash, jobIdFromHash } from './links';

describe('tracker links', () => {
  it('round-trips a job id, including characters a URL must escape', () => {
    for (const id of ['job-1', 'a b/c?d&e=f', 'é#1']) expect(jobIdFromHash(jobHash(id))).toBe(id);
  });

  it('reads no job from other views, a bare tracker hash or an empty id', () => {
    for (const hash of ['', '#/job', '#/cv?job=x', '#/tracker', '#/tracker?job=', '#/tracker?job=%20', '#/trackers?job=x'])
      expect(jobIdFromHash(hash)).toBeUndefined();
  });
});
