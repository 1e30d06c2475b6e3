import { PDFDocument, type PDFFont, type PDFPage, rgb } from '@cantoo/pdf-lib';
import { subsetFontkit } from './subset-fontkit';
import { AppError } from '../../util/errors';
import type { Cv } from '../model';
import { type CvDocument, type CvLanguage, cvDocument } from './document';

/**
 * ATS-safe PDF: one column, real text in an embedded, subset DejaVu Sans (accented Latin and beyond),
 * standard headings, no tables or images. The layout is the one the importer reads best (title left and
 * dates right, employer and place below, "•" bullets), so re-importing it recovers every field.
 * Fonts are passed in: pages fetch them as assets (fonts-page.ts), Node reads the files (fonts-node.ts).
 */

export interface CvFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

export interface PdfExportOptions {
  fonts: CvFonts;
  language?: CvLanguage;
  /** Page size in points; A4 by default. */
  pageSize?: [number, number];
}

const plainFeatures = { liga: false, clig: false, dlig: false, calt: false, kern: false, ccmp: false, locl: false, mark: false, mkmk: false };
const MARGIN = 50;
/** Top and bottom: 1 inch, clear of the band where importers drop running headers and footers. */
const MARGIN_Y = 72;
const LEADING = 1.38;
/** The section key of a cover letter's body (letter.ts). */
export const LETTER_SECTION = 'letter';

/** Characters no export font can draw; the message lists them so the user can replace them. */
export function assertCovered(doc: CvDocument, fonts: PDFFont[]): void {
  const sets = fonts.map((f) => new Set(f.getCharacterSet()));
  const missing = new Set<string>();
  const check = (text: string | undefined) => {
    for (const ch of text ?? '') {
      const cp = ch.codePointAt(0)!;
      if (cp === 0x20) continue;
      if (sets.some((s) => !s.has(cp))) missing.add(ch);
    }
  };
  check(doc.name);
  check(doc.label);
  doc.contact.forEach(check);
  for (const s of doc.sections) {
    check(s.heading.toUpperCase());
    for (const e of s.entries) [e.title, e.dates, e.subtitle, e.place, ...e.paragraphs, ...e.bullets].forEach(check);
  }
  if (missing.size > 0) throw new AppError('cv_export_unsupported_chars', [...missing].slice(0, 20).join(' '));
}

/** Tabs, newlines and other control characters become spaces; fonts have no glyphs for them. */
const clean = (value: string) => value.normalize('NFC').replace(/[\p{Cc}\u00ad\u200b-\u200f\u2028\u2029\ufeff]+/gu, ' ').replace(/ {2,}/g, ' ').trim();

function cleanDocument(doc: CvDocument): CvDocument {
  const opt = (v?: string) => (v === undefined ? undefined : clean(v) || undefined);
  return {
    ...doc,
    name: clean(doc.name),
    label: opt(doc.label),
    contact: doc.contact.map(clean).filter(Boolean),
    sections: doc.sections.map((s) => ({
      ...s,
      heading: clean(s.heading),
      entries: s.entries.map((e) => ({
        title: opt(e.title),
        dates: opt(e.dates),
        subtitle: opt(e.subtitle),
        place: opt(e.place),
        paragraphs: e.paragraphs.map(clean).filter(Boolean),
        bullets: e.bullets.map(clean).filter(Boolean),
      })),
    })),
  };
}

export async function exportPdf(cv: Cv, options: PdfExportOptions): Promise<Uint8Array> {
  return exportDocumentPdf(cvDocument(cv, options.language), options);
}

