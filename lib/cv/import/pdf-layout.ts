import { isDateFragment, isDateOnly } from '../parse/dates';
import { isLocationLike } from '../parse/lexicon';
import type { SourceLine } from '../parse/source';
import { isBulletText, isIconText, splitBullet, stripPrivateUse, tidy } from '../parse/text';

/**
 * PDF text items → lines in reading order. Pure geometry, no pdf.js: items are grouped into lines by
 * baseline, a page with a clear vertical gutter is read column by column (two-column and sidebar
 * layouts), items are joined into segments where gaps are narrow, icon glyphs are dropped, and
 * running headers/footers are removed.
 */

export interface PdfItem {
  str: string;
  /** Left edge and baseline in PDF points (origin bottom-left). */
  x: number;
  y: number;
  w: number;
  /** Font size in points. */
  size: number;
  /** pdf.js font id, unique within a document. */
  font: string;
}

export interface PdfPageItems {
  width: number;
  height: number;
  items: PdfItem[];
}

interface Item extends PdfItem {
  icon: boolean;
  right: number;
}

/** Fonts whose every item is a glyph or two: icon fonts (FontAwesome and friends map icons to letters). */
function iconFonts(pages: PdfPageItems[]): Set<string> {
  const stats = new Map<string, { count: number; short: number }>();
  let total = 0;
  for (const page of pages) {
    for (const it of page.items) {
      const s = it.str.trim();
      if (!s) continue;
      total++;
      const st = stats.get(it.font) ?? { count: 0, short: 0 };
      st.count++;
      if ([...s].length <= 2 || glyphName(it)) st.short++;
      stats.set(it.font, st);
    }
  }
  const out = new Set<string>();
  for (const [font, st] of stats) {
    if (st.short === st.count && st.count <= 60 && st.count <= Math.max(8, total * 0.1)) out.add(font);
  }
  // If every font looks like that, the PDF positions each glyph separately: no icon fonts then.
  if (out.size === stats.size) return new Set();
  return out;
}

/** A glyph whose text is its name ("HOUSE-CHIMNEY", "LINKEDIN"): the drawn width is one glyph's. */
function glyphName(it: PdfItem): boolean {
  const s = it.str.trim();
  return s.length >= 3 && it.size > 0 && it.w / (s.length * it.size) < 0.2;
}

const KEEP_PUNCTUATION = /^[|,;/•·◦▪‣\-–—:]+$/;

function isIcon(it: PdfItem, fonts: Set<string>): boolean {
  const s = it.str.trim();
  if (isBulletText(s) || KEEP_PUNCTUATION.test(s)) return false;
  if (isIconText(s) || glyphName(it)) return true;
  return fonts.has(it.font);
}

/** Group items into lines by baseline (tolerance relative to the smaller font). */
function groupByBaseline(items: Item[]): Item[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; items: Item[] }[] = [];
  for (const it of sorted) {
    let target: (typeof lines)[number] | undefined;
    for (let i = lines.length - 1; i >= Math.max(0, lines.length - 4); i--) {
      const l = lines[i]!;
      if (Math.abs(l.y - it.y) <= Math.max(1, 0.45 * Math.min(l.size, it.size))) {
        target = l;
        break;
      }
    }
    if (target) target.items.push(it);
    else lines.push({ y: it.y, size: it.size, items: [it] });
  }
  return lines.map((l) => l.items.sort((a, b) => a.x - b.x));
}

/**
 * A vertical gutter splitting the page into two columns: a band (≥ 8 pt wide) in the middle of the
 * page that almost no item crosses, with real text (not just a date column) on both sides.
 */
function findGutter(page: PdfPageItems, items: Item[]): number | undefined {
  const text = items.filter((i) => !i.icon);
  if (text.length < 20) return undefined;
  const from = Math.floor(page.width * 0.2);
  const to = Math.ceil(page.width * 0.8);
  const crossing = new Array<number>(to - from + 1).fill(0);
  for (const it of text) {
    for (let x = Math.max(from, Math.ceil(it.x + 1)); x <= Math.min(to, Math.floor(it.right - 1)); x++) crossing[x - from]!++;
  }
  const allowed = Math.max(2, Math.floor(text.length * 0.02));
  let best: { a: number; b: number; score: number } | undefined;
  let runStart = -1;
  for (let i = 0; i <= crossing.length; i++) {
    const free = i < crossing.length && crossing[i]! <= allowed;
    if (free && runStart < 0) runStart = i;
    if (!free && runStart >= 0) {
      const a = from + runStart;
      const b = from + i - 1;
      if (b - a >= 8) {
        const left = text.filter((t) => t.right <= a + 1);
        const right = text.filter((t) => t.x >= b - 1);
        const words = (side: Item[]) => side.filter((t) => !isDateOnly(t.str) && /\p{L}{3,}/u.test(t.str)).length;
        const chars = (side: Item[]) => side.reduce((n, t) => n + t.str.length, 0);
        const total = chars(text);
        const balanced = Math.min(chars(left), chars(right)) >= total * 0.12;
        if (balanced && words(left) >= 5 && words(right) >= 5) {
          const score = Math.min(chars(left), chars(right)) * (b - a);
          if (!best || score > best.score) best = { a, b, score };
        }
      }
      runStart = -1;
    }
  }
  return best ? (best.a + best.b) / 2 : undefined;
}

