import { beforeAll, describe, expect, it } from 'vitest';
import { getSkillExtractor, type SkillExtractor } from '../match/extract-skills';
import { createMatchReport } from '../match/report';
import { compareAnalysisWith } from './compare';
import { handMadeCv, handMadePosting } from './fixtures/hand-made';
import type { JobAnalysis } from './schemas';

let extractor: SkillExtractor;
beforeAll(async () => {
  extractor = await getSkillExtractor();
});

const cv = handMadeCv();
const lines = cv.source.lines.map(({ id, text }) => ({ id, text }));

describe('job analysis beside the offline report', () => {
  it('shows agreements, what only the model found, what only the offline match found, and seniority', () => {
    const report = createMatchReport(handMadePosting, { lines }, extractor);
    const analysis: JobAnalysis = {
      role: 'Data Engineer',
      seniority: 'lead',
      technologies: [{ name: 'Kafka', confidence: 0.9 }, { name: 'k8s', confidence: 0.8 }],
      hardSkills: ['Stream processing'],
      softSkills: ['Ownership'],
      mustHave: ['Python', 'Terraform'],
      niceToHave: ['Rust'],
      atsKeywords: [{ keyword: 'Kafka', priority: 'high' }],
      suggestedSections: ['Experience'],
      confidence: 0.8,
    };
    const offline = new Map(report.requirements.map((r) => [r.canonical, r.importance]));
    const c = compareAnalysisWith(analysis, report, extractor);
    const agreed = new Map(c.agreed.map((x) => [x.canonical, x]));
    expect(agreed.get('Python')).toEqual({ canonical: 'Python', model: 'must', offline: offline.get('Python') });
    expect(agreed.has('Kubernetes')).toBe(offline.has('Kubernetes'));
    expect(agreed.get('Rust')?.model ?? c.onlyModel.find((m) => m.canonical === 'Rust')?.importance).toBe('nice');
    expect(c.onlyModel.map((m) => m.text)).toContain('Stream processing');
    // Everything the offline report asks is either agreed or listed as only offline: nothing hidden.
    expect(new Set([...c.agreed.map((x) => x.canonical), ...c.onlyOffline.map((x) => x.canonical)])).toEqual(new Set(offline.keys()));
    expect(c.onlyOffline.map((x) => x.canonical)).not.toContain('Python');
    expect(c.seniority).toEqual({ model: 'lead', offline: report.seniority.asked, agree: report.seniority.asked === 'lead' });
    expect(report.seniority.asked).toBe('senior');
  });
});
