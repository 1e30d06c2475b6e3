/**
 * Glassdoor: the job page and the posting open beside the search list; its bot check (a Cloudflare
 * interstitial titled "Security | Glassdoor") is a captcha, not a posting.
 */
import { cleanLine, pick, pickRich } from '../dom';
import { canonicalUrl, onHost, parseSalaryText, workplaceFrom } from '../normalize';
import type { PostingDraft, SiteAdapter } from '../types';

const TITLE = '[data-test="job-title"], [data-test="jobTitle"], .job-title';

export const glassdoor: SiteAdapter = {
  site: 'glassdoor',
  matches(doc) {
    return (
      onHost(doc, /(^|\.)glassdoor\.[a-z.]+$/) ||
      /\|\s*Glassdoor\s*$/i.test(doc.title) ||
      doc.querySelector('[data-test="employer-name"], [data-test="job-title"][class*="JobDetails"]') !== null
    );
  },
  read(doc) {
    if (/^security\s*\|/i.test(cleanLine(doc.title)) || doc.querySelector('#challenge-form, #cf-challenge-running, .cf-browser-verification')) {
      return { error: 'captcha' };
    }
    const title = pick(doc, TITLE);
    if (!title) {
      return doc.querySelector('[data-test="jobListing"], [data-test="job-list"], .JobsList_jobsList__lqjTr')
        ? { error: 'not_a_job_posting' }
        : undefined;
    }
    const draft: PostingDraft = { title };
    // "Acme Corp 4.1 ★": the employer block also shows the rating.
    const company = pick(doc, '[data-test="employer-name"]', '[data-test="employerName"]').replace(/\s*\d(?:[.,]\d)?\s*★?\s*$/, '');
    if (company) draft.company = company;
    const location = pick(doc, '[data-test="location"]', '[data-test="emp-location"]');
    if (location) {
      draft.location = location;
      const workplace = workplaceFrom(location);
      if (workplace) draft.workplace = workplace;
    }
    const salary = parseSalaryText(pick(doc, '[data-test="detailSalary"]', '[data-test="salary-estimate"]'));
    if (salary) draft.salary = salary;
    const description = pickRich(doc, '[data-test="jobDescriptionContent"]', '.jobDescriptionContent', '[class*="JobDetails_jobDescription"]');
    if (description) draft.description = description;
    const id = /[?&]jl=(\d+)|jobListingId=(\d+)|_JV_\w*?(\d{6,})/.exec(canonicalUrl(doc));
    const siteJobId = id?.[1] ?? id?.[2] ?? id?.[3];
    if (siteJobId) draft.siteJobId = siteJobId;
    return { posting: draft };
  },
};
