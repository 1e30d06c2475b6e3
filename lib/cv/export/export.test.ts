import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../util/errors';
import { writePdf } from '../fixtures/pdf-writer';
import { oneColumnCv } from '../fixtures/pdf-cvs';
import { importCv, importCvText } from '../import/index';
import { readPdfInNode } from '../import/pdf-node';
import type { Cv } from '../model';
import { matchHeading } from '../parse/lexicon';
import { fold } from '../parse/text';
import { atsReport, compareCvs } from './ats';
import { cvDocument, cvLanguage, documentLines } from './document';
import { exportDocx } from './docx';
import { exportFileName } from './file-name';
import { loadFontsInNode } from './fonts-node';
import { exportJsonResume } from './json-resume';
import { exportMarkdown } from './markdown';
import { type CvFonts, exportPdf } from './pdf';
import { exportText } from './text';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures', name), 'utf8');
const readBack = (pdf: Uint8Array) => importCv(pdf, { fileName: 'export.pdf', readPdf: readPdfInNode });

let fonts: CvFonts;
beforeAll(async () => {
  fonts = await loadFontsInNode();
});

describe('JSON Resume export', () => {
  it('gives back the imported JSON Resume unchanged (unknown keys, $schema and meta included)', () => {
    const text = fixture('riley-stone.resume.json');
    const cv = importCvText(text, { fileName: 'riley-stone.resume.json' });
    expect(JSON.parse(exportJsonResume(cv))).toEqual(JSON.parse(text));
  });
});

/** Words of a line, date words aside (dates are rewritten in one form: "enero 2021" → "ene 2021"). */
function contentWords(line: string): string[] {
  return fold(line)
    .split(/[^\p{L}\p{N}@.+-]+/u)
    .map((w) => w.replace(/^[.+-]+|[.+-]+$/g, ''))
    .filter((w) => w.length > 1 && !/^(?:(?:19|20)\d\d|\d\d)$/.test(w) && !monthWords.has(w.replace(/\.$/, '')));
}
const monthWords = new Set(
  'january february march april may june july august september october november december enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre actualidad present januar februar marz juni juli oktober dezember heute'.split(
    ' ',
  ),
);

/** A table's header row names its columns; it is not part of the CV's content. */
const notContent = ['Área Herramientas'];

