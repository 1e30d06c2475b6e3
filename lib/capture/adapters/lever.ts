/**
 * Lever (`jobs.lever.co/<company>/<uuid>`): `.posting-headline` with category labels (location,
 * team, commitment, workplace type), then `data-qa` sections for the description and the lists.
 */
import { cleanLine, nodeToText, pick, pickRich } from '../dom';
import { canonicalUrl, employmentTypeFrom, onHost, parseSalaryText, workplaceFrom } from '../normalize';
import type { PostingDraft, SiteAdapter } from '../types';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

export const lever: SiteAdapter = {
  site: 'lever',
  matches(doc) {
    return onHost(doc, /(^|\.)lever\.co$/) || doc.querySelector('.posting-headline, .posting-categories') !== null;
  },
  read(doc) {
    const title = pick(doc, '.posting-headline h2', '.posting-headline h1');
    if (!title) return doc.querySelector('.postings-group, .posting-title') ? { error: 'not_a_job_posting' } : undefined;
    const draft: PostingDraft = { title };
    // <title> and og:title read "Acme - Senior Engineer"; the header logo's alt text names the company too.
    const fromTitle = cleanLine(doc.title).split(/\s+[-–]\s+/)[0];
    const logo = cleanLine(doc.querySelector('.main-header-logo img')?.getAttribute('alt')).replace(/\s+logo$/i, '');
    const company = logo || (fromTitle && fromTitle !== title ? fromTitle : '');
    if (company) draft.company = company;
    const location = pick(doc, '.posting-categories .location', '.posting-category.location');
    if (location) draft.location = location.replace(/\s*\/\s*$/, '');
    const workplace = workplaceFrom(pick(doc, '.posting-categories .workplaceTypes')) ?? (location ? workplaceFrom(location) : undefined);
    if (workplace) draft.workplace = workplace;
    const type = employmentTypeFrom(pick(doc, '.posting-categories .commitment'));
    if (type) draft.employmentType = [type];
    const salary = parseSalaryText(pick(doc, '[data-qa="salary-range"] div', '[data-qa="salary-range"]'));
    if (salary) draft.salary = salary;
    // The description is split over several sections (intro, lists, salary, closing) in one wrapper.
    const wrapper = doc.querySelector('[data-qa="job-description"]')?.closest('.section-wrapper');
    const description = (wrapper ? nodeToText(wrapper) : pickRich(doc, '[data-qa="job-description"]'))
      .split('\n')
      .filter((l) => !/^apply for this job$/i.test(l.trim()))
      .join('\n')
      .trim();
    if (description) draft.description = description;
    const id = UUID.exec(canonicalUrl(doc))?.[0] ?? UUID.exec(doc.URL)?.[0];
    if (id) draft.siteJobId = id.toLowerCase();
    return { posting: draft };
  },
};
