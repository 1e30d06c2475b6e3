import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCvText } from '../import/index';
import { readPdfInNode } from '../import/pdf-node';
import { loadFontsInNode } from './fonts-node';
import { coverLetterDocument } from './letter';
import { exportDocumentPdf } from './pdf';

const cvText = readFileSync(join(import.meta.dirname, '../fixtures/jane-public.txt'), 'utf8');

describe('cover letter PDF', () => {
  it('carries the name, contact, role, greeting, every paragraph (accents included) and the sign-off as real text', async () => {
    const cv = importCvText(cvText, { fileName: 'jane-public.txt' });
    const body = ['I built a ledger service handling 5M transactions a day.', 'Ich freue mich – résumé, naïve café: accents stay.'];
    const doc = coverLetterDocument(cv, body, { title: 'Backend Engineer', company: 'Acme' });
    const pdf = await exportDocumentPdf(doc, { fonts: await loadFontsInNode() });
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    const text = (await readPdfInNode(pdf)).lines.map((l) => l.text).join('\n');
    for (const expected of ['Jane Q. Public', 'jane.public@example.com', 'Backend Engineer · Acme', 'Dear Hiring Manager,', ...body, 'Kind regards,']) {
      expect(text).toContain(expected);
    }
    // No heading row: a letter is not a CV section.
    expect(text).not.toMatch(/^LETTER$/m);
  });
});
