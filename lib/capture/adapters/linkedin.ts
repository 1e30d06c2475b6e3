/**
 * LinkedIn: the guest job view, the logged-in job view (classic markup and the newer server-driven UI
 * with generated class names), and the posting open in a guest or logged-in search split view.
 * A search page with no posting open is not a posting.
 */
import { cleanLine, nodeToText, pick, pickRich } from '../dom';
import { canonicalUrl, employmentTypeFrom, onHost, parseSalaryText, workplaceFrom } from '../normalize';
import type { EmploymentType, PostingDraft, SiteAdapter } from '../types';

const JOB_ID = /\/jobs\/view\/(?:[^/?#]*?-)?(\d{6,})(?:[/?#]|$)/;

const jobUrl = (id: string) => `https://www.linkedin.com/jobs/view/${id}/`;

function idFrom(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  return JOB_ID.exec(value)?.[1] ?? /[?&](?:currentJobId|referenceJobId)=(\d{6,})/.exec(value)?.[1];
}

/** Pills and insights ("Hybrid", "Contract", "$60/hr - $70/hr") sorted into workplace, type and salary. */
function readPills(texts: string[], draft: PostingDraft): void {
  const types: EmploymentType[] = [];
  for (const raw of texts) {
    const text = cleanLine(raw);
    if (!text || text.length > 80) continue;
    const salary = /\d/.test(text) ? parseSalaryText(text) : undefined;
    if (salary && !draft.salary) {
      draft.salary = salary;
      continue;
    }
    const workplace = workplaceFrom(text);
    if (workplace && !draft.workplace) draft.workplace = workplace;
    const type = employmentTypeFrom(text);
    if (type && !types.includes(type)) types.push(type);
  }
  if (types.length > 0) draft.employmentType = types;
}

const EMPLOYMENT_CRITERION = /employment type|tipo di impiego|type d[’']emploi|tipo de empleo|beschäftigungsverhältnis|dienstverband|tipo de emprego/i;

function readGuest(root: ParentNode, doc: Document, title: string, inPane: boolean): PostingDraft {
  const draft: PostingDraft = { title };
  const company = pick(root, '.topcard__org-name-link', '.top-card-layout__second-subline .topcard__flavor a', '.topcard__flavor');
  if (company) draft.company = company;
  const location = pick(root, 'span.topcard__flavor--bullet', '.topcard__flavor--bullet');
  if (location) draft.location = location;
  const description = pickRich(root, '.show-more-less-html__markup', '.description__text');
  if (description) draft.description = description;
  const criteria = Array.from(root.querySelectorAll('.description__job-criteria-item'));
  const employment =
    criteria.find((item) => EMPLOYMENT_CRITERION.test(item.querySelector('h3')?.textContent ?? '')) ?? criteria[1];
  const type = employmentTypeFrom(employment?.querySelector('.description__job-criteria-text')?.textContent ?? '');
  if (type) draft.employmentType = [type];
  const salary = parseSalaryText(pick(root, '.compensation__salary'));
  if (salary) draft.salary = salary;
  const link = root.querySelector('a.topcard__link[href*="/jobs/view/"], a[data-tracking-control-name$="topcard-title"]');
  const id = idFrom(link?.getAttribute('href')) ?? (inPane ? undefined : idFrom(canonicalUrl(doc)));
  if (id) {
    draft.siteJobId = id;
    draft.url = jobUrl(id);
  }
  return draft;
}

function readClassic(doc: Document): PostingDraft | undefined {
  const title = pick(
    doc,
    '.job-details-jobs-unified-top-card__job-title h1',
    '.job-details-jobs-unified-top-card__job-title',
    '.jobs-unified-top-card__job-title',
  );
  if (!title) return undefined;
  const draft: PostingDraft = { title };
  const company = pick(doc, '.job-details-jobs-unified-top-card__company-name', '.jobs-unified-top-card__company-name');
  if (company) draft.company = company;
  // "New York, NY · 1 day ago · 41 applicants": the location is the first item.
  const line = pick(
    doc,
    '.job-details-jobs-unified-top-card__tertiary-description-container',
    '.job-details-jobs-unified-top-card__primary-description-container',
    '.job-details-jobs-unified-top-card__bullet',
    '.jobs-unified-top-card__bullet',
  );
  const location = line.split(/\s+·\s+/)[0];
  if (location) draft.location = location;
  readPills(
    Array.from(
      doc.querySelectorAll(
        '.job-details-fit-level-preferences button, .job-details-preferences-and-skills__pill, .job-details-jobs-unified-top-card__job-insight span, .jobs-unified-top-card__job-insight span',
      ),
      (el) => el.textContent ?? '',
    ),
    draft,
  );
  const description = pickRich(
    doc,
    '.jobs-description__content .jobs-box__html-content',
    '.jobs-description-content__text',
    '#job-details',
  );
  if (description) draft.description = description.replace(/^About the job\n/i, '');
  const titleLink = doc.querySelector(
    '.job-details-jobs-unified-top-card__job-title a[href*="/jobs/view/"], .job-details-jobs-unified-top-card__title-container a[href*="/jobs/view/"]',
  );
  const id =
    idFrom(titleLink?.getAttribute('href')) ??
    idFrom(doc.URL) ??
    idFrom(doc.querySelector('a[href*="referenceJobId="]')?.getAttribute('href'));
  if (id) {
    draft.siteJobId = id;
    draft.url = jobUrl(id);
  }
  return draft;
}

const before = (a: Node, b: Node) => Boolean(a.compareDocumentPosition(b) & 4 /* DOCUMENT_POSITION_FOLLOWING */);

/** The server-driven UI: generated class names, so read by structure, test ids and the page title. */
function readServerDriven(doc: Document): PostingDraft | undefined {
  const about = doc.querySelector('[data-sdui-component$=".aboutTheJob"], [componentkey^="JobDetails_AboutTheJob_"]');
  if (!about) return undefined;
  // "(2) Graduate Data Engineer | Flow Traders | LinkedIn"
  const parts = cleanLine(doc.title).replace(/^\(\d+\+?\)\s*/, '').split(' | ');
  if (parts.length < 3 || !/linkedin/i.test(parts.at(-1) ?? '')) return undefined;
  const [title, company] = parts as [string, string];
  const draft: PostingDraft = { title, company };
  const paragraphs = Array.from(doc.querySelectorAll('p'));
  const heading = paragraphs.find((p) => cleanLine(p.textContent) === title && before(p, about));
  if (heading) {
    const next = paragraphs[paragraphs.indexOf(heading) + 1];
    const first = cleanLine(next?.querySelector('span')?.textContent ?? next?.textContent).split(/\s+·\s+/)[0];
    if (first && !/\b(ago|applicants?|clicked|people|promoted)\b/i.test(first)) draft.location = first;
    readPills(
      Array.from(doc.querySelectorAll('button'))
        .filter((b) => before(heading, b) && before(b, about))
        .slice(0, 12)
        .map((b) => b.textContent ?? ''),
      draft,
    );
  }
  const description = nodeToText(about.querySelector('[data-testid="expandable-text-box"]') ?? about).replace(/^About the job\n/i, '');
  if (description) draft.description = description;
  const id =
    /JobDetails_\w+?_(\d{6,})/.exec(about.getAttribute('componentkey') ?? '')?.[1] ??
    /JobDetails_\w+?_(\d{6,})/.exec(doc.querySelector('[componentkey^="JobDetails_"]')?.getAttribute('componentkey') ?? '')?.[1] ??
    idFrom(doc.URL);
  if (id) {
    draft.siteJobId = id;
    draft.url = jobUrl(id);
  }
  return draft;
}

const LIST_MARKUP =
  '.jobs-search__results-list, .two-pane-serp-page__detail-view, .jobs-search-results-list, .jobs-search-results__list, .scaffold-layout__list, .jobs-search__job-details';

export const linkedin: SiteAdapter = {
  site: 'linkedin',
  matches(doc) {
    return (
      onHost(doc, /(^|\.)linkedin\.com$/) ||
      doc.querySelector(
        '.top-card-layout__title, .job-details-jobs-unified-top-card__job-title, .jobs-search__results-list, [data-sdui-component^="com.linkedin."], link[href*="static.licdn.com"], script[src*="static.licdn.com"]',
      ) !== null
    );
  },
  read(doc) {
    // A guest search keeps the open posting in its detail pane; a guest job view has it on the page.
    const pane = doc.querySelector('.two-pane-serp-page__detail-view');
    const guestRoot = pane ?? doc;
    const guestTitle = pick(guestRoot, '.top-card-layout__title', '.topcard__title');
    if (guestTitle) return { posting: readGuest(guestRoot, doc, guestTitle, pane !== null) };
    const posting = readClassic(doc) ?? readServerDriven(doc);
    if (posting) return { posting };
    // Paths only count on LinkedIn itself: other sites' /jobs/ pages are theirs to read.
    const onLinkedIn = onHost(doc, /(^|\.)linkedin\.com$/);
    const path = onLinkedIn ? new URL(canonicalUrl(doc)).pathname : '';
    if (doc.querySelector(LIST_MARKUP) || (/^\/jobs\//.test(path) && !JOB_ID.test(path))) return { error: 'not_a_job_posting' };
    if (
      /^\/(authwall|login|signup|checkpoint|uas\/login)\b/.test(path) ||
      doc.querySelector('form.authwall-join-form, form.authwall-sign-in-form, form[action*="/uas/login-submit"]')
    ) {
      return { error: 'login_required' };
    }
    return undefined;
  },
};
