/**
 * The CV as the matcher reads it: the CV model's source lines (their ids are the evidence the report
 * cites) and the user's facts. Reads stored, untyped rows defensively: a row whose CV does not parse
 * gives undefined, never a half-read CV.
 */
import { cvSourceSchema } from '../cv/model';
import { readFacts } from '../cv/facts';
import type { MatchCv, MatchFact } from './report';

export function matchCvOf(data: unknown): MatchCv | undefined {
  const source = cvSourceSchema.safeParse((data as { source?: unknown } | null | undefined)?.source);
  return source.success ? { lines: source.data.lines.map(({ id, text }) => ({ id, text })) } : undefined;
}

export function matchFactsOf(stored: unknown): MatchFact[] {
  return readFacts(stored).map(({ id, skill, text }) => ({ id, skill, text }));
}
