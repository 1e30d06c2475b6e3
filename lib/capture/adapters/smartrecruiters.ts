/**
 * SmartRecruiters (`jobs.smartrecruiters.com/<Company>/<id>-<slug>`): schema.org microdata on the page
 * (read by json-ld.ts); this adapter adds what microdata leaves out and the site's job id.
 */
import { cleanLine, pick, pickRich } from '../dom';
import { canonicalUrl, employmentTypeFrom, onHost, workplaceFrom } from '../normalize';
import type { EmploymentType, PostingDraft, SiteAdapter } from '../types';

export const smartrecruiters: SiteAdapter = {
  site: 'smartrecruiters',
  matches(doc) {
    return onHost(doc, /(^|\.)smartrecruiters\.com$/) || doc.querySelector('main.jobad-main, .jobad-header, spl-job-location') !== null;
  },
  read(doc) {
    const title = pick(doc, 'h1.job-title', '.jobad-header h1');
    if (!title) return undefined;
    const draft: PostingDraft = { title };
    const company =
      cleanLine(doc.querySelector('[itemprop="hiringOrganization"] [itemprop="name"]')?.getAttribute('content')) ||
      pick(doc, '[itemprop="hiringOrganization"] [itemprop="name"]', '.header-logo-company-name');
    if (company) draft.company = company;
    const location =
      cleanLine(doc.querySelector('spl-job-location')?.getAttribute('formattedaddress')) || pick(doc, '.job-details [itemprop="jobLocation"]');
    if (location) draft.location = location;
    const types: EmploymentType[] = [];
    for (const el of Array.from(doc.querySelectorAll('.job-details li, .job-details .job-detail'))) {
      const text = cleanLine(el.textContent);
      const workplace = workplaceFrom(text);
      if (workplace && !draft.workplace) draft.workplace = workplace;
      const type = employmentTypeFrom(text);
      if (type && !types.includes(type)) types.push(type);
    }
    if (types.length > 0) draft.employmentType = types;
    const description = pickRich(doc, '[itemprop="description"]', '.job-sections');
    if (description) draft.description = description;
    const id = /smartrecruiters\.com\/[^/]+\/(\d{6,})/.exec(canonicalUrl(doc))?.[1] ?? /\/(\d{9,})-/.exec(canonicalUrl(doc))?.[1];
    if (id) draft.siteJobId = id;
    return { posting: draft };
  },
};
