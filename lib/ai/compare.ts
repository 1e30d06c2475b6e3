import { getSkillExtractor, type SkillExtractor } from '../match/extract-skills';
import type { Importance, MatchReport, Seniority } from '../match/report';
import { type JobAnalysis, normalizeAnalysis } from './schemas';

/**
 * The job analysis beside the offline match: where the model and the offline report agree, and where
 * they disagree (shown, never hidden).
 */

export interface AnalysisComparison {
  analysis: JobAnalysis;
  /** Requirements both found, with the importance each gave. */
  agreed: { canonical: string; model: Importance; offline: Importance }[];
  /** Requirements only the model lists (its own words, and the taxonomy name when there is one). */
  onlyModel: { text: string; canonical?: string; importance: Importance }[];
  /** Requirements only the offline report found. */
  onlyOffline: { canonical: string; importance: Importance }[];
  seniority: { model: Seniority | null; offline?: Seniority; agree: boolean };
}

function canonicalOf(text: string, extractor: SkillExtractor): string | undefined {
  return extractor.lookup(text.trim())?.canonical ?? extractor.extract(text, { audience: 'posting' })[0]?.canonical;
}

export function compareAnalysisWith(analysis: JobAnalysis, report: MatchReport, extractor: SkillExtractor): AnalysisComparison {
  const a = normalizeAnalysis(analysis);
  const offline = new Map(report.requirements.map((r) => [r.canonical, r.importance]));
  // First listing wins: stated must-haves, then nice-to-haves, then the technology and skill lists.
  const model = new Map<string, { text: string; canonical?: string; importance: Importance }>();
  const add = (text: string, importance: Importance) => {
    const canonical = canonicalOf(text, extractor);
    const key = canonical ?? text.toLowerCase();
    if (!model.has(key)) model.set(key, { text, ...(canonical ? { canonical } : {}), importance });
  };
  for (const t of a.mustHave) add(t, 'must');
  for (const t of a.niceToHave) add(t, 'nice');
  for (const t of [...a.technologies.map((x) => x.name), ...a.hardSkills]) add(t, 'must');
  const agreed: AnalysisComparison['agreed'] = [];
  const onlyModel: AnalysisComparison['onlyModel'] = [];
  for (const item of model.values()) {
    const other = item.canonical ? offline.get(item.canonical) : undefined;
    if (item.canonical && other) agreed.push({ canonical: item.canonical, model: item.importance, offline: other });
    else onlyModel.push(item);
  }
  const modelCanonicals = new Set([...model.values()].map((m) => m.canonical).filter(Boolean));
  const onlyOffline = report.requirements.filter((r) => !modelCanonicals.has(r.canonical)).map((r) => ({ canonical: r.canonical, importance: r.importance }));
  const offlineSeniority = report.seniority.asked;
  return {
    analysis: a,
    agreed,
    onlyModel,
    onlyOffline,
    seniority: { model: a.seniority, ...(offlineSeniority ? { offline: offlineSeniority } : {}), agree: (a.seniority ?? undefined) === offlineSeniority },
  };
}

/** The job analysis beside the offline report, with the shipped taxonomy. */
export async function compareAnalysis(analysis: JobAnalysis, report: MatchReport): Promise<AnalysisComparison> {
  return compareAnalysisWith(analysis, report, await getSkillExtractor());
}
