/**
 * Finds taxonomy skills in free text with character offsets. A trie over folded word tokens gives the
 * longest term at each position; case rules and a "neighbour" rule then decide the ambiguous names
 * (Go, R, C, React, Excel, Swift…): written exactly mid-sentence they count, otherwise only inside a
 * list next to another technology ("go, docker, k8s") or beside a cue ("R programming").
 */
import { contextAt, segment } from './context';
import { loadTaxonomy, parseSurface, type TaxonomyData } from './taxonomy';
import type { HeadingAudience } from './taxonomy/headings';
import { aliasKeys, TRANSPARENT, type Token, tokenize } from './tokenize';
import type { SkillKind, SkillMatch } from './types';

interface Alias {
  skill: number;
  /** The surface's own words, for case checks (set when `cased` or `short`). */
  raws?: string[];
  cased: boolean;
  ambiguous: boolean;
  /** Two characters or fewer (C, R, Go, JS): case checks use `raws`. */
  short: boolean;
  text: string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  aliases?: Alias[];
}

interface Skill {
  canonical: string;
  kind: SkillKind;
}

export interface ExtractOptions {
  /** Headings are read as a posting's ("Profil" = requirements) or a CV's ("Profil" = summary). */
  audience?: HeadingAudience;
  /**
   * Leave out names that only qualify a role ("Java" in "Senior Java Developer", "PhD" in "PhD
   * position"); otherwise they come with `context.inRole`. The SkillSpan evaluation leaves them out (its
   * annotators do not mark role titles); the report keeps them (a "Java Developer" posting asks for Java).
   */
  skipRoles?: boolean;
}

export interface SkillExtractor {
  extract(text: string, options?: ExtractOptions): SkillMatch[];
  /** Canonical names and kinds known to the taxonomy, for lookups by name. */
  lookup(name: string): { canonical: string; kind: SkillKind } | undefined;
  readonly size: number;
}

type Status = 'accept' | 'neighbour' | 'reject';

interface Candidate {
  first: number;
  last: number;
  skill: number;
  status: Status;
}

const LIST_PUNCT = new Set([',', ';', '/', '|', '(', ')', '[', ']', ':', '&', '+', '•', '·', '▪', '*', '–', '-', '—', '.', '{', '}', '"', "'"]);
const LIST_WORDS = new Set(['and', 'or', 'und', 'oder', 'et', 'ou', 'y', 'o', 'e', 'as', 'well', 'plus', 'including', 'like', 'such', 'nor', 'with']);
const SENTENCE_END = new Set(['.', '!', '?', ':', '•', '·', '▪', '*', '–', '-', '—', '>', '#']);
/** Words that make an ambiguous name a technology: "R programming", "Go developer", "C code". */
const RIGHT_CUES = new Set(['programming', 'language', 'lang', 'developer', 'developers', 'engineer', 'code', 'coding', 'script', 'scripting', 'library', 'framework', 'sdk', 'api']);
const LEFT_CUES = new Set(['in', 'with', 'using', 'en', 'con', 'mit', 'avec', 'de', 'of', 'on']);
const TECH_KINDS = new Set<SkillKind>(['technology', 'tool']);
const VERSION = /^v?\d+(?:\.(?:\d+|x))*\+?$/i;
/** Role nouns (folded, singular) after a name make it a role title: "Java developer", "Go-Entwickler". */
const ROLE_NOUNS = new Set([
  'developer', 'engineer', 'architect', 'programmer', 'consultant', 'specialist', 'administrator', 'admin',
  'analyst', 'scientist', 'designer', 'dev', 'expert', 'tester', 'ninja', 'entwickler', 'desarrollador',
  'developpeur', 'ingeniero', 'ingenieur', 'programador', 'programmeur', 'berater', 'consultor',
]);
/** Words that may sit between a name and its role noun: "Java Software Engineer", "React/Node Developer". */
const ROLE_FILLERS = new Set(['software', 'web', 'backend', 'back', 'end', 'frontend', 'front', 'stack', 'full', 'fullstack', 'application', 'platform', 'senior', 'junior', 'lead', 'principal', 'staff', 'and', 'or', 'mobile', 'app', 'cloud', 'data', 'systems', 'system']);
/** After a degree, these make it a role or a programme: "PhD position", "Master's student", "PhD programme". */
const DEGREE_ROLES = new Set([
  'position', 'student', 'fellow', 'fellowship', 'scholarship', 'project', 'programme', 'program', 'school', 'candidate',
  'stipend', 'thesis', 'study', 'course', 'supervisor', 'supervision', 'defense', 'defence', 'researcher',
  'opening', 'vacancy', 'grant', 'intern', 'internship',
]);
/** After a language name, these make it an adjective of nationality: "Danish company", "French law". */
const NATIONALITY_NOUNS = new Set([
  'company', 'market', 'government', 'authority', 'university', 'law', 'legislation', 'citizen', 'citizenship',
  'resident', 'grading', 'krone', 'kroner', 'society', 'healthcare', 'labour', 'labor', 'tax', 'culture', 'state',
  'subsidiary', 'office', 'headquarter', 'customer', 'client', 'bank', 'institution', 'pension', 'welfare',
  'salary', 'working', 'work', 'national', 'nationality', 'border', 'capital', 'region', 'municipality',
]);
/** "apply in English", "translation into English": the language of the paperwork, not a skill. */
const PAPERWORK = /\b(?:apply|applications?|submit(?:ted)?|send|sent|attach(?:ed)?|translation|translated|classes|courses|lessons)\b/i;
const LANGUAGE_SKILL = /\b(?:fluent|fluency|proficien\w*|skills?|speak\w*|spoken|native|command|knowledge|level|mother tongue|c1|c2|b2)\b/i;
const YEAR_WORD = /^(?:years?|yrs?|años|ans|jahre|months?)$/i;

