import {
  type Basics,
  type Cv,
  type CvLine,
  emptyCv,
  type Language,
  type Skill,
  type Work,
} from '../model';
import { findDateRanges, removeDates } from './dates';
import {
  definedOnly,
  educationFromEntry,
  groupEntries,
  lineItems,
  projectFromEntry,
  type RawEntry,
  volunteerFromEntry,
  workFromEntry,
} from './entries';
import {
  absoluteUrl,
  contactPieces,
  findEmail,
  findPhones,
  findUrls,
  guessCountries,
  isContactLocation,
  isNameLike,
  parseLocation,
  profileFor,
} from './fields';
import { isNaturalLanguage, phoneLabel } from './lexicon';
import { type Section, splitSections } from './sections';
import type { SourceDoc, SourceLine } from './source';
import { joinWrapped, tidy, titleCaseIfShouting, trimField } from './text';

/** More lines than any CV has; beyond this the rest is dropped with a warning (keeps huge files fast). */
export const MAX_CV_LINES = 3000;

/** Lines → CV model. Every importer ends here. */
export function buildCv(doc: SourceDoc, options: { fileName?: string } = {}): Cv {
  const all = doc.lines.filter((l) => l.text.trim() !== '');
  const lines = all.slice(0, MAX_CV_LINES);
  lines.forEach((l, i) => (l.id = `l${i + 1}`));
  const sourceLines: CvLine[] = lines.map((l) => ({
    id: l.id!,
    text: l.text,
    origin: l.page !== undefined ? { page: l.page, line: l.line } : { line: l.line },
  }));
  const cv = emptyCv({
    format: doc.format,
    ...(options.fileName ? { fileName: options.fileName } : {}),
    ...(doc.pages !== undefined ? { pages: doc.pages } : {}),
    lines: sourceLines,
  });
  cv.warnings.push(...(doc.warnings ?? []));
  if (all.length > lines.length) cv.warnings.push({ code: 'lines_truncated', detail: `${lines.length}/${all.length}` });

  const { header, sections } = splitSections(lines);
  cv.basics = extractBasics(doc, lines, header, sections);

  for (const section of sections) {
    const ids = (ls: SourceLine[]) => unique(ls.map((l) => l.id!).filter(Boolean));
    const entries = () => groupEntries(section.lines);
    const tracked = (e: RawEntry) => ({ sourceLineIds: ids([...e.header, ...e.body]) });
    switch (section.type) {
      case 'work': {
        let previous: Work | undefined;
        for (const e of entries()) {
          const work: Work = { ...workFromEntry(e), ...(section.kind && section.kind !== 'job' ? { kind: section.kind } : {}), ...tracked(e) };
          if (!work.name && !work.position) {
            // Stray text between entries: keep it with the previous entry.
            if (previous && work.summary) previous.summary = joinWrapped([previous.summary ?? '', work.summary]);
            continue;
          }
          // A second role under the same employer ("Company" once, then two titles with dates).
          if (!work.name && previous?.name && e.header.length > 0) work.name = previous.name;
          cv.work.push(work);
          previous = work;
        }
        break;
      }
      case 'volunteer':
        for (const e of entries()) {
          const v = { ...volunteerFromEntry(e), ...tracked(e) };
          if (v.organization || v.position) cv.volunteer.push(v);
        }
        break;
      case 'education':
        for (const e of entries()) {
          const edu = { ...educationFromEntry(e), ...tracked(e) };
          if (edu.institution || edu.studyType) cv.education.push(edu);
        }
        break;
      case 'projects':
        for (const e of entries()) {
          if (e.header.length === 0 && e.body.every((l) => l.bullet)) {
            // One project per bullet.
            for (const b of e.body) cv.projects.push({ ...projectFromEntry({ header: [b], body: [] }), sourceLineIds: ids([b]) });
          } else {
            const p = { ...projectFromEntry(e), ...tracked(e) };
            if (p.name || p.description) cv.projects.push(p);
          }
        }
        break;
      case 'skills':
        cv.skills.push(...parseSkills(section));
        break;
      case 'languages':
        cv.languages.push(...parseLanguages(section.lines));
        break;
      case 'awards':
        for (const item of lineItems(section.lines)) {
          const { text, date } = itemText(item);
          if (text) cv.awards.push({ title: text, ...(date ? { date } : {}), sourceLineIds: ids(item) });
        }
        break;
      case 'certificates':
        for (const item of lineItems(section.lines)) {
          const { text, date } = itemText(item);
          if (text) cv.certificates.push({ name: text, ...(date ? { date } : {}), sourceLineIds: ids(item) });
        }
        break;
      case 'publications':
        for (const e of entries()) {
          const [first, ...rest] = [...e.header, ...e.body];
          if (!first) continue;
          const { text, date } = itemText([first]);
          const summary = joinWrapped(rest.map((l) => l.text));
          cv.publications.push({
            name: text,
            ...(date ? { releaseDate: date } : {}),
            ...(summary ? { summary } : {}),
            ...tracked(e),
          });
        }
        break;
      case 'interests':
        for (const item of lineItems(section.lines)) {
          for (const name of splitList(item.map((l) => l.text).join(', '))) {
            cv.interests.push({ name, sourceLineIds: ids(item) });
          }
        }
        break;
      case 'references':
        for (const item of lineItems(section.lines)) {
          cv.references.push({ name: joinWrapped(item.map((l) => l.text)), sourceLineIds: ids(item) });
        }
        break;
      case 'summary':
        break;
      case 'contact':
      case 'personal':
      case 'other':
        cv.languages.push(...languagesFromLabels(section.lines));
        if (section.type === 'other') {
          cv.other.push({ heading: section.title, lines: section.lines.map((l) => l.text), sourceLineIds: ids(section.lines) });
          cv.warnings.push({ code: 'unknown_section', detail: section.title, sourceLineIds: ids(section.heading ? [section.heading] : []) });
        }
        break;
    }
  }
  // Skill groups that list human languages are languages ("Languages: Korean, English, Japanese").
  cv.skills = cv.skills.filter((s) => {
    const langs = s.keywords ?? [];
    if (/^(?:languages?|idiomas?|langues?|sprachen)$/i.test(s.name ?? '') && langs.length > 0 && langs.every(isNaturalLanguage)) {
      cv.languages.push(...langs.map((l) => ({ ...languageOf(l), sourceLineIds: s.sourceLineIds })));
      return false;
    }
    return true;
  });

  if (!cv.basics.name) cv.warnings.push({ code: 'no_name' });
  if (!cv.basics.email) cv.warnings.push({ code: 'no_email' });
  if (sections.length === 0) cv.warnings.push({ code: 'no_sections' });
  return cv;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

const DOC_TITLES = /^(?:curriculum vitae|curriculum|resume|résumé|cv|c\.v\.|lebenslauf|hoja de vida|currículum)$/i;

function extractBasics(doc: SourceDoc, all: SourceLine[], header: SourceLine[], sections: Section[]): Basics {
  const basics: Basics = { ...definedOnly(doc.basics ?? {}) };
  const used = new Set<string>();
  const contactSections = sections.filter((s) => s.type === 'contact' || s.type === 'personal');
  const contactLines = [...header, ...contactSections.flatMap((s) => s.lines)];
  const headerForName = header.length > 0 ? header : all.slice(0, 3);

  if (!basics.name) {
    const found = findName(headerForName);
    if (found) {
      basics.name = titleCaseIfShouting(found.name);
      found.lines.forEach((l) => used.add(l.id!));
      const label = findLabel(headerForName, found.lines[found.lines.length - 1]!);
      if (label && !basics.label) {
        basics.label = label.text;
        used.add(label.line.id!);
      }
    }
  }

  const emailLine = contactLines.find((l) => findEmail(l.text)) ?? all.find((l) => findEmail(l.text));
  if (!basics.email && emailLine) {
    basics.email = findEmail(emailLine.text);
    used.add(emailLine.id!);
  }

  const urls = contactLines.flatMap((l) => findUrls(l.text).map((url) => ({ url, line: l })));
  const countries = guessCountries(contactLines.map((l) => l.text).join(' \n '), basics.email, urls.map((u) => u.url));
  if (!basics.phone) {
    let phone: { text: string; line: SourceLine } | undefined;
    for (const line of contactLines) {
      const p = findPhones(line.text, countries, true)[0];
      if (p) {
        phone = { text: p.text, line };
        break;
      }
    }
    // Elsewhere only a labelled, valid number ("Phone: +49 …").
    for (const line of phone ? [] : all) {
      if (!phoneLabel.test(line.text)) continue;
      const p = findPhones(line.text, countries, false)[0];
      if (p) {
        phone = { text: p.text, line };
        break;
      }
    }
    if (phone) {
      basics.phone = phone.text;
      used.add(phone.line.id!);
    }
  }

  const profiles = [...(basics.profiles ?? [])];
  for (const { url, line } of urls) {
    const profile = profileFor(url);
    if (profile && !profiles.some((p) => p.url === profile.url)) profiles.push(profile);
    else if (!profile && !basics.url) basics.url = absoluteUrl(url);
    used.add(line.id!);
  }
  if (profiles.length > 0) basics.profiles = profiles;

  if (!basics.location) {
    for (const line of contactLines) {
      if (line.bullet && header.includes(line) === false) continue;
      const piece = contactPieces(line.segments).find(
        (p) => isContactLocation(p) && !findPhones(p, countries, true).length && p !== basics.name,
      );
      if (piece) {
        basics.location = parseLocation(piece);
        used.add(line.id!);
        break;
      }
    }
  }

  const summary = sections
    .filter((s) => s.type === 'summary')
    .map((s) => joinWrapped(s.lines.map((l) => l.text)))
    .filter(Boolean)
    .join('\n\n');
  if (summary && !basics.summary) {
    basics.summary = summary;
    sections.filter((s) => s.type === 'summary').forEach((s) => s.lines.forEach((l) => used.add(l.id!)));
  }
  if (used.size > 0) basics.sourceLineIds = [...used];
  return basics;
}

/** The name: the biggest name-like text at the top (PDF), else the first name-like line. */
function findName(lines: SourceLine[]): { name: string; lines: SourceLine[] } | undefined {
  const candidates: { text: string; line: SourceLine; size: number; index: number }[] = [];
  lines.slice(0, 12).forEach((line, index) => {
    for (const seg of line.segments) {
      const text = trimField(seg.replace(/^(?:name|nombre|nom|name)\s*:\s*/i, ''));
      if (DOC_TITLES.test(text)) continue;
      if (isNameLike(text)) candidates.push({ text, line, size: line.maxSize ?? line.size ?? 0, index });
    }
  });
  if (candidates.length === 0) return undefined;
  const sized = lines.some((l) => l.maxSize !== undefined || l.heading === 1);
  const best = sized
    ? candidates.reduce((a, b) => (b.size > a.size + 0.1 || (b.line.heading === 1 && a.line.heading !== 1) ? b : a))
    : candidates[0]!;
  // A name set over two lines at the same size ("CHRISTIAN" / "LARICO DEPAZ").
  // A heading from markup (DOCX Title, Markdown `#`) is the whole name: the line under it is not.
  const next = candidates.find(
    (c) => c.index === best.index + 1 && Math.abs(c.size - best.size) < 0.1 && sized && c.line.heading === best.line.heading,
  );
  if (next && best.text.split(' ').length + next.text.split(' ').length <= 5) {
    return { name: `${best.text} ${next.text}`, lines: [best.line, next.line] };
  }
  return { name: best.text, lines: [best.line] };
}

/** A headline under the name ("Senior Software Engineer"): short, no contact details. */
function findLabel(lines: SourceLine[], nameLine: SourceLine): { text: string; line: SourceLine } | undefined {
  const i = lines.indexOf(nameLine);
  const line = lines[i + 1];
  if (!line) return undefined;
  const text = tidy(contactPieces(line.segments)[0] ?? '');
  if (!text || text.length > 80 || /@|\d{3}/.test(text) || findUrls(text).length > 0 || isContactLocation(text)) return undefined;
  if (line.size !== undefined && nameLine.size !== undefined && line.size > nameLine.size) return undefined;
  return { text, line };
}

function itemText(item: SourceLine[]): { text: string; date?: string } {
  const raw = joinWrapped(item.map((l) => l.segments.join(' · ')));
  const ranges = findDateRanges(raw);
  const date = ranges.find((r) => r.start?.iso)?.start?.iso;
  const text = trimField(removeDates(raw, ranges).replace(/\s*·\s*$/, '').replace(/^·\s*/, ''));
  return { text: text.replace(/(?:\s*·\s*)+/g, ' · '), date };
}

/** Split a list at commas, semicolons and bullets, but not inside parentheses. */
function splitList(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of value) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[,;•·|]/.test(ch)) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => trimField(s)).filter((s) => s.length > 0 && s.length < 120);
}

