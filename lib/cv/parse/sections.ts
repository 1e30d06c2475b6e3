import type { WorkKind } from '../model';
import { findDateRanges, isDateOnly, removeDates } from './dates';
import { matchHeading, type SectionType } from './lexicon';
import type { SourceLine } from './source';
import { isAllCaps, words } from './text';

/**
 * Lines → header + sections. A heading is a short line that names a known section (en/es/fr/de), or a
 * markup heading, or — in PDFs — a short line with the same size and left edge as the known headings
 * ("Patents", "Invited Talks"), so unknown sections end the previous one instead of polluting it.
 */

export interface Section {
  type: SectionType;
  kind?: WorkKind;
  title: string;
  heading?: SourceLine;
  lines: SourceLine[];
}

export interface Sectioned {
  /** Lines before the first heading: name, title, contact details. */
  header: SourceLine[];
  sections: Section[];
}

/** The heading text of a line: the whole line, or its first segment when the rest is dates. */
function headingText(line: SourceLine): string | undefined {
  if (line.bullet) return undefined;
  const [first, ...rest] = line.segments;
  if (!first) return undefined;
  if (rest.length > 0 && !rest.every((s) => isDateOnly(s))) return undefined;
  // "EXPERIENCIA (10/2022-05/2023)": a heading followed by dates in the same segment.
  const ranges = findDateRanges(first);
  const undated = ranges.length > 0 && isDateOnly(first.slice(ranges[0]!.index).replace(/^[\s(]+/, '')) ? removeDates(first, ranges) : first;
  const t = undated.replace(/\s*[:：]\s*$/, '').trim();
  if (!t || /@|\d{3,}/.test(t) || words(t).length > 6) return undefined;
  return t;
}

/** The most common size of body text (characters weighted), if the format has sizes. */
export function bodySize(lines: SourceLine[]): number | undefined {
  const weights = new Map<number, number>();
  for (const l of lines) {
    if (l.size === undefined) continue;
    const k = Math.round(l.size * 2) / 2;
    weights.set(k, (weights.get(k) ?? 0) + l.text.length);
  }
  let best: number | undefined;
  let bestWeight = -1;
  for (const [k, w] of weights) if (w > bestWeight) [best, bestWeight] = [k, w];
  return best;
}

export function splitSections(lines: SourceLine[]): Sectioned {
  const body = bodySize(lines);
  const isHeading = new Map<SourceLine, { type: SectionType; kind?: WorkKind; title: string }>();

  // Markup headings: the level used by known section names is the section level; deeper ones are entries.
  const markupLevels = lines
    .filter((l) => l.heading !== undefined && matchHeading(headingText(l) ?? ''))
    .map((l) => l.heading!);
  const sectionLevel = markupLevels.length > 0 ? Math.min(...markupLevels) : 2;

  // 1. Headings we recognise by name (or by markup).
  lines.forEach((line, i) => {
    const t = headingText(line);
    const match = t ? matchHeading(t) : undefined;
    if (line.heading !== undefined) {
      // A markup heading at the very top is the name, not a section; deeper levels are entry titles.
      if (i === firstTextIndex(lines) && !match) return;
      if (line.heading > sectionLevel || line.entry) return;
      if (match) isHeading.set(line, { ...match, title: t! });
      else if (t && line.heading === sectionLevel) isHeading.set(line, { type: 'other', title: t });
      return;
    }
    if (!t || !match) return;
    // In PDFs a heading stands out: larger than body text or in capitals (a "Languages" label
    // inside a table, or a wrapped title ending in "Recognition", does not).
    if (body !== undefined && (line.maxSize ?? line.size ?? body) < body + 0.5 && !isAllCaps(t) && !line.bold) return;
    isHeading.set(line, { ...match, title: t });
  });
  // Headings share a style: drop keyword lines much smaller than the usual heading size.
  const sizes = [...isHeading.keys()].filter((l) => l.heading === undefined && l.maxSize !== undefined).map((l) => Math.round(l.maxSize!));
  const usual = mode(sizes);
  if (usual !== undefined && sizes.filter((x) => x === usual).length >= 2) {
    for (const [line, h] of isHeading) {
      if (line.heading === undefined && line.maxSize !== undefined && line.maxSize < usual - 1.5 && !isAllCaps(h.title)) {
        isHeading.delete(line);
      }
    }
  }

  // 2. Unknown headings that look exactly like the known ones.
  const known = [...isHeading.keys()].filter((l) => l.heading === undefined);
  const styles = known
    .filter((l) => l.maxSize !== undefined)
    .map((l) => ({ size: l.maxSize!, x: l.x, caps: isAllCaps(l.text) }));
  const capsHeadings = known.length > 0 && known.filter((l) => isAllCaps(l.segments[0] ?? '')).length >= known.length * 0.8;
  const first = firstTextIndex(lines);
  lines.forEach((line, i) => {
    if (isHeading.has(line) || i <= first || line.heading !== undefined || line.entry) return;
    const t = headingText(line);
    if (!t || /[.,;]$/.test(t) || t.length < 3) return;
    if (styles.length > 0 && body !== undefined && line.maxSize !== undefined) {
      const same = styles.some(
        (s) =>
          Math.abs(s.size - line.maxSize!) <= 0.4 &&
          s.size > body + 0.5 &&
          (s.x === undefined || line.x === undefined || Math.abs(s.x - line.x) <= 4 || centred(line, s.x)) &&
          (!s.caps || isAllCaps(t)),
      );
      if (same) isHeading.set(line, { type: 'other', title: t });
    } else if (body === undefined && capsHeadings && isAllCaps(t) && words(t).length <= 4 && line.blankBefore) {
      isHeading.set(line, { type: 'other', title: t });
    }
  });

  const header: SourceLine[] = [];
  const sections: Section[] = [];
  let current: Section | undefined;
  for (const line of lines) {
    const h = isHeading.get(line);
    if (h) {
      current = { type: h.type, kind: h.kind, title: h.title, heading: line, lines: [] };
      sections.push(current);
      // "EXPERIENCIA (10/2022-05/2023)": dates on the heading line belong to the first entry.
      const dates = findDateRanges(line.text).map((r) => r.text);
      if (dates.length > 0) current.lines.push({ ...line, text: dates.join(' '), segments: dates, heading: undefined });
    } else if (current) current.lines.push(line);
    else header.push(line);
  }
  return { header, sections };
}

function mode(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | undefined;
  for (const [v, c] of counts) if (best === undefined || c > counts.get(best)! || (c === counts.get(best) && v > best)) best = v;
  return best;
}

function firstTextIndex(lines: SourceLine[]): number {
  return lines.findIndex((l) => l.text.trim() !== '');
}

/** Centred headings (some themes) have varying left edges; accept any heading-sized line then. */
function centred(line: SourceLine, x: number): boolean {
  return line.x !== undefined && line.right !== undefined && line.columnRight !== undefined && x > line.columnRight / 4;
}