/**
 * A list item by itself: "• Rust", "Go" on its own line. One-letter names stay out ("C" alone is a
 * grade or an initial as often as a language).
 */
function aloneOnLine(tokens: Token[], c: { first: number; last: number }): boolean {
  const raw = tokens.slice(c.first, c.last + 1).map((t) => t.raw).join('');
  if (raw.length < 2) return false;
  for (let k = c.first - 1; k >= 0 && tokens[k + 1]!.gap !== 'newline'; k--) {
    if (tokens[k]!.word) return false;
  }
  for (let k = c.last + 1; k < tokens.length && tokens[k]!.gap !== 'newline'; k++) {
    if (tokens[k]!.word) return false;
  }
  return true;
}

/** C-level, go-to-market, R&D, T-shirt, e.g.: a short name glued to another word is part of that word. */
function gluedToWord(tokens: Token[], first: number, last: number): boolean {
  const GLUE = new Set(['-', '&', "'", '’', '.']);
  const before = tokens[first - 1];
  if (before && tokens[first]!.gap === 'none' && GLUE.has(before.raw)) return true;
  const after = tokens[last + 1];
  if (!after || after.gap !== 'none' || !GLUE.has(after.raw)) return false;
  // A full stop after the name ends the sentence ("… in C."), unless a word follows at once ("C.V").
  const next = tokens[last + 2];
  return after.raw !== '.' || (!!next && next.gap === 'none');
}

