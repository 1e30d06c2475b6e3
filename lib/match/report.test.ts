import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { JobPosting } from '../capture/types';
import type { CvLine } from '../cv/model';
import { atsChecks } from './ats';
import { dateRanges, unionMonths } from './dates';
import { getSkillExtractor, type SkillExtractor } from './extract-skills';
import { createMatchReport, type MatchCv, SCORE_WEIGHTS, seniorityOf, titleSimilarity } from './report';
import type { MatchCvLine, MatchPosting } from './types';

const now = new Date('2026-06-15T12:00:00Z');
let extractor: SkillExtractor;
beforeAll(async () => {
  extractor = await getSkillExtractor();
});

const cvOf = (text: string): MatchCv => ({ lines: text.split('\n').map((t, i) => ({ id: `L${i + 1}`, text: t })) });

const jane = cvOf(`Jane Q. Public
Senior Backend Engineer
jane.public@example.com | +1 (415) 555-0199 | Berlin, Germany | linkedin.com/in/janepublic

SUMMARY
Backend engineer building payment systems in Go and Python.

EXPERIENCE
Senior Backend Engineer
Acme Payments GmbH, Berlin        Mar 2021 – Present
- Built a ledger service in Go handling 5M transactions a day on PostgreSQL.
- Led the migration to Kubernetes and Terraform; mentoring two engineers.
Software Engineer, Globex Corporation — Jan 2019 – Feb 2021
- Wrote the billing API in Python and Go with Docker.
- Introduced React dashboards for finance teams.

EDUCATION
Technische Universität München
M.Sc. in Informatics, 2016 – 2018

SKILLS
Languages: Go, Python, SQL
Tools: Docker, Kubernetes, Terraform, Git

LANGUAGES
English (Fluent), German (C1)`);

const posting: MatchPosting = {
  title: 'Senior Backend Engineer (m/f/d)',
  description: `We are a fintech building payments infrastructure.

Requirements
• 5+ years of experience with Go
• PostgreSQL and Kafka in production
• Kubernetes and AWS
• Bachelor's degree in Computer Science or similar
• Strong communication skills and teamwork
• Fluent English

Nice to have
• React Native
• Rust
• Experience with Terraform

Benefits
• Free English classes`,
};

