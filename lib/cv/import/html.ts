import type { SourceLine } from '../parse/source';
import { textLine } from '../parse/source';
import { splitBullet } from '../parse/text';

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
 * HTML → lines without a DOM (pages and Node alike). Made for mammoth's HTML, which is regular and
 * escaped (blocks of p, h1–h6, li, table cells; inline strong, em, a, br); also used for the HTML
 * people paste into Markdown CVs. Block elements end lines, scripts and styles are dropped.
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

  const visible = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<!--[\s\S]*?-->/g, ' ');
  for (const m of visible.matchAll(/<(\/?)([a-z0-9]+)[^>]*?(\/?)>|([^<]+)/gi)) {
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
      case 'div':
      case 'section':
      case 'header':
      case 'footer':
      case 'article':
      case 'center':
      case 'blockquote':
      case 'hr':
        push();
        break;
      default:
        if (selfClosing && tag === 'img') push();
    }
  }
  push();
  return lines;
}
