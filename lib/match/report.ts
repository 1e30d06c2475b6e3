/**
 * The offline match report: how well a CV fits a posting, with the CV line that is the evidence for
 * every claim. Deterministic and local; no model, no network.
 *
 * Score (0–100) = Σ weight × value over the components that apply, rescaled to the weights that apply
 * (a posting that asks no degree does not lose or give the education points):
 *
 * | component  | weight | value                                                                      |
 * |------------|-------:|----------------------------------------------------------------------------|
 * | must       |     40 | must-have requirements: matched 1, partly 0.5, missing 0 (mean)            |
 * | nice       |     10 | nice-to-have requirements, same scale                                      |
 * | title      |     15 | similarity of the posting title to the closest CV title line (0–1)         |
 * | seniority  |     15 | years shown in the CV ÷ years asked (or implied by "Senior", "Lead"), ≤ 1  |
 * | education  |      5 | degree level in the CV vs asked: at least 1, one level below 0.5, else 0    |
 * | soft       |      5 | share of the soft skills asked that the CV shows                           |
 * | ats        |     10 | share of the ATS searchability checks passed                               |
 */
import { type AtsCheck, atsChecks } from './ats';
import { detectHeading } from './context';
import { dateRanges, unionMonths } from './dates';
import { getSkillExtractor, type SkillExtractor } from './extract-skills';
import { fold } from './tokenize';
import type { MatchCvLine, MatchPosting, SectionKind, SkillKind, SkillMatch } from './types';

export const SCORE_WEIGHTS = { must: 40, nice: 10, title: 15, seniority: 15, education: 5, soft: 5, ats: 10 } as const;
export type ScoreComponentId = keyof typeof SCORE_WEIGHTS;

export interface MatchCv {
  lines: MatchCvLine[];
  /** false for a PDF without a text layer. */
  textLayer?: boolean;
}

export type Importance = 'must' | 'nice';
export type RequirementStatus = 'matched' | 'partial' | 'missing';

export interface Evidence {
  lineId: string;
  /** The whole CV line; `start`/`end` locate the skill in it. */
  text: string;
  start: number;
  end: number;
  /** A fact the user wrote to back a skill the CV does not show (lib/cv/facts.ts); `lineId` is the fact's id. */
  userProvided?: true;
}

/** A user-provided fact as the report reads it: the skill it backs and the user's own words. */
export interface MatchFact {
  id: string;
  skill: string;
  text: string;
}

export interface RequirementResult {
  canonical: string;
  kind: SkillKind;
  importance: Importance;
  status: RequirementStatus;
  /** Why only partly: fewer years than asked, or only a related skill ("React" for "React Native"). */
  reason?: 'years' | 'related';
  related?: string;
  /** The posting sentence that asks for it (offsets into the posting text the report read). */
  asked: { start: number; end: number; text: string };
  yearsAsked?: number;
  /** Years of the dated CV entries that mention the skill. */
  yearsFound?: number;
  evidence?: Evidence;
}

export interface Coverage {
  asked: number;
  matched: number;
  partial: number;
  /** (matched + partial / 2) / asked, or undefined when nothing was asked. */
  ratio?: number;
}

export type Seniority = 'intern' | 'junior' | 'mid' | 'senior' | 'lead' | 'principal' | 'head';
export type DegreeLevel = 'secondary' | 'vocational' | 'bachelor' | 'master' | 'phd';

export interface ScoreComponent {
  id: ScoreComponentId;
  weight: number;
  /** 0–1, or undefined when the posting gives nothing to compare (the weight is then redistributed). */
  value?: number;
  points: number;
}

export interface MatchReport {
  score: number;
  components: ScoreComponent[];
  requirements: RequirementResult[];
  coverage: { hard: Coverage; soft: Coverage };
  title: { posting: string; similarity: number; evidence?: Evidence };
  seniority: { asked?: Seniority; yearsAsked?: number; yearsFound: number; value?: number };
  education: { asked?: DegreeLevel; found?: DegreeLevel; evidence?: Evidence; value?: number };
  ats: AtsCheck[];
  /** Hard skills the posting asks and the CV does not show, must-haves first: candidates to add honestly. */
  missingKeywords: { canonical: string; kind: SkillKind; importance: Importance }[];
  /** Requirements the user removed (keyword chips): they count in neither the requirements nor the score. */
  removed: { canonical: string; kind: SkillKind; importance: Importance }[];
}

export interface ReportOptions {
  now?: Date;
  /** Skills (canonical names, any case) the user removed from this posting's keywords. */
  removed?: string[];
  /** Facts the user gave for skills the CV does not show; they count as evidence, marked user-provided. */
  facts?: MatchFact[];
}