interface Built extends SourceLine {
  y: number;
  column: number;
}

/** Items of one line (or one column of a line) → segments, bullet flag, geometry. */
function buildLine(items: Item[], page: number, column: number): Built | undefined {
  const visible = items.filter((i) => i.str.trim() !== '');
  if (visible.length === 0) return undefined;
  let bullet = false;
  // A bullet glyph at the start of the line, or a private-use glyph used as one (Word's Symbol bullets).
  const first = visible[0]!;
  if (isBulletText(first.str) || (first.icon && visible.length > 1 && /^[\u{E000}-\u{F8FF}]$/u.test(first.str.trim()))) {
    bullet = true;
    visible.shift();
  }
  const kept = visible.filter((i) => !i.icon);
  if (kept.length === 0) return undefined;

  const segments: { text: string; x: number; right: number }[] = [];
  let prev: Item | undefined;
  for (const it of kept) {
    const str = stripPrivateUse(it.str).replace(/\s+/g, ' ');
    if (!str.trim()) continue;
    const em = Math.max(it.size, prev?.size ?? it.size);
    const gap = prev ? it.x - prev.right : 0;
    const cur = segments[segments.length - 1];
    // A date column next to text ("2017 –" | "Product Manager…") is its own segment even when close.
    const dateEdge = cur !== undefined && gap > em * 0.3 && datesMeet(cur.text, str);
    if (!prev || !cur || gap > Math.max(em * 1.0, 4) || dateEdge) {
      segments.push({ text: str.trimStart(), x: it.x, right: it.right });
    } else {
      const space = gap > em * 0.2 && !cur.text.endsWith(' ') && !str.startsWith(' ');
      cur.text += (space ? ' ' : '') + str;
      cur.right = it.right;
    }
    prev = it;
  }
  // Runs of spaces inside one item also separate segments ("Engineer        2020").
  const parts = segments
    .flatMap((s) => s.text.split(/ {3,}/).map((t) => ({ ...s, text: t })))
    .map((s) => ({ ...s, text: tidy(s.text) }))
    .filter((s) => s.text);
  if (parts.length === 0) return undefined;
  // A bullet written into the text ("• Good Scientific Practice").
  const lead = splitBullet(parts[0]!.text);
  if (!bullet && lead.bullet && lead.text) {
    bullet = true;
    parts[0]!.text = lead.text;
  }
  const texts = parts.map((p) => p.text);
  const chars = kept.reduce((n, i) => n + i.str.length, 0);
  const size = kept.reduce((n, i) => n + i.size * i.str.length, 0) / Math.max(1, chars);
  const textStart = parts.find((p) => !isDateOnly(p.text)) ?? parts[0]!;
  return {
    text: texts.join(' '),
    segments: texts,
    page,
    line: 0,
    size: Math.round(size * 10) / 10,
    maxSize: Math.round(Math.max(...kept.map((i) => i.size)) * 10) / 10,
    x: Math.round(textStart.x * 10) / 10,
    right: Math.round(parts[parts.length - 1]!.right * 10) / 10,
    ...(bullet ? { bullet } : {}),
    y: Math.min(...kept.map((i) => i.y)),
    column,
  };
}

/** One side is a complete date and the other is text that does not continue it. */
function datesMeet(left: string, right: string): boolean {
  const l = left.trim();
  const r = right.trim();
  if (isDateOnly(l)) return !isDateOnly(r) && !isDateFragment(r) && !/^[-–—]/.test(r);
  if (isDateOnly(r) && /\d{4}/.test(r) && !/\d/.test(l)) return !isDateFragment(l.split(/\s+/).pop() ?? '');
  return false;
}