function stripPossessive(raw: string): string {
  return raw.replace(/['’]s?$/u, '');
}

export function createSkillExtractor(data: TaxonomyData): SkillExtractor {
  const skills: Skill[] = data.skills.map(([canonical, kind]) => ({ canonical, kind: data.kinds[kind]! }));
  const root: TrieNode = { next: new Map() };
  const byName = new Map<string, number>();
  data.skills.forEach(([canonical, , surfaces], skill) => {
    const forms = surfaces.length ? surfaces : [canonical];
    if (!byName.has(canonical.toLowerCase())) byName.set(canonical.toLowerCase(), skill);
    for (const surface of forms) {
      const form = parseSurface(surface);
      const keys = aliasKeys(form.text);
      if (!keys.length) continue;
      const short = form.text.length <= 2;
      let node = root;
      for (const key of keys) {
        let next = node.next.get(key);
        if (!next) node.next.set(key, (next = { next: new Map() }));
        node = next;
      }
      const needsRaw = form.cased || short;
      const alias: Alias = { skill, cased: form.cased, ambiguous: form.ambiguous, short, text: form.text };
      if (needsRaw) alias.raws = tokenize(form.text).filter((t) => !TRANSPARENT.has(t.raw)).map((t) => t.raw);
      (node.aliases ??= []).push(alias);
    }
  });

  function statusOf(alias: Alias, tokens: Token[], words: number[], sentenceStart: boolean): Status {
    if (alias.short && (alias.cased || alias.text.length === 1) && gluedToWord(tokens, words[0]!, words.at(-1)!)) return 'reject';
    if (alias.ambiguous) return 'neighbour';
    if (!alias.raws) return 'accept';
    const raws = words.map((w) => stripPossessive(tokens[w]!.raw));
    // Exact case; a plural or possessive of the exact form counts ("Masters", "Excel's").
    const exact = raws.every((r, i) => r === alias.raws![i] || r === `${alias.raws![i]}s`);
    // One letter (C, R) is never enough alone: it needs a list neighbour or a cue.
    if (alias.raws.join('').length === 1) return 'neighbour';
    if (!alias.cased) return 'accept';
    // An acronym written in lower case is a word ("etc" is not ETC, "sap" is not SAP).
    if (/^[A-Z]{2,}$/.test(alias.text) && raws.every((r) => r === r.toLowerCase())) return 'reject';
    const shouting = raws.join('').length > 2 && raws.every((r, i) => r === alias.raws![i]!.toUpperCase());
    return (exact || shouting) && !sentenceStart ? 'accept' : 'neighbour';
  }

  function isDelimiter(t: Token | undefined): boolean {
    if (!t) return true;
    return t.word ? LIST_WORDS.has(t.key) : LIST_PUNCT.has(t.raw);
  }

  function extract(text: string, options: ExtractOptions = {}): SkillMatch[] {
    const tokens = tokenize(text);
    const candidates: Candidate[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i]!;
      let node = root.next.get(tok.key);
      if (!node) continue;
      const prev = tokens[i - 1];
      const sentenceStart = !prev || tok.gap === 'newline' || SENTENCE_END.has(prev.raw) || prev.raw === '(';
      // Every prefix that ends on a taxonomy term, longest first.
      const found: { words: number[]; aliases: Alias[] }[] = [];
      const words = [i];
      for (;;) {
        if (node.aliases) found.push({ words: [...words], aliases: node.aliases });
        let k = words.at(-1)! + 1;
        while (tokens[k] && TRANSPARENT.has(tokens[k]!.raw) && tokens[k]!.gap !== 'newline') k++;
        const t = tokens[k];
        if (!t || t.gap === 'newline') break;
        const next: TrieNode | undefined = node.next.get(t.key);
        if (!next) break;
        node = next;
        words.push(k);
      }
      let chosen: Candidate | undefined;
      for (let f = found.length - 1; f >= 0 && !chosen; f--) {
        const { words: w, aliases } = found[f]!;
        let best: Candidate | undefined;
        for (const alias of aliases) {
          const status = statusOf(alias, tokens, w, sentenceStart);
          if (status === 'reject') continue;
          if (!best || (best.status !== 'accept' && status === 'accept')) {
            best = { first: w[0]!, last: w.at(-1)!, skill: alias.skill, status };
          }
        }
        chosen = best;
      }
      if (!chosen) continue;
      candidates.push(chosen);
      i = chosen.last;
    }
    resolveNeighbours(tokens, candidates);

    const segments = segment(text, options.audience);
    const covered = new Set<number>();
    for (const c of candidates) if (c.status === 'accept') for (let k = c.first; k <= c.last; k++) covered.add(k);
    const inRole = (last: number) => {
      for (let k = last + 1, words = 0; k < tokens.length && words <= 3; k++) {
        const t = tokens[k]!;
        if (t.gap === 'newline') return false;
        if (!t.word) {
          if (TRANSPARENT.has(t.raw) || t.raw === '&' || t.raw === '.') continue;
          return false;
        }
        if (ROLE_NOUNS.has(t.key)) return true;
        if (!covered.has(k) && !ROLE_FILLERS.has(t.key)) return false;
        words++;
      }
      return false;
    };
    const out: SkillMatch[] = [];
    for (const c of candidates) {
      if (c.status !== 'accept') continue;
      const skill = skills[c.skill]!;
      const next = tokens[c.last + 1];
      const nextKey = next?.word && next.gap !== 'newline' ? next.key : '';
      if (skill.kind === 'spoken_language' && (NATIONALITY_NOUNS.has(nextKey) || isPaperwork(text, tokens, c, segments))) continue;
      const role = skill.kind === 'degree' ? DEGREE_ROLES.has(nextKey) : inRole(c.last);
      if (role && options.skipRoles) continue;
      let last = c.last;
      // "Java 8", "Angular 2+", "Python 3.x" — but not "Java 5 years".
      const v = tokens[last + 1];
      if (TECH_KINDS.has(skill.kind) && v && v.gap !== 'newline' && VERSION.test(v.raw) && !YEAR_WORD.test(tokens[last + 2]?.raw ?? '')) {
        const after = tokens[last + 2];
        if (!(after && after.raw === '+' && YEAR_WORD.test(tokens[last + 3]?.raw ?? ''))) last += 1;
      }
      const start = tokens[c.first]!.start;
      const end = tokens[last]!.end;
      const context = contextAt(segments, start, end);
      if (role) context.inRole = true;
      out.push({ start, end, text: text.slice(start, end), canonical: skill.canonical, kind: skill.kind, context });
    }
    return out;
  }

  /** "Apply in English", "an official translation into English": the language of the application. */
  function isPaperwork(text: string, tokens: Token[], c: Candidate, segments: ReturnType<typeof segment>): boolean {
    const before = tokens[c.first - 1];
    if (!before?.word || (before.key !== 'in' && before.key !== 'into')) return false;
    const at = tokens[c.first]!.start;
    const seg = segments.find((s) => s.start <= at && at < s.end);
    const sentence = seg ? text.slice(seg.start, seg.end) : text;
    return PAPERWORK.test(sentence) && !LANGUAGE_SKILL.test(sentence);
  }

  /** Accepts pending names that sit in a list beside an accepted technology, or beside a cue word. */
  function resolveNeighbours(tokens: Token[], candidates: Candidate[]): void {
    // A list item: delimited on both sides by punctuation, a conjunction, a line end or another
    // candidate (tag lists often come without commas: "java java-ee spring").
    const ends = new Set(candidates.map((c) => c.last));
    const starts = new Set(candidates.map((c) => c.first));
    const listed = (c: Candidate) => isDelimiter(tokens[c.first - 1]) || tokens[c.first]!.gap === 'newline' || ends.has(c.first - 1);
    const listedRight = (c: Candidate) =>
      isDelimiter(tokens[c.last + 1]) || tokens[c.last + 1]?.gap === 'newline' || starts.has(c.last + 1);
    const adjacent = (a: Candidate, b: Candidate) => {
      // Only delimiters (at most 3 tokens) between a and b, on one line.
      if (b.first - a.last - 1 > 3) return false;
      for (let k = a.last + 1; k <= b.first; k++) {
        if (tokens[k]!.gap === 'newline') return false;
        if (k < b.first && !isDelimiter(tokens[k])) return false;
      }
      return true;
    };
    for (const c of candidates) {
      if (c.status !== 'neighbour') continue;
      if (aloneOnLine(tokens, c)) {
        c.status = 'accept';
        continue;
      }
      const before = tokens[c.first - 1];
      const after = tokens[c.last + 1];
      if (after && after.word && RIGHT_CUES.has(after.key) && after.gap !== 'newline') c.status = 'accept';
      else if (before?.word && LEFT_CUES.has(before.key) && (!after || isDelimiter(after) || after.gap === 'newline')) {
        const raw = tokens[c.first]!.raw;
        if (raw[0] === raw[0]!.toUpperCase()) c.status = 'accept';
      }
    }
    let changed = true;
    while (changed) {
      changed = false;
      for (let n = 0; n < candidates.length; n++) {
        const c = candidates[n]!;
        if (c.status !== 'neighbour' || !listed(c) || !listedRight(c)) continue;
        const left = candidates[n - 1];
        const right = candidates[n + 1];
        const anchored = (o: Candidate | undefined, isLeft: boolean) =>
          !!o && o.status === 'accept' && TECH_KINDS.has(skills[o.skill]!.kind) && (isLeft ? adjacent(o, c) : adjacent(c, o));
        if (anchored(left, true) || anchored(right, false)) {
          c.status = 'accept';
          changed = true;
        }
      }
    }
  }

  return {
    extract,
    lookup(name) {
      const i = byName.get(name.toLowerCase());
      return i === undefined ? undefined : { ...skills[i]! };
    },
    size: skills.length,
  };
}

let shared: Promise<SkillExtractor> | undefined;

/** The extractor over the shipped taxonomy, created on first use. */
export function getSkillExtractor(): Promise<SkillExtractor> {
  shared ??= loadTaxonomy().then(createSkillExtractor);
  return shared;
}

export async function extractSkills(text: string, options?: ExtractOptions): Promise<SkillMatch[]> {
  return (await getSkillExtractor()).extract(text, options);
}
