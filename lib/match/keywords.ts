/**
 * Keyword chips of one posting for one CV: the posting's hard skills plus the user's own keywords, each
 * confirmed, suggested or removed. Removed ones leave the report (requirements and score); a chip is
 * confirmed only with proof: the CV line that shows the skill, or a fact the user wrote. Tailoring uses
 * confirmed chips only (`confirmedKeywords`).
 */
import { z } from 'zod';
import type { Evidence, Importance, MatchReport, MatchFact } from './report';
import { factEvidence } from './report';
import type { SkillExtractor } from './extract-skills';
import { fold } from './tokenize';
import type { MatchCvLine, SkillKind } from './types';

export const KEYWORD_MAX_LENGTH = 60;

export const confirmedKeywordSchema = z.object({
  keyword: z.string().min(1),
  /** The CV line that shows the skill, or the user's fact about it. */
  proof: z.union([z.object({ lineId: z.string().min(1) }), z.object({ factId: z.string().min(1) })]),
  at: z.number(),
});
export type ConfirmedKeyword = z.infer<typeof confirmedKeywordSchema>;

export const keywordChoicesSchema = z.object({
  confirmed: z.array(confirmedKeywordSchema),
  removed: z.array(z.string()),
  /** Keywords the user added themselves. */
  added: z.array(z.string().max(KEYWORD_MAX_LENGTH)),
});
export type KeywordChoices = z.infer<typeof keywordChoicesSchema>;

export const emptyChoices = (): KeywordChoices => ({ confirmed: [], removed: [], added: [] });

/** The choices stored for one job; anything unreadable counts as no choice made. */
export function readChoices(stored: unknown): KeywordChoices {
  const parsed = keywordChoicesSchema.safeParse(stored);
  return parsed.success ? parsed.data : emptyChoices();
}

export const sameKeyword = (a: string, b: string) => fold(a.trim()) === fold(b.trim());

export type ChipState = 'confirmed' | 'suggested' | 'removed';

export interface KeywordChip {
  keyword: string;
  kind?: SkillKind;
  importance?: Importance;
  origin: 'posting' | 'user';
  state: ChipState;
  /** What backs the skill: the CV line that shows it, or the user's fact. Without it, confirming needs a fact. */
  support?: Evidence;
}

export type KeywordFinder = (keyword: string) => Evidence | undefined;

/**
 * Where a CV (or the user's facts) shows a keyword: the taxonomy's canonical name among the CV's skills,
 * else the words themselves on a line (for keywords the taxonomy does not know), else a fact.
 */
export function createKeywordFinder(lines: MatchCvLine[], extractor: SkillExtractor, facts: MatchFact[] = []): KeywordFinder {
  const found = lines.flatMap((line) => extractor.extract(line.text, { audience: 'cv' }).map((m) => ({ line, m })));
  return (keyword) => {
    const k = keyword.trim();
    // Only a skill that is the whole keyword: "Salesforce CPQ" is not shown by a line naming Salesforce.
    const whole = extractor.extract(k).find((m) => m.start === 0 && m.end === k.length);
    const canonical = whole?.canonical ?? extractor.lookup(k)?.canonical ?? k;
    const hit = found.find((f) => sameKeyword(f.m.canonical, canonical));
    if (hit) return { lineId: hit.line.id, text: hit.line.text, start: hit.m.start, end: hit.m.end };
    const words = new RegExp(`(?<![\\p{L}\\p{N}])${escape(fold(k))}(?![\\p{L}\\p{N}])`, 'u');
    for (const line of lines) {
      const folded = fold(line.text);
      const m = words.exec(folded);
      if (m && folded.length === line.text.length) return { lineId: line.id, text: line.text, start: m.index, end: m.index + m[0].length };
    }
    const fact = facts.find((f) => sameKeyword(f.skill, keyword) || sameKeyword(f.skill, canonical));
    return fact ? factEvidence(fact, keyword) : undefined;
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The chips for a report computed with `removed: choices.removed`: the posting's requirements (CV-backed
 * ones carry their evidence; "related" or too few years still count as shown), the removed ones, then
 * the user's own keywords.
 */
export function keywordChips(report: MatchReport, choices: KeywordChoices, find: KeywordFinder): KeywordChip[] {
  const isConfirmed = (k: string) => choices.confirmed.some((c) => sameKeyword(c.keyword, k));
  const chips: KeywordChip[] = [];
  for (const r of report.requirements) {
    const shown = r.evidence && (r.status === 'matched' || r.reason === 'years') ? r.evidence : undefined;
    chips.push({ keyword: r.canonical, kind: r.kind, importance: r.importance, origin: 'posting', state: isConfirmed(r.canonical) ? 'confirmed' : 'suggested', ...(shown ? { support: shown } : {}) });
  }
  for (const r of report.removed) {
    const support = find(r.canonical);
    chips.push({ keyword: r.canonical, kind: r.kind, importance: r.importance, origin: 'posting', state: 'removed', ...(support ? { support } : {}) });
  }
  for (const keyword of choices.added) {
    if (chips.some((c) => sameKeyword(c.keyword, keyword))) continue;
    const support = find(keyword);
    const state: ChipState = choices.removed.some((k) => sameKeyword(k, keyword)) ? 'removed' : isConfirmed(keyword) ? 'confirmed' : 'suggested';
    chips.push({ keyword, origin: 'user', state, ...(support ? { support } : {}) });
  }
  return chips;
}

export interface ConfirmedKeywordWithProof {
  keyword: string;
  /** The CV line or the user's fact (`userProvided`) that backs it. */
  evidence: { kind: 'cv'; lineId: string; text: string } | { kind: 'fact'; factId: string; text: string };
}

/**
 * The confirmed keywords whose proof still exists (the CV line, the fact): the only keywords tailoring
 * may use. A removed keyword is never among them.
 */
export function confirmedKeywords(choices: KeywordChoices, lines: MatchCvLine[], facts: MatchFact[]): ConfirmedKeywordWithProof[] {
  return choices.confirmed.flatMap((c): ConfirmedKeywordWithProof[] => {
    if (choices.removed.some((k) => sameKeyword(k, c.keyword))) return [];
    if ('lineId' in c.proof) {
      const { lineId } = c.proof;
      const line = lines.find((l) => l.id === lineId);
      return line ? [{ keyword: c.keyword, evidence: { kind: 'cv', lineId, text: line.text } }] : [];
    }
    const { factId } = c.proof;
    const fact = facts.find((f) => f.id === factId);
    return fact ? [{ keyword: c.keyword, evidence: { kind: 'fact', factId, text: fact.text } }] : [];
  });
}
