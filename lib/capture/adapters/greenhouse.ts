/**
 * Greenhouse job boards: the classic board (`boards.greenhouse.io`, `#app_body` with `.app-title`) and
 * the newer one (`job-boards.greenhouse.io`, `.job__title` / `.job__description`).
 */
import { cleanLine, pick, pickRich } from '../dom';
import { canonicalUrl, onHost, parseSalaryText, workplaceFrom } from '../normalize';
import type { PostingDraft, SiteAdapter } from '../types';

export const greenhouse: SiteAdapter = {
  site: 'greenhouse',
  matches(doc) {
    return (
      onHost(doc, /(^|\.)greenhouse\.io$/) ||
      doc.querySelector('#app_body .app-title, .job__title, .job__description, script[src*="greenhouse.io"], link[href*="greenhouse.io"]') !== null
    );
  },
  read(doc) {
    const title = pick(doc, '.job__title h1', '#app_body .app-title', '#header .app-title', '.app-title');
    if (!title) return undefined;
    const draft: PostingDraft = { title };
    // "Job Application for Senior Engineer at Acme" (new board), "at Acme" (classic board).
    const fromTitle = /\bat\s+(.+)$/.exec(cleanLine(doc.title))?.[1];
    const company = pick(doc, '#header .company-name', '.company-name').replace(/^at\s+/i, '') || fromTitle;
    if (company) draft.company = company;
    const location = pick(doc, '.job__location', '#header .location', '.location');
    if (location) {
      draft.location = location;
      const workplace = workplaceFrom(location);
      if (workplace) draft.workplace = workplace;
    }
    const salary = parseSalaryText(pick(doc, '.pay-range', '.pay-transparency .pay-range'));
    if (salary) draft.salary = salary;
    const description = pickRich(doc, '.job__description', '#content');
    if (description) draft.description = description;
    const id = /\/jobs\/(\d+)|[?&]gh_jid=(\d+)/.exec(canonicalUrl(doc)) ?? /\/jobs\/(\d+)|[?&]gh_jid=(\d+)/.exec(doc.URL);
    const siteJobId = id?.[1] ?? id?.[2];
    if (siteJobId) draft.siteJobId = siteJobId;
    return { posting: draft };
  },
};
