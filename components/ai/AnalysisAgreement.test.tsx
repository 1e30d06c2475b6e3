// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { AnalysisComparison } from '@/lib/ai/compare';
import { normalizeAnalysis } from '@/lib/ai/schemas';
import { setUpTestRoot } from '../test-root';
import { AnalysisAgreement, type AnalysisAgreementLabels } from './AnalysisAgreement';

const dom = setUpTestRoot();

const labels: AnalysisAgreementLabels = {
  title: 'Compared',
  agreed: (s) => `Both: ${s}`,
  onlyModel: (s) => `AI: ${s}`,
  onlyOffline: (s) => `Offline: ${s}`,
  seniority: (m, o, agree) => (agree ? `same ${m}` : `AI ${m}, offline ${o ?? 'none'}`),
  importance: { must: 'must', nice: 'nice' },
};
const analysis = normalizeAnalysis({
  role: 'Backend',
  seniority: 'lead',
  technologies: [],
  hardSkills: [],
  softSkills: [],
  mustHave: [],
  niceToHave: [],
  atsKeywords: [],
  suggestedSections: [],
  confidence: 1,
});
const text = (id: string) => dom.host.querySelector(`[data-testid="${id}"]`);

describe('the analysis beside the offline match', () => {
  it('shows agreements and marks each disagreement, the model’s own words when the taxonomy has no name', () => {
    const comparison: AnalysisComparison = {
      analysis,
      agreed: [{ canonical: 'Go', model: 'must', offline: 'must' }],
      onlyModel: [{ text: 'event sourcing', importance: 'nice' }],
      onlyOffline: [{ canonical: 'Kafka', importance: 'must' }],
      seniority: { model: 'lead', offline: 'senior', agree: false },
    };
    dom.render(<AnalysisAgreement comparison={comparison} labels={labels} />);
    expect(text('agree-both')?.textContent).toBe('Both: Go');
    expect(text('agree-both')?.getAttribute('data-disagree')).toBe('false');
    expect(text('agree-model')?.textContent).toBe('AI: event sourcing (nice)');
    expect(text('agree-offline')?.textContent).toBe('Offline: Kafka (must)');
    expect(text('agree-seniority')?.textContent).toBe('AI lead, offline senior');
    expect(text('agree-seniority')?.getAttribute('data-disagree')).toBe('true');
  });

  it('shows nothing when there is nothing to compare', () => {
    const comparison: AnalysisComparison = { analysis, agreed: [], onlyModel: [], onlyOffline: [], seniority: { model: null, agree: true } };
    dom.render(<AnalysisAgreement comparison={comparison} labels={labels} />);
    expect(dom.host.innerHTML).toBe('');
  });
});
