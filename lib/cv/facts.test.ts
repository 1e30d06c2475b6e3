import { describe, expect, it } from 'vitest';
import { factProblem, readFacts } from './facts';

describe('facts', () => {
  it('asks for a short fact: 10 to 280 characters after trimming', () => {
    expect(factProblem('   used Go  ')).toBe('fact_required');
    expect(factProblem('Used Kubernetes at Acme for 2 years')).toBeUndefined();
    expect(factProblem('x'.repeat(281))).toBe('fact_too_long');
  });

  it('keeps only stored facts that parse', () => {
    const ok = { id: 'f1', skill: 'Kafka', text: 'Ran Kafka at Initech', source: 'user', createdAt: 1 };
    expect(readFacts([ok, { ...ok, id: 'f2', source: 'cv' }, { id: 'f3' }, 'text'])).toEqual([ok]);
    expect(readFacts(undefined)).toEqual([]);
  });
});
