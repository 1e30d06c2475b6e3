import { foldCase } from '../util/fold';
/**
 * Tokens with offsets for dictionary matching. Words keep the characters that make technology names
 * (`C++`, `C#`, `node.js`, `.NET`, `ASP.NET`); hyphens, slashes and other punctuation are separate
 * one-character tokens so that `front-end`, `front end` and `CI / CD` meet the same trie path.
 */

export interface Token {
  start: number;
  end: number;
  /** The text as written. */
  raw: string;
  /** Folded form used as the trie key: lower case, no diacritics, no possessive, light plural folding. */
  key: string;
  /** false for one-character punctuation tokens. */
  word: boolean;
  /** Whitespace between the previous token and this one. */
  gap: 'none' | 'space' | 'newline';
}

// A word: optional leading dot (.NET), letters/digits joined by . ' ’ _ (node.js, o'reilly, snake_case),
// then an optional ++ / + / # suffix (C++, C#, F#, 5+). Anything else that is not a space is punctuation.
const TOKEN = /(?<![\p{L}\p{N}])\.(?=\p{L})[\p{L}\p{N}]+(?:[.'’_][\p{L}\p{N}]+)*|[\p{L}\p{N}]+(?:[.'’_][\p{L}\p{N}]+)*(?:\+\+|\+|#)?|[^\s\p{L}\p{N}]/gu;
const NEWLINE = /[\n\r\u2028\u2029]/;

/** Lower case without diacritics, apostrophes unified; the base of every comparison. */
export function fold(s: string): string {
  return foldCase(s).replace(/ß/g, 'ss').replace(/’/g, "'");
}

/**
 * Trie key of one word: folded, possessive removed (bachelor's → bachelor), and plural folded
 * (technologies → technology, apis → api; not -ics: genetics ≠ genetic). Both the text and the taxonomy go through this, so the
 * folding only has to be consistent, not linguistically right.
 */
export function wordKey(raw: string): string {
  let k = fold(raw);
  if (k.endsWith("'s")) k = k.slice(0, -2);
  else if (k.endsWith("'")) k = k.slice(0, -1);
  if (k.length >= 5 && k.endsWith('ies')) return `${k.slice(0, -3)}y`;
  // -ics words are their own nouns (genetics ≠ genetic, electronics ≠ electronic).
  if (k.length >= 4 && /[a-z]s$/.test(k) && !/(?:ss|us|ics)$/.test(k)) return k.slice(0, -1);
  return k;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const start = m.index;
    const between = text.slice(last, start);
    const gap = between.length === 0 ? 'none' : NEWLINE.test(between) ? 'newline' : 'space';
    const word = /[\p{L}\p{N}]/u.test(raw);
    tokens.push({ start, end: start + raw.length, raw, key: word ? wordKey(raw) : raw, word, gap });
    last = start + raw.length;
  }
  return tokens;
}

/** Punctuation that may sit inside a multi-word term without changing it: front-end, CI/CD, UI / UX. */
export const TRANSPARENT = new Set(['-', '/', '‐', '_']);

/** Keys of a taxonomy surface form, with transparent punctuation dropped. */
export function aliasKeys(alias: string): string[] {
  return tokenize(alias)
    .filter((t) => !TRANSPARENT.has(t.raw))
    .map((t) => t.key);
}
