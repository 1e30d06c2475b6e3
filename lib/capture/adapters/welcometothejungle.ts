/**
 * Welcome to the Jungle (`welcometothejungle.com/<lang>/companies/<company>/jobs/<slug>`): the page
 * usually carries JSON-LD, which wins; this adapter reads the page without it and adds the displayed
 * remote policy and the site's job key. The header block marks each fact with an icon `<i name="…">`.
 */
import { cleanLine, pick, pickRich } from '../dom';
import { canonicalUrl, employmentTypes, onHost, parseSalaryText, toIsoDate, withoutLabel, workplaceFrom } from '../normalize';
import type { PostingDraft, SiteAdapter, Workplace } from '../types';

const HOST = /(^|\.)welcometothejungle\.com$/;
const HEADER = '[data-testid="job-metadata-block"]';
const SECTIONS = ['job-section-description', 'job-section-experience', 'job-section-process'];

/** The text beside an icon of the header block (`<i name="location">` + its label). */
function besideIcon(header: ParentNode, name: string): string {
  const icon = header.querySelector(`i[name="${name}"]`);
  if (!icon) return '';
  const holder = icon.parentElement && icon.parentElement !== header ? icon.parentElement : icon.nextElementSibling;
  return withoutLabel(cleanLine(holder?.textContent));
}

/** "Télétravail fréquent / occasionnel / total / non autorisé" and the English labels. */
function remotePolicy(text: string): Workplace | undefined {
  if (!text) return undefined;
  if (/non autorisé|pas de télétravail|not allowed|no remote/i.test(text)) return 'onsite';
  if (/total|fully|full[\s-]remote/i.test(text)) return 'remote';
  if (/fréquent|occasionnel|ponctuel|partiel|frequent|occasional|partial|a few days/i.test(text)) return 'hybrid';
  return workplaceFrom(text);
}

export const welcometothejungle: SiteAdapter = {
  site: 'welcometothejungle',
  matches(doc) {
    return onHost(doc, HOST) || doc.querySelector(`${HEADER}, [data-testid="job-section-description"]`) !== null;
  },
  read(doc) {
    const header = doc.querySelector(HEADER);
    // The company's name can sit in a heading inside its link: the title is the other heading.
    const heading = Array.from(header?.querySelectorAll('h1, h2') ?? []).find((h) => !h.closest('a[href*="/companies/"]'));
    const title = cleanLine(heading?.textContent) || pick(doc, '[data-testid="job-title"]');
    if (!title) return undefined;
    const draft: PostingDraft = { title };
    const company = pick(header, 'a[href*="/companies/"] span', 'a[href*="/companies/"]');
    if (company) draft.company = company;
    if (header) {
      const location = besideIcon(header, 'location');
      if (location) draft.location = location;
      const types = employmentTypes([besideIcon(header, 'contract')]);
      if (types) draft.employmentType = types;
      const salary = parseSalaryText(besideIcon(header, 'salary'));
      if (salary) draft.salary = salary;
      const workplace = remotePolicy(besideIcon(header, 'remote'));
      if (workplace) draft.workplace = workplace;
      const datePosted = toIsoDate(header.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined);
      if (datePosted) draft.datePosted = datePosted;
    }
    const description = SECTIONS.map((id) => pickRich(doc, `[data-testid="${id}"]`))
      .filter(Boolean)
      .join('\n\n');
    if (description) draft.description = description;
    const key = /\/companies\/([^/?#]+)\/jobs\/([^/?#]+)/.exec(canonicalUrl(doc));
    if (key) draft.siteJobId = `${key[1]}/${key[2]}`;
    return { posting: draft };
  },
};
