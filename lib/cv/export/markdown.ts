import type { Cv } from '../model';
import { type CvLanguage, cvDocument } from './document';

/** Characters Markdown would read as markup at the start of a line or inside text. */
function escape(value: string): string {
  // `<` and `>` as entities: a backslash does not stop HTML detection.
  return value
    .replace(/([\\`*_[\]|])/g, '\\$1')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^(#+|[-+]|\d+\.)(\s)/, '\\$1$2');
}

/** Markdown: `#` name, `##` sections, `###` entries with dates and place on the line below, `-` bullets. */
export function exportMarkdown(cv: Cv, language?: CvLanguage): string {
  const doc = cvDocument(cv, language);
  const out: string[] = [`# ${escape(doc.name)}`, ''];
  if (doc.label) out.push(escape(doc.label), '');
  if (doc.contact.length > 0) out.push(doc.contact.map(escape).join(' | '), '');
  for (const section of doc.sections) {
    out.push(`## ${escape(section.heading)}`, '');
    for (const e of section.entries) {
      // Experience reads "### Role — Employer" then "Place · dates"; other entries keep their subtitle below.
      const combined = section.key === 'work' || section.key === 'volunteer';
      const title = combined ? [e.title, e.subtitle].filter(Boolean).join(' — ') : e.title;
      if (title) out.push(`### ${escape(title)}`, '');
      const meta = [combined ? undefined : e.subtitle, e.place, e.dates].filter(Boolean).map((v) => escape(v!));
      if (meta.length > 0) out.push(meta.join(' · '), '');
      for (const p of e.paragraphs) out.push(escape(p), '');
      if (e.bullets.length > 0) out.push(...e.bullets.map((b) => `- ${escape(b)}`), '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
