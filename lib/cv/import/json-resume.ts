import { AppError } from '../../util/errors';
import {
  type Cv,
  type CvLine,
  cvSchema,
  type CvWarning,
  emptyCv,
  isoPartialDateSchema,
  jsonResumeSections,
  type JsonResumeSection,
} from '../model';
import { toIsoDate } from '../parse/dates';

/**
 * JSON Resume → CV model, unchanged: entries keep every property (known or not), so exporting gives the
 * same document back. The source lines are the JSON file's own lines; each entry cites the lines of
 * its object. Dates that are not JSON Resume dates are converted ("Jan 2020" → "2020-01") or dropped,
 * with a warning.
 */
export function readJsonResume(text: string, fileName?: string): Cv {
  let json: unknown;
  try {
    // Keys that reach object prototypes are refused, not dropped: such a file was not written by a CV tool.
    json = JSON.parse(text.replace(/^\uFEFF/, ''), (key, value: unknown) => {
      if (UNSAFE_KEYS.has(key)) throw new AppError('cv_unsafe', key);
      return value;
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('cv_corrupt', 'json');
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new AppError('cv_unsupported_type', 'json');
  const input = json as Record<string, unknown>;
  const hasResumeKeys = ['basics', ...jsonResumeSections].some((k) => k in input);
  if (!hasResumeKeys) throw new AppError('cv_unsupported_type', 'json');

  const rawLines = text.replace(/\r\n?/g, '\n').split('\n');
  const lines: CvLine[] = [];
  const idByLine = new Map<number, string>();
  rawLines.forEach((t, i) => {
    if (!t.trim() || /^[\s[\]{},]*$/.test(t)) return;
    const id = `l${lines.length + 1}`;
    lines.push({ id, text: t.trim(), origin: { line: i + 1 } });
    idByLine.set(i, id);
  });

  const cv = emptyCv({ format: 'json-resume', ...(fileName ? { fileName } : {}), lines });
  const warnings: CvWarning[] = [];
  const locate = createLocator(rawLines, idByLine);

  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'basics' || (jsonResumeSections as readonly string[]).includes(key)) continue;
    extra[key] = value;
  }
  if (Object.keys(extra).length > 0) cv.extra = extra;

  if (input.basics && typeof input.basics === 'object') {
    const basics = { ...(input.basics as Record<string, unknown>) };
    cv.basics = { ...basics, sourceLineIds: locate('basics', basics) };
  }
  for (const section of jsonResumeSections) {
    const entries = input[section];
    if (!Array.isArray(entries)) continue;
    (cv[section] as unknown[]) = entries
      .filter((e): e is Record<string, unknown> => Boolean(e) && typeof e === 'object')
      .map((e) => ({ ...fixDates(e, section, warnings), sourceLineIds: locate(section, e) }));
  }
  cv.warnings = warnings;
  const parsed = cvSchema.safeParse(cv);
  if (!parsed.success) throw new AppError('cv_corrupt', 'json-resume');
  return parsed.data;
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const dateKeys = ['startDate', 'endDate', 'date', 'releaseDate'];

function fixDates(entry: Record<string, unknown>, section: JsonResumeSection, warnings: CvWarning[]): Record<string, unknown> {
  const out = { ...entry };
  for (const key of dateKeys) {
    const value = out[key];
    if (value === undefined || isoPartialDateSchema.safeParse(value).success) continue;
    const iso = typeof value === 'string' ? toIsoDate(value) : undefined;
    if (iso) out[key] = iso;
    else delete out[key];
    warnings.push({ code: 'invalid_date', detail: `${section}.${key}: ${String(value)}` });
  }
  return out;
}

/**
 * Finds the lines of each object: from the line where its first string value appears (searching from
 * the section's key onwards) to the line that closes the object.
 */
function createLocator(rawLines: string[], idByLine: Map<number, string>) {
  const cursors = new Map<string, number>();
  return (section: string, entry: Record<string, unknown>): string[] => {
    if (!cursors.has(section)) {
      const key = new RegExp(`"${section}"\\s*:`);
      cursors.set(section, Math.max(0, rawLines.findIndex((l) => key.test(l))));
    }
    const cursor = cursors.get(section)!;
    let start = -1;
    for (const v of Object.values(entry)) {
      if (typeof v !== 'string') continue;
      const needle = JSON.stringify(v);
      const at = rawLines.findIndex((l, i) => i >= cursor && l.includes(needle));
      if (at >= 0 && (start < 0 || at < start)) start = at;
    }
    if (start < 0) return [];
    const end = endOfObject(rawLines, start);
    cursors.set(section, end + 1);
    const ids: string[] = [];
    for (let i = start; i <= end; i++) {
      const id = idByLine.get(i);
      if (id) ids.push(id);
    }
    return ids;
  };
}

/** The last line of the object that contains line `from` (counting braces outside strings). */
function endOfObject(rawLines: string[], from: number): number {
  let depth = 1;
  for (let i = from; i < rawLines.length; i++) {
    const line = rawLines[i]!.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    for (const ch of line) {
      if (ch === '{' || ch === '[') depth++;
      if (ch === '}' || ch === ']') depth--;
      if (depth === 0) return i;
    }
  }
  return rawLines.length - 1;
}
