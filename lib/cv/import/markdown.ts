import type { CvWarning } from '../model';
import type { SourceDoc, SourceLine } from '../parse/source';
import { textLine } from '../parse/source';
import { splitBullet } from '../parse/text';
import { htmlToLines } from './html';

/**
 * Markdown → lines: `#` headings keep their level, list items are bullets, emphasis and code marks go,
 * links keep their text and their address (`LinkedIn (https://…)`), tables become segments, and HTML
 * tags are removed (their text stays). Front matter is skipped.
 */
export function readMarkdown(markdown: string): SourceDoc {
  const warnings: CvWarning[] = [];
  const text = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lineOffset = frontMatterLines(text);
  const raw = text.split('\n');
  const lines: SourceLine[] = [];
  let blank = false;
  let inFence = false;
  let htmlRemoved = false;
  let inScript = false;
  for (let i = lineOffset; i < raw.length; i++) {
    let source = raw[i]!.replace(/\u00a0/g, ' ');
    if (/^\s*(?:```|~~~)/.test(source)) {
      inFence = !inFence;
      continue;
    }
    // Script and style blocks spanning lines are dropped whole.
    if (inScript) {
      if (/<\/(script|style)\s*>/i.test(source)) inScript = false;
      continue;
    }
    if (/<(script|style)\b/i.test(source) && !/<\/(script|style)\s*>/i.test(source)) {
      htmlRemoved = true;
      inScript = true;
      continue;
    }
    if (/<[a-z!/][^>]*>/i.test(source)) {
      // HTML in Markdown: its blocks become lines of their own (same source line), tags go.
      htmlRemoved = true;
      const parts = htmlToLines(source.replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)'));
      parts.forEach((part, k) => {
        lines.push({ ...part, text: inline(part.text), segments: part.segments.map(inline), line: i + 1, ...(blank && k === 0 ? { blankBefore: true } : {}) });
      });
      if (parts.length > 0) blank = false;
      continue;
    }
    if (!source.trim() || /^\s*(?:[-*_]\s*){3,}$/.test(source)) {
      blank = true;
      continue;
    }
    if (inFence) {
      lines.push(textLine(source.trim(), i + 1, { blankBefore: blank }));
      blank = false;
      continue;
    }
    const next = raw[i + 1] ?? '';
    let heading: number | undefined;
    const atx = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(source);
    if (atx) {
      heading = atx[1]!.length;
      source = atx[2]!;
    } else if (/^\s*={3,}\s*$/.test(next)) {
      heading = 1;
      i++;
    } else if (/^\s*-{3,}\s*$/.test(next) && !/^\s*[-*+]\s/.test(source)) {
      heading = 2;
      i++;
    }
    source = source.replace(/^\s*>\s?/, '');
    const indent = /^[ \t]*/.exec(source)![0].replace(/\t/g, '    ').length;
    let bullet = false;
    const numbered = /^\s*\d+[.)]\s+/.exec(source);
    if (numbered) {
      bullet = true;
      source = source.slice(numbered[0].length);
    } else {
      const b = splitBullet(source);
      bullet = b.bullet;
      source = b.text;
    }
    source = source.replace(/^\[[ xX]\]\s+/, '');
    let segments: string[] | undefined;
    let tableHeader = false;
    if (/^\s*\|.*\|\s*$/.test(source)) {
      if (/^\s*\|[\s:|-]+\|\s*$/.test(source)) continue; // table separator row
      tableHeader = /^\s*\|[\s:|-]+\|\s*$/.test(next);
      segments = source.split('|').map((c) => inline(c).trim()).filter(Boolean);
    }
    const bold = tableHeader || /^\s*(?:\*\*|__)[^*_]+(?:\*\*|__)\s*$/.test(source);
    const content = inline(source);
    const line = segments
      ? { text: segments.join(' '), segments, line: i + 1 }
      : textLine(content.replace(/ {2,}$/, ''), i + 1);
    if (!line.text.trim()) continue;
    lines.push({
      ...line,
      x: indent,
      ...(heading !== undefined ? { heading } : {}),
      ...(bullet ? { bullet } : {}),
      ...(bold ? { bold } : {}),
      ...(blank ? { blankBefore: true } : {}),
    });
    blank = false;
  }
  if (htmlRemoved) warnings.push({ code: 'html_removed' });
  return { format: 'markdown', lines, warnings };
}

function frontMatterLines(text: string): number {
  if (!text.startsWith('---\n')) return 0;
  const end = text.indexOf('\n---', 4);
  if (end < 0) return 0;
  return text.slice(0, end + 4).split('\n').length;
}

/** Inline Markdown → text: links keep their address, images keep their alt text, marks go. */
function inline(value: string): string {
  // Backslash escapes are set aside first so escaped marks are never read as emphasis or links.
  return value
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, (_m, c: string) => String.fromCharCode(0xf000 + c.charCodeAt(0)))
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g, (_m, label: string, url: string) => {
      const href = url.replace(/^mailto:|^tel:/i, '');
      const plain = label.replace(/[*_`]/g, '');
      return plain.includes(href) || href.includes(plain) || /^#/.test(url) ? plain : `${plain} (${href})`;
    })
    .replace(/<((?:https?:\/\/|mailto:)[^>]+)>/g, (_m, u: string) => u.replace(/^mailto:/i, ''))
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/[\uf000-\uf07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xf000));
}