const HARD_KINDS = new Set<SkillKind>(['technology', 'tool', 'domain', 'certification', 'spoken_language']);
/** Sections of a posting that describe the employer's offer, not the candidate. */
const OFFER_SECTIONS = new Set<SectionKind | undefined>(['benefits']);
const STRONG_CV_SECTIONS = new Set<SectionKind | undefined>(['experience', 'projects', 'summary', undefined]);

const SENIORITY: [Seniority, RegExp, number][] = [
  ['intern', /\b(?:intern|internship|trainee|praktikant\w*|praktikum|becari[oa]|pasante|stagiaire|stage|alternan(?:t|ce)|werkstudent\w*)\b/, 0],
  ['junior', /\b(?:junior|jr|entry[ -]level|graduate|debutant|einsteiger)\b/, 0],
  ['mid', /\b(?:mid|intermediate|medior|regular|confirme)\b/, 2],
  ['senior', /\b(?:senior|sr|experienced|experimente|erfahren)\b/, 5],
  ['lead', /\b(?:lead|tech lead|team lead|leiter\w*|lider|responsable)\b/, 7],
  ['principal', /\b(?:principal|staff|architect|architecte|architekt)\b/, 8],
  ['head', /\b(?:head of|director|directeur|directora?|vp|vice president|cto|chief)\b/, 10],
];
const LEVELS = SENIORITY.map(([s]) => s);

const DEGREE_LEVEL: Record<string, DegreeLevel> = {
  'High school diploma': 'secondary',
  'Vocational training': 'vocational',
  'Associate degree': 'vocational',
  Degree: 'bachelor',
  "Bachelor's degree": 'bachelor',
  "Master's degree": 'master',
  MBA: 'master',
  'Cand.merc': 'master',
  PhD: 'phd',
};
const DEGREES: DegreeLevel[] = ['secondary', 'vocational', 'bachelor', 'master', 'phd'];

const TITLE_NOISE = new Set([
  'm', 'f', 'w', 'd', 'x', 'h', 'mwd', 'fmd', 'all', 'genders', 'gn', 'the', 'a', 'an', 'of', 'and', 'for', 'in', 'at', 'de', 'en', 'y', 'et', 'und',
  'senior', 'sr', 'junior', 'jr', 'mid', 'lead', 'principal', 'staff', 'remote', 'hybrid', 'full', 'time', 'part',
]);
const TITLE_SYNONYMS: Record<string, string> = {
  engineer: 'developer', programmer: 'developer', dev: 'developer', developpeur: 'developer', desarrollador: 'developer',
  entwickler: 'developer', ingenieur: 'developer', ingeniero: 'developer', softwareentwickler: 'developer',
  frontend: 'front', backend: 'back', fullstack: 'full', js: 'javascript',
};

