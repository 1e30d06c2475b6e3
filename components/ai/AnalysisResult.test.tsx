// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { JobAnalysis } from '@/lib/ai/schemas';
import { setUpTestRoot } from '../test-root';
import { AnalysisResult, type AnalysisLabels } from './AnalysisResult';

const dom = setUpTestRoot();

const labels: AnalysisLabels = {
  role: 'Role',
  seniority: 'Seniority',
  seniorityName: (level) => `level:${level}`,
  mustHave: 'Must',
  niceToHave: 'Nice',
  technologies: 'Tech',
  hardSkills: 'Hard',
  softSkills: 'Soft',
  keywords: 'ATS',
  sections: 'Sections',
  confidence: (p) => `Clarity ${p}`,
  priority: { high: 'high', medium: 'medium', low: 'low' },
};
const analysis: JobAnalysis = {
  role: 'Backend Engineer',
  seniority: 'senior',
  technologies: [
    { name: 'Kubernetes', confidence: 0.6 },
    { name: 'Go', confidence: 1.4 },
  ],
  hardSkills: ['Distributed systems', 'distributed systems', 'SQL'],
  softSkills: ['Ownership', '<b>Mentoring</b>'],
  mustHave: ['Go'],
  niceToHave: ['GraphQL'],
  atsKeywords: [
    { keyword: 'gRPC', priority: 'low' },
    { keyword: 'Go', priority: 'high' },
    { keyword: 'Payments', priority: 'medium' },
    { keyword: 'Kubernetes', priority: 'high' },
    { keyword: ' ', priority: 'high' },
  ],
  suggestedSections: ['Experience', 'Skills'],
  confidence: 0.83,
};
const one = (id: string) => dom.host.querySelector(`[data-testid="${id}"]`);
const items = (id: string) => [...(one(id)?.querySelectorAll('li') ?? [])].map((li) => li.textContent);

describe('the job analysis as shown', () => {
  it('shows every part of the analysis: requirements, technologies with confidence, hard and soft skills, keywords by priority, sections, confidence', () => {
    dom.render(<AnalysisResult analysis={analysis} labels={labels} />);
    expect(one('ai-role')?.textContent).toBe('Backend Engineer');
    expect(one('ai-seniority')?.textContent).toBe(' · Seniority: level:senior');
    expect(items('ai-must')).toEqual(['Go']);
    expect(items('ai-nice')).toEqual(['GraphQL']);
    // Most confident first, confidence within 0–100 %.
    expect(items('ai-tech')).toEqual(['Go (100 %)', 'Kubernetes (60 %)']);
    expect(one('ai-hard')?.querySelector('h3')?.textContent).toBe('Hard');
    expect(items('ai-hard')).toEqual(['Distributed systems', 'SQL']);
    // Text only: markup from the model stays text.
    expect(items('ai-soft')).toEqual(['Ownership', '<b>Mentoring</b>']);
    expect(dom.host.querySelector('b')).toBeNull();
    const groups = [...one('ai-keywords')!.querySelectorAll('ul')].map((ul) => [ul.getAttribute('data-priority'), [...ul.querySelectorAll('li')].map((li) => li.textContent)]);
    expect(groups).toEqual([
      ['high', ['Go · high', 'Kubernetes · high']],
      ['medium', ['Payments · medium']],
      ['low', ['gRPC · low']],
    ]);
    expect(items('ai-sections')).toEqual(['Experience', 'Skills']);
    expect(one('ai-confidence')?.textContent).toBe('Clarity 83 %');
  });

  it('leaves out empty parts and a missing seniority', () => {
    dom.render(
      <AnalysisResult analysis={{ ...analysis, seniority: null, hardSkills: [], softSkills: [' '], atsKeywords: [], technologies: [] }} labels={labels} />,
    );
    for (const id of ['ai-seniority', 'ai-hard', 'ai-soft', 'ai-keywords', 'ai-tech']) expect(one(id), id).toBeNull();
    expect(items('ai-must')).toEqual(['Go']);
  });
});
