/**
 * Date ranges as CVs write them, in English, Spanish, French and German: "Jan 2019 – Present",
 * "03/2017 - 05/2020", "2018–2021", "seit 2020", "sept. 2019 – aujourd'hui". Months are counted from
 * year 0 (year * 12 + month index) so durations are plain subtraction.
 */
import { fold } from './tokenize';

const MONTHS: [RegExp, number][] = [
  [/^(?:jan(?:uary|vier)?|ene(?:ro)?|janv|januar|jän(?:ner)?)$/, 0],
  [/^(?:feb(?:ruary|rero|ruar)?|fev(?:rier)?|fevr)$/, 1],
  [/^(?:mar(?:ch|zo|s)?|marz|mär(?:z)?|maerz)$/, 2],
  [/^(?:apr(?:il)?|abr(?:il)?|avr(?:il)?)$/, 3],
  [/^(?:may(?:o)?|mai)$/, 4],
  [/^(?:jun(?:e|io|i)?|juin)$/, 5],
  [/^(?:jul(?:y|io|i)?|juil(?:let)?)$/, 6],
  [/^(?:aug(?:ust)?|ago(?:sto)?|aout)$/, 7],
  [/^(?:sep(?:t(?:ember|iembre|embre)?)?|set(?:iembre)?)$/, 8],
  [/^(?:oct(?:ober|ubre|obre)?|okt(?:ober)?)$/, 9],
  [/^(?:nov(?:ember|iembre|embre)?)$/, 10],
  [/^(?:dec(?:ember|embre)?|dic(?:iembre)?|dez(?:ember)?)$/, 11],
];

const MONTH_WORD = String.raw`(?:${[
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'setiembre', 'octubre', 'noviembre', 'diciembre',
  'janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre',
  'januar', 'janner', 'februar', 'marz', 'maerz', 'juni', 'juli', 'oktober', 'dezember',
  'janv', 'fevr', 'juil', 'sept', 'jan', 'feb', 'fev', 'mar', 'apr', 'abr', 'avr', 'jun', 'jul', 'aug', 'ago', 'sep', 'set', 'oct', 'okt', 'nov', 'dec', 'dic', 'dez', 'ene',
].join('|')})\.?`;
const DATE = String.raw`(?:\b${MONTH_WORD}\s+(?:19|20)\d{2}|(?:0?[1-9]|1[0-2])[/.](?:19|20)\d{2}|(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])(?![\d])|(?:19|20)\d{2})`;
const PRESENT = String.raw`(?:present|now|current|today|ongoing|actualidad|actual|presente|hoy|aujourd'hui|present|maintenant|en cours|heute|jetzt|aktuell|dato)`;
const RANGE = new RegExp(String.raw`(${DATE})\s*(?:-|–|—|to|until|till|a|al|hasta|à|au|bis)\s*(${DATE}|${PRESENT})`, 'g');
const SINCE = new RegExp(String.raw`(?:since|desde|depuis|seit)\s+(${DATE})`, 'g');

export interface DateRange {
  /** Months since year 0, inclusive. */
  start: number;
  end: number;
  /** The range ends "now". */
  current: boolean;
  index: number;
  length: number;
}

function parseDate(s: string, end: boolean): number | undefined {
  const t = s.replace(/\.$/, '').trim();
  let m = /^((?:19|20)\d{2})[-/.](\d{1,2})$/.exec(t);
  if (m) return Number(m[1]) * 12 + Number(m[2]) - 1;
  m = /^(\d{1,2})[/.]((?:19|20)\d{2})$/.exec(t);
  if (m) return Number(m[2]) * 12 + Number(m[1]) - 1;
  m = /^((?:19|20)\d{2})$/.exec(t);
  if (m) return Number(m[1]) * 12 + (end ? 11 : 0);
  m = /^([a-z]{3,10})\.?\s+((?:19|20)\d{2})$/.exec(t);
  if (m) {
    const month = MONTHS.find(([re]) => re.test(m![1]!))?.[1];
    if (month === undefined) return undefined;
    return Number(m[2]) * 12 + month;
  }
  return undefined;
}

export const monthOf = (d: Date) => d.getFullYear() * 12 + d.getMonth();

/** Every date range in a line; ranges that end before they start are dropped. */
export function dateRanges(line: string, now: Date = new Date()): DateRange[] {
  const text = fold(line);
  const out: DateRange[] = [];
  const today = monthOf(now);
  for (const m of text.matchAll(RANGE)) {
    const start = parseDate(m[1]!, false);
    const current = !/\d/.test(m[2]!);
    const end = current ? today : parseDate(m[2]!, true);
    if (start === undefined || end === undefined || end < start || start > today) continue;
    out.push({ start, end: Math.min(end, today), current, index: m.index, length: m[0].length });
  }
  if (!out.length) {
    for (const m of text.matchAll(SINCE)) {
      const start = parseDate(m[1]!, false);
      if (start === undefined || start > today) continue;
      out.push({ start, end: today, current: true, index: m.index, length: m[0].length });
    }
  }
  return out;
}

/** Length in months of the union of ranges (overlapping jobs count once). */
export function unionMonths(ranges: { start: number; end: number }[]): number {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let total = 0;
  let curStart = -1;
  let curEnd = -2;
  for (const r of sorted) {
    if (r.start > curEnd + 1) {
      if (curEnd >= curStart && curStart >= 0) total += curEnd - curStart + 1;
      curStart = r.start;
      curEnd = r.end;
    } else curEnd = Math.max(curEnd, r.end);
  }
  if (curStart >= 0) total += curEnd - curStart + 1;
  return total;
}
