/**
 * Types of the offline matcher. Inputs are deliberately minimal so the capture model (JobPosting) and
 * the CV model can be adapted to them without lib/match importing either.
 */

/** The fixed set of skill kinds; `soft_skill` is left out of hard-skill coverage and the SkillSpan score. */
export const SKILL_KINDS = [
  'technology',
  'tool',
  'domain',
  'degree',
  'certification',
  'spoken_language',
  'soft_skill',
] as const;
export type SkillKind = (typeof SKILL_KINDS)[number];

/** Whether the text around a match asks for it (must have) or only welcomes it (nice to have). */
export type Requirement = 'required' | 'preferred';

/** Section kinds recognised from headings in en/es/fr/de, for postings and CVs alike. */
export type SectionKind =
  | 'summary'
  | 'responsibilities'
  | 'requirements'
  | 'nice_to_have'
  | 'benefits'
  | 'about'
  | 'experience'
  | 'education'
  | 'skills'
  | 'projects'
  | 'certifications'
  | 'languages'
  | 'contact'
  | 'interests'
  | 'references';

export interface MatchContext {
  /** From a cue in the same sentence ("required", "a plus", "wünschenswert"), else from the section. */
  requirement?: Requirement;
  /** "5+ years", "3-5 años", "mindestens 2 Jahre" in the same sentence. */
  years?: number;
  /** The section heading the match sits under, when one was recognised. */
  section?: SectionKind;
  /** The name is part of a role title ("Senior Java Developer"), not a stated requirement. */
  inRole?: boolean;
}

/** One skill found in a text; `start`/`end` are UTF-16 offsets into that text (`text.slice(start, end)`). */
export interface SkillMatch {
  start: number;
  end: number;
  text: string;
  canonical: string;
  kind: SkillKind;
  context: MatchContext;
}

/**
 * What the report needs of a posting. lib/capture's JobPosting has this shape (title, plain-text
 * description, lists found under the posting's own headings), so it can be passed as is.
 */
export interface MatchPosting {
  title: string;
  description?: string;
  sections?: { responsibilities?: string[]; requirements?: string[]; niceToHave?: string[] };
}

/** A CV as plain text lines with stable ids, so report evidence can point at a line. */
export interface MatchCvLine {
  id: string;
  text: string;
}
