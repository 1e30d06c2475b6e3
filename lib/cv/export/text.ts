import type { Cv } from '../model';
import { type CvLanguage, cvDocument } from './document';

/** Plain text: headings in capitals, dates after the title, bullets as "- ". */
export function exportText(cv: Cv, language?: CvLanguage): string {
  const doc = cvDocument(cv, language);
  const out: string[] = [doc.name];
  if (doc.label) out.push(doc.label);
  if (doc.contact.length > 0) out.push(doc.contact.join(' | '));
  for (const section of doc.sections) {
    out.push('', section.heading.toUpperCase());
    for (const e of section.entries) {
      if (e.title || e.dates) out.push([e.title, e.dates].filter(Boolean).join('   '));
      if (e.subtitle || e.place) out.push([e.subtitle, e.place].filter(Boolean).join('   '));
      out.push(...e.paragraphs, ...e.bullets.map((b) => `- ${b}`));
      if (section.entries.length > 1) out.push('');
    }
    if (out.at(-1) === '') out.pop();
  }
  return `${out.join('\n')}\n`;
}
