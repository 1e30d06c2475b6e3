import { describe, expect, it } from 'vitest';
import { handMadeFacts } from './fixtures/hand-made';
import { answerGuided, guidedProgress, newFacts, skipGuided, startGuided } from './guided';

const questions = [
  { gap: 'Terraform', question: 'Where have you used Terraform?', skill: 'Terraform' },
  { gap: 'Flink', question: 'Have you run stream processing jobs?', skill: null },
  { gap: 'Rust', question: 'Have you written Rust?', skill: 'Rust' },
];

describe('guided questions', () => {
  it('goes one question at a time with progress; answers become facts after the existing ones, skips do not', () => {
    let s = startGuided(questions, handMadeFacts);
    expect(guidedProgress(s)).toEqual({ step: 1, total: 3, done: false, answered: 0 });
    s = answerGuided(s, ' I wrote Terraform modules for staging. ');
    expect(guidedProgress(s)).toEqual({ step: 2, total: 3, done: false, answered: 1 });
    s = skipGuided(s);
    s = answerGuided(s, '   ');
    expect(guidedProgress(s)).toEqual({ step: 3, total: 3, done: true, answered: 1 });
    expect(s.outcomes).toEqual([{ id: 'f3', text: 'I wrote Terraform modules for staging.', skill: 'Terraform' }, 'skipped', 'skipped']);
    expect(newFacts(s)).toEqual([{ id: 'f3', text: 'I wrote Terraform modules for staging.', skill: 'Terraform' }]);
    expect(s.facts.map((f) => f.id)).toEqual(['f1', 'f2', 'f3']);
    // Once done, further input changes nothing.
    expect(answerGuided(s, 'late')).toBe(s);
    expect(skipGuided(s)).toBe(s);
  });
});
