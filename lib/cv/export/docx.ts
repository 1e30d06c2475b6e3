import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TabStopType, TextRun } from 'docx';
import type { Cv } from '../model';
import { type CvLanguage, cvDocument } from './document';

/**
 * ATS-safe DOCX: one column of paragraphs with Word's own Title/Heading styles and a real bulleted list;
 * dates and places sit after a right tab stop (no tables, text boxes or images).
 */
const PAGE_TEXT_WIDTH = 9638; // A4 minus 2 cm margins, in twentieths of a point

export async function exportDocx(cv: Cv, language?: CvLanguage): Promise<Uint8Array> {
  const doc = cvDocument(cv, language);
  const children: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.name)] })];
  if (doc.label) children.push(new Paragraph({ children: [new TextRun(doc.label)] }));
  if (doc.contact.length > 0) children.push(new Paragraph({ children: [new TextRun(doc.contact.join(' | '))] }));
  const tabbed = (left: string | undefined, right: string | undefined, bold: boolean) =>
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: PAGE_TEXT_WIDTH }],
      spacing: bold ? { before: 120 } : undefined,
      children: [new TextRun({ text: left ?? '', bold }), ...(right ? [new TextRun({ text: `\t${right}` })] : [])],
    });
  for (const section of doc.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] }));
    for (const e of section.entries) {
      if (e.title || e.dates) children.push(tabbed(e.title, e.dates, true));
      if (e.subtitle || e.place) children.push(tabbed(e.subtitle, e.place, false));
      for (const p of e.paragraphs) children.push(new Paragraph({ children: [new TextRun(p)] }));
      for (const b of e.bullets) children.push(new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: [new TextRun(b)] }));
    }
  }
  const file = new Document({
    creator: 'Jobfit',
    title: doc.name,
    styles: {
      default: { document: { run: { font: 'Arial', size: 21 } } },
      // Named explicitly so readers that go by style name (mammoth, ATS parsers) see a Title.
      paragraphStyles: [{ id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', run: { size: 40, bold: true } }],
    },
    numbering: {
      config: [{ reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 240 } } } }] }],
    },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } }, children }],
  });
  return new Uint8Array(await (await Packer.toBlob(file)).arrayBuffer());
}
