import type { Education, Project, Volunteer, Work } from '../model';
import { type DateRange, findDateRanges, isDateOnly, rangeOf, removeDates } from './dates';
import {
  companyScore,
  isAreaLike,
  isDegreeLike,
  isLocationLike,
  isSchoolLike,
  titleScore,
} from './lexicon';
import type { EntryHint, SourceLine } from './source';
import { joinWrapped, tidy, trimField, words } from './text';

/**
 * Section lines → entries → fields. An entry is a block of header lines (title, employer, dates,
 * place) followed by body lines (bullets, prose). Which header piece is the employer and which the
 * title is decided by structure when the CV states it (`Title at Company`, markup hints) and
 * otherwise by word lists (job-title words vs legal forms and organisation nouns).
 */

export interface RawEntry {
  header: SourceLine[];
  body: SourceLine[];
}

interface Style {
  x?: number;
  size?: number;
  maxSize?: number;
}

/** Segments that are only a place or only dates: the right-aligned "meta" column of many templates. */
function isMetaSegment(s: string): boolean {
  return isDateOnly(s) || (isLocationLike(s) && titleScore(s) === 0 && companyScore(s) === 0);
}

function hasStartDate(line: SourceLine): boolean {
  return findDateRanges(line.text).some((r) => r.start?.iso);
}

/** "2 years 10 months": a duration some templates print under the dates. */
const DURATION = /^\d+\s+(?:years?|yrs?|months?|mos?|años?|meses|ans?|mois|jahre?|monate?)(?:\s+\d+\s+\S+)?$/i;

function isHeaderLike(line: SourceLine, style: Style, inBody: boolean): boolean {
  if (line.entry) return true;
  if (line.body) return false;
  const t = line.text;
  const metaTail = line.segments.length >= 2 && line.segments.slice(1).some(isMetaSegment);
  // "• Google      Mountain View, CA" is a header; "• Built X …      June 2023 – present" is a bullet.
  if (line.bullet) return metaTail && words(line.segments[0]!).length <= 6;
  // Bullets written inline ("… analysis. ⋄ Basic …") are body text.
  if (line.segments.some((s, i) => i > 0 && /^[•◦▪‣⋄◆·]$/.test(s.trim()))) return false;
  if (line.heading !== undefined) return true;
  // Indented deeper than the entry headers: a wrapped bullet or description. Text formats count
  // characters, PDFs points.
  const indentSlack = line.size === undefined ? 0.5 : 2.5;
  if (style.x !== undefined && line.x !== undefined && line.x > style.x + indentSlack && !metaTail) return false;
  if (metaTail || isDateOnly(t)) return true;
  if (hasStartDate(line) && t.length < 140 && !/^\p{Ll}/u.test(t)) return true;
  if (/^\p{Ll}/u.test(t)) return false;
  if (t.length > 95) return false;
  if (/[.!?]$/.test(t) && words(t).length > 5) return false;
  if (style.size !== undefined && line.size !== undefined && line.size < style.size - 0.6 && t.length > 50) return false;
  if (inBody) {
    // After body text a new header must look like one: as large as the first header, or after a blank line.
    if (style.maxSize !== undefined && line.maxSize !== undefined) return line.maxSize >= style.maxSize - 0.3 || line.bold === true;
    return line.blankBefore === true || words(t).length <= 8;
  }
  return words(t).length <= 16;
}

/** What kind of header line this is: its bullet, the kind of its right-hand column, its size. */
function signature(line: SourceLine): string | undefined {
  const tail = line.segments.slice(1).find(isMetaSegment);
  if (!tail) return undefined;
  const kind = isDateOnly(tail) ? 'date' : 'place';
  return `${line.bullet ? '•' : ''}${kind}${line.maxSize === undefined ? '' : Math.round(line.maxSize * 2)}`;
}

