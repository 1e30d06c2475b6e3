/** Small text helpers shared by the CV parser. */
import { stripAccents } from '../../util/fold';

const foldCache = new Map<string, string>();

/** Lowercase, accents removed, typographic quotes and `&` unified, spaces collapsed: for comparisons. */
export function fold(value: string): string {
  const cached = foldCache.get(value);
  if (cached !== undefined) return cached;
  const out = stripAccents(value)
    .replace(/[’‘`´]/g, "'")
    .replace(/&/g, ' and ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  // The parser asks about the same short strings many times; keep the cache bounded.
  if (foldCache.size > 20_000) foldCache.clear();
  foldCache.set(value, out);
  return out;
}

const charCache = new Map<string, string>();

/** Lowercase and accents removed, one character for one character (so match offsets map back). */
export function foldSameLength(value: string): string {
  let out = '';
  for (const ch of value) {
    if (ch.charCodeAt(0) < 128) {
      out += ch.toLowerCase();
      continue;
    }
    let f = charCache.get(ch);
    if (f === undefined) {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      f = ch === '’' || ch === '‘' ? "'" : base.length === ch.length ? base : ' '.repeat(ch.length);
      charCache.set(ch, f);
    }
    out += f;
  }
  return out;
}

/** Collapse whitespace and tidy spaces the PDF layout put before punctuation (`Google , Inc` → `Google, Inc`). */
export function tidy(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .replace(/\s+([,;:.)\]])/g, '$1')
    .replace(/([([])\s+/g, '$1')
    .trim();
}

/** Trim separators and stray punctuation from both ends of a field. */
export function trimField(value: string): string {
  return tidy(value)
    .replace(/^[\s,;:|•·–—\-/]+/, '')
    .replace(/[\s,;:|•·–—\-/]+$/, '')
    .trim();
}

const PRIVATE_USE = /[\u{E000}-\u{F8FF}\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}]/gu;

/** Remove private-use code points (icon fonts map their glyphs there). */
export function stripPrivateUse(value: string): string {
  return value.replace(PRIVATE_USE, '');
}

/** Only icon-like characters: private use, pictographs, dingbats, arrows and other symbols. */
export function isIconText(value: string): boolean {
  const t = value.replace(/\s+/g, '');
  if (!t) return false;
  return /^(?:[\u{E000}-\u{F8FF}\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}]|\p{Extended_Pictographic}|\p{So}|\p{Co}|\uFE0F)+$/u.test(
    t,
  );
}

const BULLETS = '•◦▪▫‣⁃∙●○■□◆◇⋄►▸▹➢➤✓✔✗★☆–—-*·';

/** A bullet glyph on its own (the marker item of a list line). */
export function isBulletText(value: string): boolean {
  const t = value.trim();
  return t.length === 1 && BULLETS.includes(t);
}

/** Split a leading bullet marker off a line of text (`• Did X`, `- Did X`, `* Did X`). */
export function splitBullet(value: string): { bullet: boolean; text: string } {
  const m = /^\s*(?:[•◦▪▫‣⁃∙●○■□◆◇⋄►▸▹➢➤✓✔★☆·]|[-*+–—](?=\s))\s*/u.exec(value);
  if (m) return { bullet: true, text: value.slice(m[0].length) };
  return { bullet: false, text: value };
}

/** True when letters in the value are all capitals (and there are some). */
export function isAllCaps(value: string): boolean {
  const letters = value.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** `JOHN DOE` → `John Doe`; mixed-case words stay as written (`McDonald`, `POSTECH` inside names stay too). */
export function titleCaseIfShouting(value: string): string {
  if (!isAllCaps(value)) {
    // Small caps often arrive as `Athul SIVAN`: fix the all-caps words of a name only.
    return value.replace(/(?<!\p{L})(\p{Lu})(\p{Lu}{2,})(?!\p{L})/gu, (_m, a: string, b: string) => a + b.toLowerCase());
  }
  return value.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/** Words of a value (letters and digits). */
export function words(value: string): string[] {
  return value.split(/[^\p{L}\p{N}+#.'’-]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** Join body lines into a paragraph, undoing end-of-line hyphenation (`Devel-` + `oping`). */
export function joinWrapped(parts: string[]): string {
  let out = '';
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) continue;
    if (!out) out = part;
    else if (/\p{Ll}-$/u.test(out) && /^\p{Ll}/u.test(part)) out = out.slice(0, -1) + part;
    else out += ' ' + part;
  }
  return tidy(out);
}
