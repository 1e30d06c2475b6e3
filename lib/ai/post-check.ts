import type { SkillExtractor } from '../match/extract-skills';
import { getSkillExtractor } from '../match/extract-skills';
import { fold, tokenize, type Token } from '../match/tokenize';
import type { SkillKind } from '../match/types';
import type { AiFact, PromptCvLine } from './prompts';
import type { CoverLetter, TailoredCv } from './schemas';
import { stripInvisible } from './text';

/**
 * The fabrication post-check: every generated text is compared with the CV lines and user facts it
 * cites. Anything factual in it that none of its sources states is flagged with a reason code, and the
 * UI blocks the flagged text until the user approves it ("I can back this up"). The check is
 * deliberately strict (a derived number such as a total of years is flagged too): a false alarm costs
 * one click, a missed fabrication costs the user's credibility.
 *
 * What counts as a fact, and its reason code when the sources do not state it:
 * - `no_citation` / `unknown_citation`: no sources, or an id that is neither a CV line nor a fact.
 * - `new_skill`, `new_degree`, `new_certification`, `new_language`: taxonomy skills (lib/match's
 *   extractor) by kind; a confirmed keyword chip is allowed on a line that has valid sources.
 * - `new_date`: years, month-year dates, "present" for a job the sources end.
 * - `new_number`: numbers and metrics (%, currency, k/M, written numbers such as "twelve").
 * - `new_title`: role and seniority words (Senior, Lead, Principal, Head, Director, Manager, …).
 * - `new_claim`: kinds of achievement (award, patent, publication, certification, volunteer, …).
 * - `new_employer`, `new_school`, `new_location`, `new_name`: proper names (capitalised words,
 *   acronyms, names with digits) classified by the words around them.
 */

export const FLAG_REASONS = [
  'no_citation',
  'unknown_citation',
  'new_employer',
  'new_title',
  'new_degree',
  'new_certification',
  'new_school',
  'new_location',
  'new_language',
  'new_date',
  'new_number',
  'new_skill',
  'new_claim',
  'new_name',
] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

export interface Flag {
  reason: FlagReason;
  /** The words of the output (or the unknown id) that caused the flag. */
  detail: string;
}

export interface CheckedText {
  /** Index in the checked list (tailored lines, cover-letter paragraphs). */
  index: number;
  text: string;
  sources: string[];
  flags: Flag[];
}

export interface CheckEvidence {
  /** The master CV's lines (all of them: a citation of any line is valid). */
  lines: readonly PromptCvLine[];
  facts?: readonly AiFact[];
  /** Confirmed keyword chips: the only keywords that may appear without being in the sources. */
  confirmedKeywords?: readonly string[];
  /**
   * Phrases that may appear anywhere without a source, removed before the check: the posting's
   * company and title in a cover letter ("I am applying for the Data Engineer role at Globex").
   */
  allowedPhrases?: readonly string[];
}

export interface CheckOptions {
  extractor?: SkillExtractor;
}

