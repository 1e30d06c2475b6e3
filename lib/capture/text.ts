/**
 * `readText`: a posting from plain text (pasted, a .txt file, a PDF's text layer). Pure string code, the
 * same in the panel and in the CLI. Labelled lines ("Company: …", "Lieu : …") win; otherwise the first
 * line is the title and a short "Company · Location" line under it gives company and location.
 */
import { cleanLine, cleanMultiline } from './dom';
import { finalizeDraft } from './index';
import { cleanUrl, employmentTypes, parseSalaryText, toIsoDate, workplaceFrom } from './normalize';
import { looksLikePosting } from './readability';
import type { CaptureResult, PostingDraft } from './types';

/** Pasted text and text files above this size are cut (a posting is a few pages). */
export const MAX_TEXT = 200_000;

const LABELS: [keyof Labelled, RegExp][] = [
  ['title', /^(?:job title|title|position|role|poste|intitulé(?: du poste)?|puesto|cargo|stellentitel|titolo)\s*[:：]\s*(.+)$/i],
  ['company', /^(?:company|employer|organi[sz]ation|entreprise|société|empresa|unternehmen|arbeitgeber|azienda)\s*[:：]\s*(.+)$/i],
  ['location', /^(?:location|locations|lieu|localisation|ubicación|ubicacion|localidad|standort|arbeitsort|sede|luogo)\s*[:：]\s*(.+)$/i],
  ['date', /^(?:posted(?: on)?|date posted|published|publi[ée]e? le|date de publication|fecha de publicación|publicado(?: el)?|veröffentlicht(?: am)?)\s*[:：]?\s*(.+)$/i],
  ['type', /^(?:employment type|job type|contract|type de contrat|contrat|tipo de contrato|jornada|anstellungsart|vertragsart)\s*[:：]\s*(.+)$/i],
  ['workplace', /^(?:workplace(?: type)?|work model|remote|modalité|modalidad|arbeitsmodell)\s*[:：]\s*(.+)$/i],
  ['salary', /^(?:salary|pay|compensation|salaire|rémunération|salario|sueldo|gehalt|retribuzione)\s*[:：]\s*(.+)$/i],
];

interface Labelled {
  title?: string;
  company?: string;
  location?: string;
  date?: string;
  type?: string;
  workplace?: string;
  salary?: string;
}

/** A header line under the title: "Acme Robotics · Lisbon, PT", "Acme — Remote", "Acme | Berlin". */
const HEADER_SPLIT = /\s+[·•|–—-]\s+/;

function isHeaderish(line: string): boolean {
  return line.length <= 150 && !/[.!?;:]$/.test(line) && line.split(' ').length <= 14;
}

export function readText(input: string, options: { url?: string } = {}): CaptureResult {
  const text = cleanMultiline(input.length > MAX_TEXT ? input.slice(0, MAX_TEXT) : input);
  const lines = text.split('\n').map((l) => l.trim());
  const filled = lines.filter(Boolean);
  if (filled.length === 0) return { ok: false, error: { code: 'empty_page' } };

  const labelled: Labelled = {};
  const used = new Set<number>();
  lines.forEach((line, i) => {
    for (const [key, pattern] of LABELS) {
      const m = labelled[key] === undefined ? pattern.exec(line) : null;
      if (m && m[1]!.length <= 200) {
        labelled[key] = cleanLine(m[1]);
        used.add(i);
        return;
      }
    }
  });

  const first = lines.findIndex((l) => l.length > 0);
  let title = labelled.title;
  let header = first;
  if (!title && isHeaderish(lines[first]!)) title = lines[first];
  if (!title) return { ok: false, error: { code: 'not_a_job_posting' } };
  if (!labelled.title) used.add(first);

  // "Senior Engineer at Acme" as the title line.
  const at = !labelled.company ? /^(.+?)\s+(?:at|chez|en|bei|presso)\s+(.+)$/.exec(title) : null;
  let company = labelled.company;
  let location = labelled.location;
  if (at && at[2]!.split(' ').length <= 5 && /^\p{Lu}/u.test(at[2]!)) {
    title = at[1]!;
    company = at[2];
  }
  const next = lines.findIndex((l, i) => i > first && l.length > 0);
  if (!labelled.title && next > 0 && isHeaderish(lines[next]!) && (!company || !location)) {
    const parts = lines[next]!.split(HEADER_SPLIT).map((p) => p.trim()).filter(Boolean);
    if (parts.length >= 2 && parts.length <= 4) {
      company ??= parts[0];
      location ??= parts.slice(1).find((p) => !workplaceFrom(p) || /,/.test(p)) ?? parts[1];
      used.add(next);
      header = next;
    }
  }

  const description = lines.filter((_, i) => !used.has(i) || i > header + 12).join('\n').trim();
  if (!looksLikePosting(title, text)) return { ok: false, error: { code: 'not_a_job_posting' } };

  const draft: PostingDraft & { title: string } = { title, description: description || undefined };
  if (company && company.toLowerCase() !== title.toLowerCase()) draft.company = company;
  if (location) draft.location = location;
  const date = labelled.date ? toIsoDate(labelled.date) : undefined;
  if (date) draft.datePosted = date;
  const types = labelled.type ? employmentTypes([labelled.type]) : undefined;
  if (types) draft.employmentType = types;
  const workplace = workplaceFrom(labelled.workplace ?? location ?? '') ?? workplaceFrom(lines[next] ?? '');
  if (workplace) draft.workplace = workplace;
  const salary = labelled.salary ? parseSalaryText(labelled.salary) : undefined;
  if (salary) draft.salary = salary;
  return { ok: true, posting: finalizeDraft(draft, { url: cleanUrl(options.url) }, 'text') };
}
