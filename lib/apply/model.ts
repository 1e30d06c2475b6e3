import { z } from 'zod';
import { atsNames } from './ats/types';
import { profileFields, sensitiveTopics } from './fields';

/**
 * The fill plan as the worker accepts it from the panel and the report as it accepts it back from a page.
 * Worker and extension pages only: the apply script uses the plain types in report.ts (no zod in content bundles).
 */

const line = (max = 2_000) => z.string().max(max);
/** An ATS-safe CV PDF is tens of KB; a few MB of base64 leaves room and refuses a runaway. */
const MAX_BASE64 = 8_000_000;

export const applyFileSchema = z.strictObject({
  name: z.string().min(1).max(200).regex(/^[^/\\]+$/),
  type: z.enum(['application/pdf']),
  base64: z.string().max(MAX_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/),
});

export const fillPlanSchema = z.strictObject({
  profile: z.partialRecord(z.enum(profileFields), line(500)),
  resume: applyFileSchema.optional(),
  coverLetter: z.strictObject({ text: line(20_000).optional(), file: applyFileSchema.optional() }).optional(),
  answers: z.array(z.strictObject({ question: line(1_000), answer: line(5_000) })).max(500),
  uploadWaitMs: z.number().int().min(0).max(30_000).optional(),
});

const problemCodes = [
  'no_file_input',
  'several_file_inputs',
  'cross_origin_iframe',
  'synthetic_ignored',
  'workday_wrong_step',
  'workday_resume_step',
  'upload_unconfirmed',
  'no_form',
  'frame_needs_permission',
] as const;
const leftReasons = ['sensitive', 'no_answer', 'already_filled', 'no_value', 'no_option', 'pick_from_list', 'site_refused', 'repeated'] as const;

export const fillProblemSchema = z.object({ code: z.enum(problemCodes), detail: line(500).optional() });

const filledFieldSchema = z.object({
  label: line(500),
  value: line(20_000),
  source: z.enum(['profile', 'cv', 'coverLetter', 'answer']),
  field: z.enum([...profileFields, 'resume', 'coverLetter']).optional(),
  question: line(1_000).optional(),
  undoId: z.number().int().nonnegative().optional(),
});

const leftFieldSchema = z.object({
  label: line(500),
  question: line(1_000),
  reason: z.enum(leftReasons),
  topic: z.enum(sensitiveTopics).optional(),
  options: z.array(line(500)).max(30).optional(),
});

export const fillReportSchema = z.object({
  url: line(4_000),
  origin: line(500),
  ats: z.enum(atsNames).optional(),
  filled: z.array(filledFieldSchema).max(500),
  left: z.array(leftFieldSchema).max(500),
  problems: z.array(fillProblemSchema).max(50),
});

export const applyScriptResultSchema = z.union([
  z.object({ ok: z.literal(true), mode: z.literal('fill'), report: fillReportSchema }),
  z.object({ ok: z.literal(true), mode: z.enum(['undo', 'undoOne']), restored: z.number().int().nonnegative() }),
  z.object({ ok: z.literal(false), error: line(100) }),
]);

export type FrameReport = z.infer<typeof fillReportSchema> & { frameId: number };

/** What the panel gets back from a fill: each frame's report, and what stopped the fill as a whole. */
export interface ApplyOutcome {
  frames: FrameReport[];
  problems: z.infer<typeof fillProblemSchema>[];
}