const TITLE_WORDS = new Set([
  'senior', 'sr', 'junior', 'jr', 'principal', 'staff', 'head', 'chief', 'director', 'vp', 'president', 'manager',
  'architect', 'cto', 'ceo', 'cfo', 'coo', 'cio', 'founder', 'cofounder', 'co-founder', 'partner', 'intern', 'associate',
  'executive', 'officer', 'supervisor', 'fellow', 'distinguished',
  // Spanish, French, German.
  'jefe', 'jefa', 'gerente', 'directora', 'responsable', 'directeur', 'directrice', 'chef', 'leiter', 'leiterin',
  'geschaftsfuhrer', 'geschaftsfuhrerin', 'abteilungsleiter', 'teamleiter',
]);
/** "lead" is a title only before a role noun or after "as a", not as a verb ("lead the migration"). */
const ROLE_NOUNS = new Set([
  'engineer', 'developer', 'architect', 'scientist', 'analyst', 'designer', 'consultant', 'manager', 'programmer',
  'researcher', 'administrator', 'specialist', 'software', 'backend', 'frontend', 'data', 'platform', 'product',
]);
const CLAIM_STEMS = [
  'award', 'prize', 'winner', 'won', 'honor', 'honour', 'patent', 'publish', 'publication', 'paper', 'journal',
  'keynote', 'speaker', 'volunteer', 'certified', 'certification', 'certificate', 'founded', 'maintainer',
  'contributor', 'scholarship', 'fellowship', 'ranked', 'recogni', 'nominated', 'accredited', 'licensed',
  // Spanish, French, German.
  'premio', 'premiado', 'galardon', 'patente', 'publicado', 'publicacion', 'voluntari', 'certificado', 'prix',
  'laureat', 'brevet', 'publie', 'benevol', 'certifie', 'preis', 'auszeichnung', 'ausgezeichnet', 'veroffentlich',
  'ehrenamt', 'zertifi',
];
const PRESENT = /\b(?:present|current|currently|now|today|ongoing|actualidad|presente|aujourd'hui|heute)\b/i;
const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
  ene: 1, enero: 1, febrero: 2, marzo: 3, abr: 4, abril: 4, mayo: 5, junio: 6, julio: 7, ago: 8, agosto: 8, septiembre: 9,
  octubre: 10, noviembre: 11, dic: 12, diciembre: 12, janv: 1, janvier: 1, fevr: 2, fevrier: 2, mars: 3, avr: 4, avril: 4,
  mai: 5, juin: 6, juil: 7, juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
};
const MONTH_YEAR = new RegExp(`\\b(${Object.keys(MONTHS).join('|')})\\.?\\s+((?:19|20)\\d{2})\\b|\\b(0?[1-9]|1[0-2])[/.]((?:19|20)\\d{2})\\b|\\b((?:19|20)\\d{2})-(0[1-9]|1[0-2])\\b`, 'g');
const YEAR = /\b(?:19|20)\d{2}\b/g;
/** "one" is left out: it is a pronoun as often as a count ("one of the services"). */
const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12, dozens: 12, hundreds: 100, thousands: 1000,
  doubled: 2, tripled: 3,
};
const MULTIPLIERS: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9 };
const NUMBER = /(?<![\p{L}\p{N}.,])([$€£¥]\s?)?(\d+(?:[.,]\d+)*)(?:\s?(%|percent\b|k\b|mm?\b|bn?\b|million\b|billion\b|thousand\b|x\b))?/giu;
const EMPLOYER_CUES = new Set(['at', 'for', 'with', 'joined', 'join', 'client', 'clients', 'customer', 'customers', 'partner', 'partnered', 'by', 'chez', 'bei', 'en']);
const COMPANY_SUFFIXES = new Set(['inc', 'gmbh', 'ltd', 'llc', 'ag', 'corp', 'corporation', 'sa', 'plc', 'co', 'group', 'labs', 'bank', 'technologies', 'systems', 'consulting']);
const SCHOOL_WORDS = new Set(['university', 'college', 'school', 'institute', 'academy', 'universitat', 'universidad', 'universite', 'hochschule', 'polytechnic']);
const LOCATION_CUES = new Set(['in', 'from', 'near', 'based', 'across', 'relocated', 'offices']);
/** Degree words by level; the short ones only as written in capitals ("MS", not "200 ms"). */
const DEGREE_LEVELS: Record<string, string> = {
  bachelor: 'bachelor', bsc: 'bachelor', beng: 'bachelor', btech: 'bachelor', 'b.sc': 'bachelor', 'b.s': 'bachelor', 'b.a': 'bachelor',
  master: 'master', msc: 'master', meng: 'master', mtech: 'master', 'm.sc': 'master', 'm.s': 'master', 'm.a': 'master', diplom: 'master',
  mba: 'mba', phd: 'phd', 'ph.d': 'phd', doctorate: 'phd', doctoral: 'phd', dphil: 'phd', doctor: 'phd',
};
const CASED_DEGREES: Record<string, string> = { BA: 'bachelor', BS: 'bachelor', MA: 'master', MS: 'master' };
const CANONICAL_DEGREE_LEVELS: Record<string, string> = { "Bachelor's degree": 'bachelor', "Master's degree": 'master', MBA: 'mba', PhD: 'phd' };
const degreeLevel = (t: Token) => (t.word ? (CASED_DEGREES[t.raw] ?? DEGREE_LEVELS[t.key]) : undefined);
/** Words before a name that make it an employer even when the taxonomy knows the name ("at Stripe"). */
const STRONG_EMPLOYER_CUES = new Set(['at', 'joined', 'chez', 'bei']);
/** Capitalised words that are not names. */
const NOT_NAMES = new Set(['i', 'a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'my', 'our', 'we', 'cv', 'ok']);

interface Num {
  value: number;
  percent: boolean;
}

function parseNumber(digits: string): number {
  // "1,200" and "1.200" are thousands; "1.5" and "2,5" are decimals.
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(digits)) return Number(digits.replace(/[.,]/g, ''));
  return Number(digits.replace(',', '.'));
}

/** Same-length blanks, so offsets stay valid. */
const blank = (s: string) => s.replace(/[^\n]/g, ' ');

interface Facts {
  years: Set<string>;
  monthYears: Set<string>;
  numbers: Num[];
  present: boolean;
}

/** Dates and numbers of a text; `masked` is the text with them blanked for the later checks. */
function datesAndNumbers(text: string): Facts & { masked: string; found: { kind: 'date' | 'number'; text: string; key: string; num?: Num }[] } {
  const found: { kind: 'date' | 'number'; text: string; key: string; num?: Num }[] = [];
  const folded = fold(text);
  let masked = folded;
  const monthYears = new Set<string>();
  for (const m of folded.matchAll(MONTH_YEAR)) {
    const year = m[2] ?? m[4] ?? m[5]!;
    const month = m[1] ? MONTHS[m[1]]! : Number(m[3] ?? m[6]);
    const key = `${year}-${month}`;
    monthYears.add(key);
    found.push({ kind: 'date', text: text.slice(m.index, m.index + m[0].length), key });
    masked = masked.slice(0, m.index) + blank(m[0]) + masked.slice(m.index + m[0].length);
  }
  const years = new Set<string>();
  for (const m of folded.matchAll(YEAR)) {
    years.add(m[0]);
    found.push({ kind: 'date', text: m[0], key: m[0] });
    masked = masked.slice(0, m.index) + blank(m[0]) + masked.slice(m.index + 4);
  }
  const numbers: Num[] = [];
  for (const m of masked.matchAll(NUMBER)) {
    const unit = (m[3] ?? '').toLowerCase();
    const num: Num = {
      value: parseNumber(m[2]!) * (MULTIPLIERS[unit] ?? 1),
      percent: unit === '%' || unit === 'percent',
    };
    numbers.push(num);
    found.push({ kind: 'number', text: text.slice(m.index, m.index + m[0].length).trim(), key: `${num.value}${num.percent ? '%' : ''}`, num });
  }
  masked = masked.replace(NUMBER, (s) => blank(s));
  for (const t of tokenize(masked)) {
    const value = NUMBER_WORDS[t.key] ?? NUMBER_WORDS[t.raw];
    if (value === undefined) continue;
    const num = { value, percent: false };
    numbers.push(num);
    found.push({ kind: 'number', text: text.slice(t.start, t.end), key: String(value), num });
  }
  return { years, monthYears, numbers, present: PRESENT.test(folded), masked, found };
}

interface EvidenceIndex {
  /** Folded word keys (wordKey) of the sources. */
  words: Set<string>;
  /** Folded text of the sources, for multi-word lookups. */
  text: string;
  skills: Set<string>;
  claims: Set<string>;
  degrees: Set<string>;
  facts: Facts;
}

function indexEvidence(texts: string[], skillsOf: (text: string) => string[], extraSkills: string[], extractor: SkillExtractor): EvidenceIndex {
  const text = texts.join('\n');
  const words = new Set<string>();
  const claims = new Set<string>();
  const degrees = new Set<string>();
  for (const t of tokenize(text)) {
    if (!t.word) continue;
    words.add(t.key);
    const stem = claimStem(t.key);
    if (stem) claims.add(stem);
    const level = degreeLevel(t);
    if (level) degrees.add(level);
  }
  const skills = new Set<string>();
  for (const line of texts) for (const c of skillsOf(line)) skills.add(c);
  for (const s of extraSkills) for (const c of canonicalsOf(s, extractor)) skills.add(c);
  for (const c of skills) if (CANONICAL_DEGREE_LEVELS[c]) degrees.add(CANONICAL_DEGREE_LEVELS[c]);
  return { words, claims, degrees, text: ` ${fold(text).replace(/[^\p{L}\p{N}%$€£+#.]+/gu, ' ')} `, skills, facts: datesAndNumbers(text) };
}

/** Canonical skills of a keyword chip or fact skill ("k8s" → Kubernetes); its own name when unknown. */
function canonicalsOf(keyword: string, extractor: SkillExtractor): string[] {
  const found = extractor.extract(keyword, { audience: 'cv' }).map((m) => m.canonical);
  const direct = extractor.lookup(keyword.trim())?.canonical;
  return [...new Set([...found, ...(direct ? [direct] : []), keyword.trim()])];
}

/** The claim stem a word belongs to: exact for short stems ("won"), a prefix for longer ones ("awarded"). */
function claimStem(key: string): string | undefined {
  return CLAIM_STEMS.find((stem) => key === stem || (stem.length >= 5 && key.startsWith(stem)));
}

const sameNum = (a: Num, b: Num) => Math.abs(a.value - b.value) < 1e-9 && a.percent === b.percent;
const phraseIn = (index: EvidenceIndex, phrase: string) => {
  const p = fold(phrase).replace(/[^\p{L}\p{N}%$€£+#.]+/gu, ' ').trim();
  return !!p && index.text.includes(` ${p} `);
};

const SKILL_REASON: Partial<Record<SkillKind, FlagReason>> = {
  degree: 'new_degree',
  certification: 'new_certification',
  spoken_language: 'new_language',
  technology: 'new_skill',
  tool: 'new_skill',
  domain: 'new_skill',
};

function isNameLike(t: Token, sentenceStart: boolean, next: Token | undefined, known: (t: Token) => boolean): boolean {
  if (!t.word || t.raw.length < 2 || NOT_NAMES.has(t.key)) return false;
  // Numbers with a unit ("30k", "2M", "10x") are the number check's.
  if (/^\d+(?:[.,]\d+)*(?:k|m|mm|bn|b|x)?$/i.test(t.raw)) return false;
  if (/\d/.test(t.raw) && /\p{L}/u.test(t.raw)) return true; // S3, EC2, ISO27001
  if (/^\p{Lu}{2,}$/u.test(t.raw) || /\p{Ll}\p{Lu}/u.test(t.raw)) return true; // acronyms, CamelCase
  if (!/^\p{Lu}/u.test(t.raw)) return false;
  if (!sentenceStart) return true;
  // A capitalised first word is usually a verb ("Built"); two unknown capitalised words in a row are a name.
  return !!next && next.word && next.gap === 'space' && /^\p{Lu}/u.test(next.raw) && !TITLE_WORDS.has(next.key) && !known(next);
}

function nameReason(tokens: Token[], i: number): FlagReason {
  const around = (from: number, to: number) => tokens.slice(Math.max(0, from), Math.max(0, to)).filter((t) => t.word).map((t) => t.key);
  const before = around(i - 3, i);
  const after = around(i + 1, i + 4);
  if ([...before, tokens[i]!.key, ...after].some((w) => SCHOOL_WORDS.has(w))) return 'new_school';
  if (after.some((w) => COMPANY_SUFFIXES.has(w)) || before.slice(-2).some((w) => EMPLOYER_CUES.has(w))) return 'new_employer';
  if (before.slice(-2).some((w) => LOCATION_CUES.has(w))) return 'new_location';
  return 'new_name';
}

export interface PostChecker {
  check(items: readonly { text: string; sources: readonly string[] }[]): CheckedText[];
}

export function createPostChecker(evidence: CheckEvidence, extractor: SkillExtractor): PostChecker {
  const byId = new Map<string, string>();
  const skillOfFact = new Map<string, string>();
  for (const l of evidence.lines) byId.set(l.id, stripInvisible(l.text));
  for (const f of evidence.facts ?? []) {
    byId.set(f.id, stripInvisible(f.text));
    if (f.skill) skillOfFact.set(f.id, f.skill);
  }
  const confirmed = new Set<string>();
  const confirmedWords = new Set<string>();
  for (const k of evidence.confirmedKeywords ?? []) {
    for (const c of canonicalsOf(k, extractor)) confirmed.add(c);
    for (const t of tokenize(k)) if (t.word) confirmedWords.add(t.key);
  }
  const skillCache = new Map<string, string[]>();
  const skillsOf = (text: string) => {
    let found = skillCache.get(text);
    if (!found) skillCache.set(text, (found = extractor.extract(text, { audience: 'cv' }).map((m) => m.canonical)));
    return found;
  };
  const allowed = (evidence.allowedPhrases ?? []).map((p) => p.trim()).filter((p) => p.length > 1);

  function checkOne(rawText: string, sources: readonly string[]): Flag[] {
    const flags: Flag[] = [];
    const add = (reason: FlagReason, detail: string) => {
      if (!flags.some((f) => f.reason === reason && f.detail === detail)) flags.push({ reason, detail });
    };
    const cited = sources.filter((id) => byId.has(id));
    for (const id of sources) if (!byId.has(id)) add('unknown_citation', id);
    if (!sources.length) add('no_citation', '');
    let text = stripInvisible(rawText);
    for (const phrase of allowed) {
      text = text.replace(new RegExp(phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), (s) => blank(s));
    }
    const index = indexEvidence(
      cited.map((id) => byId.get(id)!),
      skillsOf,
      cited.flatMap((id) => (skillOfFact.has(id) ? [skillOfFact.get(id)!] : [])),
      extractor,
    );
    const mayUseConfirmed = cited.length > 0;

    // Skills and tools, by canonical name; the spans are then left out of the word checks.
    const covered: [number, number][] = [];
    const tokens = tokenize(text);
    for (const m of extractor.extract(text, { audience: 'cv' })) {
      covered.push([m.start, m.end]);
      const reason = SKILL_REASON[m.kind];
      if (!reason) continue;
      if (index.skills.has(m.canonical) || phraseIn(index, m.text) || phraseIn(index, m.canonical)) continue;
      if (m.kind === 'degree' && index.degrees.has(CANONICAL_DEGREE_LEVELS[m.canonical] ?? m.canonical)) continue;
      if (mayUseConfirmed && confirmed.has(m.canonical)) continue;
      const before = tokens.filter((t) => t.end <= m.start).at(-1);
      add(before?.word && STRONG_EMPLOYER_CUES.has(before.key) && /^\p{Lu}/u.test(m.text) ? 'new_employer' : reason, m.text);
    }

    // Dates and numbers.
    const own = datesAndNumbers(text);
    for (const f of own.found) {
      if (covered.some(([s, e]) => fold(text.slice(s, e)).includes(fold(f.text)) && f.kind === 'number')) continue;
      if (f.kind === 'date') {
        const ok = f.key.includes('-') ? index.facts.monthYears.has(f.key) : index.facts.years.has(f.key);
        if (!ok) add('new_date', f.text);
      } else if (!index.facts.numbers.some((n) => sameNum(n, f.num!))) add('new_number', f.text);
    }
    if (own.present && !index.facts.present) add('new_date', PRESENT.exec(text)?.[0] ?? 'present');

    // Titles, degrees, claims and names, word by word.
    const known = (t: Token) => index.words.has(t.key) || confirmedWords.has(t.key);
    const inSkill = (t: Token) => covered.some(([s, e]) => t.start >= s && t.end <= e);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (!t.word || inSkill(t)) continue;
      const prev = tokens[i - 1];
      const next = tokens[i + 1];
      const level = degreeLevel(t);
      if (level) {
        if (!index.degrees.has(level)) add('new_degree', t.raw);
        continue;
      }
      if (known(t)) continue;
      const isLeadTitle =
        t.key === 'lead' && ((next?.word && ROLE_NOUNS.has(next.key)) || (prev?.word && ['as', 'a', 'team', 'tech', 'technical'].includes(prev.key)));
      if (TITLE_WORDS.has(t.key) || isLeadTitle) {
        add('new_title', t.raw);
        continue;
      }
      const stem = claimStem(t.key);
      if (stem && !index.claims.has(stem)) {
        add('new_claim', t.raw);
        continue;
      }
      if (MONTHS[t.key] !== undefined || NUMBER_WORDS[t.key] !== undefined) continue;
      const sentenceStart = !prev || t.gap === 'newline' || ['.', '!', '?', ':', ';', '•', '-', '–', '—', '(', '"'].includes(prev.raw);
      if (isNameLike(t, sentenceStart, next, known)) add(nameReason(tokens, i), t.raw);
    }
    return flags;
  }

  return {
    check(items) {
      return items.map((item, index) => ({ index, text: item.text, sources: [...item.sources], flags: checkOne(item.text, item.sources) }));
    },
  };
}

/** Checks every line of a tailored CV (also one updated from guided answers). */
export async function checkTailoredCv(cv: TailoredCv, evidence: CheckEvidence, options: CheckOptions = {}): Promise<CheckedText[]> {
  const extractor = options.extractor ?? (await getSkillExtractor());
  return createPostChecker(evidence, extractor).check(cv.lines);
}

/** Checks every paragraph of a cover letter; the posting's company and title may be named freely. */
export async function checkCoverLetter(
  letter: CoverLetter,
  evidence: CheckEvidence & { posting?: { title: string; company?: string } },
  options: CheckOptions = {},
): Promise<CheckedText[]> {
  const extractor = options.extractor ?? (await getSkillExtractor());
  const allowedPhrases = [...(evidence.allowedPhrases ?? []), ...(evidence.posting ? [evidence.posting.title, evidence.posting.company ?? ''] : [])];
  return createPostChecker({ ...evidence, allowedPhrases }, extractor).check(letter.paragraphs);
}

/** Whether a checked text needs the user's approval. */
export const isFlagged = (c: CheckedText) => c.flags.length > 0;