describe('createMatchReport', () => {
  it('lists requirements with importance, status and the CV line as evidence', () => {
    const report = createMatchReport(posting, jane, extractor, { now });
    const reqs = Object.fromEntries(report.requirements.map((r) => [r.canonical, r]));
    expect(reqs.Go).toMatchObject({ importance: 'must', status: 'matched', yearsAsked: 5, yearsFound: 7.5 });
    expect(reqs.Go!.evidence).toMatchObject({ lineId: 'L6' });
    expect(reqs.Go!.evidence!.text.slice(reqs.Go!.evidence!.start, reqs.Go!.evidence!.end)).toBe('Go');
    expect(reqs.PostgreSQL).toMatchObject({ importance: 'must', status: 'matched', evidence: { lineId: 'L11' } });
    expect(reqs.Kafka).toMatchObject({ importance: 'must', status: 'missing' });
    expect(reqs['Amazon Web Services']).toMatchObject({ status: 'missing' });
    expect(reqs['React Native']).toMatchObject({ importance: 'nice', status: 'partial', reason: 'related', related: 'React' });
    expect(reqs.Terraform).toMatchObject({ importance: 'nice', status: 'matched' });
    expect(reqs.English).toMatchObject({ importance: 'must', status: 'matched' });
    expect(reqs.Kafka!.asked.text).toBe('PostgreSQL and Kafka in production');
    // The benefits section describes the employer: "English classes" is not a requirement twice over.
    expect(report.requirements.filter((r) => r.canonical === 'English')).toHaveLength(1);
  });

  it('lists missing keywords, must-haves first', () => {
    const report = createMatchReport(posting, jane, extractor, { now });
    expect(report.missingKeywords.map((k) => [k.canonical, k.importance])).toEqual([
      ['Kafka', 'must'],
      ['Amazon Web Services', 'must'],
      ['Rust', 'nice'],
    ]);
  });

  it('compares title, seniority, years and education', () => {
    const report = createMatchReport(posting, jane, extractor, { now });
    expect(report.title).toMatchObject({ similarity: 1, evidence: { lineId: 'L2' } });
    expect(report.seniority).toEqual({ asked: 'senior', yearsAsked: 5, yearsFound: 7.5, value: 1 });
    expect(report.education).toMatchObject({ asked: 'bachelor', found: 'master', value: 1, evidence: { lineId: 'L19' } });
    expect(report.coverage.soft).toMatchObject({ asked: 2, matched: 0 });
  });

  it('scores 0–100 from documented weights that add up to 100', () => {
    expect(Object.values(SCORE_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    const report = createMatchReport(posting, jane, extractor, { now });
    expect(report.score).toBeGreaterThan(50);
    expect(report.score).toBeLessThan(90);
    expect(report.components.reduce((n, c) => n + c.points, 0)).toBeCloseTo(report.score, 0);
    const empty = createMatchReport(posting, cvOf('Nothing to see here'), extractor, { now });
    expect(empty.score).toBeLessThan(15);
  });

  it('leaves out components the posting gives nothing to compare against', () => {
    const report = createMatchReport({ title: 'Backend Engineer', description: 'Go and Kubernetes.' }, jane, extractor, { now });
    const byId = Object.fromEntries(report.components.map((c) => [c.id, c]));
    expect(byId.education!.value).toBeUndefined();
    expect(byId.nice!.value).toBeUndefined();
    expect(byId.must!.value).toBe(1);
  });

  it('takes importance from the posting’s own section lists', () => {
    const report = createMatchReport(
      { title: 'Dev', description: 'We use Go and Rust.', sections: { requirements: ['Go'], niceToHave: ['Rust'] } },
      jane,
      extractor,
      { now },
    );
    expect(report.requirements.map((r) => [r.canonical, r.importance])).toEqual([
      ['Go', 'must'],
      ['Rust', 'nice'],
    ]);
  });

  it('accepts the capture and CV models as they are', () => {
    expectTypeOf<JobPosting>().toExtend<MatchPosting>();
    expectTypeOf<CvLine>().toExtend<MatchCvLine>();
  });

});

describe('user choices: removed keywords and facts', () => {
  it('leaves removed keywords out of the requirements, the missing keywords and the score', () => {
    const before = createMatchReport(posting, jane, extractor, { now });
    const after = createMatchReport(posting, jane, extractor, { now, removed: ['kafka', 'Amazon Web Services'] });
    expect(after.requirements.map((r) => r.canonical)).not.toContain('Kafka');
    expect(after.missingKeywords.map((k) => k.canonical)).toEqual(['Rust']);
    expect(after.removed).toEqual([
      { canonical: 'Kafka', kind: 'technology', importance: 'must' },
      { canonical: 'Amazon Web Services', kind: 'technology', importance: 'must' },
    ]);
    const must = (r: typeof before) => r.components.find((c) => c.id === 'must')!.value!;
    expect(must(after)).toBeGreaterThan(must(before));
    expect(after.score).toBeGreaterThan(before.score);
    expect(before.removed).toEqual([]);
  });

  it('counts a fact as evidence, marked user-provided, only where the CV shows nothing', () => {
    const facts = [
      { id: 'fact-1', skill: 'Kafka', text: 'Ran Kafka clusters at Initech for 2 years' },
      { id: 'fact-2', skill: 'Go', text: 'Wrote Go at home for fun, many years' },
    ];
    const report = createMatchReport(posting, jane, extractor, { now, facts });
    const reqs = Object.fromEntries(report.requirements.map((r) => [r.canonical, r]));
    expect(reqs.Kafka).toMatchObject({ status: 'matched', evidence: { lineId: 'fact-1', userProvided: true, text: facts[0]!.text } });
    expect(reqs.Kafka!.evidence!.text.slice(reqs.Kafka!.evidence!.start, reqs.Kafka!.evidence!.end)).toBe('Kafka');
    // The CV's own line stays the evidence where there is one.
    expect(reqs.Go!.evidence).toMatchObject({ lineId: 'L6' });
    expect(reqs.Go!.evidence!.userProvided).toBeUndefined();
    expect(report.missingKeywords.map((k) => k.canonical)).not.toContain('Kafka');
  });

  it('asks nothing for the everyday words that look like skills', () => {
    const text = 'You react fast, go the extra mile, excel at client work and report to C-level. Our R&D team uses lambda calculus for fun.';
    expect(createMatchReport({ title: 'Account Manager', description: text }, jane, extractor, { now }).requirements).toEqual([]);
  });

  it('does not take JavaScript in the CV for Java, nor "excellent" for Excel', () => {
    const report = createMatchReport({ title: 'Analyst', description: 'Requirements: Java and Excel.' }, cvOf('Excellent JavaScript skills'), extractor, { now });
    expect(report.requirements.map((r) => [r.canonical, r.status])).toEqual([
      ['Java', 'missing'],
      ['Excel', 'missing'],
    ]);
  });
});

describe('titles and seniority', () => {
  it.each([
    ['Senior Backend Engineer (m/f/d)', 'Backend Developer', 1],
    ['Software Engineer', 'Software Developer', 1],
    ['Data Scientist', 'Backend Engineer', 0],
  ])('%s ~ %s', (a, b, sim) => {
    expect(titleSimilarity(a, b)).toBe(sim);
  });

  it.each([
    ['Senior Java Developer', 'senior'],
    ['Junior Data Analyst', 'junior'],
    ['Tech Lead Platform', 'lead'],
    ['Praktikum Marketing', 'intern'],
    ['Head of Engineering', 'head'],
    ['Backend Engineer', undefined],
  ])('%s → %s', (title, level) => {
    expect(seniorityOf(title)).toBe(level);
  });
});

describe('dates', () => {
  it.each([
    ['Mar 2021 – Present', { start: 2021 * 12 + 2, end: 2026 * 12 + 5, current: true }],
    ['03/2017 - 05/2020', { start: 2017 * 12 + 2, end: 2020 * 12 + 4, current: false }],
    ['2016 – 2018', { start: 2016 * 12, end: 2018 * 12 + 11, current: false }],
    ['2019-03 to 2021-05', { start: 2019 * 12 + 2, end: 2021 * 12 + 4, current: false }],
    ['sept. 2019 – aujourd’hui', { start: 2019 * 12 + 8, end: 2026 * 12 + 5, current: true }],
    ['Enero 2018 - Diciembre 2019', { start: 2018 * 12, end: 2019 * 12 + 11, current: false }],
    ['seit März 2022', { start: 2022 * 12 + 2, end: 2026 * 12 + 5, current: true }],
    ['experience 2019 - 2020', { start: 2019 * 12, end: 2020 * 12 + 11, current: false }],
  ])('%s', (line, range) => {
    expect(dateRanges(line, now)[0]).toMatchObject(range);
  });

  it('counts overlapping jobs once', () => {
    expect(unionMonths([{ start: 0, end: 11 }, { start: 6, end: 17 }, { start: 30, end: 35 }])).toBe(24);
  });
});

describe('atsChecks', () => {
  it('passes a plain, complete CV and names what a poor one lacks', () => {
    const ok = Object.fromEntries(atsChecks({ lines: jane.lines, now }).map((c) => [c.id, c.ok]));
    expect(ok).toEqual({ text_layer: true, contact: true, headings: true, dates: true, length: false });
    const poor = Object.fromEntries(atsChecks({ lines: cvOf('Jane\nI like computers.').lines, textLayer: false, now }).map((c) => [c.id, c]));
    expect(poor.text_layer!.ok).toBe(false);
    expect(poor.contact!.facts).toMatchObject({ email: false, phone: false });
    expect(poor.headings!.facts.missing).toEqual(['experience', 'education', 'skills']);
  });
});