/** Group a section's lines into entries. */
export function groupEntries(lines: SourceLine[]): RawEntry[] {
  const entries: RawEntry[] = [];
  const firstHeader = lines.find((l) => !l.bullet && l.text.trim() !== '' && !isDateOnly(l.text)) ?? lines[0];
  const style: Style = { x: firstHeader?.x, size: firstHeader?.size, maxSize: firstHeader?.maxSize };
  let cur: RawEntry | undefined;
  let prevHeaderWrapped = false;
  for (const line of lines) {
    if (!line.text.trim()) continue;
    const inBody = (cur?.body.length ?? 0) > 0;
    if (isHeaderLike(line, style, inBody)) {
      // A line that opens with its own dates is never the tail of a wrapped line.
      const datedStart = isDateOnly(line.segments[0] ?? '') && line.segments.length > 1;
      const dated = cur?.header.some(hasStartDate) && hasStartDate(line) && (!prevHeaderWrapped || datedStart);
      // The header pattern repeats: a line shaped like this entry's first line starts the next entry
      // (entries without bullets, e.g. "Company | Place" / "Title | Dates" / "Company | Place" …).
      const sig = signature(line);
      const repeats = sig !== undefined && cur !== undefined && cur.header.length >= 2 && signature(cur.header[0]!) === sig;
      const fresh =
        !cur || inBody || dated || repeats || cur.header.length >= 4 || (line.entry && cur.header.some((h) => h.entry));
      if (fresh) {
        cur = { header: [], body: [] };
        entries.push(cur);
      }
      cur!.header.push(line);
      prevHeaderWrapped = endsOpen(line);
    } else {
      if (!cur) {
        cur = { header: [], body: [] };
        entries.push(cur);
      }
      cur.body.push(line);
      prevHeaderWrapped = false;
    }
  }
  return entries;
}

