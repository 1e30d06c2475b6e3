import { z } from 'zod';

/**
 * The CV model: a superset of JSON Resume (https://jsonresume.org/schema). Every JSON Resume section
 * keeps unknown properties (loose objects) so a JSON Resume survives import → export unchanged. On top
 * of it: the original text as lines with ids and origins (page/line), `sourceLineIds` on every entry so
 * later features can cite evidence, a `kind` on experience entries, and parse warnings.
 *
 * `toJsonResume(cv)` drops the additions and returns plain JSON Resume.
 */

/** JSON Resume's date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const isoPartialDateSchema = z
  .string()
  .regex(/^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$/);

const text = z.string().optional();
const date = isoPartialDateSchema.optional();
const strings = z.array(z.string()).optional();
/** Ids of `source.lines` this value was read from. */
const sourceLineIds = z.array(z.string()).optional();

export const cvLineSchema = z.object({
  id: z.string(),
  text: z.string(),
  /** Where the line came from: 1-based page (PDF) and 1-based line within that page or file. */
  origin: z.object({ page: z.number().int().positive().optional(), line: z.number().int().positive() }),
});
export type CvLine = z.infer<typeof cvLineSchema>;

export const profileSchema = z.looseObject({ network: text, username: text, url: text });
export type Profile = z.infer<typeof profileSchema>;

export const locationSchema = z.looseObject({
  address: text,
  postalCode: text,
  city: text,
  countryCode: text,
  region: text,
});

export const basicsSchema = z.looseObject({
  name: text,
  label: text,
  image: text,
  email: text,
  phone: text,
  url: text,
  summary: text,
  location: locationSchema.optional(),
  profiles: z.array(profileSchema).optional(),
  sourceLineIds,
});
export type Basics = z.infer<typeof basicsSchema>;

/** What kind of experience an entry is; entries from Research or Internships sections stay in `work`. */
export const workKindSchema = z.enum(['job', 'internship', 'research', 'teaching']);
export type WorkKind = z.infer<typeof workKindSchema>;

export const workSchema = z.looseObject({
  name: text,
  location: text,
  description: text,
  position: text,
  url: text,
  startDate: date,
  endDate: date,
  summary: text,
  highlights: strings,
  kind: workKindSchema.optional(),
  sourceLineIds,
});
export type Work = z.infer<typeof workSchema>;

export const volunteerSchema = z.looseObject({
  organization: text,
  position: text,
  url: text,
  startDate: date,
  endDate: date,
  summary: text,
  highlights: strings,
  sourceLineIds,
});
export type Volunteer = z.infer<typeof volunteerSchema>;

export const educationSchema = z.looseObject({
  institution: text,
  url: text,
  area: text,
  studyType: text,
  startDate: date,
  endDate: date,
  score: text,
  courses: strings,
  sourceLineIds,
});
export type Education = z.infer<typeof educationSchema>;

export const awardSchema = z.looseObject({ title: text, date, awarder: text, summary: text, sourceLineIds });
export type Award = z.infer<typeof awardSchema>;

export const certificateSchema = z.looseObject({ name: text, date, url: text, issuer: text, sourceLineIds });
export type Certificate = z.infer<typeof certificateSchema>;

export const publicationSchema = z.looseObject({
  name: text,
  publisher: text,
  releaseDate: date,
  url: text,
  summary: text,
  sourceLineIds,
});
export type Publication = z.infer<typeof publicationSchema>;

export const skillSchema = z.looseObject({ name: text, level: text, keywords: strings, sourceLineIds });
export type Skill = z.infer<typeof skillSchema>;

export const languageSchema = z.looseObject({ language: text, fluency: text, sourceLineIds });
export type Language = z.infer<typeof languageSchema>;

export const interestSchema = z.looseObject({ name: text, keywords: strings, sourceLineIds });
export type Interest = z.infer<typeof interestSchema>;

export const referenceSchema = z.looseObject({ name: text, reference: text, sourceLineIds });
export type Reference = z.infer<typeof referenceSchema>;

export const projectSchema = z.looseObject({
  name: text,
  description: text,
  highlights: strings,
  keywords: strings,
  startDate: date,
  endDate: date,
  url: text,
  roles: strings,
  entity: text,
  type: text,
  sourceLineIds,
});
export type Project = z.infer<typeof projectSchema>;

