import { beforeAll, describe, expect, it } from 'vitest';
import { getSkillExtractor, type SkillExtractor } from './extract-skills';
import { confirmedKeywords, createKeywordFinder, emptyChoices, keywordChips, readChoices, type KeywordChoices } from './keywords';
import { createMatchReport, type MatchCv } from './report';
import type { MatchPosting } from './types';

let extractor: SkillExtractor;
beforeAll(async () => {
  extractor = await getSkillExtractor();
});

const now = new Date('2026-06-15T12:00:00Z');
const cv: MatchCv = {
  lines: [
    { id: 'L1', text: 'Sam Lee — Backend Engineer' },
    { id: 'L2', text: 'Acme, Jan 2020 – Present: services in Go and PostgreSQL, dashboards in React' },
    { id: 'L3', text: 'Built our Salesforce CPQ integration' },
  ],
};
const posting: MatchPosting = {
  title: 'Backend Engineer',
  description: 'Requirements\n• Go and PostgreSQL\n• Kafka\n\nNice to have\n• React Native',
};

function chipsFor(choices: KeywordChoices, facts: { id: string; skill: string; text: string }[] = []) {
  const report = createMatchReport(posting, cv, extractor, { now, removed: choices.removed, facts });
  return { report, chips: keywordChips(report, choices, createKeywordFinder(cv.lines, extractor, facts)) };
}

describe('keywordChips', () => {
  it('suggests every requirement; only skills the CV itself shows carry support', () => {
    const { chips } = chipsFor(emptyChoices());
    const byKeyword = Object.fromEntries(chips.map((c) => [c.keyword, c]));
    expect(chips.map((c) => [c.keyword, c.state, c.origin])).toEqual([
      ['Go', 'suggested', 'posting'],
      ['PostgreSQL', 'suggested', 'posting'],
      ['Kafka', 'suggested', 'posting'],
      ['React Native', 'suggested', 'posting'],
    ]);
    expect(byKeyword.Go!.support).toMatchObject({ lineId: 'L2' });
    expect(byKeyword.Kafka!.support).toBeUndefined();
    // React is only related to React Native: not proof of it.
    expect(byKeyword['React Native']!.support).toBeUndefined();
  });

  it('shows removed keywords as removed, and user keywords after the posting’s', () => {
    const choices: KeywordChoices = { confirmed: [{ keyword: 'Go', proof: { lineId: 'L2' }, at: 1 }], removed: ['Kafka'], added: ['salesforce cpq', 'Rust'] };
    const { chips, report } = chipsFor(choices);
    expect(report.requirements.map((r) => r.canonical)).not.toContain('Kafka');
    expect(chips.map((c) => [c.keyword, c.state, c.origin])).toEqual([
      ['Go', 'confirmed', 'posting'],
      ['PostgreSQL', 'suggested', 'posting'],
      ['React Native', 'suggested', 'posting'],
      ['Kafka', 'removed', 'posting'],
      ['salesforce cpq', 'suggested', 'user'],
      ['Rust', 'suggested', 'user'],
    ]);
    const own = chips.find((c) => c.keyword === 'salesforce cpq')!;
    expect(own.support).toMatchObject({ lineId: 'L3' });
    expect(own.support!.text.slice(own.support!.start, own.support!.end)).toBe('Salesforce CPQ');
    expect(chips.find((c) => c.keyword === 'Rust')!.support).toBeUndefined();
  });

  it('a fact backs the chip and the requirement, marked as the user’s words', () => {
    const facts = [{ id: 'f1', skill: 'Kafka', text: 'Ran Kafka at Initech for 2 years' }];
    const { chips, report } = chipsFor({ ...emptyChoices(), confirmed: [{ keyword: 'Kafka', proof: { factId: 'f1' }, at: 1 }] }, facts);
    expect(report.requirements.find((r) => r.canonical === 'Kafka')).toMatchObject({ status: 'matched', evidence: { userProvided: true, lineId: 'f1' } });
    expect(chips.find((c) => c.keyword === 'Kafka')).toMatchObject({ state: 'confirmed', support: { userProvided: true } });
  });
});

describe('confirmedKeywords', () => {
  it('returns confirmed keywords with proof that still exists, never removed ones', () => {
    const choices: KeywordChoices = {
      confirmed: [
        { keyword: 'Go', proof: { lineId: 'L2' }, at: 1 },
        { keyword: 'Kafka', proof: { factId: 'f1' }, at: 2 },
        { keyword: 'Rust', proof: { factId: 'gone' }, at: 3 },
        { keyword: 'Java', proof: { lineId: 'L99' }, at: 4 },
        { keyword: 'PostgreSQL', proof: { lineId: 'L2' }, at: 5 },
      ],
      removed: ['postgresql'],
      added: [],
    };
    expect(confirmedKeywords(choices, cv.lines, [{ id: 'f1', skill: 'Kafka', text: 'Ran Kafka at Initech' }])).toEqual([
      { keyword: 'Go', evidence: { kind: 'cv', lineId: 'L2', text: cv.lines[1]!.text } },
      { keyword: 'Kafka', evidence: { kind: 'fact', factId: 'f1', text: 'Ran Kafka at Initech' } },
    ]);
  });

  it('reads stored choices defensively', () => {
    expect(readChoices(undefined)).toEqual(emptyChoices());
    expect(readChoices({ confirmed: [{ keyword: 'Go' }], removed: [], added: [] })).toEqual(emptyChoices());
  });
});
