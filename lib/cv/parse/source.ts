import type { Basics, CvFormat, CvWarning } from '../model';

/**
 * What every importer hands to the shared parser: the CV as lines in reading order, with whatever
 * layout facts the format offers. PDF lines carry geometry and font sizes; Markdown, LaTeX and DOCX
 * carry explicit headings and bullets; plain text carries blank lines.
 */
export interface SourceLine {
  /** Assigned by the parser (`l1`, `l2`, …); becomes the id of the CV's source line. */
  id?: string;
  /** The line's text, segments joined by a space; bullet markers and icon glyphs removed. */
  text: string;
  /** Parts separated by wide gaps (PDF), tabs or runs of spaces (text), or table cells (DOCX). */
  segments: string[];
  /** 1-based page (PDF only). */
  page?: number;
  /** 1-based line within the page (PDF) or the file. */
  line: number;
  /** Dominant font size in points (PDF), or a heading level mapped to a size (Markdown, DOCX). */
  size?: number;
  /** Largest font size on the line (small caps and drop capitals raise it). */
  maxSize?: number;
  /** Left and right edge in points, and the right edge of the line's column (PDF). */
  x?: number;
  right?: number;
  columnRight?: number;
  /** The line started with a bullet marker or list item. */
  bullet?: boolean;
  /** Explicit heading level from markup (Markdown `#`, LaTeX `\section`, DOCX Heading styles). */
  heading?: number;
  /** The whole line is bold (DOCX, Markdown `**…**`). */
  bold?: boolean;
  /** Geometry says the text runs to the column's right edge, so it probably continues on the next line. */
  wrapped?: boolean;
  /** Vertical distance from the previous line of the same column, in multiples of this line's size. */
  gapBefore?: number;
  /** A blank line preceded this one (text formats). */
  blankBefore?: boolean;
  /** Markup says this is an entry's description, never a header (LaTeX `\cventry`'s last argument). */
  body?: boolean;
  /** Structured fields from markup that names them (LaTeX `\cventry`, `\resumeSubheading`). */
  entry?: EntryHint;
}

/** Fields of one entry as the markup named them; the parser trusts these over its guesses. */
export interface EntryHint {
  /** Employer, institution, awarder or project name. */
  org?: string;
  /** Position, degree or award title. */
  role?: string;
  location?: string;
  dates?: string;
  /** Grade, score or a short description. */
  detail?: string;
}

export interface SourceDoc {
  format: CvFormat;
  lines: SourceLine[];
  pages?: number;
  /** Contact fields the markup names explicitly (LaTeX `\name`, `\email`); used before guessing. */
  basics?: Partial<Basics>;
  warnings?: CvWarning[];
}

/** A line from plain text: segments split at tabs, runs of 3+ spaces and column separators. */
export function textLine(text: string, line: number, extra: Partial<SourceLine> = {}): SourceLine {
  const segments = text
    .split(/\t+| {3,}/)
    .map((s) => s.trim())
    .filter(Boolean);
  return { text: segments.join(' '), segments, line, ...extra };
}
