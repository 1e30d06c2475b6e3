/**
 * Workday (`*.myworkdayjobs.com`): the server shell carries JSON-LD and Open Graph tags; the rendered page
 * marks its parts with `data-automation-id`. A job search page with no posting open is not a posting.
 */
import { cleanLine, decodeEntities, metaContent, pick, pickRich } from '../dom';
import { canonicalUrl, employmentTypeFrom, onHost, workplaceFrom } from '../normalize';
import type { PostingDraft, SiteAdapter } from '../types';

const dd = (id: string) => `[data-automation-id="${id}"] dd`;

export const workday: SiteAdapter = {
  site: 'workday',
  matches(doc) {
    return (
      onHost(doc, /(^|\.)(myworkdayjobs|myworkdaysite)\.com$/) ||
      doc.querySelector('[data-automation-id="jobPostingHeader"], [data-automation-id="jobPostingDescription"]') !== null
    );
  },
  read(doc) {
    // Open Graph titles are escaped twice on Workday ("FP&amp;amp;A"); decodeEntities undoes both.
    const title =
      pick(doc, '[data-automation-id="jobPostingHeader"]') ||
      cleanLine(decodeEntities(metaContent(doc, 'meta[property="og:title"]'), doc));
    if (!title) {
      return doc.querySelector('[data-automation-id="jobResults"], [data-automation-id="jobTitle"]')
        ? { error: 'not_a_job_posting' }
        : undefined;
    }
    const draft: PostingDraft = { title };
    const locations = Array.from(doc.querySelectorAll(dd('locations')), (el) => cleanLine(el.textContent)).filter(Boolean);
    if (locations.length > 0) {
      draft.location = locations[0];
      draft.locations = locations;
    }
    const workplace = workplaceFrom(pick(doc, dd('remoteType')));
    if (workplace) draft.workplace = workplace;
    const type = employmentTypeFrom(pick(doc, dd('time'), dd('workerSubType')));
    if (type) draft.employmentType = [type];
    const description =
      pickRich(doc, '[data-automation-id="jobPostingDescription"]') ||
      cleanLine(decodeEntities(metaContent(doc, 'meta[property="og:description"]'), doc));
    if (description) draft.description = description;
    // ".../job/Montreal/Senior-Manager_24WD81528" or "..._R46392-2": the requisition id ends the path.
    const id = pick(doc, dd('requisitionId')) || /_([A-Za-z0-9-]+)\/?$/.exec(new URL(canonicalUrl(doc)).pathname)?.[1];
    if (id) draft.siteJobId = id;
    return { posting: draft };
  },
};
