/**
 * InfoJobs (infojobs.net, `/<city>/<slug>/of-i<hex>`): the offer page, in its older markup (`#prefijo…`
 * ids) and its newer one (`ij-OfferDetailHeader` classes). The header lists place, work mode, pay and
 * contract as short lines, told apart by their words.
 */
import { cleanLine, pick, pickRich } from '../dom';
import { canonicalUrl, contractAndHours, dateFromAgo, onHost, parseSalaryText, workplaceFrom } from '../normalize';
import type { PostingDraft, SiteAdapter } from '../types';

const HOST = /(^|\.)infojobs\.net$/;
const TITLES = ['#prefijoPuesto', '.ij-OfferDetailHeader h1', 'h1.ij-OfferDetailHeader-title'];
const FACTS = '.ij-OfferDetailHeader-detailsList-item, .list-bullet-default li, #prefijoJornada, #prefijoSalario, #prefijoContrato';

export const infojobs: SiteAdapter = {
  site: 'infojobs',
  matches(doc) {
    return onHost(doc, HOST) || doc.querySelector('#prefijoPuesto, #prefijoDescripcion1, .ij-OfferDetailHeader') !== null;
  },
  read(doc) {
    const title = pick(doc, ...TITLES);
    if (!title) return undefined;
    const draft: PostingDraft = { title };
    const company = pick(
      doc,
      '#prefijoEmpresa',
      '.ij-OfferDetailHeader-companyLogo-companyName a',
      'a.link[data-track="Company Detail Clicked"]',
      '.heading-addons a.link',
    );
    if (company) draft.company = company;
    let location = pick(doc, '#prefijoPoblacion', '#prefijoLugar').replace(/^[\s,]+|[\s,]+$/g, '');
    const contract: string[] = [];
    for (const element of Array.from(doc.querySelectorAll(FACTS))) {
      const text = cleanLine(element.textContent);
      if (!text || text.length > 120) continue;
      const workplace = workplaceFrom(text.replace(/^solo\s+/i, ''));
      if (workplace && text.length <= 40) {
        draft.workplace ??= workplace;
        continue;
      }
      if (/salario|€|bruto|neto/i.test(text)) {
        draft.salary ??= parseSalaryText(text.replace(/^salario\s*:?\s*/i, ''));
        continue;
      }
      if (/contrato|jornada/i.test(text)) {
        contract.push(text);
        continue;
      }
      const posted = dateFromAgo(text);
      if (posted) {
        draft.datePosted ??= posted;
        continue;
      }
      if (!location && element.matches('.ij-OfferDetailHeader-detailsList-item') && !/experiencia|vacante|inscrit/i.test(text)) {
        // "Barcelona (Barcelona)": city then province; one name when they are the same.
        location = text.replace(/^(.+?)\s*\(\s*\1\s*\)$/i, '$1');
      }
    }
    if (location) draft.location = location;
    // "Contrato indefinido, Jornada parcial": the contract, then the working day.
    const parts = contract.flatMap((line) => line.split(/\s*,\s*/));
    const types = contractAndHours(
      parts.filter((part) => !/jornada/i.test(part)),
      parts.filter((part) => /jornada/i.test(part)),
    );
    if (types) draft.employmentType = types;
    const description = pickRich(doc, '#prefijoDescripcion1', '.ij-OfferDetail-description', '.ij-OfferDetailPage-description');
    const minimum = pickRich(doc, '#prefijoReqMinimos');
    if (description || minimum) draft.description = [description, minimum && `Requisitos mínimos\n${minimum}`].filter(Boolean).join('\n\n');
    const id = /\/of-i([0-9a-f]{16,})/i.exec(canonicalUrl(doc))?.[1];
    if (id) draft.siteJobId = id.toLowerCase();
    return { posting: draft };
  },
};
