import { fold, foldSameLength } from './text';

/**
 * Dates and date ranges as CVs write them, in English, Spanish, French and German:
 * "Jan 2023 – Present", "Sept. 2018 – May 2023", "03/2019 - en curso", "2025.02–pres.", "2012 – 2017",
 * "Mar. 2021 Jun. 2023" (a range whose dash glyph got lost). Values become JSON Resume dates (YYYY or YYYY-MM).
 */

const monthNames: [number, string[]][] = [
  [1, ['january', 'jan', 'enero', 'ene', 'janvier', 'janv', 'januar', 'janner', 'jaenner']],
  [2, ['february', 'feb', 'febr', 'febrero', 'fevrier', 'fevr', 'fev', 'februar']],
  [3, ['march', 'mar', 'marzo', 'mars', 'marz', 'maerz', 'mrz']],
  [4, ['april', 'apr', 'abril', 'abr', 'avril', 'avr']],
  [5, ['may', 'mayo', 'mai']],
  [6, ['june', 'jun', 'junio', 'juin', 'juni']],
  [7, ['july', 'jul', 'julio', 'juillet', 'juil', 'juli']],
  [8, ['august', 'aug', 'agosto', 'ago', 'aout', 'aug']],
  [9, ['september', 'sept', 'sep', 'septiembre', 'setiembre', 'set', 'septembre']],
  [10, ['october', 'oct', 'octubre', 'octobre', 'oktober', 'okt']],
  [11, ['november', 'nov', 'noviembre', 'novembre']],
  [12, ['december', 'dec', 'diciembre', 'dic', 'decembre', 'dezember', 'dez']],
];
const monthByName = new Map<string, number>();
for (const [n, names] of monthNames) for (const name of names) monthByName.set(name, n);

const seasons = ['spring', 'summer', 'fall', 'autumn', 'winter', 'primavera', 'verano', 'otono', 'invierno', 'printemps', 'ete', 'automne', 'hiver', 'fruhling', 'sommer', 'herbst'];

const presentWords = [
  'present', 'current', 'currently', 'now', 'today', 'ongoing', 'pres', 'to date', 'actualidad', 'presente', 'hoy',
  'en curso', 'la fecha', "aujourd'hui", 'maintenant', 'en cours', 'heute', 'jetzt', 'aktuell', 'bis heute', 'laufend',
];

