import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../util/errors';
import { oneColumnCv, sidebarCv, spanishSectionsCv, twoColumnCv } from '../fixtures/pdf-cvs';
import { writePdf } from '../fixtures/pdf-writer';
import type { Cv } from '../model';
import { importCv } from './index';
import { readPdf } from './pdf';
import { readPdfInNode } from './pdf-node';

// Hand-made PDFs written by lib/cv/fixtures/pdf-writer.ts; the layouts live in fixtures/pdf-cvs.ts.

const importPdf = (data: Uint8Array) => importCv(data, { fileName: 'cv.pdf', readPdf: readPdfInNode });
const workOf = (cv: Cv) => cv.work.map((w) => [w.name, w.position]);

async function codeOf(data: Uint8Array): Promise<string> {
  try {
    await importPdf(data);
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe('PDF import: layouts', () => {
  it('one column: icons stripped from contact fields, right-aligned dates and places', async () => {
    const cv = await importPdf(writePdf(oneColumnCv()));
    expect(cv.basics).toMatchObject({
      name: 'Jordan Avery',
      label: 'Staff Data Engineer',
      email: 'jordan.avery@example.com',
      phone: '+1 (202) 555-0147',
      location: { city: 'Denver', region: 'CO' },
    });
    expect(cv.basics.profiles).toEqual([{ network: 'GitHub', username: 'javery', url: 'https://github.com/javery' }]);
    expect(workOf(cv)).toEqual([
      ['Northwind Analytics Inc.', 'Staff Data Engineer'],
      ['Contoso Retail', 'Data Engineer'],
    ]);
    expect(cv.work[0]).toMatchObject({ startDate: '2021-04', location: 'Denver, CO' });
    expect(cv.work[0]!.highlights).toEqual([
      'Designed the event pipeline that ingests two billion records a day with exactly-once semantics and sub-minute latency.',
      'Mentored six engineers.',
    ]);
    expect(cv.education).toMatchObject([
      { institution: 'University of Colorado Boulder', studyType: 'B.S.', area: 'Computer Science', score: '3.8/4.0' },
    ]);
    expect(cv.skills.map((s) => s.name)).toEqual(['Languages', 'Platforms']);
    // No icon glyph survives anywhere in the text.
    expect(cv.source.lines.map((l) => l.text).join('\n')).not.toMatch(/[\u2700-\u27bf\u2600-\u26ff]/u);
  });

  it('two columns: the sidebar is read after the main column, not interleaved with it', async () => {
    const cv = await importPdf(writePdf(twoColumnCv()));
    expect(cv.basics).toMatchObject({ name: 'Priya Raman', email: 'priya.raman@example.org', phone: '+44 20 7946 0958' });
    expect(workOf(cv)).toEqual([
      ['Fabrikam Studio', 'Product Designer'],
      ['Tailspin Toys', 'Junior Designer'],
    ]);
    expect(cv.work[0]!.highlights).toEqual(['Led the redesign of the checkout used by three million shoppers, lifting conversion by 12%.']);
    expect(cv.education).toMatchObject([{ institution: 'Royal College of Art', startDate: '2015', endDate: '2017' }]);
    expect(cv.languages.map((l) => [l.language, l.fluency])).toEqual([
      ['English', 'native'],
      ['Tamil', 'fluent'],
      ['French', 'B1'],
    ]);
    expect(cv.skills[0]!.keywords).toEqual(['Figma', 'Sketch', 'Prototyping', 'User Research', 'Accessibility']);
    expect(cv.projects[0]).toMatchObject({ name: 'Open Type Specimens' });
  });

  it('sidebar: contact details in a narrow left column, "Title at Company (Place)" entries', async () => {
    const cv = await importPdf(writePdf(sidebarCv()));
    expect(cv.basics).toMatchObject({
      name: 'Tomás Ferreira',
      email: 'tomas.ferreira@example.pt',
      phone: '+351 912 345 678',
      summary: 'Backend engineer who likes boring, reliable systems and clear documentation.',
    });
    expect(workOf(cv)).toEqual([
      ['Adventure Works', 'Senior Backend Developer'],
      ['Wide World Importers', 'Backend Developer'],
    ]);
    expect(cv.work[0]).toMatchObject({ location: 'Lisbon, Portugal', startDate: '2019' });
    expect(cv.education).toMatchObject([{ institution: 'Universidade de Lisboa', studyType: 'MSc', area: 'Computer Engineering' }]);
    expect(cv.interests.map((i) => i.name)).toEqual(['Surfing', 'chess', 'jazz guitar']);
  });

  it('Spanish headings; research and internships stay experience entries, volunteering is kept', async () => {
    const cv = await importPdf(writePdf(spanishSectionsCv()));
    expect(cv.basics.name).toBe('Lucía Moreno Díaz');
    expect(cv.work.map((w) => [w.name, w.position, w.kind])).toEqual([
      ['Ejemplo Soluciones S.L.', 'Ingeniera de Software', undefined],
      ['Universidad de Sevilla', 'Investigadora Predoctoral', 'research'],
      ['Telefónica', 'Becaria de Desarrollo', 'internship'],
    ]);
    expect(cv.work[0]).toMatchObject({ startDate: '2022-01' });
    expect(cv.volunteer).toMatchObject([{ organization: 'Asociación Código Abierto', position: 'Profesora voluntaria' }]);
    expect(cv.education).toMatchObject([{ institution: 'Universidad de Sevilla', studyType: 'Grado' }]);
  });

  it('records page and line origins, and every entry cites existing lines', async () => {
    const cv = await importPdf(writePdf([...oneColumnCv(), { runs: [{ text: 'REFERENCES', x: 50, top: 60, size: 13 }, { text: 'Available on request.', x: 50, top: 80 }] }]));
    expect(cv.source.pages).toBe(2);
    expect(cv.source.lines[0]).toMatchObject({ text: 'Jordan Avery', origin: { page: 1, line: 1 } });
    expect(cv.source.lines.at(-1)).toMatchObject({ text: 'Available on request.', origin: { page: 2, line: 2 } });
    const ids = new Set(cv.source.lines.map((l) => l.id));
    for (const entry of [...cv.work, ...cv.education, ...cv.skills]) {
      expect(entry.sourceLineIds?.length).toBeGreaterThan(0);
      for (const id of entry.sourceLineIds ?? []) expect(ids.has(id)).toBe(true);
    }
  });
});

describe('PDF import: bad input', () => {
  const valid = writePdf(oneColumnCv());

  it.each<[string, Uint8Array, string]>([
    ['a truncated PDF', valid.subarray(0, Math.floor(valid.length / 2)), 'cv_corrupt'],
    ['a password-protected PDF', writePdf(oneColumnCv(), { encrypted: true }), 'cv_encrypted'],
    ['an image-only PDF (a scan)', writePdf([{ image: true }, { image: true }]), 'cv_image_only'],
    ['a PDF with blank pages', writePdf([{}, {}]), 'cv_empty'],
    ['garbage behind a PDF header', new TextEncoder().encode(`%PDF-1.7\n${'garbage '.repeat(200)}\n%%EOF\n`), 'cv_corrupt'],
  ].map(([label, data, expected]) => [`${label} → ${expected}`, data, expected] as [string, Uint8Array, string]))('%s', async (_label, data, expected) => {
    expect(await codeOf(data)).toBe(expected);
  });

  // How fast is the bench's business (scripts/bench/cv.ts); here: only 20 pages are read, and it says so.
  it('reads only the first pages of a 200-page PDF and says so', async () => {
    const page = oneColumnCv()[0]!;
    const data = writePdf(Array.from({ length: 200 }, () => page));
    const cv = await importPdf(data);
    expect(cv.source.pages).toBe(200);
    expect(cv.warnings).toContainEqual({ code: 'pages_truncated', detail: '20/200' });
  });

  it('leaves the caller’s bytes usable and works with a reused loader', async () => {
    const data = writePdf(oneColumnCv());
    const a = await readPdf(data, pdfjs);
    const b = await readPdf(data, pdfjs);
    expect(b.lines.map((l) => l.text)).toEqual(a.lines.map((l) => l.text));
    expect(data.byteLength).toBeGreaterThan(0);
  });
});
