import type { PromptCvLine } from './prompts';
import { type CvEvaluation, normalizeEvaluation } from './schemas';

/**
 * The CV evaluation held to the CV lines the model was sent: citations of lines that do not exist are
 * dropped and reported, and a match no real line backs is marked, never shown as evidence.
 */

export interface CheckedEvaluation {
  evaluation: CvEvaluation;
  /** Cited ids that are not lines of the CV (dropped from the evaluation). */
  unknownIds: string[];
  /** Indexes of matches left without any valid citation: shown as unsupported. */
  unsupportedMatches: number[];
}

/** Keeps only citations of real lines; a match the CV lines do not back is marked unsupported. */
export function checkEvaluation(evaluation: CvEvaluation, lines: readonly PromptCvLine[]): CheckedEvaluation {
  const ids = new Set(lines.map((l) => l.id));
  const unknown = new Set<string>();
  const keep = (cited: string[]) =>
    cited.filter((id) => {
      if (ids.has(id)) return true;
      unknown.add(id);
      return false;
    });
  const e = normalizeEvaluation(evaluation);
  const matches = e.matches.map((m) => ({ ...m, lineIds: keep(m.lineIds) }));
  const gaps = e.gaps.map((g) => ({ ...g, lineIds: keep(g.lineIds) }));
  return {
    evaluation: { ...e, matches, gaps },
    unknownIds: [...unknown],
    unsupportedMatches: matches.flatMap((m, i) => (m.lineIds.length ? [] : [i])),
  };
}

/** The evaluation as the panel shows it: each claim with the words of the CV lines it cites. */
export interface CitedEvaluation {
  score: number;
  rationale: string;
  matches: { requirement: string; note: string; lines: PromptCvLine[]; unsupported: boolean }[];
  /** A gap's lines are the closest the CV comes, if any. */
  gaps: { requirement: string; importance: 'must' | 'nice'; note: string; lines: PromptCvLine[] }[];
  /** Cited ids the CV does not have; left out of the claims above. */
  unknownIds: string[];
}

/** `checkEvaluation`, then each kept id replaced by its line (each line once per claim). */
export function citeEvaluation(evaluation: CvEvaluation, lines: readonly PromptCvLine[]): CitedEvaluation {
  const checked = checkEvaluation(evaluation, lines);
  const byId = new Map(lines.map((l) => [l.id, l]));
  const quote = (ids: string[]) => [...new Set(ids)].map((id) => byId.get(id)!);
  const unsupported = new Set(checked.unsupportedMatches);
  const e = checked.evaluation;
  return {
    score: e.score,
    rationale: e.rationale,
    matches: e.matches.map((m, i) => ({ requirement: m.requirement, note: m.note, lines: quote(m.lineIds), unsupported: unsupported.has(i) })),
    gaps: e.gaps.map((g) => ({ requirement: g.requirement, importance: g.importance, note: g.note, lines: quote(g.lineIds) })),
    unknownIds: checked.unknownIds,
  };
}
