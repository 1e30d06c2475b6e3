/**
 * Where a match sits: which section heading it is under, and what its sentence says about it
 * ("required", "a plus", "5+ years"), in English, Spanish, French and German.
 */
import { type HeadingAudience, SECTION_HEADINGS } from './taxonomy/headings';
import { fold } from './tokenize';
import type { MatchContext, Requirement, SectionKind } from './types';

const cleanHeading = (s: string) =>
  fold(s)
    .replace(/^[\s#*•·▪►\-–—=>\d.)]+/u, '')
    .replace(/[\s:：.!?*_=\-–—]+$/u, '')
    .replace(/[^\p{L}\p{N}'&+ -]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const headingIndex = (() => {
  const byAudience: Record<HeadingAudience, Map<string, SectionKind>> = { posting: new Map(), cv: new Map() };
  for (const set of SECTION_HEADINGS) {
    for (const audience of ['posting', 'cv'] as const) {
      if (set.audience && set.audience !== audience) continue;
      for (const phrase of set.phrases) {
        const key = cleanHeading(phrase);
        if (!byAudience[audience].has(key)) byAudience[audience].set(key, set.kind);
      }
    }
  }
  return byAudience;
})();

/**
 * The section a line opens, when the line is a heading: a known phrase, alone or followed by a colon
 * or a few words ("Requirements", "Nice to have (bonus):", "Dein Profil – das bringst du mit").
 */
export function detectHeading(line: string, audience: HeadingAudience = 'posting'): SectionKind | undefined {
  const text = cleanHeading(line);
  if (!text || text.length > 60) return undefined;
  const index = headingIndex[audience];
  const exact = index.get(text);
  if (exact) return exact;
  // A known phrase, then an aside: "Nice to have (bonus)", "Requirements & skills", "Profil – das bringst du mit".
  // A colon followed by text is an inline heading, handled by segment().
  if (/[:：]\s*\S/.test(line)) return undefined;
  const words = text.split(' ');
  if (words.length > 6) return undefined;
  const folded = fold(line).replace(/^[\s#*•·▪►\-–—=>\d.)]+/u, '');
  for (let n = words.length - 1; n >= 1; n--) {
    const phrase = words.slice(0, n).join(' ');
    const kind = index.get(phrase);
    if (!kind) continue;
    const rest = folded.slice(folded.indexOf(words[n - 1]!) + words[n - 1]!.length);
    if (/^\s*(?:[([\-–—/|&+]|(?:and|und|y|et|or|oder|ou)\s)/u.test(rest)) return kind;
  }
  return undefined;
}

// Cues are matched on folded text (no accents, lower case).
const PREFERRED =
  /\b(?:nice[ -]to[ -]have|(?:is|are|would be) a (?:big |huge )?plus|a plus|bonus|preferred|preferably|desirable|desired|ideally|would be (?:great|nice|an advantage|a bonus)|an advantage|advantageous|not required|not mandatory|optional|deseables?|valorable|se valorara|valoraremos|sera un plus|un plus|souhaitee?s?|souhaitable|apprecie(?:e|s)?|un atout|wunschenswert|von vorteil|idealerweise|ein plus|pluspunkt)\b/;
const REQUIRED =
  /\b(?:must|required|requirements?|mandatory|essential|need to have|you(?: will)? have|at least|minimum|proficien(?:t|cy)|strong|solid|imprescindibles?|requisitos?|obligatori[oa]s?|necesari[oa]s?|requise?s?|obligatoires?|indispensables?|exigee?s?|erforderlich|zwingend|voraussetzung(?:en)?|setzen voraus|musst|mindestens)\b/;

export function requirementOf(sentence: string): Requirement | undefined {
  const text = fold(sentence);
  if (PREFERRED.test(text)) return 'preferred';
  if (REQUIRED.test(text)) return 'required';
  return undefined;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  un: 1, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, deux: 2, trois: 3, quatre: 4, cinq: 5,
  ein: 1, einem: 1, zwei: 2, drei: 3, vier: 4, funf: 5,
};
const YEARS = new RegExp(
  String.raw`\b(\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')})\s*(?:\+|plus)?\s*(?:(?:-|–|to|a|bis|à)\s*\d{1,2}\s*)?\+?\s*(?:years?|yrs?|anos|ans|annees|jahren?)\b`,
  'g',
);

/** "5+ years", "3-5 años", "deux ans", "mindestens 2 Jahre": the lower bound, with its position. */
export function yearsIn(sentence: string): { value: number; index: number }[] {
  const text = fold(sentence);
  const out: { value: number; index: number }[] = [];
  for (const m of text.matchAll(YEARS)) {
    const n = m[1]!;
    const value = /^\d+$/.test(n) ? Number(n) : NUMBER_WORDS[n]!;
    if (value > 0 && value <= 40) out.push({ value, index: m.index });
  }
  return out;
}

export interface Segment {
  start: number;
  end: number;
  section?: SectionKind;
  requirement?: Requirement;
  years: { value: number; index: number }[];
}

const SECTION_REQUIREMENT: Partial<Record<SectionKind, Requirement>> = {
  requirements: 'required',
  nice_to_have: 'preferred',
};

/**
 * Splits a text into sentences (line breaks, and . ! ? ; followed by a space) and gives each its
 * section and cues. Offsets are into `text`; `years[].index` is absolute too.
 */
export function segment(text: string, audience: HeadingAudience = 'posting'): Segment[] {
  const segments: Segment[] = [];
  let section: SectionKind | undefined;
  let lineStart = 0;
  for (const line of text.split(/\r?\n|\r|\u2028|\u2029/)) {
    const offset = lineStart;
    lineStart += line.length + (text[offset + line.length] === '\r' && text[offset + line.length + 1] === '\n' ? 2 : 1);
    if (!line.trim()) continue;
    let body = 0;
    const heading = detectHeading(line, audience);
    if (heading) {
      section = heading;
      continue;
    }
    // "Requirements: 5+ years of Java" opens a section and carries content on the same line.
    const colon = /^([^:：]{2,40})[:：]\s+\S/.exec(line);
    if (colon) {
      const inline = detectHeading(colon[1]!, audience);
      if (inline) {
        section = inline;
        body = colon[1]!.length + 1;
      }
    }
    const sentenceEnd = /[.!?;](?=\s)|[.!?;]$/g;
    let from = body;
    const ends: number[] = [];
    for (const m of line.matchAll(sentenceEnd)) ends.push(m.index + 1);
    if (ends.at(-1) !== line.length) ends.push(line.length);
    for (const to of ends) {
      if (to <= from) continue;
      const sentence = line.slice(from, to);
      const years = yearsIn(sentence).map((y) => ({ value: y.value, index: offset + from + y.index }));
      segments.push({
        start: offset + from,
        end: offset + to,
        section,
        requirement: requirementOf(sentence) ?? (section && SECTION_REQUIREMENT[section]),
        years,
      });
      from = to;
    }
  }
  return segments;
}

/** The context of a span, from the segment containing it. */
export function contextAt(segments: Segment[], start: number, end: number): MatchContext {
  const seg = findSegment(segments, start);
  if (!seg) return {};
  const context: MatchContext = {};
  if (seg.section) context.section = seg.section;
  if (seg.requirement) context.requirement = seg.requirement;
  if (seg.years.length) {
    const mid = (start + end) / 2;
    let best = seg.years[0]!;
    for (const y of seg.years) if (Math.abs(y.index - mid) < Math.abs(best.index - mid)) best = y;
    context.years = best.value;
  }
  return context;
}

function findSegment(segments: Segment[], pos: number): Segment | undefined {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
