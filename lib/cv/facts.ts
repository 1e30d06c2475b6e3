import { z } from 'zod';

/**
 * Facts the user wrote to back a skill their CV does not show ("used Kubernetes at Acme for 2 years").
 * They are stored with the CV (the `facts` field of its row), always marked as the user's own words, and
 * count as evidence in the match report; tailoring may cite them, never invent beyond them.
 */
export const FACT_LENGTH = { min: 10, max: 280 } as const;

export const cvFactSchema = z.object({
  id: z.string().min(1),
  /** The skill it backs, as the chip names it (a canonical taxonomy name or the user's own keyword). */
  skill: z.string().min(1),
  text: z.string().min(FACT_LENGTH.min).max(FACT_LENGTH.max),
  source: z.literal('user'),
  createdAt: z.number(),
});
export type CvFact = z.infer<typeof cvFactSchema>;

/** Why a fact text cannot be saved, or undefined when it can (after trimming). */
export function factProblem(text: string): 'fact_required' | 'fact_too_long' | undefined {
  const t = text.trim();
  if (t.length < FACT_LENGTH.min) return 'fact_required';
  if (t.length > FACT_LENGTH.max) return 'fact_too_long';
  return undefined;
}

/** The facts stored on a CV row; entries that do not parse are dropped (never shown as evidence). */
export function readFacts(stored: unknown): CvFact[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((f) => {
    const parsed = cvFactSchema.safeParse(f);
    return parsed.success ? [parsed.data] : [];
  });
}
