import { downloadFile } from '../cv/export/download';
import { exportFileName } from '../cv/export/file-name';
import type { Cv } from '../cv/model';
import { letterParagraphs } from './ai-review';

/**
 * Downloads for the AI features, through lib/cv's exporters and the same download path as the CV view.
 * pdf-lib, its fonts and docx load on the first export only. Returns the file name (for the toast).
 */
const MIME = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;

/** The PDF exporter and its embedded fonts, loaded on first use (shared with the CV view). */
export async function pdfTools() {
  const [pdf, { loadFontsInPage }] = await Promise.all([import('../cv/export/pdf'), import('../cv/export/fonts-page')]);
  return { pdf, fonts: await loadFontsInPage() };
}

/** The CV as the ATS-safe PDF and its file name (`First-Last-Company-Role.pdf`). */
export async function cvPdf(cv: Cv, target: { company?: string; role?: string }): Promise<{ bytes: Uint8Array; name: string }> {
  const { pdf, fonts } = await pdfTools();
  return { bytes: await pdf.exportPdf(cv, { fonts }), name: exportFileName(cv, 'pdf', target) };
}

export async function downloadCv(cv: Cv, format: 'pdf' | 'docx', target: { company?: string; role?: string }): Promise<string> {
  const { bytes, name } =
    format === 'pdf' ? await cvPdf(cv, target) : { bytes: await import('../cv/export/docx').then((m) => m.exportDocx(cv)), name: exportFileName(cv, format, target) };
  downloadFile(bytes, name, MIME[format]);
  return name;
}

/** The cover letter as a PDF: the CV's name and contact on top, the body the user kept, in paragraphs. */
export async function coverLetterPdf(cv: Cv, body: string, target: { title?: string; company?: string }): Promise<{ bytes: Uint8Array; name: string }> {
  const [{ pdf, fonts }, { coverLetterDocument }] = await Promise.all([pdfTools(), import('../cv/export/letter')]);
  const bytes = await pdf.exportDocumentPdf(coverLetterDocument(cv, letterParagraphs(body), target), { fonts });
  return { bytes, name: exportFileName(cv, 'pdf', { ...(target.company ? { company: target.company } : {}), role: 'Cover letter' }) };
}

export async function downloadCoverLetter(cv: Cv, body: string, target: { title?: string; company?: string }): Promise<string> {
  const { bytes, name } = await coverLetterPdf(cv, body, target);
  downloadFile(bytes, name, MIME.pdf);
  return name;
}