/** Page numbers and running headers/footers repeated on several pages. */
function dropRunningLines(pages: Built[][], heights: number[]): Built[][] {
  const key = (l: Built) => l.text.replace(/\d+/g, '#').toLowerCase();
  const inMargin = (l: Built, h: number) => l.y > h * 0.92 || l.y < h * 0.08;
  const counts = new Map<string, number>();
  pages.forEach((lines, p) => {
    const seen = new Set<string>();
    for (const l of lines) if (inMargin(l, heights[p]!)) seen.add(key(l));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  const pageNumber = /^(?:page|p\.|página|seite)?\s*-?\s*\d{1,3}\s*(?:(?:\/|of|de|sur|von)\s*\d{1,3})?\s*-?$/i;
  return pages.map((lines, p) =>
    lines.filter((l) => {
      if (pageNumber.test(l.text) && (l.y > heights[p]! * 0.85 || l.y < heights[p]! * 0.15)) return false;
      if (!inMargin(l, heights[p]!)) return true;
      return pages.length < 2 || (counts.get(key(l)) ?? 0) < 2;
    }),
  );
}

export function layoutPages(pages: PdfPageItems[]): SourceLine[] {
  const fonts = iconFonts(pages);
  const built: Built[][] = pages.map((page, p) => {
    const items: Item[] = page.items
      .filter((i) => i.str.trim() !== '' && Number.isFinite(i.x) && Number.isFinite(i.y))
      .map((i) => ({ ...i, icon: false, right: i.x + Math.max(0, i.w) }));
    for (const it of items) it.icon = isIcon(it, fonts);
    const rows = groupByBaseline(items);
    // A glyph from a rare font glued to letters on both sides is part of a word ("Bo|ğ|aziçi"), not an icon.
    for (const row of rows) {
      row.forEach((it, i) => {
        if (!it.icon || isIconText(it.str) || glyphName(it)) return;
        const before = row[i - 1];
        const after = row[i + 1];
        const glued = (a?: Item, b?: Item) => a !== undefined && b !== undefined && b.x - a.right < 0.15 * it.size;
        if (glued(before, it) && glued(it, after) && /\p{L}$/u.test(before!.str) && /^\p{L}/u.test(after!.str)) it.icon = false;
      });
    }
    const gutter = findGutter(page, items);
    const out: Built[] = [];
    let left: Built[] = [];
    let right: Built[] = [];
    const flush = () => {
      out.push(...left, ...right);
      left = [];
      right = [];
    };
    for (const row of rows) {
      if (gutter === undefined) {
        const line = buildLine(row, p + 1, 0);
        if (line) out.push(line);
        continue;
      }
      const spans = row.some((i) => !i.icon && i.x < gutter - 1 && i.right > gutter + 1);
      if (spans) {
        flush();
        const line = buildLine(row, p + 1, 0);
        if (line) out.push(line);
        continue;
      }
      const l = buildLine(
        row.filter((i) => i.x < gutter),
        p + 1,
        1,
      );
      const r = buildLine(
        row.filter((i) => i.x >= gutter),
        p + 1,
        2,
      );
      if (l) left.push(l);
      if (r) right.push(r);
    }
    flush();
    return out;
  });

  const cleaned = dropRunningLines(
    built,
    pages.map((p) => p.height),
  );
  const lines: SourceLine[] = [];
  cleaned.forEach((pageLines) => {
    // Right edge of each column: where wrapped text stops.
    const columnRight = new Map<number, number>();
    for (const l of pageLines) columnRight.set(l.column, Math.max(columnRight.get(l.column) ?? 0, l.right ?? 0));
    pageLines.forEach((l, i) => {
      const colRight = columnRight.get(l.column) ?? 0;
      const last = l.segments[l.segments.length - 1] ?? '';
      const size = l.size ?? 10;
      // Wrapped: the next line's first word would not have fitted in the space left on this one.
      const next = pageLines.slice(i + 1).find((x) => x.column === l.column);
      const nextWord = next?.text.split(' ')[0] ?? '';
      const nextSize = next?.size ?? size;
      const room = colRight - (l.right ?? 0);
      const wrapped =
        next !== undefined &&
        room < nextWord.length * nextSize * 0.55 + nextSize * 0.28 &&
        !isDateOnly(next.segments[0] ?? '') &&
        !isDateOnly(last) &&
        !isLocationLike(last);
      const prev = pageLines.slice(0, i).reverse().find((x) => x.column === l.column);
      const { y: _y, column: _c, ...line } = l;
      lines.push({
        ...line,
        line: i + 1,
        columnRight: Math.round(colRight * 10) / 10,
        ...(wrapped ? { wrapped } : {}),
        ...(prev ? { gapBefore: Math.round(((prev.y - l.y) / size) * 10) / 10 } : {}),
      });
    });
  });
  return lines;
}
