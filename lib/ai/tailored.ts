import { type Change, diffLines, diffWords } from 'diff';
import { importCvText } from '../cv/import/index';
import type { Cv } from '../cv/model';
import { detectHeading } from '../match/context';
import type { SkillExtractor } from '../match/extract-skills';
import { type CheckedText, checkTailoredCv, type Flag } from './post-check';
import { type AiFact, contactValues, cvPromptLines, isContactLine } from './prompts';
import type { CvSection, TailoredCv, TailoredLine } from './schemas';
import { stripInvisibleDeep } from './text';

/**
 * From a validated tailored CV to what the UI shows and saves: every line post-checked and compared
 * with the master lines it cites (word diff), the master lines it dropped, a line diff of the whole
 * text, and — once the user has decided on the flagged lines — a CV model made of the accepted lines.
 */

export type LineChange = 'unchanged' | 'changed' | 'added';

export interface ReviewLine extends CheckedText {
  section: CvSection;
  kind: TailoredLine['kind'];
  /** `unchanged`: the text of a cited master line; `changed`: rewritten from master lines; `added`: from facts only. */
  change: LineChange;
  /** Word diff against the cited master lines (joined), for `changed` lines. */
  parts?: Change[];
  /** Flagged lines stay out of the saved CV until the user approves them. */
  blocked: boolean;
}

export interface TailoringReview {
  lines: ReviewLine[];
  /** Master lines (contact lines aside) that no tailored line cites. */
  removed: { id: string; text: string }[];
  /** Line diff of the master text against the tailored text. */
  diff: Change[];
  flagged: number;
}

export interface ReviewInput {
  master: Cv;
  tailored: TailoredCv;
  facts?: readonly AiFact[];
  confirmedKeywords?: readonly string[];
  extractor?: SkillExtractor;
}

/** Post-check + diff of a tailored CV (also one updated from guided answers). */
export async function reviewTailoredCv(input: ReviewInput): Promise<TailoringReview> {
  const tailored = stripInvisibleDeep(input.tailored);
  const masterLines = input.master.source.lines.map(({ id, text }) => ({ id, text }));
  const byId = new Map(masterLines.map((l) => [l.id, l.text]));
  const checked = await checkTailoredCv(
    tailored,
    { lines: masterLines, facts: input.facts ?? [], confirmedKeywords: input.confirmedKeywords ?? [] },
    input.extractor ? { extractor: input.extractor } : {},
  );
  const lines: ReviewLine[] = checked.map((c, i) => {
    const line = tailored.lines[i]!;
    const cited = c.sources.filter((id) => byId.has(id)).map((id) => byId.get(id)!);
    const change: LineChange = !cited.length ? 'added' : cited.some((t) => t.trim() === line.text.trim()) && cited.length === 1 ? 'unchanged' : 'changed';
    return {
      ...c,
      section: line.section,
      kind: line.kind,
      change,
      ...(change === 'changed' ? { parts: diffWords(cited.join(' '), line.text) } : {}),
      blocked: c.flags.length > 0,
    };
  });
  const citedIds = new Set(lines.flatMap((l) => l.sources));
  const visible = cvPromptLines({ basics: input.master.basics, source: { lines: masterLines } });
  const removed = visible.filter((l) => !citedIds.has(l.id) && !detectHeading(l.text, 'cv'));
  const diff = diffLines(`${visible.map((l) => l.text).join('\n')}\n`, `${lines.map((l) => l.text).join('\n')}\n`);
  return { lines, removed, diff, flagged: lines.filter((l) => l.blocked).length };
}

const DEFAULT_HEADINGS: Record<CvSection, string> = {
  summary: 'Summary',
  experience: 'Experience',
  projects: 'Projects',
  education: 'Education',
  skills: 'Skills',
  certifications: 'Certifications',
  awards: 'Awards',
  publications: 'Publications',
  volunteer: 'Volunteering',
  languages: 'Languages',
  other: 'Other',
};

/** The master's own heading above a cited line (keeps the CV's language), else an English one. */
function headingFor(master: Cv, section: CvSection, sources: string[]): string {
  const lines = master.source.lines;
  for (const id of sources) {
    const at = lines.findIndex((l) => l.id === id);
    for (let i = at - 1; i >= 0; i--) {
      if (detectHeading(lines[i]!.text, 'cv')) return lines[i]!.text;
    }
  }
  return DEFAULT_HEADINGS[section];
}

export interface MergedCv {
  cv: Cv;
  /** The text the CV model was read from (what PDF/DOCX export shows). */
  text: string;
  /** Lines left out because they are flagged and not approved. */
  left: ReviewLine[];
}

/**
 * The tailored CV model: the master's name and contact lines, then the accepted lines grouped by
 * section in the tailored order. Flagged lines are included only when their index is in `approved`
 * ("I can back this up"). Read back through the CV importer, so entries, dates and skills are
 * structured like any imported CV; the master's contact details are kept as they were.
 */
export function mergeTailoredCv(master: Cv, review: TailoringReview, approved: ReadonlySet<number> = new Set()): MergedCv {
  const accepted = review.lines.filter((l) => !l.blocked || approved.has(l.index));
  const left = review.lines.filter((l) => l.blocked && !approved.has(l.index));
  const contact = contactValues(master.basics);
  const head = master.source.lines.filter((l, i) => (i === 0 && l.text.trim() === master.basics.name?.trim()) || isContactLine(l.text, contact)).map((l) => l.text);
  const order: CvSection[] = [];
  const bySection = new Map<CvSection, ReviewLine[]>();
  for (const line of accepted) {
    if (!bySection.has(line.section)) {
      bySection.set(line.section, []);
      order.push(line.section);
    }
    bySection.get(line.section)!.push(line);
  }
  const out = [...head];
  for (const section of order) {
    const lines = bySection.get(section)!;
    out.push(headingFor(master, section, lines.flatMap((l) => l.sources)));
    for (const l of lines) out.push(l.kind === 'bullet' ? `• ${l.text}` : l.text);
  }
  const text = `${out.join('\n')}\n`;
  const parsed = importCvText(text, { fileName: master.source.fileName ?? 'tailored.txt' });
  const { name, label, email, phone, url, location, profiles, image } = master.basics;
  const kept = Object.fromEntries(Object.entries({ name, label, email, phone, url, location, profiles, image }).filter(([, v]) => v !== undefined));
  const cv: Cv = { ...parsed, basics: { ...parsed.basics, ...kept }, ...(master.extra ? { extra: structuredClone(master.extra) } : {}) };
  return { cv, text, left };
}

/** Flags of the lines still blocked, for the "n lines need your approval" summary. */
export function pendingFlags(review: TailoringReview, approved: ReadonlySet<number>): { index: number; flags: Flag[] }[] {
  return review.lines.filter((l) => l.blocked && !approved.has(l.index)).map((l) => ({ index: l.index, flags: l.flags }));
}
