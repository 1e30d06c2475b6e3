import { z } from 'zod';
import type { GuidedSession } from '../ai/guided';
import type { AiFact } from '../ai/prompts';
import type { Flag } from '../ai/post-check';
import type { TailoringReview } from '../ai/tailored';
import type { CvFact } from '../cv/facts';
import type { JobStatus } from '../db/schema';

/**
 * What the panel shows and saves for the AI features, as pure functions: the diff rows of a tailored
 * CV, the user's approvals of flagged lines or paragraphs, the cover letter draft, and the mapping
 * between the CV's stored facts and the citable facts (`f1`, `f2`…) prompts use.
 */

export interface DiffPart {
  value: string;
  kind: 'same' | 'added' | 'removed';
}

export interface DiffRow {
  /**
   * `same`: a master line kept as is; `changed`: rewritten; `added`: from facts only; `unsourced`: it cites
   * neither a CV line nor a fact (no sources, or unknown ids); `removed`: a master line no line cites.
   */
  kind: 'same' | 'changed' | 'added' | 'unsourced' | 'removed';
  /** The tailored line's index (the approval key); absent on removed rows. */
  index?: number;
  text: string;
  /** Word diff against the cited master lines, on changed rows. */
  parts?: DiffPart[];
  sources: string[];
  flags: Flag[];
  /** Flagged and not approved: left out when saving. */
  blocked: boolean;
  approved: boolean;
}

/** The review as rows: tailored lines in their order, then the master lines they dropped. */
export function diffRows(review: TailoringReview, approved: ReadonlySet<number>): DiffRow[] {
  const rows: DiffRow[] = review.lines.map((line) => ({
    kind: line.change === 'unchanged' ? 'same' : line.change === 'added' && !citesKnown(line) ? 'unsourced' : line.change,
    index: line.index,
    text: line.text,
    ...(line.parts ? { parts: line.parts.map((p) => ({ value: p.value, kind: p.added ? 'added' : p.removed ? 'removed' : 'same' })) } : {}),
    sources: line.sources,
    flags: line.flags,
    blocked: line.blocked && !approved.has(line.index),
    approved: line.blocked && approved.has(line.index),
  }));
  for (const removed of review.removed) rows.push({ kind: 'removed', text: removed.text, sources: [removed.id], flags: [], blocked: false, approved: false });
  return rows;
}

/** Whether a line cites at least one id that is a CV line or a fact. */
function citesKnown(line: { sources: string[]; flags: Flag[] }): boolean {
  const unknown = new Set(line.flags.filter((f) => f.reason === 'unknown_citation').map((f) => f.detail));
  return line.sources.some((id) => !unknown.has(id));
}

/** Approves a flagged item ("I can back this up"), or takes the approval back. */
export function toggleApproval(approved: ReadonlySet<number>, index: number, on: boolean): Set<number> {
  const next = new Set(approved);
  if (on) next.add(index);
  else next.delete(index);
  return next;
}

/** Counts for the summary above a review: lines kept, still blocked, approved. */
export function reviewCounts(rows: readonly DiffRow[]): { kept: number; blocked: number; approved: number; removed: number } {
  const lines = rows.filter((r) => r.kind !== 'removed');
  return {
    kept: lines.filter((r) => !r.blocked).length,
    blocked: lines.filter((r) => r.blocked).length,
    approved: lines.filter((r) => r.approved).length,
    removed: rows.length - lines.length,
  };
}

/** Checked cover-letter paragraphs (from `checkCoverLetter`). */
export interface CheckedParagraph {
  index: number;
  text: string;
  flags: Flag[];
}

/** The letter's body as the user first sees it: unflagged and approved paragraphs, a blank line apart. */
export function letterDraft(paragraphs: readonly CheckedParagraph[], approved: ReadonlySet<number>): string {
  return paragraphs
    .filter((p) => p.flags.length === 0 || approved.has(p.index))
    .map((p) => p.text.trim())
    .filter(Boolean)
    .join('\n\n');
}

/** Paragraphs of an edited letter body (blank lines separate them). */
export function letterParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/**
 * The CV's stored facts as prompts cite them: `f1`, `f2`… in the order they were written. Facts are
 * only ever appended, so an answer turned into a fact by `answerToFact` gets the id it will keep here.
 */
export function aiFactsOf(facts: readonly CvFact[]): AiFact[] {
  return [...facts]
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((f, i) => ({ id: `f${i + 1}`, text: f.text, skill: f.skill }));
}

/** The longest skill name a guided answer is filed under when the question names no skill. */
const SKILL_MAX = 80;

/** A guided answer, stored with the CV's facts: the question's skill, else the gap it asked about. */
export function cvFactOfAnswer(fact: AiFact, gap: string, at: number, id: string): CvFact {
  const skill = (fact.skill?.trim() || gap.trim() || 'experience').slice(0, SKILL_MAX);
  return { id, skill, text: fact.text.trim(), source: 'user', createdAt: at };
}

/** A job gets "CV tailored" when a tailored CV is saved for it, unless it is already further along. */
export function statusAfterTailoring(status: JobStatus): JobStatus | undefined {
  return status === 'saved' || status === 'interested' ? 'cv_tailored' : undefined;
}

const factSchema = z.object({ id: z.string(), text: z.string(), skill: z.string().optional() });
const guidedSessionSchema = z.object({
  questions: z.array(z.object({ gap: z.string(), question: z.string(), skill: z.string().nullable() })),
  current: z.number().int().min(0),
  outcomes: z.array(z.union([factSchema, z.literal('skipped'), z.null()])),
  facts: z.array(factSchema),
});

/** A guided session as kept in storage (undefined stands for "not reached", stored as null). */
export function storedGuided(session: GuidedSession): unknown {
  return { ...session, outcomes: session.outcomes.map((o) => o ?? null) };
}

/** A stored guided session, when it is well formed and about these same questions. */
export function readGuided(value: unknown, questions: GuidedSession['questions']): GuidedSession | undefined {
  const parsed = guidedSessionSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const s = parsed.data;
  if (JSON.stringify(s.questions) !== JSON.stringify(questions) || s.outcomes.length !== questions.length || s.current > questions.length) return undefined;
  const fact = (f: z.infer<typeof factSchema>): AiFact => ({ id: f.id, text: f.text, ...(f.skill === undefined ? {} : { skill: f.skill }) });
  return {
    questions: s.questions,
    current: s.current,
    outcomes: s.outcomes.map((o) => (o === null ? undefined : o === 'skipped' ? o : fact(o))),
    facts: s.facts.map(fact),
  };
}
