/**
 * Ashby (`jobs.ashbyhq.com/<company>/<uuid>`): stable `ashby-job-posting-*` classes; the left pane lists
 * labelled facts (Location, Employment Type, Location Type, Compensation) as heading + value.
 */
import { cleanLine, pick, pickRich } from '../dom';
import { canonicalUrl, employmentTypeFrom, onHost, parseSalaryText, workplaceFrom } from '../normalize';
import type { PostingDraft, SiteAdapter } from '../types';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The left pane's facts by label: { location: "Berlin", "employment type": "Full time", … }. */
function facts(doc: Document): Map<string, string> {
  const found = new Map<string, string>();
  for (const heading of Array.from(doc.querySelectorAll('.ashby-job-posting-left-pane h2, .ashby-job-posting-left-pane h3'))) {
    const label = cleanLine(heading.textContent).toLowerCase();
    const value = cleanLine(heading.nextElementSibling?.textContent ?? heading.parentElement?.lastElementChild?.textContent);
    if (label && value && !found.has(label)) found.set(label, value);
  }
  return found;
}

export const ashby: SiteAdapter = {
  site: 'ashby',
  matches(doc) {
    return onHost(doc, /(^|\.)ashbyhq\.com$/) || doc.querySelector('.ashby-job-posting-heading, .ashby-job-posting-left-pane') !== null;
  },
  read(doc) {
    const title = pick(doc, '.ashby-job-posting-heading', 'h1');
    if (!title) return undefined;
    const draft: PostingDraft = { title };
    // "Senior Engineer @ Acme"
    const company = /@\s*(.+)$/.exec(cleanLine(doc.title))?.[1] ?? /@\s*(.+)$/.exec(cleanLine(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')))?.[1];
    if (company) draft.company = company;
    const fact = facts(doc);
    const location = fact.get('location');
    if (location) draft.location = location;
    const workplace = workplaceFrom(fact.get('location type') ?? fact.get('workplace type') ?? '') ?? (location ? workplaceFrom(location) : undefined);
    if (workplace) draft.workplace = workplace;
    const type = employmentTypeFrom(fact.get('employment type') ?? '');
    if (type) draft.employmentType = [type];
    const salary = parseSalaryText(fact.get('compensation') ?? '');
    if (salary) draft.salary = salary;
    const description = pickRich(doc, '.ashby-job-posting-right-pane [role="tabpanel"]', '.ashby-job-posting-right-pane');
    if (description) draft.description = description;
    const id = UUID.exec(canonicalUrl(doc))?.[0] ?? UUID.exec(doc.URL)?.[0];
    if (id) draft.siteJobId = id.toLowerCase();
    return { posting: draft };
  },
};
