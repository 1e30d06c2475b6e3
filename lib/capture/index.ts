/**
 * `readPage`: the open job posting of a document, or why there is none. Pure (Document in, result out):
 * the injected capture script, the CLI and the tests run this same code.
 *
 * JSON-LD first, a site adapter to fill its gaps (or to read pages without it), then Readability;
 * bot checks, login walls, empty shells and lists give a typed error instead of a guessed job.
 */
import { readWithAdapters } from './adapters';
import { pageBlocker } from './blockers';
import { cleanLine, cleanMultiline, nodeToText } from './dom';
import { readJsonLd } from './json-ld';
import { canonicalUrl, cleanUrl, detectLanguage, normalizeTitle } from './normalize';
import { readWithReadability } from './readability';
import { extractSections } from './sections';
import type { CaptureErrorCode, CaptureResult, CaptureSource, JobPosting, PostingDraft } from './types';

export type { CaptureErrorCode, CaptureResult, JobPosting } from './types';

const LIMITS = { title: 300, line: 300, description: 100_000, locations: 20, id: 200 } as const;

const fail = (code: CaptureErrorCode): CaptureResult => ({ ok: false, error: { code } });

const parts = (location: string) => location.split(',').filter((p) => p.trim()).length;

/**
 * JSON-LD and an adapter on the same page: JSON-LD wins (dates, salary, description), the adapter fills
 * gaps. Exceptions: the title the page displays when it differs only in case or spacing, the displayed
 * location unless JSON-LD's has more parts ("Rome" shown, "Rome, IT" in JSON-LD), the displayed
 * workplace (JSON-LD only knows "remote"), and the site's own job id and URL (JSON-LD identifiers are
 * often the employer's).
 */
export function mergeDrafts(primary: PostingDraft, site: PostingDraft | undefined): PostingDraft {
  if (!site) return primary;
  const merged: PostingDraft = { ...site, ...stripUndefined(primary) };
  if (primary.title && site.title && normalizeTitle(primary.title) === normalizeTitle(site.title)) merged.title = site.title;
  if (site.location && (!primary.location || parts(site.location) >= parts(primary.location))) {
    merged.location = site.location;
    // One place written two ways ("Hamburg, Deutschland" shown, "Hamburg, DE" in JSON-LD) is one location.
    if ((primary.locations?.length ?? 0) <= 1) merged.locations = site.locations;
  }
  if (site.workplace) merged.workplace = site.workplace;
  if (site.siteJobId) merged.siteJobId = site.siteJobId;
  if (site.url) merged.url = site.url;
  if (primary.sections || site.sections) merged.sections = { ...site.sections, ...primary.sections };
  return merged;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

const clip = (value: string, max: number) => (value.length > max ? value.slice(0, max).trimEnd() : value);

function line(value: string | undefined, max: number = LIMITS.line): string | undefined {
  const text = value ? clip(cleanLine(value), max) : '';
  return text || undefined;
}

/** Normalises a merged draft into the posting the panel and the database see. */
export function finalizePosting(draft: PostingDraft & { title: string }, doc: Document, source: CaptureSource): JobPosting {
  const url = cleanUrl(draft.url) ?? cleanUrl(canonicalUrl(doc));
  return finalizeDraft(draft, { lang: doc.documentElement?.getAttribute('lang') ?? undefined, url }, source);
}

/**
 * `finalizePosting` without a document (text and PDF postings). `url` is the posting's http(s) address;
 * without one (a dropped file, pasted text) the posting gets a stable key address under the reserved
 * `.invalid` domain (RFC 6761), never fetched, so saving the same text twice updates one job.
 */
export function finalizeDraft(draft: PostingDraft & { title: string }, context: { lang?: string; url?: string }, source: CaptureSource): JobPosting {
  const title = line(draft.title, LIMITS.title)!;
  const description = draft.description ? clip(cleanMultiline(draft.description), LIMITS.description) : undefined;
  const locations = [...new Set((draft.locations ?? []).map((l) => line(l)).filter((l): l is string => Boolean(l)))].slice(0, LIMITS.locations);
  const location = line(draft.location) ?? locations[0];
  if (location && !locations.includes(location)) locations.unshift(location);
  const sections = { ...extractSections(description), ...draft.sections };
  // The text decides; html[lang] (often the site's UI language, not the posting's) only breaks ties.
  const language = draft.language ?? detectLanguage(description ?? title, context.lang);
  const posting: JobPosting = {
    title,
    titleNormalized: normalizeTitle(title),
    company: line(draft.company),
    location,
    locations: locations.length > 0 ? locations : undefined,
    workplace: draft.workplace,
    employmentType: draft.employmentType?.length ? draft.employmentType : undefined,
    salary: draft.salary && Object.keys(draft.salary).length > 0 ? draft.salary : undefined,
    datePosted: draft.datePosted,
    validThrough: draft.validThrough,
    description,
    sections: Object.keys(sections).length > 0 ? sections : undefined,
    language,
    url: context.url ?? keyUrl(title, draft.company, location, description),
    siteJobId: line(draft.siteJobId, LIMITS.id),
    source,
  };
  // The result crosses into the worker as JSON: leave out absent fields instead of sending undefined.
  return stripUndefined(posting) as JobPosting;
}

/** FNV-1a over the posting's own text: the same text always gives the same key. */
function keyUrl(...parts: (string | undefined)[]): string {
  let hash = 0x811c9dc5;
  for (const ch of parts.map((p) => p ?? '').join('\n')) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `https://posting.jobfit.invalid/${hash.toString(16).padStart(8, '0')}`;
}

/** Titles of the same posting: most words shared ("Engineer, Platform" / "Engineer - Platform (m/f/d)"). */
function sameJob(a: string, b: string): boolean {
  const words = (t: string) => new Set(normalizeTitle(t).split(/[^\p{L}\p{N}+#]+/u).filter(Boolean));
  const x = words(a);
  const y = words(b);
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared >= Math.min(x.size, y.size) * 0.6;
}

export function readPage(doc: Document = document): CaptureResult {
  const jsonLd = readJsonLd(doc);
  const site = readWithAdapters(doc);
  const sitePosting = site && 'posting' in site ? site.posting : undefined;

  // A single-page app can leave the JSON-LD of the previous posting behind: when the adapter reads a
  // clearly different title on screen, the screen wins.
  const stale = jsonLd.posting?.title && sitePosting && !sameJob(jsonLd.posting.title, sitePosting.title);
  if (jsonLd.posting?.title && !stale) {
    const merged = mergeDrafts(jsonLd.posting, sitePosting) as PostingDraft & { title: string };
    return { ok: true, posting: finalizePosting(merged, doc, 'json-ld') };
  }
  if (site && sitePosting) return { ok: true, posting: finalizePosting(sitePosting, doc, `adapter:${site.site}`) };
  if (site && 'error' in site) return fail(site.error);
  // Several postings and no adapter to say which one is open: a list.
  if (jsonLd.count > 1) return fail('not_a_job_posting');

  // The browser's PDF viewer: the posting is in the file, which the panel reads when dropped.
  if (doc.contentType === 'application/pdf' || (doc.body?.children.length === 1 && doc.body.querySelector(':scope > embed[type="application/pdf"]'))) {
    return fail('pdf_document');
  }
  const text = doc.body ? nodeToText(doc.body) : '';
  const blocker = pageBlocker(doc, text);
  if (blocker) return fail(blocker);
  const read = readWithReadability(doc);
  if (!read?.title) return fail('not_a_job_posting');
  return { ok: true, posting: finalizePosting(read as PostingDraft & { title: string }, doc, 'readability') };
}
