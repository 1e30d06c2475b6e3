import { type CitedEvaluation, citeEvaluation } from '../ai/evaluation';
import { cvLinesOfPrompt, type PromptCvLine } from '../ai/prompts';
import { cvEvaluationSchema } from '../ai/schemas';
import type { JobfitDb } from '../db/schema';
import { createRunsRepo } from '../db/repos/runs';

/**
 * A finished evaluation run as the Job view shows it: checked against the CV lines that run sent (read
 * from its stored request), so an edit of the CV since then cannot make a citation point at other
 * words. `current` (the default CV's lines now) stands in only when the run's row has none.
 * Undefined: the result is not an evaluation.
 */
export async function loadRunEvaluation(db: JobfitDb, runId: string, result: unknown, current: readonly PromptCvLine[] | undefined): Promise<CitedEvaluation | undefined> {
  const parsed = cvEvaluationSchema.safeParse(result);
  if (!parsed.success) return undefined;
  const row = await createRunsRepo(db).get(runId);
  const sent = row ? cvLinesOfPrompt(row.request.messages) : undefined;
  return citeEvaluation(parsed.data, sent ?? current ?? []);
}
