import type { Cv } from '../model';
import { fold } from '../parse/text';

/**
 * The exported CV as a format-neutral document: one column of sections, each a list of entries with a
 * title line (left) and dates (right), a subtitle line (left) and a place (right), paragraphs and bullets.
 * PDF, DOCX, Markdown and plain text all render this, so every format carries the same text in the same
 * order, under standard headings in the CV's language.
 */

export type CvLanguage = 'en' | 'es' | 'fr';

export interface DocEntry {
  title?: string;
  dates?: string;
  subtitle?: string;
  place?: string;
  paragraphs: string[];
  bullets: string[];
}

export interface DocSection {
  key: string;
  heading: string;
  entries: DocEntry[];
}

export interface CvDocument {
  language: CvLanguage;
  name: string;
  label?: string;
  contact: string[];
  sections: DocSection[];
}

/** Headings an ATS recognises, per language; the document's content, not UI text (it follows the CV). */
const headings: Record<CvLanguage, Record<string, string>> = {
  en: {
    summary: 'Summary', work: 'Experience', volunteer: 'Volunteering', education: 'Education', skills: 'Skills',
    projects: 'Projects', certificates: 'Certifications', awards: 'Awards', publications: 'Publications',
    languages: 'Languages', interests: 'Interests', references: 'References', present: 'Present', in: 'in',
  },
  es: {
    summary: 'Perfil', work: 'Experiencia', volunteer: 'Voluntariado', education: 'Formación', skills: 'Habilidades',
    projects: 'Proyectos', certificates: 'Certificaciones', awards: 'Premios', publications: 'Publicaciones',
    languages: 'Idiomas', interests: 'Intereses', references: 'Referencias', present: 'Actualidad', in: 'en',
  },
  fr: {
    summary: 'Profil', work: 'Expérience professionnelle', volunteer: 'Bénévolat', education: 'Formation',
    skills: 'Compétences', projects: 'Projets', certificates: 'Certifications', awards: 'Distinctions',
    publications: 'Publications', languages: 'Langues', interests: "Centres d'intérêt", references: 'Références',
    present: "Aujourd'hui", in: 'en',
  },
};

const months: Record<CvLanguage, string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  es: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'],
  fr: ['janv', 'févr', 'mars', 'avr', 'mai', 'juin', 'juil', 'août', 'sept', 'oct', 'nov', 'déc'],
};

const stopwords: Record<CvLanguage, Set<string>> = {
  en: new Set(['and', 'the', 'of', 'in', 'for', 'with', 'to', 'at', 'experience', 'education', 'skills']),
  es: new Set(['y', 'el', 'la', 'los', 'las', 'del', 'en', 'con', 'para', 'experiencia', 'formacion', 'habilidades']),
  fr: new Set(['et', 'le', 'les', 'des', 'du', 'pour', 'avec', 'chez', 'au', 'experience', 'formation', 'competences']),
};