/** The line visibly continues on the next one: runs to the margin, or ends mid-phrase. */
function endsOpen(line: SourceLine): boolean {
  const last = line.segments[line.segments.length - 1] ?? line.text;
  if (/[,(&/–-]$|\b(?:of|and|the|for|in|at|de|del|y|et|und|für|of the)$/i.test(last.trim())) return true;
  return unbalanced(last) || line.wrapped === true;
}

function unbalanced(value: string): boolean {
  return (value.match(/\(/g)?.length ?? 0) > (value.match(/\)/g)?.length ?? 0);
}

export interface HeaderParts {
  /** Candidate fields in reading order. */
  pieces: string[];
  /** Pieces came from an explicit "Title at Company". */
  atSplit?: { title: string; org: string };
  locations: string[];
  ranges: DateRange[];
}

const LEGAL_TAIL = /^(?:inc|ltd|llc|llp|plc|co|corp|gmbh|ag|s\.?a|s\.?l|pvt|pty|limited)\.?(?:\s*\(.*\))?$/i;
const STRONG_SPLIT = /\s+[|•·⋄◆▪]\s+|\s+[–—]\s+|\s+-{1,2}\s+|\s*;\s+|\s+@\s+|\s*\|\s*/;

/** Split a trailing parenthetical place off a piece: "Universitätsklinikum (Münster, Germany)". */
function splitTrailingPlace(piece: string): { text: string; place?: string } {
  const m = /\s*\(((?:[^()]|\([^()]*\))*)\)\s*$/.exec(piece);
  if (m && isLocationLike(m[1]!)) return { text: piece.slice(0, m.index).trim(), place: m[1]!.trim() };
  return { text: piece };
}

/** Join header lines that wrap into one another and return their segments. */
function headerSegments(header: SourceLine[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < header.length; i++) {
    const line = header[i]!;
    const segs = [...line.segments];
    const prev = out[out.length - 1];
    const prevLine = header[i - 1];
    const lastPrev = prev?.[prev.length - 1] ?? '';
    if (prev && prevLine && endsOpen(prevLine) && segs.length > 0 && !isMetaSegment(lastPrev)) {
      prev[prev.length - 1] = `${prev[prev.length - 1]} ${segs.shift()}`;
      prev.push(...segs);
    } else out.push(segs);
  }
  return out;
}

/** The header of an entry broken into pieces, dates and places. */
export function headerParts(entry: RawEntry): HeaderParts {
  const ranges: DateRange[] = [];
  const locations: string[] = [];
  const pieces: string[] = [];
  let atSplit: HeaderParts['atSplit'];
  for (const segs of headerSegments(entry.header)) {
    for (const seg of segs) {
      const r = findDateRanges(seg);
      ranges.push(...r);
      const rest = trimField(removeDates(seg, r).replace(/\(\s*(?:since|desde|depuis|seit|expected)?\s*\)/gi, ''));
      if (!rest) continue;
      // "DATA SCIENCE INTERN at Science to Data Science - (Sheffield, England)": the CV says which is which.
      const at = /^(.+?)\s+(?:at|@|chez|bei)\s+(.+)$/.exec(rest);
      if (at && !atSplit && titleScore(at[1]!) > 0 && companyScore(at[1]!) === 0 && words(at[1]!).length <= 8) {
        const [orgPart, ...more] = at[2]!.split(STRONG_SPLIT);
        const { text, place } = splitTrailingPlace(trimField(orgPart ?? ''));
        if (place) locations.push(place);
        for (const m of more) if (isLocationLike(m)) locations.push(trimField(m));
        atSplit = { title: trimField(at[1]!), org: withoutTrailingPlace(text, locations) };
        pieces.push(atSplit.title, atSplit.org);
        continue;
      }
      for (const part of rest.split(STRONG_SPLIT)) {
        const cleaned = trimField(part);
        if (!cleaned) continue;
        const { text, place } = splitTrailingPlace(cleaned);
        if (place) locations.push(place);
        if (!text) continue;
        if (isLocationLike(text) && titleScore(text) === 0 && companyScore(text) === 0) locations.push(text);
        else pieces.push(withoutTrailingPlace(trimField(text), locations));
      }
    }
  }
  // A date in a left-hand column often continues on the first body line ("2017 –" / "Present");
  // some templates put the dates to the right of the first bullets instead.
  const firstBody = entry.body[0];
  if (firstBody && isDateOnly(firstBody.segments[0] ?? '')) ranges.push(...findDateRanges(firstBody.segments[0]!));
  if (!ranges.some((r) => r.start)) {
    for (const line of entry.body.slice(0, 2)) {
      for (const seg of line.segments.slice(1)) if (isDateOnly(seg)) ranges.push(...findDateRanges(seg));
    }
  }

  // "Title at Company" decides only when it is the whole header ("Game Developer Intern at Global
  // Internship Program" under a separate company line is just a title).
  if (atSplit && pieces.length === 2) return { pieces, atSplit, locations, ranges };
  if (atSplit) pieces.splice(pieces.indexOf(atSplit.title), 2, `${atSplit.title} at ${atSplit.org}`);
  const parts: HeaderParts = { pieces, locations, ranges };
  if (pieces.length === 1) parts.pieces = commaPieces(pieces[0]!, locations);
  return parts;
}

/**
 * "Product Manager, Google, Mountain View, CA, USA" → ["Product Manager", "Google"] (+ the place).
 * Legal forms stay with their company ("ABC Company, Inc."); trailing places are popped.
 */
function commaPieces(value: string, locations: string[]): string[] {
  const raw = value.split(/\s*,\s*/).map(trimField).filter(Boolean);
  const joined: string[] = [];
  for (const p of raw) {
    if (joined.length > 0 && LEGAL_TAIL.test(p)) joined[joined.length - 1] += `, ${p}`;
    else joined.push(p);
  }
  const place: string[] = [];
  while (joined.length > 1 && isLocationLike(joined[joined.length - 1]!) && titleScore(joined[joined.length - 1]!) === 0) {
    place.unshift(joined.pop()!);
  }
  // The city before a popped state or country, if enough pieces remain.
  const last = joined[joined.length - 1];
  if (place.length > 0 && joined.length > 2 && last && looksLikePlaceName(last)) place.unshift(joined.pop()!);
  if (place.length > 0) locations.push(place.join(', '));
  // "University of California, Berkeley": a campus name after a "University of X".
  for (let i = 0; i < joined.length - 1; i++) {
    if (/\bUniversity of \p{Lu}[\p{L}.-]+$/u.test(joined[i]!) && looksLikePlaceName(joined[i + 1]!)) {
      joined.splice(i, 2, `${joined[i]}, ${joined[i + 1]}`);
    }
  }
  return joined;
}

/** "Acme GmbH, Berlin, Germany" → "Acme GmbH" (the place goes to `locations`). */
function withoutTrailingPlace(piece: string, locations: string[]): string {
  if (!piece.includes(',')) return piece;
  const parts = piece.split(/\s*,\s*/);
  const place: string[] = [];
  while (parts.length > 1 && isLocationLike(parts[parts.length - 1]!) && titleScore(parts[parts.length - 1]!) === 0) {
    place.unshift(parts.pop()!);
  }
  if (place.length === 0) return piece;
  const last = parts[parts.length - 1];
  if (parts.length > 1 && last && looksLikePlaceName(last) && !LEGAL_TAIL.test(last)) place.unshift(parts.pop()!);
  locations.push(place.join(', '));
  return parts.join(', ');
}

function looksLikePlaceName(value: string): boolean {
  const w = value.split(/\s+/);
  return (
    w.length <= 3 &&
    w.every((x) => /^\p{Lu}[\p{L}.'-]*$/u.test(x)) &&
    titleScore(value) === 0 &&
    companyScore(value) === 0 &&
    !isSchoolLike(value) &&
    !isDegreeLike(value)
  );
}

/** Bullets and prose of an entry: bullets become highlights, other lines a summary. */
export function bodyText(body: SourceLine[]): { highlights: string[]; summary?: string } {
  const highlights: string[] = [];
  const prose: string[] = [];
  let inBullet = false;
  let bulletX: number | undefined;
  for (const line of body) {
    let segs = [...line.segments];
    // A date column's second half ("Present") sits on the first body line; some templates print
    // dates and durations to the right of the bullets.
    if (segs.length > 1 && isDateOnly(segs[0]!)) segs.shift();
    if (segs.length > 1) segs = [segs[0]!, ...segs.slice(1).filter((x) => !isDateOnly(x) && !DURATION.test(x.trim()))];
    const text = tidy(segs.join(' '));
    if (!text) continue;
    const underBullet =
      bulletX !== undefined &&
      line.x !== undefined &&
      (line.size === undefined ? line.x > bulletX : Math.abs(line.x - bulletX) < 2.5);
    if (line.bullet) {
      highlights.push(text);
      inBullet = true;
      bulletX = line.x;
    } else if (inBullet && (/^\p{Ll}/u.test(text) || underBullet)) {
      highlights[highlights.length - 1] = joinWrapped([highlights[highlights.length - 1]!, text]);
    } else {
      prose.push(text);
      inBullet = false;
    }
  }
  const summary = prose.length > 0 ? joinWrapped(prose) : undefined;
  return { highlights, summary };
}

function datesOf(parts: HeaderParts): { startDate?: string; endDate?: string } {
  const r = rangeOf(parts.ranges);
  return { startDate: r.startDate, endDate: r.current ? undefined : r.endDate };
}

/** Pick the job title and the employer among header pieces. */
function titleAndOrg(parts: HeaderParts, hint?: EntryHint): { title?: string; org?: string; rest: string[] } {
  if (hint && (hint.org || hint.role)) return { title: hint.role, org: hint.org, rest: [] };
  if (parts.atSplit) return { title: parts.atSplit.title, org: parts.atSplit.org, rest: [] };
  const pieces = parts.pieces;
  if (pieces.length === 0) return { rest: [] };
  const scored = pieces.map((p, i) => ({ p, i, t: titleScore(p), c: companyScore(p) }));
  const titled = scored.filter((s) => s.t > 0).sort((a, b) => b.t - b.c - (a.t - a.c) || a.i - b.i)[0];
  let titleIdx = titled && titled.t - titled.c > 0 ? titled.i : -1;
  const others = scored.filter((s) => s.i !== titleIdx);
  let org = others.sort((a, b) => b.c - a.c || a.i - b.i)[0];
  if (titleIdx < 0 && pieces.length >= 2) {
    // No title words anywhere: the piece that is not the (best) organisation.
    const orgIdx = scored.slice().sort((a, b) => b.c - a.c || a.i - b.i)[0]!.i;
    titleIdx = scored.find((s) => s.i !== orgIdx)!.i;
    org = scored[orgIdx];
  }
  const rest = pieces.filter((_, i) => i !== titleIdx && i !== org?.i);
  return { title: titleIdx >= 0 ? pieces[titleIdx] : undefined, org: org?.p, rest };
}

function hintOf(entry: RawEntry): EntryHint | undefined {
  return entry.header.find((l) => l.entry)?.entry;
}

function hintParts(hint: EntryHint): HeaderParts {
  const ranges = hint.dates ? findDateRanges(hint.dates) : [];
  return { pieces: [], locations: hint.location ? [hint.location] : [], ranges };
}

export function workFromEntry(entry: RawEntry): Work {
  const hint = hintOf(entry);
  const parts = hint ? hintParts(hint) : headerParts(entry);
  const { title, org, rest } = titleAndOrg(parts, hint);
  const { highlights, summary } = bodyText(entry.body);
  const work: Work = {};
  if (org) work.name = org;
  if (title) work.position = title;
  // A lone city next to the employer ("Madrid · enero 2021 – actualidad").
  const city = parts.locations.length === 0 ? rest.findIndex((p) => looksLikePlaceName(p) && p.split(' ').length <= 2) : -1;
  if (city >= 0) parts.locations.push(...rest.splice(city, 1));
  if (parts.locations.length > 0) work.location = trimField(parts.locations[0]!.replace(/^\(|\)$/g, ''));
  Object.assign(work, definedOnly(datesOf(parts)));
  const description = [hint?.detail, ...rest].filter(Boolean).join(' · ');
  if (description) work.description = description;
  if (summary) work.summary = summary;
  if (highlights.length > 0) work.highlights = highlights;
  return work;
}

export function volunteerFromEntry(entry: RawEntry): Volunteer {
  const w = workFromEntry(entry);
  const v: Volunteer = {};
  if (w.name) v.organization = w.name;
  if (w.position) v.position = w.position;
  if (w.startDate) v.startDate = w.startDate;
  if (w.endDate) v.endDate = w.endDate;
  const summary = [w.summary, w.description].filter(Boolean).join(' ');
  if (summary) v.summary = summary;
  if (w.highlights) v.highlights = w.highlights;
  // "Cargo: Voluntario" lines name the position.
  const cargo = entry.body.find((l) => /^(?:cargo|role|rol|position|poste|rolle|funci[oó]n)\s*:/i.test(l.text));
  if (cargo) {
    v.position = trimField(cargo.text.replace(/^[^:]+:/, ''));
    if (v.summary === cargo.text) delete v.summary;
  }
  return v;
}

/** The school's name inside a longer phrase ("… Department of Biology. University of Münster"). */
const SCHOOL_SPAN =
  /((?:\p{Lu}[\p{L}’'&-]*[\p{L}’']\s+){0,4})(University|Universidad|Universidade|Université|Universität|Università|Institute|Institut|Instituto|College|School|Academy|Hochschule|Fachhochschule|Polytechnic|Politecnico|École|Ecole|Escuela|Colegio|Conservatory)((?:\s+(?:of|for|de|del|de la|des|der|für|and|&|in|y|et|und|at)?\s*\p{Lu}[\p{L}’'.-]*)*)/u;

function schoolSpan(value: string): string | undefined {
  const m = SCHOOL_SPAN.exec(value);
  if (!m) return undefined;
  let lead = m[1]!.trim().split(/\s+/).filter(Boolean);
  while (lead.length > 0 && (isDegreeLike(lead[0]!) || /^(?:Department|Dept|Faculty|Facultad|Faculté|Fakultät|In|At|The)$/i.test(lead[0]!))) {
    lead = lead.slice(1);
  }
  // A trailing ", Berkeley"-style campus only when it is a single place-like word.
  return trimField([...lead, m[2], m[3]].join(' ').replace(/\s+/g, ' '));
}

const SCORE_PIECE = /^(?:overall\s+|cumulative\s+)?(?:c?gpa|grade|score|note|nota|moyenne|aggregate)\b/i;

export function educationFromEntry(entry: RawEntry): Education {
  const hint = hintOf(entry);
  const parts = hint ? hintParts(hint) : headerParts(entry);
  const pieces = hint ? [hint.org, hint.role].filter((p): p is string => Boolean(p)) : parts.pieces.filter((p) => !SCORE_PIECE.test(p));
  const edu: Education = {};
  let school: string | undefined = hint?.org;
  let schoolIdx = hint ? 0 : -1;
  if (!school) {
    // "Princeton University, PhD in Computer Science": the comma part that names the school.
    const commaParts = (p: string) => (/\bUniversity of \p{Lu}[\p{L}.-]+, \p{Lu}[\p{L}.-]+$/u.test(p) ? [p] : p.split(/\s*,\s*/));
    schoolIdx = pieces.findIndex((p) => commaParts(p).some((x) => isSchoolLike(x) && !isDegreeLike(x)));
    if (schoolIdx >= 0) {
      const p = pieces[schoolIdx]!;
      const parts = commaParts(p);
      const named = parts.find((x) => isSchoolLike(x) && !isDegreeLike(x))!;
      if (named !== p) pieces.splice(schoolIdx, 1, named, ...parts.filter((x) => x !== named));
      school = words(named).length > 8 ? (schoolSpan(named) ?? named) : named;
    } else {
      for (const [i, p] of pieces.entries()) {
        const span = schoolSpan(p);
        if (span) {
          school = span;
          schoolIdx = i;
          break;
        }
      }
    }
  }
  if (!school) {
    schoolIdx = pieces.findIndex((p) => !isDegreeLike(p) && !isAreaLike(p) && !/\bgpa\b/i.test(p) && isSchoolLike(p));
    if (schoolIdx < 0) schoolIdx = pieces.findIndex((p) => !isDegreeLike(p) && !isAreaLike(p) && !/\bgpa\b/i.test(p));
    if (schoolIdx >= 0) school = pieces[schoolIdx];
  }
  if (school) edu.institution = school.replace(/(?<![A-Z]|\b(?:Univ|Inst|St|Co))\.$/, '');
  const degree = hint?.role ?? pieces.find((p, i) => i !== schoolIdx && isDegreeLike(p) && !/^gpa\b/i.test(p));
  if (degree) {
    // "Master of Science in Computer Science" → Master of Science / Computer Science.
    const m =
      /^(.+?),\s+(.+)$/.exec(degree) ??
      /^(.*)\s+(?:in|en|in der|im)\s+(.+)$/i.exec(degree) ??
      /^(.*?)\s+(?:of|de)\s+(?!(?:science|arts|engineering|philosophy|laws|technology|commerce|fine arts)$)(.+)$/i.exec(degree);
    const studyType = m && isDegreeLike(m[1]!) ? m[1]! : degree;
    edu.studyType = trimField(studyType.replace(/[;,]?\s*GPA.*$/i, ''));
    if (m && studyType === m[1]) edu.area = trimField(m[2]!.replace(/[;,]?\s*GPA.*$/i, ''));
  }
  if (!edu.area) {
    const area = pieces.find((p, i) => i !== schoolIdx && p !== degree && isAreaLike(p) && !isDegreeLike(p));
    if (area) edu.area = area;
  }
  const all = [...entry.header, ...entry.body].map((l) => l.text).join(' ');
  const gpa = /\b(?:GPA|CGPA|Grade|Note|Nota|Moyenne|Aggregate)\s*[:-]?\s*([\d.,]+\s*(?:\/\s*[\d.,]+|%)?)/i.exec(all);
  if (gpa) edu.score = gpa[1]!.trim();
  else if (hint?.detail) edu.score = hint.detail;
  Object.assign(edu, definedOnly(datesOf(parts)));
  const { highlights } = bodyText(entry.body);
  if (highlights.length > 0) edu.courses = highlights;
  return edu;
}

export function projectFromEntry(entry: RawEntry): Project {
  const hint = hintOf(entry);
  const parts = hint ? hintParts(hint) : headerParts(entry);
  const project: Project = {};
  const { highlights, summary } = bodyText(entry.body);
  let name = hint?.org ?? hint?.role ?? parts.pieces[0];
  let description = summary;
  if (entry.header.length === 0 && highlights.length > 0) {
    // A list of one-line projects: "Name: what it is".
    name = undefined;
  }
  if (name) {
    name = name.replace(/^(?:personal|team|academic|side|university|school|course) project\s*:\s*/i, '');
    const m = /^([^:]{2,60}?)\s*[:–—]\s+(.+)$/.exec(name);
    if (m) {
      name = m[1];
      description = [m[2], description].filter(Boolean).join(' ');
    }
    project.name = trimField(name!);
  }
  const isRole = (p: string) => titleScore(p) > 0 || /maintainer|creator|lead|author/i.test(p);
  const roles = hint ? [] : parts.pieces.slice(1).filter((p) => isRole(p) && words(p).length <= 6);
  if (roles.length > 0) project.roles = roles;
  // Other header lines are the project's description ("A catalogue of …").
  const more = hint ? [] : parts.pieces.slice(1).filter((p) => !roles.includes(p));
  description = joinWrapped([...more, description ?? '']) || undefined;
  if (description) project.description = description;
  if (highlights.length > 0) project.highlights = highlights;
  Object.assign(project, definedOnly(datesOf(parts)));
  return project;
}

/** One-line items (awards, certificates, publications): each bullet or line, wrapped lines joined. */
export function lineItems(lines: SourceLine[]): SourceLine[][] {
  const items: SourceLine[][] = [];
  const bulleted = lines.some((l) => l.bullet);
  for (const line of lines) {
    if (!line.text.trim()) continue;
    const last = items[items.length - 1];
    const prev = last?.[last.length - 1];
    const continues =
      prev &&
      ((bulleted && !line.bullet && !hasStartDate(line)) ||
        /^\p{Ll}/u.test(line.text) ||
        endsOpen(prev) ||
        (prev.x !== undefined && line.x !== undefined && line.x > prev.x + 2.5 && !line.bullet && !hasStartDate(line)));
    if (last && continues) last.push(line);
    else items.push([line]);
  }
  return items;
}

export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}
