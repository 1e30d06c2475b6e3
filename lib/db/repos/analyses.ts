import type { AnalysisRow, JobfitDb } from '../schema';

/** A saved cover letter's result: the body the user kept (their edits included) and where it came from. */
export interface CoverLetterResult {
  text: string;
  /** The model that wrote the first draft. */
  model?: string;
  /** The run that wrote it: a reopened panel shows this saved text rather than that run's first draft. */
  runId?: string;
  updatedAt: number;
}

/** Reads a stored cover letter result; anything else (an older or damaged row) reads as undefined. */
export function readCoverLetter(result: unknown): CoverLetterResult | undefined {
  const r = result as Partial<CoverLetterResult> | null | undefined;
  if (!r || typeof r.text !== 'string' || typeof r.updatedAt !== 'number') return undefined;
  return { text: r.text, updatedAt: r.updatedAt, ...(typeof r.model === 'string' ? { model: r.model } : {}), ...(typeof r.runId === 'string' ? { runId: r.runId } : {}) };
}

/**
 * Analyses saved with a job (match, AI results, cover letters). A job keeps one cover letter: saving
 * again replaces its text in the same row, so the tracker lists it once.
 */
export function createAnalysesRepo(db: JobfitDb, now: () => number = Date.now) {
  return {
    listForJob: (jobId: string) => db.analyses.where('jobId').equals(jobId).sortBy('createdAt'),
    /** The job's cover letter row, if any (the newest when older data holds several). */
    coverLetterRow: async (jobId: string): Promise<AnalysisRow | undefined> => (await db.analyses.where('[jobId+kind]').equals([jobId, 'coverLetter']).sortBy('createdAt')).at(-1),
    async saveCoverLetter(jobId: string, input: { text: string; model?: string; runId?: string; cvId?: string }): Promise<AnalysisRow> {
      return db.transaction('rw', db.analyses, async () => {
        const at = now();
        const existing = (await db.analyses.where('[jobId+kind]').equals([jobId, 'coverLetter']).sortBy('createdAt')).at(-1);
        const result: CoverLetterResult = { text: input.text, updatedAt: at, ...(input.model ? { model: input.model } : {}), ...(input.runId ? { runId: input.runId } : {}) };
        const row: AnalysisRow = existing
          ? { ...existing, result, ...(input.cvId ? { cvId: input.cvId } : {}) }
          : { id: crypto.randomUUID(), jobId, kind: 'coverLetter', result, createdAt: at, ...(input.cvId ? { cvId: input.cvId } : {}) };
        await db.analyses.put(row);
        return row;
      });
    },
  };
}

export type AnalysesRepo = ReturnType<typeof createAnalysesRepo>;
