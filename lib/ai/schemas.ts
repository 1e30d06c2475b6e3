import '../util/zod-config';
import { z } from 'zod';
import type { StructuredSpec } from '../llm/structured';

/**
 * The structured outputs of the AI features (documented in README.md). They follow the strict-mode
 * rules of lib/llm/structured.ts: closed objects, `.nullable()` instead of `.optional()`, and no
 * numeric or length bounds in the JSON Schema (several providers reject them); ranges are clamped by
 * the readers below instead.
 */

export const SENIORITIES = ['intern', 'junior', 'mid', 'senior', 'lead', 'principal', 'head'] as const;
export const PRIORITIES = ['high', 'medium', 'low'] as const;
/** Where a tailored line goes; `header` lines are entry headers (title, employer, dates). */
export const CV_SECTIONS = [
  'summary',
  'experience',
  'projects',
  'education',
  'skills',
  'certifications',
  'awards',
  'publications',
  'volunteer',
  'languages',
  'other',
] as const;
export type CvSection = (typeof CV_SECTIONS)[number];
export const LINE_KINDS = ['header', 'bullet', 'text'] as const;

/** Ids of the master CV's lines (`l12`) or of user-provided facts (`f3`) that a text comes from. */
const sources = z.array(z.string()).describe('Ids of the CV lines (l…) and user facts (f…) this text is based on.');

export const jobAnalysisSchema = z.strictObject({
  role: z.string().describe('The role, in the posting’s words, without seniority or gender markers.'),
  seniority: z.enum(SENIORITIES).nullable(),
  technologies: z.array(z.strictObject({ name: z.string(), confidence: z.number().describe('0 to 1') })),
  hardSkills: z.array(z.string()),
  softSkills: z.array(z.string()),
  mustHave: z.array(z.string()).describe('Requirements the posting states as required.'),
  niceToHave: z.array(z.string()).describe('Requirements the posting welcomes but does not require.'),
  atsKeywords: z.array(z.strictObject({ keyword: z.string(), priority: z.enum(PRIORITIES) })),
  suggestedSections: z.array(z.string()).describe('CV sections worth having for this posting, most important first.'),
  confidence: z.number().describe('0 to 1: how clear the posting is.'),
});
export type JobAnalysis = z.infer<typeof jobAnalysisSchema>;

export const cvEvaluationSchema = z.strictObject({
  score: z.number().describe('0 to 100'),
  rationale: z.string(),
  matches: z.array(z.strictObject({ requirement: z.string(), lineIds: z.array(z.string()), note: z.string() })),
  gaps: z.array(
    z.strictObject({
      requirement: z.string(),
      importance: z.enum(['must', 'nice']),
      /** Lines that come closest, if any. */
      lineIds: z.array(z.string()),
      note: z.string(),
    }),
  ),
});
export type CvEvaluation = z.infer<typeof cvEvaluationSchema>;

export const tailoredLineSchema = z.strictObject({
  section: z.enum(CV_SECTIONS),
  kind: z.enum(LINE_KINDS),
  text: z.string(),
  sources,
});
export type TailoredLine = z.infer<typeof tailoredLineSchema>;

export const tailoredCvSchema = z.strictObject({
  lines: z.array(tailoredLineSchema),
  /** Master lines deliberately left out (less relevant to this posting). */
  omitted: z.array(z.string()),
});
export type TailoredCv = z.infer<typeof tailoredCvSchema>;

export const guidedQuestionsSchema = z.strictObject({
  questions: z.array(
    z.strictObject({
      gap: z.string().describe('The requirement of the posting the CV does not show.'),
      question: z.string().describe('One short question the candidate can answer from their own experience.'),
      skill: z.string().nullable(),
    }),
  ),
});
export type GuidedQuestions = z.infer<typeof guidedQuestionsSchema>;

export const coverLetterSchema = z.strictObject({
  paragraphs: z.array(z.strictObject({ text: z.string(), sources })),
});
export type CoverLetter = z.infer<typeof coverLetterSchema>;

/** Schema names, as `startRun({ schema })` takes them. */
export const AI_SCHEMA = {
  analysis: 'jobfit_job_analysis',
  evaluation: 'jobfit_cv_evaluation',
  tailoring: 'jobfit_tailored_cv',
  questions: 'jobfit_guided_questions',
  coverLetter: 'jobfit_cover_letter',
} as const;
export type AiFeature = keyof typeof AI_SCHEMA;

/** Register with `createLlmService({ schemas: { ...aiSchemas } })`. */
export const aiSchemas: Record<string, StructuredSpec> = {
  [AI_SCHEMA.analysis]: { name: AI_SCHEMA.analysis, schema: jobAnalysisSchema },
  [AI_SCHEMA.evaluation]: { name: AI_SCHEMA.evaluation, schema: cvEvaluationSchema },
  [AI_SCHEMA.tailoring]: { name: AI_SCHEMA.tailoring, schema: tailoredCvSchema },
  [AI_SCHEMA.questions]: { name: AI_SCHEMA.questions, schema: guidedQuestionsSchema },
  [AI_SCHEMA.coverLetter]: { name: AI_SCHEMA.coverLetter, schema: coverLetterSchema },
};

const clamp = (n: number, lo: number, hi: number) => (Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : lo);

/** Trimmed, without empty entries or repeats (case-insensitive). */
function uniqueTexts(xs: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const x of xs.map((v) => v.trim())) {
    const key = x.toLowerCase();
    if (!x || seen.has(key)) continue;
    seen.add(key);
    out.push(x);
  }
  return out;
}

/** Confidences into 0–1, empty and repeated entries dropped. */
export function normalizeAnalysis(a: JobAnalysis): JobAnalysis {
  return {
    ...a,
    technologies: a.technologies.filter((t) => t.name.trim()).map((t) => ({ name: t.name.trim(), confidence: clamp(t.confidence, 0, 1) })),
    hardSkills: uniqueTexts(a.hardSkills),
    softSkills: uniqueTexts(a.softSkills),
    mustHave: uniqueTexts(a.mustHave),
    niceToHave: uniqueTexts(a.niceToHave),
    atsKeywords: a.atsKeywords.filter((k) => k.keyword.trim()).map((k) => ({ keyword: k.keyword.trim(), priority: k.priority })),
    suggestedSections: uniqueTexts(a.suggestedSections),
    confidence: clamp(a.confidence, 0, 1),
  };
}

/** The score into 0–100 (rounded). */
export function normalizeEvaluation(e: CvEvaluation): CvEvaluation {
  return { ...e, score: Math.round(clamp(e.score, 0, 100)) };
}

/** At most three questions, empty ones dropped. */
export function normalizeQuestions(q: GuidedQuestions): GuidedQuestions {
  return { questions: q.questions.filter((x) => x.question.trim()).slice(0, 3) };
}