function titleTokens(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of fold(s).split(/[^\p{L}\p{N}+#.]+/u)) {
    const t = w.replace(/^\.+|\.+$/g, '');
    if (!t || TITLE_NOISE.has(t)) continue;
    out.add(TITLE_SYNONYMS[t] ?? t.replace(/s$/, ''));
  }
  return out;
}

/** Dice coefficient of the title words (seniority, gender markers and filler left out). */
export function titleSimilarity(a: string, b: string): number {
  const x = titleTokens(a);
  const y = titleTokens(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const t of x) if (y.has(t)) common++;
  return (2 * common) / (x.size + y.size);
}

export function seniorityOf(title: string): Seniority | undefined {
  const t = fold(title);
  let found: Seniority | undefined;
  for (const [level, re] of SENIORITY) if (re.test(t)) found = level;
  return found;
}

interface LineIndex {
  text: string;
  starts: number[];
}

function joinLines(lines: MatchCvLine[]): LineIndex {
  const starts: number[] = [];
  let pos = 0;
  for (const l of lines) {
    starts.push(pos);
    pos += l.text.length + 1;
  }
  return { text: lines.map((l) => l.text).join('\n'), starts };
}

function lineAt(index: LineIndex, offset: number): number {
  let lo = 0;
  let hi = index.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

interface CvFacts {
  matches: { match: SkillMatch; line: number }[];
  /** Months per canonical skill, from the dated entries that mention it. */
  months: Map<string, number>;
  totalMonths: number;
}

function cvFacts(cv: MatchCv, extractor: SkillExtractor, now: Date): CvFacts & { index: LineIndex } {
  const index = joinLines(cv.lines);
  const found = extractor.extract(index.text, { audience: 'cv' });
  const matches = found.map((match) => ({ match, line: lineAt(index, match.start) }));
  // Entries: a dated line opens one; it runs until the next dated line or a heading outside experience.
  const entryOf: (number | undefined)[] = [];
  const entries: { start: number; end: number; experience: boolean }[] = [];
  let current: number | undefined;
  const sections = sectionPerLine(cv.lines);
  cv.lines.forEach((line, i) => {
    const ranges = dateRanges(line.text, now);
    if (ranges.length) {
      const r = ranges[0]!;
      entries.push({ start: r.start, end: r.end, experience: sections[i] !== 'education' });
      current = entries.length - 1;
    } else if (sections[i] && sections[i] !== sections[i - 1] && !['experience', 'projects'].includes(sections[i]!)) {
      current = undefined;
    }
    entryOf.push(current);
  });
  const rangesPerSkill = new Map<string, { start: number; end: number }[]>();
  for (const { match, line } of matches) {
    const e = entryOf[line];
    if (e === undefined || !entries[e]!.experience) continue;
    const list = rangesPerSkill.get(match.canonical) ?? [];
    list.push(entries[e]!);
    rangesPerSkill.set(match.canonical, list);
  }
  const months = new Map([...rangesPerSkill].map(([k, v]) => [k, unionMonths(v)]));
  return { matches, months, totalMonths: unionMonths(entries.filter((e) => e.experience)), index };
}

/** The CV section of each line: the last heading above it. */
function sectionPerLine(lines: MatchCvLine[]): (SectionKind | undefined)[] {
  const out: (SectionKind | undefined)[] = [];
  let section: SectionKind | undefined;
  for (const l of lines) {
    section = detectHeading(l.text, 'cv') ?? section;
    out.push(section);
  }
  return out;
}

function evidenceOf(cv: MatchCv, line: number, m: SkillMatch, index: LineIndex): Evidence {
  const l = cv.lines[line]!;
  const offset = index.starts[line]!;
  return { lineId: l.id, text: l.text, start: m.start - offset, end: m.end - offset };
}

const relatedNames = (a: string, b: string) => {
  const x = fold(a).split(/\s+/);
  const y = fold(b).split(/\s+/);
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length < long.length && short.every((w, i) => long[i] === w);
};

/** The report for one posting and one CV, with an extractor already loaded. */
export function createMatchReport(posting: MatchPosting, cv: MatchCv, extractor: SkillExtractor, options: ReportOptions = {}): MatchReport {
  const now = options.now ?? new Date();
  const { postingText, asked, requirements: all, softAsked } = askedRequirements(posting, extractor);
  const removedKeys = new Set((options.removed ?? []).map(fold));
  const requirements = all.filter((r) => !removedKeys.has(fold(r.canonical)));
  const removed = all.filter((r) => removedKeys.has(fold(r.canonical))).map(({ canonical, kind, importance }) => ({ canonical, kind, importance }));
  const facts = cvFacts(cv, extractor, now);
  const byCanonical = new Map<string, { match: SkillMatch; line: number }[]>();
  for (const f of facts.matches) {
    const list = byCanonical.get(f.match.canonical) ?? [];
    list.push(f);
    byCanonical.set(f.match.canonical, list);
  }
  const userFacts = new Map<string, MatchFact>();
  for (const f of options.facts ?? []) if (!userFacts.has(fold(f.skill))) userFacts.set(fold(f.skill), f);

  for (const req of requirements) {
    const hits = byCanonical.get(req.canonical);
    if (hits?.length) {
      const best = hits.find((h) => STRONG_CV_SECTIONS.has(h.match.context.section)) ?? hits[0]!;
      req.evidence = evidenceOf(cv, best.line, best.match, facts.index);
      const months = facts.months.get(req.canonical);
      if (months !== undefined) req.yearsFound = Math.round((months / 12) * 10) / 10;
      req.status = req.yearsAsked && req.yearsFound !== undefined && req.yearsFound < req.yearsAsked ? 'partial' : 'matched';
      if (req.status === 'partial') req.reason = 'years';
      continue;
    }
    const fact = userFacts.get(fold(req.canonical));
    if (fact) {
      req.status = 'matched';
      req.evidence = factEvidence(fact, req.canonical);
      continue;
    }
    const related = facts.matches.find((f) => f.match.kind === req.kind && relatedNames(f.match.canonical, req.canonical));
    if (related) {
      req.status = 'partial';
      req.reason = 'related';
      req.related = related.match.canonical;
      req.evidence = evidenceOf(cv, related.line, related.match, facts.index);
    }
  }

  const coverageOf = (list: RequirementResult[]): Coverage => {
    const matched = list.filter((r) => r.status === 'matched').length;
    const partial = list.filter((r) => r.status === 'partial').length;
    return { asked: list.length, matched, partial, ratio: list.length ? (matched + partial / 2) / list.length : undefined };
  };
  const softMatched = [...softAsked].filter((s) => byCanonical.has(s)).length;
  const soft: Coverage = { asked: softAsked.size, matched: softMatched, partial: 0, ratio: softAsked.size ? softMatched / softAsked.size : undefined };

  // Title: the CV's short lines (headline, positions) against the posting title.
  let title: MatchReport['title'] = { posting: posting.title, similarity: 0 };
  cv.lines.forEach((l) => {
    if (l.text.split(/\s+/).length > 12) return;
    const similarity = titleSimilarity(posting.title, l.text);
    if (similarity > title.similarity) title = { posting: posting.title, similarity, evidence: { lineId: l.id, text: l.text, start: 0, end: l.text.length } };
  });
  title.similarity = Math.round(title.similarity * 100) / 100;

  // Seniority and years.
  const level = seniorityOf(posting.title);
  const yearsInPosting = asked.map((m) => m.context.years ?? 0).concat(yearsStated(postingText));
  const explicitYears = Math.max(0, ...yearsInPosting);
  const yearsAsked = explicitYears || (level ? SENIORITY[LEVELS.indexOf(level)]![2] : 0);
  const yearsFound = Math.round((facts.totalMonths / 12) * 10) / 10;
  const seniority: MatchReport['seniority'] = { yearsFound };
  if (level) seniority.asked = level;
  if (yearsAsked) {
    seniority.yearsAsked = yearsAsked;
    seniority.value = Math.min(1, yearsFound / yearsAsked);
  } else if (level === 'intern' || level === 'junior') seniority.value = 1;

  // Education: the lowest degree the posting accepts against the highest in the CV.
  const education: MatchReport['education'] = {};
  // "PhD position" names the job, not a degree the applicant must hold.
  const askedDegrees = asked
    .filter((m) => !m.context.inRole)
    .map((m) => DEGREE_LEVEL[m.canonical])
    .filter((d): d is DegreeLevel => !!d);
  if (askedDegrees.length) education.asked = DEGREES[Math.min(...askedDegrees.map((d) => DEGREES.indexOf(d)))];
  for (const f of facts.matches) {
    const d = DEGREE_LEVEL[f.match.canonical];
    if (d && (!education.found || DEGREES.indexOf(d) > DEGREES.indexOf(education.found))) {
      education.found = d;
      education.evidence = evidenceOf(cv, f.line, f.match, facts.index);
    }
  }
  if (education.asked) {
    const gap = DEGREES.indexOf(education.asked) - (education.found ? DEGREES.indexOf(education.found) : -1);
    education.value = gap <= 0 ? 1 : gap === 1 ? 0.5 : 0;
  }

  const ats = atsChecks({ lines: cv.lines, textLayer: cv.textLayer, now });
  const must = coverageOf(requirements.filter((r) => r.importance === 'must'));
  const nice = coverageOf(requirements.filter((r) => r.importance === 'nice'));
  const values: Record<ScoreComponentId, number | undefined> = {
    must: must.ratio,
    nice: nice.ratio,
    title: title.similarity,
    seniority: seniority.value,
    education: education.value,
    soft: soft.ratio,
    ats: ats.filter((c) => c.ok).length / ats.length,
  };
  const applicable = (Object.keys(SCORE_WEIGHTS) as ScoreComponentId[]).filter((id) => values[id] !== undefined);
  const totalWeight = applicable.reduce((n, id) => n + SCORE_WEIGHTS[id], 0);
  const components: ScoreComponent[] = (Object.keys(SCORE_WEIGHTS) as ScoreComponentId[]).map((id) => {
    const value = values[id];
    const points = value === undefined ? 0 : (SCORE_WEIGHTS[id] * 100 * value) / totalWeight;
    return { id, weight: SCORE_WEIGHTS[id], ...(value === undefined ? {} : { value: Math.round(value * 100) / 100 }), points: Math.round(points * 10) / 10 };
  });
  const score = Math.round(components.reduce((n, c) => n + c.points, 0));

  const missingKeywords = requirements
    .filter((r) => r.status === 'missing')
    .sort((a, b) => Number(a.importance === 'nice') - Number(b.importance === 'nice'))
    .map(({ canonical, kind, importance }) => ({ canonical, kind, importance }));

  return {
    score,
    components,
    requirements,
    coverage: { hard: coverageOf(requirements), soft },
    title,
    seniority,
    education,
    ats,
    missingKeywords,
    removed,
  };
}

/** The fact as evidence; `start`/`end` locate the skill's name in it when the user wrote it. */
export function factEvidence(fact: MatchFact, skill: string = fact.skill): Evidence {
  const at = fold(fact.text).indexOf(fold(skill));
  const [start, end] = at >= 0 && fold(fact.text).length === fact.text.length ? [at, at + skill.length] : [0, 0];
  return { lineId: fact.id, text: fact.text, start, end, userProvided: true };
}

/**
 * What the posting asks, without any CV: one requirement per canonical hard skill in the order the
 * posting names them (all `missing`), and the soft skills asked.
 */
export function askedRequirements(posting: MatchPosting, extractor: SkillExtractor) {
  const postingText = postingTextOf(posting);
  const asked = extractor.extract(postingText, { audience: 'posting' }).filter((m) => !OFFER_SECTIONS.has(m.context.section));
  const sectionImportance = sectionsImportance(posting, extractor);
  const requirements: RequirementResult[] = [];
  const softAsked = new Set<string>();
  const seen = new Map<string, RequirementResult>();
  for (const m of asked) {
    if (m.kind === 'soft_skill') {
      softAsked.add(m.canonical);
      continue;
    }
    if (!HARD_KINDS.has(m.kind)) continue;
    const importance: Importance = sectionImportance.get(m.canonical) ?? (m.context.requirement === 'preferred' ? 'nice' : 'must');
    const prev = seen.get(m.canonical);
    if (prev) {
      if (importance === 'must') prev.importance = 'must';
      if (m.context.years && (prev.yearsAsked ?? 0) < m.context.years) prev.yearsAsked = m.context.years;
      continue;
    }
    const sentence = sentenceAround(postingText, m.start, m.end);
    const req: RequirementResult = { canonical: m.canonical, kind: m.kind, importance, status: 'missing', asked: sentence };
    if (m.context.years) req.yearsAsked = m.context.years;
    seen.set(m.canonical, req);
    requirements.push(req);
  }
  return { postingText, asked, requirements, softAsked };
}

/** The report with the shipped taxonomy (loaded on first use). */
export async function matchReport(posting: MatchPosting, cv: MatchCv, options?: ReportOptions): Promise<MatchReport> {
  return createMatchReport(posting, cv, await getSkillExtractor(), options);
}

/** Title, description, then any pre-split sections not already in the description. */
export function postingTextOf(posting: MatchPosting): string {
  const parts = [posting.title, posting.description ?? ''];
  const description = posting.description ?? '';
  const sections = posting.sections ?? {};
  const blocks: [string, string[] | undefined][] = [
    ['Responsibilities', sections.responsibilities],
    ['Requirements', sections.requirements],
    ['Nice to have', sections.niceToHave],
  ];
  for (const [heading, items] of blocks) {
    const missing = (items ?? []).filter((i) => !description.includes(i));
    if (missing.length) parts.push(`${heading}\n${missing.map((i) => `• ${i}`).join('\n')}`);
  }
  return parts.filter(Boolean).join('\n\n');
}

/** Skills named in the posting's own nice-to-have / requirements lists: those lists decide importance. */
function sectionsImportance(posting: MatchPosting, extractor: SkillExtractor): Map<string, Importance> {
  const out = new Map<string, Importance>();
  for (const item of posting.sections?.requirements ?? []) for (const m of extractor.extract(item)) out.set(m.canonical, 'must');
  for (const item of posting.sections?.niceToHave ?? []) {
    for (const m of extractor.extract(item)) if (!out.has(m.canonical)) out.set(m.canonical, 'nice');
  }
  return out;
}

function sentenceAround(text: string, start: number, end: number): { start: number; end: number; text: string } {
  let s = start;
  while (s > 0 && !/[\n.!?;]/.test(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && !/[\n!?;]/.test(text[e]!) && !(text[e] === '.' && /\s/.test(text[e + 1] ?? ' '))) e++;
  if (text[e] && /[.!?;]/.test(text[e]!)) e++;
  while (s < start && /[\s•·▪*\-–]/.test(text[s]!)) s++;
  return { start: s, end: e, text: text.slice(s, e) };
}

function yearsStated(text: string): number[] {
  const out: number[] = [];
  for (const m of fold(text).matchAll(/\b(\d{1,2})\s*\+?\s*(?:-\s*\d{1,2}\s*)?(?:years?|yrs?|anos|ans|annees|jahren?)\b/g)) {
    const n = Number(m[1]);
    if (n > 0 && n <= 15) out.push(n);
  }
  return out;
}
