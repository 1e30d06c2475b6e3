import { describe, expect, it } from 'vitest';
import { AppError } from '../../util/errors';
import { germanDocxCv, writeDocx } from '../fixtures/docx-writer';
import { writeZip } from '../fixtures/zip-writer';
import { htmlToLines } from './html';
import { importCv } from './index';

// DOCX files are built in the tests by lib/cv/fixtures/docx-writer.ts (hand-made, invented person).

async function codeOf(data: Uint8Array): Promise<string> {
  try {
    await importCv(data, { fileName: 'cv.docx' });
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe('DOCX import (mammoth)', () => {
  it('reads a German Word CV: title, headings, tab-aligned dates, bullets, a skills table', async () => {
    const cv = await importCv(writeDocx(germanDocxCv()), { fileName: 'lebenslauf.docx' });
    expect(cv.source.format).toBe('docx');
    expect(cv.basics).toMatchObject({
      name: 'Jonas Becker',
      email: 'jonas.becker@example.de',
      phone: '+49 89 1234567',
      location: { address: 'München, Deutschland' },
    });
    expect(cv.work.map((w) => [w.name, w.position, w.startDate, w.endDate])).toEqual([
      ['Beispielbau GmbH', 'Projektleiter', '2018-03', undefined],
      ['Muster & Partner AG', 'Bauingenieur', '2014-09', '2018-02'],
    ]);
    expect(cv.work[0]!.highlights).toEqual([
      'Leitung von Bauprojekten mit einem Volumen von 40 Mio. Euro.',
      'Einführung einer digitalen Bauakte.',
    ]);
    expect(cv.education).toMatchObject([{ institution: 'Technische Universität München', startDate: '2009', endDate: '2014' }]);
    expect(cv.skills.map((s) => [s.name, s.keywords])).toEqual([
      ['Software', ['AutoCAD', 'Revit', 'MS Project']],
      ['Methoden', ['BIM', 'Lean Construction']],
    ]);
    expect(cv.languages.map((l) => l.language)).toEqual(['Deutsch', 'Englisch']);
  });

  it('turns mammoth HTML into lines: headings, list items, table rows, bold paragraphs, entities', () => {
    const lines = htmlToLines(
      '<h1>Ana</h1><p><strong>Engineer</strong>\t2019 &ndash; 2021</p><ul><li>Did &amp; shipped</li><li>More<ul><li>Nested</li></ul></li></ul>' +
        '<table><tr><td><p>Tools</p></td><td><p>Git</p><p>Docker</p></td></tr></table><p><strong>Bold line</strong></p>',
    );
    expect(lines.map((l) => [l.segments, l.heading, l.bullet, l.bold])).toEqual([
      [['Ana'], 1, undefined, undefined],
      [['Engineer', '2019 – 2021'], undefined, undefined, undefined],
      [['Did & shipped'], undefined, true, undefined],
      [['More'], undefined, true, undefined],
      [['Nested'], undefined, true, undefined],
      [['Tools', 'Git Docker'], undefined, undefined, undefined],
      [['Bold line'], undefined, undefined, true],
    ]);
  });

  it.each<[string, Uint8Array, string]>([
    ['a DOCX whose document is not XML', writeZip([{ name: 'word/document.xml', data: 'not xml at all <<<' }]), 'cv_corrupt'],
    ['a DOCX with an empty body', writeDocx([]), 'cv_empty'],
    ['a DOCX zip bomb', writeZip([{ name: 'word/document.xml', data: '<w:document/>', claimSize: 2 ** 31 }]), 'cv_too_large'],
    [
      // The directory claims 1 KB; the part inflates to 80 MB. Caught while inflating, before mammoth.
      'a DOCX zip bomb that lies about its size',
      writeZip([{ name: 'word/document.xml', data: new Uint8Array(80 * 1024 * 1024).fill(0x20), claimSize: 1024 }]),
      'cv_too_large',
    ],
  ].map(([label, data, expected]) => [`${label} → ${expected}`, data, expected] as [string, Uint8Array, string]))('%s', async (_label, data, expected) => {
    expect(await codeOf(data)).toBe(expected);
  });
});
