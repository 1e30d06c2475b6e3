import { z } from 'zod';
import {
  CAPTURE_ERROR_CODES,
  EMPLOYMENT_TYPES,
  SALARY_PERIODS,
  WORKPLACES,
  type CaptureResult,
  type CaptureSource,
  type JobPosting,
} from './types';

/**
 * The JobPosting as the worker accepts it from a page: every string size-capped, every field typed.
 * Worker and extension pages only: the capture script uses the plain types in types.ts (no zod in
 * content bundles).
 */

const line = (max = 500) => z.string().max(max);
const items = z.array(z.string().max(2_000)).max(100);

const SOURCE = /^(json-ld|readability|text|adapter:[a-z0-9-]{1,40})$/;

export const salarySchema = z.object({
  min: z.number().nonnegative().optional(),
  max: z.number().nonnegative().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  period: z.enum(SALARY_PERIODS).optional(),
});

export const sectionsSchema = z.object({
  responsibilities: items.optional(),
  requirements: items.optional(),
  niceToHave: items.optional(),
});

export const jobPostingSchema = z.object({
  title: line(1_000).min(1),
  titleNormalized: line(1_000),
  company: line().optional(),
  location: line().optional(),
  locations: z.array(line()).max(50).optional(),
  workplace: z.enum(WORKPLACES).optional(),
  employmentType: z.array(z.enum(EMPLOYMENT_TYPES)).max(8).optional(),
  salary: salarySchema.optional(),
  datePosted: z.iso.date().or(z.iso.datetime({ offset: true, local: true })).optional(),
  validThrough: z.iso.date().or(z.iso.datetime({ offset: true, local: true })).optional(),
  description: z.string().max(200_000).optional(),
  sections: sectionsSchema.optional(),
  language: z.string().regex(/^[a-z]{2,3}$/).optional(),
  url: z.url({ protocol: /^https?$/ }).max(4_096),
  siteJobId: line(200).optional(),
  source: z.custom<CaptureSource>((value) => typeof value === 'string' && SOURCE.test(value), 'unknown source'),
});

export const captureResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), posting: jobPostingSchema }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.enum(CAPTURE_ERROR_CODES) }) }),
]);

// The zod shapes and the plain types must describe the same thing: a compile error here means one drifted.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const modelMatchesTypes: [Same<z.infer<typeof jobPostingSchema>, JobPosting>, Same<z.infer<typeof captureResultSchema>, CaptureResult>] = [
  true,
  true,
];
