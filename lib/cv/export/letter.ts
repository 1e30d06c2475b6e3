import type { Cv } from '../model';
import { type CvDocument, type CvLanguage, cvDocument, cvLanguage } from './document';
import { LETTER_SECTION } from './pdf';

/**
 * A cover letter as an export document: the CV's name and contact line on top, the role it is for, then
 * the greeting, the body the user kept and the sign-off, in the CV's language (document content, not UI
 * text). Rendered by `exportDocumentPdf`, so it gets the same embedded font and text layer as the CV.
 */
const words: Record<CvLanguage, { greeting: string; signOff: string }> = {
  en: { greeting: 'Dear Hiring Manager,', signOff: 'Kind regards,' },
  es: { greeting: 'Estimado equipo de selección:', signOff: 'Atentamente,' },
  fr: { greeting: 'Madame, Monsieur,', signOff: 'Veuillez agréer mes salutations distinguées.' },
};

export function coverLetterDocument(cv: Cv, body: readonly string[], target: { title?: string; company?: string } = {}): CvDocument {
  const language = cvLanguage(cv);
  const head = cvDocument(cv, language);
  const { greeting, signOff } = words[language];
  const role = [target.title?.trim(), target.company?.trim()].filter(Boolean).join(' · ');
  return {
    language,
    name: head.name,
    contact: head.contact,
    sections: [
      {
        key: LETTER_SECTION,
        heading: '',
        entries: [{ ...(role ? { title: role } : {}), paragraphs: [greeting, ...body, signOff, head.name], bullets: [] }],
      },
    ],
  };
}
