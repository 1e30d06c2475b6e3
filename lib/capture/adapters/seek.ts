/**
 * SEEK (seek.com.au, seek.co.nz) and the sites on its platform (JobStreet, Jobsdb): the job page
 * (`/job/<id>`) and the posting open in the search split view (`…-jobs?jobId=<id>`). A search list with
 * no posting open is not a posting.
 */
import { cleanLine, pick, pickRich } from '../dom';
import { canonicalUrl, dateFromAgo, datePostedFrom, documentHosts, employmentTypes, onHost, parseSalaryText, workplaceFrom } from '../normalize';
import type { PostingDraft, Salary, SiteAdapter } from '../types';

const HOST = /(^|\.)(?:seek\.(?:com\.au|co\.nz|com)|jobstreet\.(?:com(?:\.[a-z]{2})?|co\.id|vn)|jobsdb\.com)$/;
const TITLE = '[data-automation="job-detail-title"]';
const DETAIL = '[data-automation="jobDetailsPage"], [data-automation="splitViewJobDetailsWrapper"], [data-automation="job-details-page"]';
const LIST = '[data-automation="normalJob"], [data-automation="premiumJob"], [data-automation="searchResults"], [data-testid="job-card"], article[data-card-type="JobCard"]';

/** Pay is shown with a bare "$" in the site's own currency. */
const CURRENCIES: [RegExp, string][] = [
  [/seek\.com\.au$|^au\.seek\.com$/, 'AUD'],
  [/seek\.co\.nz$|^nz\.seek\.com$/, 'NZD'],
  [/^hk\.jobsdb\.com$/, 'HKD'],
  [/^th\.jobsdb\.com$/, 'THB'],
  [/^(?:sg\.jobstreet\.com|(?:www\.)?jobstreet\.com\.sg)$/, 'SGD'],
  [/^(?:my\.jobstreet\.com|(?:www\.)?jobstreet\.com\.my)$/, 'MYR'],
  [/^(?:ph\.jobstreet\.com|(?:www\.)?jobstreet\.com\.ph)$/, 'PHP'],
  [/^(?:id\.jobstreet\.com|(?:www\.)?jobstreet\.co\.id)$/, 'IDR'],
];

function siteHost(doc: Document): string {
  return documentHosts(doc).find((host) => HOST.test(host)) ?? 'www.seek.com.au';
}

function salaryFrom(text: string, host: string): Salary | undefined {
  const salary = parseSalaryText(text.replace(/\bRM\s*(?=\d)/g, ''));
  if (!salary) return undefined;
  const local = CURRENCIES.find(([pattern]) => pattern.test(host))?.[1];
  if (local && (!salary.currency || (salary.currency === 'USD' && !/US\$|USD/i.test(text)))) salary.currency = local;
  return salary;
}

function jobId(doc: Document, detail: ParentNode): string | undefined {
  for (const candidate of [canonicalUrl(doc), doc.querySelector('meta[property="og:url"]')?.getAttribute('content'), doc.URL]) {
    const id = candidate && (/\/job\/(\d{5,})/.exec(candidate)?.[1] ?? /[?&]jobId=(\d{5,})/.exec(candidate)?.[1]);
    if (id) return id;
  }
  const link = detail.querySelector('a[href*="/job/"]')?.getAttribute('href');
  return link ? /\/job\/(\d{5,})/.exec(link)?.[1] : undefined;
}

/** "Posted 3d ago" or a date: the detail's own date field, else the line that says so. */
function posted(detail: ParentNode): string | undefined {
  const element = detail.querySelector('[data-automation="job-detail-date"], [data-automation="job-detail-listed-date"]');
  const date = datePostedFrom(element, /^(?:posted|listed)\s*(?:on)?\s*/i);
  // A date field that shows something else is not overruled by a line elsewhere.
  if (date || cleanLine(element?.textContent)) return date;
  const line = Array.from(detail.querySelectorAll('span, div, p'))
    .map((el) => (el.children.length === 0 ? cleanLine(el.textContent) : ''))
    .find((t) => /^posted\s+\d+\s*\+?\s*[a-z]+\s+ago$/i.test(t));
  return line ? dateFromAgo(line) : undefined;
}

export const seek: SiteAdapter = {
  site: 'seek',
  matches(doc) {
    return onHost(doc, HOST) || doc.querySelector(`${TITLE}, [data-automation="jobAdDetails"], [data-automation="advertiser-name"]`) !== null;
  },
  read(doc) {
    const heading = doc.querySelector(TITLE);
    const title = cleanLine(heading?.textContent);
    if (!heading || !title) return doc.querySelector(LIST) ? { error: 'not_a_job_posting' } : undefined;
    const detail: ParentNode = heading.closest(DETAIL) ?? doc;
    const draft: PostingDraft = { title };
    const company = pick(detail, '[data-automation="advertiser-name"]', '[data-automation="job-detail-company"]');
    if (company) draft.company = company;
    const arrangement = pick(detail, '[data-automation="job-detail-work-arrangements"]', '[data-automation="job-detail-work-arrangement"]');
    const location = pick(detail, '[data-automation="job-detail-location"] a', '[data-automation="job-detail-location"]');
    if (location) draft.location = location.replace(/\s*\((?:hybrid|remote|on-?site)\)\s*$/i, '') || location;
    const workplace = workplaceFrom(arrangement) ?? (location ? workplaceFrom(location) : undefined);
    if (workplace) draft.workplace = workplace;
    const types = employmentTypes([pick(detail, '[data-automation="job-detail-work-type"]')]);
    if (types) draft.employmentType = types;
    const host = siteHost(doc);
    const salary = salaryFrom(pick(detail, '[data-automation="job-detail-salary"]'), host);
    if (salary) draft.salary = salary;
    const datePosted = posted(detail);
    if (datePosted) draft.datePosted = datePosted;
    const description = pickRich(detail, '[data-automation="jobAdDetails"]', '[data-automation="job-ad-details"]');
    if (description) draft.description = description;
    const id = jobId(doc, detail);
    if (id) {
      draft.siteJobId = id;
      draft.url = `https://${host}/job/${id}`;
    }
    return { posting: draft };
  },
};
