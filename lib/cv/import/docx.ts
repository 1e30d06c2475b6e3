import mammoth from 'mammoth';
import { AppError } from '../../util/errors';
import type { SourceDoc, SourceLine } from '../parse/source';
import { textLine } from '../parse/source';
import { splitBullet } from '../parse/text';

/**
 * DOCX → lines through mammoth's HTML: headings keep their level (Word's Title style is the name),
 * list items are bullets, a table row is one line whose cells are segments, tabs separate segments
 * ("Engineer<tab>2019 – 2021"), and a paragraph that is bold throughout is marked bold.
 */
export async function readDocx(data: Uint8Array): Promise<SourceDoc> {
  let html: string;
  // mammoth's browser build reads `arrayBuffer`, its Node build `buffer`; both take an ArrayBuffer.
  const bytes = data.slice().buffer;
  const input = { arrayBuffer: bytes, buffer: bytes } as unknown as { arrayBuffer: ArrayBuffer };
  try {
    const result = await mammoth.convertToHtml(
      input,
      { styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"], ignoreEmptyParagraphs: true },
    );
    html = result.value;
  } catch {
    throw new AppError('cv_corrupt', 'docx');
  }
  const lines = htmlToLines(html);
  if (lines.length === 0) throw new AppError('cv_empty');
  return { format: 'docx', lines };
}

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'", ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bull: '•', middot: '·', euro: '€',
};

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (m, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? m;
  });
}

/**
 * mammoth's HTML is regular and escaped (blocks of p, h1–h6, li, table cells; inline strong, em, a,
 * br), so a small tokenizer reads it in pages and in Node alike, without a DOM.
 */
export function htmlToLines(html: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let heading: number | undefined;
  let listDepth = 0;
  let inItem = false;
  let buffer = '';
  let boldChars = 0;
  let strongDepth = 0;
  let row: string[] | undefined;
  let cell: string | undefined;

  const push = () => {
    const raw = buffer.replace(/\u00a0/g, ' ');
    const visible = raw.replace(/\s+/g, '');
    buffer = '';
    const bold = visible.length > 0 && boldChars >= visible.length;
    boldChars = 0;
    if (!visible) return;
    if (row) {
      cell = (cell ? `${cell} ` : '') + raw.trim();
      return;
    }
    const { bullet, text } = splitBullet(raw);
    const line = textLine(text.trim(), lines.length + 1, {
      ...(heading !== undefined ? { heading } : {}),
      ...(inItem || bullet ? { bullet: true, x: listDepth } : { x: 0 }),
      ...(bold ? { bold } : {}),
    });
    if (line.text) lines.push(line);
  };

  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*?(\/?)>|([^<]+)/gi)) {
    const [, closing, rawTag, selfClosing, text] = m;
    if (text !== undefined) {
      const t = decode(text);
      buffer += t;
      if (strongDepth > 0) boldChars += t.replace(/\s+/g, '').length;
      continue;
    }
    const tag = rawTag!.toLowerCase();
    const open = !closing;
    switch (tag) {
      case 'p':
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        push();
        heading = open && tag.startsWith('h') ? Number(tag[1]) : undefined;
        break;
      case 'li':
        push();
        inItem = open;
        break;
      case 'ul':
      case 'ol':
        push();
        listDepth += open ? 1 : -1;
        inItem = listDepth > 0 && !open;
        break;
      case 'br':
        push();
        break;
      case 'strong':
      case 'b':
        strongDepth += open ? 1 : -1;
        break;
      case 'tr':
        push();
        if (open) row = [];
        else if (row) {
          const cells = row;
          row = undefined;
          if (cells.length > 0) lines.push({ ...textLine(cells.join('\t'), lines.length + 1), segments: cells, x: 0 });
        }
        break;
      case 'td':
      case 'th':
        push();
        if (open) cell = undefined;
        else if (row && cell) row.push(cell.trim());
        break;
      default:
        if (selfClosing && tag === 'img') push();
    }
  }
  push();
  return lines;
}
