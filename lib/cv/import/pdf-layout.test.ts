import { describe, expect, it } from 'vitest';
import { layoutPages, type PdfItem, type PdfPageItems } from './pdf-layout';

// Synthetic pdf.js text items (what getTextContent gives), to pin down the layout rules.

function item(str: string, x: number, y: number, size = 10, font = 'body', w?: number): PdfItem {
  return { str, x, y, size, font, w: w ?? str.length * size * 0.5 };
}
const page = (items: PdfItem[], width = 600, height = 800): PdfPageItems => ({ width, height, items });
const texts = (pages: PdfPageItems[]) => layoutPages(pages).map((l) => l.segments.join(' | '));

/** Body text so fonts and columns have something to compare with. */
function filler(x: number, top: number, lines: number, text = 'Plain body text that fills this line of the page', font = 'body'): PdfItem[] {
  return Array.from({ length: lines }, (_, i) => item(text, x, top - i * 12, 9, font));
}

describe('layoutPages', () => {
  it('drops icon glyphs: letters from an icon font, glyph names and pictographs', () => {
    const icons = 'fontawesome';
    const items = [
      item('Ada Lovelace', 200, 760, 24),
      item('I', 40, 740, 10, icons),
      item('(212) 555-0100', 54, 740),
      item('#', 200, 740, 10, icons),
      item('ada@example.com', 214, 740),
      item('HOUSE-CHIMNEY', 340, 740, 13, 'fa-solid', 6.8),
      item('example.com', 350, 740),
      item('📱', 450, 740, 10, 'emoji'),
      item('+1 212 555 0101', 462, 740),
      ...filler(40, 700, 12),
    ];
    const [, contact] = texts([page(items)]);
    expect(contact).toBe('(212) 555-0100 | ada@example.com | example.com | +1 212 555 0101');
  });

  it('keeps a glyph from a rare font that sits inside a word', () => {
    const items = [
      item('Bo', 100, 700, 10, 'body', 11),
      item('ğ', 111, 700, 10, 'rare', 5),
      item('aziçi University', 116, 700),
      ...filler(40, 680, 12),
    ];
    expect(texts([page(items)])[0]).toBe('Boğaziçi University');
  });

  it('joins small capitals without spaces and keeps word gaps', () => {
    const items = [item('R', 100, 700, 14, 'body', 10), item('ESEARCH', 110.5, 700, 11, 'body', 50), item('E', 164, 700, 14, 'body', 9.6), item('XPERIENCE', 174, 700, 11, 'body', 66)];
    expect(texts([page(items)])[0]).toBe('RESEARCH EXPERIENCE');
  });

  it('splits a date column from the text beside it even when they are close', () => {
    const items = [item('2017 –', 100, 700, 11, 'body', 33), item('Product Manager, Google', 140, 700, 11), item('Present', 103, 686, 11, 'body', 36), item('Leading teams.', 146, 686, 10)];
    expect(texts([page(items)])).toEqual(['2017 – | Product Manager, Google', 'Present | Leading teams.']);
  });

  it('reads two columns one after the other, below a full-width header', () => {
    const items = [
      item('Grace Hopper', 40, 780, 20),
      item('grace@example.com  •  Arlington, VA  •  (703) 555-0100  •  github.com/ghopper', 40, 760, 9, 'body', 330),
      item('EXPERIENCE', 40, 730, 12),
      ...filler(40, 712, 14, 'Main column text about work', 'body'),
      item('SKILLS', 380, 730, 12),
      ...filler(380, 712, 14, 'Sidebar facts and skills', 'body'),
    ];
    const lines = texts([page(items)]);
    expect(lines.slice(0, 3)).toEqual(['Grace Hopper', 'grace@example.com • Arlington, VA • (703) 555-0100 • github.com/ghopper', 'EXPERIENCE']);
    const firstSidebar = lines.indexOf('SKILLS');
    expect(lines.slice(3, firstSidebar).every((l) => l.startsWith('Main'))).toBe(true);
    expect(lines.slice(firstSidebar + 1).every((l) => l.startsWith('Sidebar'))).toBe(true);
  });

  it('does not split a page whose left column holds only dates', () => {
    const items: PdfItem[] = [];
    for (let i = 0; i < 12; i++) {
      items.push(item(`20${10 + i} – 20${11 + i}`, 40, 700 - i * 30, 10, 'body', 55));
      items.push(item('Engineer, Company, City, Country and a few more words', 140, 700 - i * 30));
    }
    expect(texts([page(items)])[0]).toBe('2010 – 2011 | Engineer, Company, City, Country and a few more words');
  });

  it('removes page numbers and footers repeated on every page', () => {
    const pages = [1, 2].map((n) =>
      page([item(`Body of page ${n}`, 40, 700), item(`Ada Lovelace · Résumé`, 200, 30, 8), item(`${n}/2`, 550, 30, 8)]),
    );
    expect(texts(pages)).toEqual(['Body of page 1', 'Body of page 2']);
  });

  it('flags bullets and wrapped lines', () => {
    const items = [
      item('•', 40, 700),
      item('Built the thing that every later project used as its starting point and', 50, 700, 10, 'body', 500),
      item('reference.', 50, 688),
      ...filler(40, 660, 3),
    ];
    const [first, second] = layoutPages([page(items)]);
    expect(first).toMatchObject({ bullet: true, wrapped: true, page: 1, line: 1 });
    expect(second?.bullet).toBeUndefined();
  });
});