describe('Markdown export', () => {
  it.each(['maria-garcia.es.md', 'anna-schmidt.de.md'])('%s → model → Markdown keeps every line and every field', (file) => {
    const cv = importCvText(fixture(file), { fileName: file });
    const markdown = exportMarkdown(cv);
    const out = new Set(contentWords(markdown.replace(/\\([\\`*_[\]<>|#+.-])/g, '$1')));
    // Section headings are rewritten as standard ones; every other line must survive.
    for (const line of cv.source.lines.filter((l) => !matchHeading(l.text) && !notContent.includes(l.text))) {
      const lost = contentWords(line.text).filter((w) => !out.has(w));
      expect(lost, `line ${line.origin.line}: ${line.text}`).toEqual([]);
    }
    const again = importCvText(markdown, { fileName: 'export.md' });
    expect(compareCvs(cv, again)).toEqual([]);
    expect(again.work.map((w) => w.highlights ?? [])).toEqual(cv.work.map((w) => w.highlights ?? []));
  });

  it('escapes text that Markdown would read as markup', () => {
    const cv = importCvText(fixture('riley-stone.resume.json'));
    cv.work[0]!.highlights = ['Built *the* [core] <service>'];
    const markdown = exportMarkdown(cv);
    expect(markdown).toContain('- Built \\*the\\* \\[core\\] &lt;service&gt;');
    expect(importCvText(markdown, { fileName: 'x.md' }).work[0]!.highlights).toEqual(['Built *the* [core] <service>']);
  });
});

describe('plain text export', () => {
  it('holds every line of the document and reads back to the same fields', () => {
    const cv = importCvText(fixture('riley-stone.resume.json'));
    const text = exportText(cv);
    for (const line of documentLines(cvDocument(cv))) {
      for (const part of line.split('   ')) expect(text.toLowerCase()).toContain(part.toLowerCase());
    }
    expect(compareCvs(cv, importCvText(text, { fileName: 'export.txt' }))).toEqual([]);
  });
});

function expectSameFields(cv: Cv, back: Cv): void {
  expect(back.basics.name).toBe(cv.basics.name);
  expect(back.basics.email).toBe(cv.basics.email);
  expect(back.basics.phone?.replace(/\D/g, '')).toBe(cv.basics.phone?.replace(/\D/g, ''));
  expect(back.work.map((w) => [w.name, w.position, w.startDate, w.endDate])).toEqual(cv.work.map((w) => [w.name, w.position, w.startDate, w.endDate]));
  expect(back.work.map((w) => w.highlights)).toEqual(cv.work.map((w) => w.highlights));
  expect(back.education.map((e) => [e.institution, e.startDate, e.endDate])).toEqual(cv.education.map((e) => [e.institution, e.startDate, e.endDate]));
}

describe('PDF export', () => {
  it('re-imports with every field (name, email, phone, employers, titles, dates, schools)', async () => {
    const cv = importCvText(fixture('riley-stone.resume.json'));
    const pdf = await exportPdf(cv, { fonts });
    const back = await readBack(pdf);
    expectSameFields(cv, back);
    expect(back.skills.flatMap((s) => s.keywords ?? [])).toEqual(expect.arrayContaining(['Kubernetes', 'Terraform', 'Bazel', 'Go', 'Python']));
    expect(compareCvs(cv, back)).toEqual([]);
  });

  it('round-trips a CV read from a PDF (two entries, right-aligned dates, icons in the contact line)', async () => {
    const cv = await readBack(writePdf(oneColumnCv()));
    const back = await readBack(await exportPdf(cv, { fonts }));
    expectSameFields(cv, back);
  });

  it.each([
    ['es', 'maria-garcia.es.md', ['EXPERIENCIA', 'FORMACIÓN', 'HABILIDADES']],
    ['fr', 'lucas-martin.fr.txt', ['EXPÉRIENCE PROFESSIONNELLE', 'FORMATION']],
  ] as const)('writes standard %s headings and keeps accents in the text layer', async (language, file, expected) => {
    const cv = importCvText(fixture(file), { fileName: file });
    expect(cvLanguage(cv)).toBe(language);
    const back = await readBack(await exportPdf(cv, { fonts }));
    const lines = back.source.lines.map((l) => l.text);
    for (const heading of expected) expect(lines).toContain(heading);
    expect(back.basics.name).toBe(cv.basics.name);
    expect(back.work.map((w) => w.name)).toEqual(cv.work.map((w) => w.name));
    expect(back.education.map((e) => e.institution)).toEqual(cv.education.map((e) => e.institution));
  });

  it('writes plain glyphs: no ligatures in the text layer, decomposed accents composed', async () => {
    const cv = importCvText(fixture('riley-stone.resume.json'));
    cv.basics.name = 'Rene\u0301e Stone';
    cv.work[0]!.highlights = ['Profiled and fixed the office workflow.'];
    const back = await readBack(await exportPdf(cv, { fonts }));
    expect(back.basics.name).toBe('Renée Stone');
    expect(back.work[0]!.highlights).toEqual(['Profiled and fixed the office workflow.']);
  });

  it('embeds a subset TrueType font and draws no images', async () => {
    const cv = importCvText(fixture('riley-stone.resume.json'));
    const pdf = await exportPdf(cv, { fonts });
    const raw = new TextDecoder('latin1').decode(pdf);
    expect(raw).toContain('/FontFile2');
    expect(raw).not.toContain('/Subtype /Image');
    // Subset: far smaller than the two 700 KB font files.
    expect(pdf.length).toBeLessThan(200_000);
  });

  it('flows onto more pages when the CV is long', async () => {
    const cv = importCvText(fixture('riley-stone.resume.json'));
    cv.work[0]!.highlights = Array.from({ length: 120 }, (_, i) => `Shipped improvement number ${i + 1} to the deploy pipeline.`);
    const back = await readBack(await exportPdf(cv, { fonts }));
    expect(back.source.pages).toBeGreaterThan(2);
    expect(back.work[0]!.highlights).toHaveLength(120);
  });

  it('refuses characters outside the font with a coded error that lists them', async () => {
    const cv = importCvText(fixture('riley-stone.resume.json'));
    cv.work[0]!.highlights = ['Led the 東京 launch 🚀'];
    const error = await exportPdf(cv, { fonts }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('cv_export_unsupported_chars');
    expect((error as AppError).detail).toBe('東 京 🚀');
  });
});

describe('DOCX export', () => {
  it('reads back with mammoth with every line of the document', async () => {
    const cv = importCvText(fixture('maria-garcia.es.md'), { fileName: 'maria.md' });
    const docx = await exportDocx(cv);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(docx) });
    const text = value.replace(/\t/g, '   ');
    for (const line of documentLines(cvDocument(cv))) expect(text).toContain(line);
  });

  it('re-imports through the DOCX importer with the same fields', async () => {
    const cv = importCvText(fixture('riley-stone.resume.json'));
    const back = await importCv(await exportDocx(cv), { fileName: 'export.docx' });
    expect(compareCvs(cv, back)).toEqual([]);
  });
});

describe('file name', () => {
  const cv = (name?: string) => ({ ...importCvText(fixture('riley-stone.resume.json')), basics: { name } }) as Cv;
  it.each([
    ['Riley Stone', { company: 'Northwind', role: 'Platform Engineer' }, 'Riley-Stone-Northwind-Platform-Engineer.pdf'],
    ['María José García López', { company: 'Société Générale', role: 'Développeur / Back-end' }, 'Maria-Lopez-Societe-Generale-Developpeur-Back-end.pdf'],
    ['Jörg Groß', {}, 'Jorg-Gross.pdf'],
    ['../../etc', { role: 'a:b*c?' }, 'etc-a-b-c.pdf'],
    [undefined, {}, 'CV.pdf'],
  ])('%s → %s', (name, target, expected) => {
    expect(exportFileName(cv(name), 'pdf', target)).toBe(expected);
  });
});

describe('what an ATS will read', () => {
  it('finds no difference for a CV the PDF carries faithfully', async () => {
    const cv = importCvText(fixture('riley-stone.resume.json'));
    const report = await atsReport(cv, { fonts, readPdf: readPdfInNode });
    expect(report.differences).toEqual([]);
    expect(report.parsed.basics.email).toBe('riley.stone@example.com');
  });

  it('lists what the re-imported PDF loses', async () => {
    const cv = importCvText(fixture('riley-stone.resume.json'));
    // An entry with no employer and no title has nothing to head it: its dates cannot come back.
    cv.work.push({ startDate: '2015-01', endDate: '2016-01', highlights: ['Freelance work.'] });
    cv.basics.email = 'riley at example dot com';
    const { differences } = await atsReport(cv, { fonts, readPdf: readPdfInNode });
    expect(differences.map((d) => d.field)).toEqual(expect.arrayContaining(['basics.email', 'work[2].startDate']));
  });
});

describe('skill groups named like their section', () => {
  it('print their keywords once under the heading, not "Skills: …" under SKILLS', () => {
    const cv = importCvText('Ana Lima\nana@example.com\n\nSkills\nSkills: Go, Kubernetes, SQL\nLanguages: Go, Python\n', { fileName: 'cv.txt' });
    const lines = documentLines(cvDocument(cv, 'en'));
    const at = lines.findIndex((l) => fold(l) === 'skills');
    expect(at).toBeGreaterThanOrEqual(0);
    const after = lines.slice(at + 1).join('\n');
    expect(after).toContain('Go, Kubernetes, SQL');
    expect(after).not.toMatch(/^skills:/im);
    expect(lines.filter((l) => /skills/i.test(l))).toHaveLength(1);
  });
});