/** The CV's language from its own words (en, es or fr; English when unsure). */
export function cvLanguage(cv: Cv): CvLanguage {
  const counts: Record<CvLanguage, number> = { en: 0, es: 0, fr: 0 };
  const text = cv.source.lines.slice(0, 400).map((l) => l.text).join(' ');
  for (const word of fold(text).split(/[^a-z']+/)) {
    for (const lang of ['en', 'es', 'fr'] as const) if (stopwords[lang].has(word)) counts[lang]++;
  }
  const best = (['es', 'fr'] as const).reduce<CvLanguage>((a, b) => (counts[b] > counts[a] ? b : a), 'en');
  return counts[best] > counts.en * 1.2 ? best : 'en';
}

/** `2021-04` → `Apr 2021` (in the CV's language); the importers read these forms back. */
export function formatDate(iso: string | undefined, language: CvLanguage): string | undefined {
  if (!iso) return undefined;
  const [year, month] = iso.split('-');
  if (!month) return year;
  const name = months[language][Number(month) - 1];
  return name ? `${name} ${year}` : year;
}

export function formatRange(start: string | undefined, end: string | undefined, language: CvLanguage): string | undefined {
  const a = formatDate(start, language);
  const b = formatDate(end, language) ?? (a ? headings[language].present : undefined);
  if (!a) return b;
  return `${a} – ${b}`;
}

const nonEmpty = (values: (string | undefined)[]): string[] => values.map((v) => v?.trim() ?? '').filter(Boolean);
const join = (values: (string | undefined)[], sep = ', ') => nonEmpty(values).join(sep) || undefined;

/** `LinkedIn: https://…`: the network named, so readers that do not follow links still know it. */
function profileText(p: { network?: string; username?: string; url?: string }): string | undefined {
  const where = p.url ?? p.username;
  if (!where) return undefined;
  return p.network && !where.toLowerCase().startsWith(p.network.toLowerCase()) ? `${p.network}: ${where}` : where;
}

function isSectionName(name: string, heading: string | undefined): boolean {
  const folded = fold(name).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return folded === 'skills' || (heading !== undefined && folded === fold(heading));
}

export function cvDocument(cv: Cv, language: CvLanguage = cvLanguage(cv)): CvDocument {
  const h = headings[language];
  const range = (s?: string, e?: string) => formatRange(s, e, language);
  const b = cv.basics;
  const address = b.location?.address;
  const location = join([address, ...[b.location?.city, b.location?.region, b.location?.countryCode].filter((v) => v && !address?.includes(v))]);
  const contact = nonEmpty([b.email, b.phone, location, b.url, ...(b.profiles ?? []).map(profileText)]);
  const sections: DocSection[] = [];
  const add = (key: string, entries: DocEntry[]) => {
    const kept = entries.filter((e) => e.title || e.subtitle || e.paragraphs.length > 0 || e.bullets.length > 0);
    if (kept.length > 0) sections.push({ key, heading: h[key] ?? key, entries: kept });
  };
  const entry = (e: Partial<DocEntry>): DocEntry => ({ paragraphs: [], bullets: [], ...e });

  if (b.summary) add('summary', [entry({ paragraphs: [b.summary] })]);
  add('work', cv.work.map((w) => entry({
    title: w.position ?? w.name,
    dates: range(w.startDate, w.endDate),
    subtitle: w.position ? w.name : undefined,
    place: w.location,
    paragraphs: nonEmpty([w.summary ?? w.description]),
    bullets: nonEmpty(w.highlights ?? []),
  })));
  add('education', cv.education.map((e) => entry({
    title: e.institution,
    dates: range(e.startDate, e.endDate),
    subtitle: join([e.studyType && e.area ? `${e.studyType} ${h.in} ${e.area}` : (e.studyType ?? e.area), e.score ? `GPA: ${e.score}` : undefined], '; '),
    bullets: nonEmpty(e.courses ?? []),
  })));
  add('skills', cv.skills.map((s) => {
    // A group named like the section itself ("Skills: Go, SQL" under SKILLS) prints its keywords only.
    const name = s.name && !isSectionName(s.name, h.skills) ? s.name : undefined;
    return entry({ paragraphs: nonEmpty([name && s.keywords?.length ? `${name}: ${s.keywords.join(', ')}` : (s.keywords?.length ? s.keywords.join(', ') : name)]) });
  }));
  add('projects', cv.projects.map((p) => entry({
    title: p.name,
    dates: range(p.startDate, p.endDate),
    subtitle: join([p.roles?.join(', '), p.entity]),
    place: p.url,
    paragraphs: nonEmpty([p.description, p.keywords?.length ? p.keywords.join(', ') : undefined]),
    bullets: nonEmpty(p.highlights ?? []),
  })));
  add('volunteer', cv.volunteer.map((v) => entry({
    title: v.position ?? v.organization,
    dates: range(v.startDate, v.endDate),
    subtitle: v.position ? v.organization : undefined,
    paragraphs: nonEmpty([v.summary]),
    bullets: nonEmpty(v.highlights ?? []),
  })));
  add('certificates', cv.certificates.map((c) => entry({ title: c.name, dates: formatDate(c.date, language), subtitle: c.issuer })));
  add('awards', cv.awards.map((a) => entry({ title: a.title, dates: formatDate(a.date, language), subtitle: a.awarder, paragraphs: nonEmpty([a.summary]) })));
  add('publications', cv.publications.map((p) => entry({ title: p.name, dates: formatDate(p.releaseDate, language), subtitle: p.publisher, paragraphs: nonEmpty([p.summary]) })));
  add('languages', [entry({ paragraphs: nonEmpty([join(cv.languages.map((l) => join([l.language, l.fluency ? `(${l.fluency})` : undefined], ' ')))]) })]);
  add('interests', [entry({ paragraphs: nonEmpty([join(cv.interests.map((i) => i.name))]) })]);
  add('references', cv.references.map((r) => entry({ title: r.name, paragraphs: nonEmpty([r.reference]) })));
  for (const other of cv.other) {
    if (other.lines.length > 0) sections.push({ key: 'other', heading: other.heading, entries: [entry({ paragraphs: other.lines })] });
  }
  return { language, name: b.name?.trim() || 'CV', label: b.label, contact, sections };
}

/** Every line of text the document holds, in reading order (what any export must contain). */
export function documentLines(doc: CvDocument): string[] {
  const out = nonEmpty([doc.name, doc.label, doc.contact.join(' | ')]);
  for (const s of doc.sections) {
    out.push(s.heading);
    for (const e of s.entries) {
      out.push(...nonEmpty([join([e.title, e.dates], '   '), join([e.subtitle, e.place], '   ')]), ...e.paragraphs, ...e.bullets);
    }
  }
  return out;
}