function parseSkills(section: Section): Skill[] {
  const groups: { name?: string; parts: string[]; lines: SourceLine[] }[] = [];
  for (const line of section.lines) {
    const text = line.text.trim();
    if (!text) continue;
    const colon = /^([^:,]{2,40}?)\s*:\s*(.*)$/.exec(text);
    const first = line.segments[0] ?? '';
    const rest = line.segments.slice(1).join(', ');
    if (colon && !/https?$/i.test(colon[1]!)) {
      groups.push({ name: trimField(colon[1]!), parts: [colon[2]!], lines: [line] });
    } else if (line.segments.length >= 2 && !first.includes(',') && first.split(' ').length <= 4 && /,/.test(rest)) {
      groups.push({ name: trimField(first), parts: [rest], lines: [line] });
    } else if (line.bold && line.segments.length > 1) {
      continue; // a table's header row ("Area | Tools")
    } else if (line.bullet || groups.length === 0) {
      groups.push({ parts: [line.segments.join(', ')], lines: [line] });
    } else {
      const g = groups[groups.length - 1]!;
      g.parts.push(line.segments.join(', '));
      g.lines.push(line);
    }
  }
  // Unnamed single-item groups (a bullet list of skills) become one group named after the section.
  const named = groups.filter((g) => g.name || splitList(g.parts.join(', ')).length > 1);
  const loose = groups.filter((g) => !named.includes(g));
  const skills: Skill[] = named.map((g) => ({
    ...(g.name ? { name: g.name } : { name: section.title }),
    keywords: splitList(joinWrapped(g.parts.map((p) => p.replace(/,\s*$/, '') + ',')).replace(/,\s*,/g, ',')),
    sourceLineIds: g.lines.map((l) => l.id!),
  }));
  if (loose.length > 0) {
    skills.push({
      name: section.title,
      keywords: loose.flatMap((g) => splitList(g.parts.join(', '))),
      sourceLineIds: loose.flatMap((g) => g.lines.map((l) => l.id!)),
    });
  }
  return skills.filter((s) => (s.keywords?.length ?? 0) > 0);
}

