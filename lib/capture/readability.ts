/**
 * Fallback for pages without job data or a site adapter: @mozilla/readability on a clone of the document
 * for the text, with title, company and location recovered from meta tags and headings. Accepts the page
 * only when it reads like a job posting, so an article or a recipe never becomes a "job".
 */
import { Readability } from '@mozilla/readability';
import { cleanLine, metaContent, nodeToText } from './dom';
import { toIsoDate } from './normalize';
import type { PostingDraft } from './types';

// Phrases that postings use and other pages rarely do, in the languages of the corpus and the UI.
const POSTING_PHRASES = new RegExp(
  [
    // en
    "responsibilities", 'requirements', 'qualifications', "what you('ll| will) do", 'about the (role|job|position)',
    "we('re| are) (looking for|hiring)", 'is hiring', 'join (our|the) team', 'apply (now|for this)', 'job description',
    'your profile', 'benefits', 'employment type', 'full[- ]time', 'part[- ]time', 'salary', 'nice to have',
    // fr
    'vos missions', 'profil recherché', 'description du poste', 'nous recherchons', 'postuler', 'candidature',
    '\\bCDI\\b', '\\bCDD\\b', 'poste à pourvoir', "offre d['’]emploi", 'temps plein',
    // es
    'requisitos', 'funciones', 'ofrecemos', 'buscamos', 'postúlate', 'vacante', 'oferta de empleo', 'jornada completa',
    // de
    'aufgaben', 'anforderungen', '(dein|ihr) profil', 'wir bieten', 'bewirb dich', 'jetzt bewerben', 'stellenangebot',
    '\\(m/w/d\\)', 'vollzeit',
    // it
    'requisiti', 'mansioni', 'offriamo', 'candidati', 'offerta di lavoro', 'cerchiamo', 'tempo pieno',
  ].join('|'),
  'gi',
);

const ROLE_WORDS =
  /\b(engineer|developer|manager|analyst|designer|intern(ship)?|assistant|specialist|consultant|director|lead|scientist|architect|technician|coordinator|officer|administrator|accountant|nurse|representative|associate|careers?|jobs?|hiring|stage|stagiaire|ingénieur|développeur|chef de projet|desarrollador|ingeniero|analista|entwickler|ingegnere|sviluppatore|werkstudent|praktikum)\b/i;

/** Heuristic: at least two posting phrases, or one plus a role word in the title or heading. */
export function looksLikePosting(title: string, text: string): boolean {
  const phrases = new Set(Array.from(text.slice(0, 20_000).matchAll(POSTING_PHRASES), (m) => m[0].toLowerCase()));
  const score = phrases.size + (ROLE_WORDS.test(title) ? 1 : 0);
  return score >= 2;
}

const CAREERS_SEGMENT = /\b(careers?|jobs?|karriere|empleo|emplois?|lavora con noi|work with us|join us|stellenangebote)\b/i;

/** "Senior Engineer | Acme Careers" → "Senior Engineer": drops the site name and careers-page segments. */
function stripSiteName(title: string, siteName: string): string {
  const segments = title.split(/\s+[|–—·•-]\s+/).map((s) => s.trim()).filter(Boolean);
  const kept = segments.filter((s) => s.toLowerCase() !== siteName.toLowerCase() && !CAREERS_SEGMENT.test(s));
  return kept[0] ?? segments[0] ?? title;
}

function headingTitle(doc: Document): string {
  const scope = doc.querySelector('main, [role="main"], article') ?? doc.body;
  const headings = Array.from(scope?.querySelectorAll('h1') ?? []).filter((h) => !h.closest('nav, header nav, footer, aside'));
  const text = cleanLine(headings[0]?.textContent);
  return headings.length <= 2 && text.length >= 2 && text.length <= 150 ? text : '';
}

const LOCATION =
  '[itemprop="jobLocation"], [itemprop="addressLocality"], [data-testid*="location" i], [data-qa*="location" i], [class*="job-location" i], [class*="joblocation" i], [class*="location" i]';

function locationNear(doc: Document): string {
  for (const el of Array.from(doc.querySelectorAll(LOCATION)).slice(0, 20)) {
    if (el.closest('nav, footer, form, select, [role="navigation"]')) continue;
    const text = cleanLine(el.textContent);
    if (text.length >= 2 && text.length <= 80 && text.split(' ').length <= 8 && !/^(all )?locations?:?$/i.test(text)) {
      return text.replace(/^(location|lieu|ubicación|standort|sede)\s*:\s*/i, '');
    }
  }
  return '';
}

/** Company from "Title at Company", "Company is hiring …", "Company hiring …" page titles. */
function companyFromTitle(title: string): string {
  return (
    /\bat\s+([^|–—-]+?)\s*(?:[|–—-]|$)/.exec(title)?.[1] ??
    /^(.+?)\s+(?:is\s+)?hiring\b/i.exec(title)?.[1] ??
    ''
  ).trim();
}

export function readWithReadability(doc: Document): PostingDraft | undefined {
  // Readability rewrites the DOM it reads: give it a clone, never the page.
  const clone = doc.cloneNode(true) as Document;
  const article = new Readability<string>(clone, { serializer: (node) => nodeToText(node), charThreshold: 300 }).parse();
  const description = article?.content?.trim() ?? '';
  const siteName = metaContent(doc, 'meta[property="og:site_name"]') || cleanLine(article?.siteName);
  const ogTitle = metaContent(doc, 'meta[property="og:title"]');
  const pageTitle = cleanLine(doc.title);
  const title =
    headingTitle(doc) ||
    (ogTitle && stripSiteName(ogTitle, siteName)) ||
    cleanLine(article?.title) ||
    (pageTitle && stripSiteName(pageTitle, siteName));
  if (!title || !description) return undefined;
  if (!looksLikePosting(`${title} ${pageTitle}`, `${pageTitle}\n${title}\n${description}`)) return undefined;

  const draft: PostingDraft = { title, description };
  const company = siteName || metaContent(doc, 'meta[name="application-name"]') || companyFromTitle(ogTitle || pageTitle);
  if (company && company.toLowerCase() !== title.toLowerCase()) draft.company = company;
  const location = locationNear(doc);
  if (location) draft.location = location;
  const published = toIsoDate(metaContent(doc, 'meta[property="article:published_time"]') || article?.publishedTime);
  if (published) draft.datePosted = published;
  return draft;
}
