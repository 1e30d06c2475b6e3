import { describe, expect, it } from 'vitest';
import { createBaseline, parseSkillSpan, scoreSpans } from './skillspan';

const line = (tokens: string[], tags: string[]) => JSON.stringify({ idx: 1, tokens, tags_skill: tags.map(() => 'O'), tags_knowledge: tags, source: 'tech' });

describe('parseSkillSpan', () => {
  it('joins tokens with single spaces and turns BIO tags into character spans', () => {
    const [rec] = parseSkillSpan(line(['Know', 'Spring', 'Boot', 'and', 'Java', '.'], ['O', 'B', 'I', 'O', 'B', 'O']));
    expect(rec!.text).toBe('Know Spring Boot and Java .');
    expect(rec!.gold.map((g) => rec!.text.slice(g.start, g.end))).toEqual(['Spring Boot', 'Java']);
  });
});

describe('scoreSpans', () => {
  it('scores loose overlap and strict equality', () => {
    const records = [{ text: 'Spring Boot and Java', gold: [{ start: 0, end: 11 }, { start: 16, end: 20 }], source: '' }];
    const s = scoreSpans(records, [[{ start: 0, end: 6 }, { start: 16, end: 20 }, { start: 12, end: 15 }]]);
    expect([s.precision, s.recall, s.strictPrecision, s.strictRecall]).toEqual([2 / 3, 1, 1 / 3, 1 / 2]);
    expect(s.f1).toBeCloseTo(0.8);
  });
});

describe('createBaseline', () => {
  it('looks labels up as whole token sequences, longest first, case-insensitively', () => {
    const esco = 'preferredLabel,altLabels,skillType\nmachine learning,ML,knowledge\nlearning,,knowledge\n';
    const onet = 'O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand\n1\tPython\t1\tx\tN\tN\n';
    const find = createBaseline(esco, onet);
    const text = 'Machine Learning in python ( learning )';
    expect(find(text).map((s) => text.slice(s.start, s.end))).toEqual(['Machine Learning', 'python', 'learning']);
  });
});