/** A section the parser did not map to JSON Resume (e.g. "Patents", "Invited Talks"): kept, not lost. */
export const otherSectionSchema = z.object({
  heading: z.string(),
  lines: z.array(z.string()),
  sourceLineIds,
});
export type OtherSection = z.infer<typeof otherSectionSchema>;

export const cvFormatSchema = z.enum(['pdf', 'docx', 'markdown', 'latex', 'json-resume', 'text']);
export type CvFormat = z.infer<typeof cvFormatSchema>;

export const cvWarningCodeSchema = z.enum([
  'no_name',
  'no_email',
  'no_sections',
  'unknown_section',
  'pages_truncated',
  'lines_truncated',
  'latex_input_missing',
  'invalid_date',
  'html_removed',
]);
export type CvWarningCode = z.infer<typeof cvWarningCodeSchema>;

/** Something the parser could not fully understand; the CV view shows these next to the lines. */
export const cvWarningSchema = z.object({
  code: cvWarningCodeSchema,
  detail: z.string().optional(),
  sourceLineIds,
});
export type CvWarning = z.infer<typeof cvWarningSchema>;

export const cvSourceSchema = z.object({
  format: cvFormatSchema,
  fileName: z.string().optional(),
  pages: z.number().int().nonnegative().optional(),
  lines: z.array(cvLineSchema),
});
export type CvSource = z.infer<typeof cvSourceSchema>;

export const cvSchema = z.object({
  version: z.literal(1),
  basics: basicsSchema,
  work: z.array(workSchema),
  volunteer: z.array(volunteerSchema),
  education: z.array(educationSchema),
  awards: z.array(awardSchema),
  certificates: z.array(certificateSchema),
  publications: z.array(publicationSchema),
  skills: z.array(skillSchema),
  languages: z.array(languageSchema),
  interests: z.array(interestSchema),
  references: z.array(referenceSchema),
  projects: z.array(projectSchema),
  other: z.array(otherSectionSchema),
  /** Top-level JSON Resume properties outside the sections above (`$schema`, `meta`, `x-…`). */
  extra: z.record(z.string(), z.unknown()).optional(),
  source: cvSourceSchema,
  warnings: z.array(cvWarningSchema),
});
export type Cv = z.infer<typeof cvSchema>;

/** The JSON Resume sections, in the schema's order. */
export const jsonResumeSections = [
  'work',
  'volunteer',
  'education',
  'awards',
  'certificates',
  'publications',
  'skills',
  'languages',
  'interests',
  'references',
  'projects',
] as const;
export type JsonResumeSection = (typeof jsonResumeSections)[number];

export type JsonResume = {
  basics?: Record<string, unknown>;
} & { [K in JsonResumeSection]?: Record<string, unknown>[] } & Record<string, unknown>;

/** Keys the model adds to JSON Resume objects; `toJsonResume` removes them. */
const modelOnlyKeys = new Set(['sourceLineIds', 'kind']);

function stripModelKeys(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (modelOnlyKeys.has(key) || v === undefined) continue;
    out[key] = structuredClone(v);
  }
  return out;
}

/** Plain JSON Resume: the model's additions removed, empty sections left out. */
export function toJsonResume(cv: Cv): JsonResume {
  const resume: JsonResume = { ...structuredClone(cv.extra ?? {}) };
  const basics = stripModelKeys(cv.basics);
  if (Object.keys(basics).length > 0) resume.basics = basics;
  for (const section of jsonResumeSections) {
    const entries = cv[section] as Record<string, unknown>[];
    if (entries.length > 0) resume[section] = entries.map(stripModelKeys);
  }
  return resume;
}

/** An empty CV for a source; importers fill it. */
export function emptyCv(source: CvSource): Cv {
  return {
    version: 1,
    basics: {},
    work: [],
    volunteer: [],
    education: [],
    awards: [],
    certificates: [],
    publications: [],
    skills: [],
    languages: [],
    interests: [],
    references: [],
    projects: [],
    other: [],
    source,
    warnings: [],
  };
}