const MONTH = [...monthByName.keys(), ...seasons].sort((a, b) => b.length - a.length).join('|');
const PRESENT = presentWords
  .map((w) => w.replace(/[.*+?^${}()|[\]\\']/g, (c) => (c === "'" ? "['’]" : `\\${c}`)).replace(/ /g, '\\s+'))
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * One date token. Matched against folded text (lowercase, no accents) so month names match in any case.
 * Order matters: the longest forms first.
 */
const TOKEN = new RegExp(
  [
    `(?<iso>(?<![\\d.])(?:19|20)\\d{2}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\\d|3[01]))?(?![\\d]))`,
    `(?<mname>(?<![a-z])(?:${MONTH})\\.?)\\s*,?\\s*(?:'|’)?(?<myear>(?:19|20)\\d{2}|'\\d{2})(?!\\d)`,
    `(?<![\\d/.])(?<mnum>0?[1-9]|1[0-2])\\s*[/.]\\s*(?<nyear>(?:19|20)\\d{2})(?!\\d)`,
    `(?<![\\d.])(?<ryear>(?:19|20)\\d{2})\\s*[./]\\s*(?<rmonth>0?[1-9]|1[0-2])(?![\\d])`,
    `(?<![\\d,.])(?<year>(?:19|20)\\d{2})(?![\\d])`,
    `(?<present>(?<![a-z])(?:${PRESENT})\\.?(?![a-z]))`,
  ].join('|'),
  'g',
);

/** What may stand between the two ends of a range. */
const RANGE_GAP = /^\s*(?:[-–—~→]+|to|until|till|through|thru|hasta|a|al|au|a|bis|–|-)?\s*(?:exp\.?\s*)?$/;

export interface DatePoint {
  /** `YYYY` or `YYYY-MM`; absent for "Present". */
  iso?: string;
  present?: boolean;
}

export interface DateRange {
  start?: DatePoint;
  end?: DatePoint;
  /** Offsets of the whole range in the original string. */
  index: number;
  length: number;
  text: string;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function year4(y: string): string {
  return y.startsWith("'") || y.startsWith('’') ? `20${y.slice(1)}` : y;
}

function pointFrom(groups: Record<string, string | undefined>): DatePoint | undefined {
  if (groups.iso) return { iso: groups.iso.slice(0, 7) };
  if (groups.mname && groups.myear) {
    const name = groups.mname.replace(/\.$/, '');
    const month = monthByName.get(name);
    return { iso: month ? `${year4(groups.myear)}-${pad(month)}` : year4(groups.myear) };
  }
  if (groups.mnum && groups.nyear) return { iso: `${groups.nyear}-${pad(Number(groups.mnum))}` };
  if (groups.ryear && groups.rmonth) return { iso: `${groups.ryear}-${pad(Number(groups.rmonth))}` };
  if (groups.year) return { iso: groups.year };
  if (groups.present) return { present: true };
  return undefined;
}

/**
 * Every date range in a string, left to right. A lone date is a range with only `start`;
 * "Present" alone is a range with only `end`.
 */
export function findDateRanges(value: string): DateRange[] {
  // Folding keeps offsets: only combining marks are removed, and we fold character by character.
  const folded = foldSameLength(value);
  const tokens: { point: DatePoint; index: number; end: number }[] = [];
  for (const m of folded.matchAll(TOKEN)) {
    const point = pointFrom(m.groups ?? {});
    if (point) tokens.push({ point, index: m.index, end: m.index + m[0].length });
  }
  const ranges: DateRange[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1];
    if (b && !a.point.present && RANGE_GAP.test(folded.slice(a.end, b.index))) {
      ranges.push(makeRange(value, a.index, b.end, a.point, b.point));
      i++;
    } else if (a.point.present) {
      ranges.push(makeRange(value, a.index, a.end, undefined, a.point));
    } else {
      // "June 2022 –" with the end on another line: keep the dash in the range text.
      const tail = /^\s*[-–—]\s*$/.exec(folded.slice(a.end)) ?? /^\s*[-–—]/.exec(folded.slice(a.end));
      ranges.push(makeRange(value, a.index, a.end + (tail ? tail[0].length : 0), a.point, undefined));
    }
  }
  return ranges;
}

function makeRange(value: string, index: number, end: number, start?: DatePoint, to?: DatePoint): DateRange {
  return { start, end: to, index, length: end - index, text: value.slice(index, end) };
}


/** A piece of a date written as its own PDF item: a month name, a day or month number, a dash, "Present". */
export function isDateFragment(value: string): boolean {
  const v = fold(value).replace(/^[\s(]+|[\s).,]+$/g, '');
  if (!v) return true;
  if (/^(?:\d{1,2}[/.]?|[-–—~]+|to|a|bis|au|hasta)$/.test(v)) return true;
  if (monthByName.has(v) || seasons.includes(v)) return true;
  return new RegExp(`^(?:${PRESENT})$`).test(v);
}

/** The text with every date range removed. */
export function removeDates(value: string, ranges = findDateRanges(value)): string {
  let out = value;
  for (const r of [...ranges].sort((a, b) => b.index - a.index)) {
    out = out.slice(0, r.index) + ' ' + out.slice(r.index + r.length);
  }
  return out
    .replace(/\(\s*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when a string is nothing but dates (and separators): "Jan 2023 - Present", "(2019)", "2018 –". */
export function isDateOnly(value: string): boolean {
  const ranges = findDateRanges(value);
  if (ranges.length === 0) return false;
  const rest = removeDates(value, ranges).replace(/[\s()[\],.;:|–—\-~]+/g, '');
  return rest.length === 0 || /^(?:since|desde|depuis|seit|from|de|del|expected|exp|and|y|et|und)$/i.test(rest);
}

/** Combine the ranges found in an entry's lines into a start and an end. */
export function rangeOf(ranges: DateRange[]): { startDate?: string; endDate?: string; current?: boolean } {
  const withStart = ranges.find((r) => r.start?.iso);
  if (!withStart) return ranges.some((r) => r.end?.present) ? { current: true } : {};
  const startDate = withStart.start?.iso;
  let end = withStart.end;
  if (!end) {
    // The end may sit on the next line (a date column split over two lines).
    const next = ranges[ranges.indexOf(withStart) + 1];
    end = next?.end ?? (next?.start && !next.end ? next.start : undefined);
  }
  return { startDate, endDate: end?.iso, current: end?.present };
}

/** A JSON Resume date from free text (`"Jan 2020"` → `"2020-01"`), if the text is one date. */
export function toIsoDate(value: string): string | undefined {
  const r = findDateRanges(value)[0];
  return r?.start?.iso;
}
