/**
 * ATS searchability checks of a CV given as text lines: what an applicant-tracking system needs to read
 * it at all (a text layer, contact details, standard headings, dates it can parse, a sensible length).
 */
import { detectHeading } from './context';
import { dateRanges } from './dates';
import type { MatchCvLine, SectionKind } from './types';

export type AtsCheckId = 'text_layer' | 'contact' | 'headings' | 'dates' | 'length';

export interface AtsCheck {
  id: AtsCheckId;
  ok: boolean;
  /** Machine-readable facts for the UI to phrase: counts, what was found or missing. */
  facts: Record<string, string | number | boolean | string[]>;
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const PHONE = /(?:\+|\b00)?\d[\d\s().-]{6,}\d/;
const PROFILE = /\b(?:linkedin\.com\/in\/|github\.com\/|xing\.com\/profile)/i;
/** About one to two pages of text. */
export const CV_WORDS = { min: 250, max: 1100 };
const CORE_HEADINGS: SectionKind[] = ['experience', 'education', 'skills'];

export interface AtsInput {
  lines: MatchCvLine[];
  /** false when the CV file had no text layer (a scanned PDF); lines would then be empty or OCR. */
  textLayer?: boolean;
  now?: Date;
}

export function atsChecks({ lines, textLayer, now = new Date() }: AtsInput): AtsCheck[] {
  const text = lines.map((l) => l.text).join('\n');
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const headings = new Set<SectionKind>();
  for (const l of lines) {
    const kind = detectHeading(l.text, 'cv');
    if (kind) headings.add(kind);
  }
  const dated = lines.filter((l) => dateRanges(l.text, now).length > 0).length;
  const email = EMAIL.test(text);
  const phone = lines.some((l) => PHONE.test(l.text) && !dateRanges(l.text, now).length);
  const missingHeadings = CORE_HEADINGS.filter((h) => !headings.has(h));
  return [
    { id: 'text_layer', ok: textLayer !== false && words >= 50, facts: { words, textLayer: textLayer !== false } },
    { id: 'contact', ok: email && phone, facts: { email, phone, profile: PROFILE.test(text) } },
    {
      id: 'headings',
      ok: headings.has('experience') && missingHeadings.length <= 1,
      facts: { found: [...headings].sort(), missing: missingHeadings },
    },
    { id: 'dates', ok: dated > 0, facts: { dateRanges: dated } },
    { id: 'length', ok: words >= CV_WORDS.min && words <= CV_WORDS.max, facts: { words, min: CV_WORDS.min, max: CV_WORDS.max } },
  ];
}