/** Any export document (a CV, a cover letter) in the same ATS-safe layout; a section without a heading has no heading row. */
export async function exportDocumentPdf(source: CvDocument, options: Omit<PdfExportOptions, 'language'>): Promise<Uint8Array> {
  const doc = cleanDocument(source);
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(subsetFontkit);
  // No OpenType shaping: ligatures ("fi" as one glyph) extract badly in ATS parsers, and shaping every
  // line costs ≈ 4× the drawing. Text is NFC, so accents are precomposed glyphs, not marks to position.
  const embed = (bytes: Uint8Array) => pdf.embedFont(bytes, { subset: true, features: plainFeatures });
  const regular = await embed(options.fonts.regular);
  const bold = await embed(options.fonts.bold);
  assertCovered(doc, [regular, bold]);

  pdf.setTitle(doc.name);
  pdf.setAuthor(doc.name);
  pdf.setLanguage(doc.language);
  pdf.setProducer('Jobfit');
  pdf.setCreator('Jobfit');

  const [width, height] = options.pageSize ?? [595.28, 841.89];
  const right = width - MARGIN;
  const ink = rgb(0.1, 0.1, 0.1);
  let page: PDFPage = pdf.addPage([width, height]);
  let y = height - MARGIN_Y;

  // Line breaking measures every word: widths come from cached per-character advances (exact without
  // kerning, which is off).
  const advances = new Map<PDFFont, Map<string, number>>();
  const widthOf = (text: string, font: PDFFont, size: number) => {
    let cache = advances.get(font);
    if (!cache) advances.set(font, (cache = new Map()));
    let units = 0;
    for (const ch of text) {
      let w = cache.get(ch);
      if (w === undefined) cache.set(ch, (w = font.widthOfTextAtSize(ch, 1000)));
      units += w;
    }
    return (units * size) / 1000;
  };
  const ensure = (needed: number) => {
    if (y - needed < MARGIN_Y) {
      page = pdf.addPage([width, height]);
      y = height - MARGIN_Y;
    }
  };
  const wrap = (text: string, font: PDFFont, size: number, maxWidth: number): string[] => {
    const lines: string[] = [];
    let current = '';
    for (const word of text.split(' ')) {
      const next = current ? `${current} ${word}` : word;
      if (current && widthOf(next, font, size) > maxWidth) {
        lines.push(current);
        current = word;
      } else current = next;
    }
    if (current) lines.push(current);
    return lines;
  };
  /** Left text wrapped to the room left by an optional right-aligned text on its first line. */
  const row = (left: string | undefined, rightText: string | undefined, font: PDFFont, size: number, x = MARGIN) => {
    const rightWidth = rightText ? widthOf(rightText, regular, size - 1) + 16 : 0;
    const lines = left ? wrap(left, font, size, right - x - rightWidth) : [''];
    lines.forEach((line, i) => {
      ensure(size * LEADING);
      y -= size * LEADING;
      if (line) page.drawText(line, { x, y, size, font, color: ink });
      if (i === 0 && rightText) {
        page.drawText(rightText, { x: right - widthOf(rightText, regular, size - 1), y, size: size - 1, font: regular, color: ink });
      }
    });
  };

  row(doc.name, undefined, bold, 20);
  if (doc.label) row(doc.label, undefined, regular, 11);
  if (doc.contact.length > 0) row(doc.contact.join(' | '), undefined, regular, 9.5);
  for (const section of doc.sections) {
    ensure(60);
    y -= 10;
    if (section.heading) {
      row(section.heading.toUpperCase(), undefined, bold, 12.5);
      page.drawLine({ start: { x: MARGIN, y: y - 4 }, end: { x: right, y: y - 4 }, thickness: 0.6, color: rgb(0.6, 0.6, 0.6) });
      y -= 4;
    }
    for (const e of section.entries) {
      if (e.title || e.dates) {
        y -= 4;
        row(e.title, e.dates, bold, 11);
      }
      if (e.subtitle || e.place) row(e.subtitle, e.place, regular, 10);
      for (const p of e.paragraphs) {
        row(p, undefined, regular, 10);
        // A letter's paragraphs stand apart, as on paper.
        if (section.key === LETTER_SECTION) y -= 7;
      }
      for (const b of e.bullets) {
        ensure(10 * LEADING);
        page.drawText('•', { x: MARGIN + 8, y: y - 10 * LEADING, size: 10, font: regular, color: ink });
        row(b, undefined, regular, 10, MARGIN + 20);
      }
    }
  }
  return pdf.save({ useObjectStreams: false });
}
