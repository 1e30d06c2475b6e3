/**
 * What the Job view's match section shows for a posting and the default CV row, computed offline.
 * The panel imports this module dynamically: it brings the matcher, and the taxonomy after it.
 */
import { getSkillExtractor, type SkillExtractor } from './extract-skills';
import { matchCvOf, matchFactsOf } from './cv-input';
import { createKeywordFinder, type KeywordChip, keywordChips, readChoices } from './keywords';
import { askedRequirements, createMatchReport, type Importance, type MatchReport } from './report';
import type { MatchPosting, SkillKind } from './types';

/** The CV row fields the match reads (lib/db CvRow). */
export interface MatchCvRow {
  id: string;
  data: unknown;
  facts?: unknown;
  keywordChoices?: Record<string, unknown>;
}

export type MatchView =
  | { kind: 'no_cv'; keywords: { canonical: string; kind: SkillKind; importance: Importance }[] }
  | { kind: 'cv_unreadable' }
  | { kind: 'report'; cvId: string; report: MatchReport; chips: KeywordChip[] };

/**
 * The match of one posting (keyed by `jobKey`, its URL) against a CV row, with the user's keyword
 * choices for that job and the facts stored with the CV. `cv` null: no CV yet.
 */
export function buildMatchView(posting: MatchPosting, jobKey: string, cv: MatchCvRow | null, extractor: SkillExtractor, now?: Date): MatchView {
  if (!cv) {
    const { requirements } = askedRequirements(posting, extractor);
    return { kind: 'no_cv', keywords: requirements.map(({ canonical, kind, importance }) => ({ canonical, kind, importance })) };
  }
  const matchCv = matchCvOf(cv.data);
  if (!matchCv) return { kind: 'cv_unreadable' };
  const choices = readChoices(cv.keywordChoices?.[jobKey]);
  const facts = matchFactsOf(cv.facts);
  const report = createMatchReport(posting, matchCv, extractor, { removed: choices.removed, facts, ...(now ? { now } : {}) });
  let finder: ReturnType<typeof createKeywordFinder> | undefined;
  const chips = keywordChips(report, choices, (k) => (finder ??= createKeywordFinder(matchCv.lines, extractor, facts))(k));
  return { kind: 'report', cvId: cv.id, report, chips };
}

export async function loadMatchViewBuilder(): Promise<(posting: MatchPosting, jobKey: string, cv: MatchCvRow | null) => MatchView> {
  const extractor = await getSkillExtractor();
  return (posting, jobKey, cv) => buildMatchView(posting, jobKey, cv, extractor);
}