function languageOf(value: string): { language: string; fluency?: string } {
  const m = /^(.+?)\s*(?:\((.+?)\)?|[:–—-]\s*(.+))$/.exec(value.trim());
  if (m) return { language: trimField(m[1]!), fluency: trimField((m[2] ?? m[3])!) };
  return { language: trimField(value) };
}

function parseLanguages(lines: SourceLine[]): Language[] {
  const out: Language[] = [];
  // One line is one or more languages; a line continues only after a trailing comma.
  const items: SourceLine[][] = [];
  for (const line of lines) {
    const prev = items[items.length - 1];
    if (prev && /,\s*$/.test(prev[prev.length - 1]!.text)) prev.push(line);
    else items.push([line]);
  }
  for (const item of items) {
    const text = joinWrapped(item.map((l) => l.segments.join(' – ')));
    for (const part of splitList(text.replace(/^(?:languages?|idiomas?|langues?|sprachen)\s*:\s*/i, ''))) {
      out.push({ ...languageOf(part), sourceLineIds: item.map((l) => l.id!) });
    }
  }
  return out;
}

/** "Languages: English (Fluent), German (A1)" inside personal-information or other sections. */
function languagesFromLabels(lines: SourceLine[]): Language[] {
  const out: Language[] = [];
  for (const item of lineItems(lines)) {
    const text = joinWrapped(item.map((l) => l.text));
    const m = /^(?:languages?|idiomas?|langues?|sprachen|lenguas)\s*:\s*(.+)$/i.exec(text);
    if (!m) continue;
    for (const part of splitList(m[1]!)) {
      const lang = languageOf(part);
      if (isNaturalLanguage(lang.language)) out.push({ ...lang, sourceLineIds: item.map((l) => l.id!) });
    }
  }
  return out;
}
