import { describe, expect, it } from 'vitest';
import type { JobRow } from '../db/schema';
import { isJobStatus, isUnusualMove, statuses, withStatus } from './statuses';

describe('statuses', () => {
  it('lists the ten statuses in board order', () => {
    expect(statuses).toEqual(['saved', 'interested', 'cv_tailored', 'applied', 'interview', 'offer', 'rejected', 'declined', 'ghosted', 'archived']);
    expect(isJobStatus('applied')).toBe(true);
    expect(isJobStatus('hired')).toBe(false);
  });

  it.each([
    ['offer', 'saved', true],
    ['interview', 'interested', true],
    ['applied', 'cv_tailored', true],
    ['rejected', 'interested', true],
    ['rejected', 'offer', true],
    ['saved', 'applied', false],
    ['applied', 'interview', false],
    ['interview', 'rejected', false],
    ['interested', 'saved', false],
    ['archived', 'saved', false],
    ['offer', 'archived', false],
    ['ghosted', 'interview', false],
  ] as const)('%s → %s unusual: %s', (from, to, unusual) => {
    expect(isUnusualMove(from, to)).toBe(unusual);
  });

  it('withStatus appends history and keeps the first appliedAt', () => {
    const job: JobRow = { id: 'j', url: 'u', title: 't', company: 'c', status: 'saved', tags: [], createdAt: 1, updatedAt: 1, history: [{ at: 1, to: 'saved' }] };
    const applied = withStatus(job, 'applied', 5);
    expect(applied).toMatchObject({ status: 'applied', appliedAt: 5, updatedAt: 5 });
    const again = withStatus(withStatus(applied, 'saved', 6), 'applied', 7);
    expect(again.appliedAt).toBe(5);
    expect(again.history.map((h) => h.to)).toEqual(['saved', 'applied', 'saved', 'applied']);
    expect(withStatus(job, 'saved', 9)).toBe(job);
  });
});
