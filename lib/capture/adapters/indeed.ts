/**
 * Indeed: the job page (`/viewjob?jk=…`) and the posting open in the search split view's right pane.
 * Search results with no posting open are not a posting.
 */
import { cleanLine, pick, pickRich } from '../dom';
import { canonicalUrl, documentHosts, employmentTypeFrom, onHost, parseSalaryText, workplaceFrom } from '../normalize';
import type { EmploymentType, PostingDraft, SiteAdapter } from '../types';

const HEADER = '.jobsearch-JobInfoHeader-title, [data-testid="jobsearch-JobInfoHeader-title"]';
const RESULTS = '.jobsearch-ResultsList, #mosaic-provider-jobcards, .job_seen_beacon, .jobsearch-LeftPane';

function jobKey(doc: Document): string | undefined {
  for (const candidate of [canonicalUrl(doc), doc.URL]) {
    try {
      const params = new URL(candidate).searchParams;
      const key = params.get('jk') ?? params.get('vjk');
      if (key && /^[a-f0-9]{8,20}$/i.test(key)) return key;
    } catch {
      // not a URL
    }
  }
  const key = doc.querySelector('.jobsearch-RightPane [data-jk], #vjs-container [data-jk]')?.getAttribute('data-jk');
  return key && /^[a-f0-9]{8,20}$/i.test(key) ? key : undefined;
}

export const indeed: SiteAdapter = {
  site: 'indeed',
  matches(doc) {
    return (
      onHost(doc, /(^|\.)indeed\.[a-z.]+$/) ||
      doc.querySelector(`${HEADER}, #jobDescriptionText, ${RESULTS}`) !== null
    );
  },
  read(doc) {
    const header = doc.querySelector(HEADER);
    if (!header) return doc.querySelector(RESULTS) ? { error: 'not_a_job_posting' } : undefined;
    // The heading carries a screen-reader suffix: "Product Owner - job post".
    const title = cleanLine(header.textContent).replace(/\s*-\s*job post$/i, '');
    const draft: PostingDraft = { title };
    const company = pick(doc, '[data-testid="inlineHeader-companyName"]', '[data-company-name="true"]', '.jobsearch-CompanyInfoContainer a');
    if (company) draft.company = company;
    const location = pick(
      doc,
      '[data-testid="inlineHeader-companyLocation"]',
      '[data-testid="job-location"]',
      '#jobLocationText',
      '[data-testid="jobsearch-JobInfoHeader-companyLocation"]',
    );
    if (location) {
      draft.location = location.replace(/^(?:hybrid remote|remote|hybrid) in\s+/i, '').trim() || location;
      const workplace = workplaceFrom(location);
      if (workplace) draft.workplace = workplace;
    }
    const types: EmploymentType[] = [];
    for (const el of Array.from(doc.querySelectorAll('#salaryInfoAndJobType span, [data-testid="jobsearch-OtherJobDetailsContainer"] li'))) {
      const text = cleanLine(el.textContent).replace(/^[-–·\s]+/, '');
      const salary = /\d/.test(text) ? parseSalaryText(text) : undefined;
      if (salary && !draft.salary) draft.salary = salary;
      const type = employmentTypeFrom(text);
      if (!salary && type && !types.includes(type)) types.push(type);
    }
    if (types.length > 0) draft.employmentType = types;
    const description = pickRich(doc, '#jobDescriptionText');
    if (description) draft.description = description;
    const key = jobKey(doc);
    if (key) {
      draft.siteJobId = key;
      const host = documentHosts(doc).find((h) => /(^|\.)indeed\.[a-z.]+$/.test(h)) ?? 'www.indeed.com';
      draft.url = `https://${host}/viewjob?jk=${key}`;
    }
    return { posting: draft };
  },
};
