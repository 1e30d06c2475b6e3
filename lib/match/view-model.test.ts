import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importCvText } from '../cv/import/index';
import { getSkillExtractor, type SkillExtractor } from './extract-skills';
import type { MatchPosting } from './types';
import { buildMatchView, type MatchView } from './view-model';

let extractor: SkillExtractor;
beforeAll(async () => {
  extractor = await getSkillExtractor();
});

const now = new Date('2026-06-15T12:00:00Z');
const jobKey = 'https://jobs.example.com/1';
const cvData = importCvText(readFileSync(join(import.meta.dirname, '../cv/fixtures/jane-public.txt'), 'utf8'), { fileName: 'jane-public.txt' });
const posting: MatchPosting = {
  title: 'Senior Backend Engineer',
  description: 'Requirements\n• 3+ years with Go\n• Kubernetes and Kafka\n\nNice to have\n• Terraform',
};
const report = (view: MatchView) => {
  if (view.kind !== 'report') throw new Error(`expected a report, got ${view.kind}`);
  return view;
};

describe('buildMatchView', () => {
  it('without a CV lists the posting’s keywords', () => {
    expect(buildMatchView(posting, jobKey, null, extractor, now)).toEqual({
      kind: 'no_cv',
      keywords: [
        { canonical: 'Go', kind: 'technology', importance: 'must' },
        { canonical: 'Kubernetes', kind: 'technology', importance: 'must' },
        { canonical: 'Kafka', kind: 'technology', importance: 'must' },
        { canonical: 'Terraform', kind: 'technology', importance: 'nice' },
      ],
    });
  });

  it('says when the stored CV cannot be read instead of matching half of it', () => {
    expect(buildMatchView(posting, jobKey, { id: 'cv1', data: { source: { lines: 'nope' } } }, extractor, now)).toEqual({ kind: 'cv_unreadable' });
  });

  it('matches the CV model’s lines, then applies this job’s removed keywords and the CV’s facts', () => {
    const plain = report(buildMatchView(posting, jobKey, { id: 'cv1', data: cvData }, extractor, now));
    const go = plain.report.requirements.find((r) => r.canonical === 'Go')!;
    expect(go.status).toBe('matched');
    expect(cvData.source.lines.find((l) => l.id === go.evidence!.lineId)!.text).toContain('Go');
    expect(plain.report.missingKeywords.map((k) => k.canonical)).toEqual(['Kafka']);

    const fact = { id: 'f1', skill: 'Kafka', text: 'Ran Kafka at Initech for 2 years', source: 'user', createdAt: 1 };
    const row = { id: 'cv1', data: cvData, facts: [fact], keywordChoices: { [jobKey]: { confirmed: [], removed: ['Terraform'], added: [] }, other: { removed: ['Go'] } } };
    const chosen = report(buildMatchView(posting, jobKey, row, extractor, now));
    expect(chosen.report.requirements.map((r) => r.canonical)).toEqual(['Go', 'Kubernetes', 'Kafka']);
    expect(chosen.report.requirements[2]).toMatchObject({ status: 'matched', evidence: { userProvided: true } });
    expect(chosen.chips.map((c) => [c.keyword, c.state])).toEqual([
      ['Go', 'suggested'],
      ['Kubernetes', 'suggested'],
      ['Kafka', 'suggested'],
      ['Terraform', 'removed'],
    ]);
    expect(chosen.report.score).not.toBe(plain.report.score);
  });
});
