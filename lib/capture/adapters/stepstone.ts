/**
 * StepStone (stepstone.de / .at / .be / .nl …, `/stellenangebote--<slug>--<id>-inline.html`) and the
 * sites on its platform (Totaljobs, CWJobs, Caterer, Jobsite): `data-at` attributes mark each field.
 * The title keeps its "(m/w/d)" as displayed; only `titleNormalized` drops it.
 */
import { pick, pickRich } from '../dom';
import { canonicalUrl, contractAndHours, datePostedFrom, onHost, parseSalaryText, workplaceFrom } from '../normalize';
import type { PostingDraft, SiteAdapter, Workplace } from '../types';

const HOST = /(^|\.)(?:stepstone\.(?:de|at|be|nl|fr|pl|dk|se|lu|co\.uk)|totaljobs\.com|cwjobs\.co\.uk|caterer\.com|jobsite\.co\.uk)$/;
const TITLE = '[data-at="header-job-title"]';
const SECTIONS = ['introduction', 'description', 'profile', 'weoffer', 'benefits', 'additionalInformation'];

/** "Homeoffice möglich" / "Teilweise Home-Office" is an option, not a remote job. */
function workplaceOf(text: string): Workplace | undefined {
  if (/home[\s-]?office\s+möglich|teilweise\s+home[\s-]?office|hybrid/i.test(text)) return 'hybrid';
  if (/nur\s+home[\s-]?office|100\s*%\s*home[\s-]?office|fully remote|work from home/i.test(text)) return 'remote';
  return workplaceFrom(text);
}

function description(doc: Document): string {
  const whole = pickRich(doc, '[data-at="job-ad-content"]');
  if (whole) return whole;
  return SECTIONS.map((name) => pickRich(doc, `[data-at="section-text-${name}-content"]`))
    .filter(Boolean)
    .join('\n\n');
}

export const stepstone: SiteAdapter = {
  site: 'stepstone',
  matches(doc) {
    return onHost(doc, HOST) || doc.querySelector(`${TITLE}, [data-at="job-ad-content"], [data-at="metadata-company-name"]`) !== null;
  },
  read(doc) {
    const title = pick(doc, TITLE);
    if (!title) return undefined;
    const draft: PostingDraft = { title };
    const company = pick(doc, '[data-at="metadata-company-name"]', '[data-at="header-company-name"]');
    if (company) draft.company = company;
    const location = pick(doc, '[data-at="metadata-location"]');
    if (location) draft.location = location;
    // "Feste Anstellung" and "Homeoffice möglich, Vollzeit": the contract, then work mode and hours.
    const contract = pick(doc, '[data-at="metadata-contract-type"]').split(/\s*[,;]\s*/);
    const hours: string[] = [];
    for (const label of pick(doc, '[data-at="metadata-work-type"]').split(/\s*[,;]\s*/)) {
      const workplace = workplaceOf(label);
      if (workplace) draft.workplace ??= workplace;
      else hours.push(label);
    }
    const workplace = draft.workplace ?? (location ? workplaceOf(location) : undefined);
    if (workplace) draft.workplace = workplace;
    const types = contractAndHours(contract, hours);
    if (types) draft.employmentType = types;
    const salary = parseSalaryText(pick(doc, '[data-at="metadata-salary"]', '[data-at="salary-range"]'));
    if (salary) draft.salary = salary;
    // "Erschienen: vor 2 Tagen", or the `datetime` of its <time>.
    const datePosted = datePostedFrom(doc.querySelector('[data-at="metadata-online-date"]'));
    if (datePosted) draft.datePosted = datePosted;
    const text = description(doc);
    if (text) draft.description = text;
    const url = canonicalUrl(doc);
    const id = /--(\d{5,})-inline\.html/.exec(url)?.[1] ?? /job(\d{6,})(?:[/?#]|$)/.exec(url)?.[1];
    if (id) draft.siteJobId = id;
    return { posting: draft };
  },
};
