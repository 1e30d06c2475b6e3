import { findPhoneNumbersInText, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { Profile } from '../storage/items';

/**
 * Known-value pseudonymisation before anything leaves the device (platform-facts §6.1).
 *
 * The profile's values (name and its parts, "Last, First", email, phone in any format, location and
 * city, links with or without scheme/www) and any other emails, phones and URLs become placeholders
 * like `[[EMAIL_1]]`. One redactor serves one request: the same surface text always gets the same
 * placeholder, so `restore(redact(x)) === x`, and identical inputs redact identically (cache keys).
 * Text that already looks like a placeholder is itself replaced (`[[RAW_n]]`), so it round-trips too.
 */

export const placeholderKinds = ['NAME', 'EMAIL', 'PHONE', 'LOCATION', 'URL', 'RAW'] as const;
export type PlaceholderKind = (typeof placeholderKinds)[number];

export interface MangledPlaceholder {
  /** What the model wrote, e.g. `[EMAIL 1]`. */
  found: string;
  /** The placeholder it most likely meant, when that is unambiguous. */
  placeholder?: string;
  /** Whether the original value was put back. */
  restored: boolean;
}

export interface RestoreResult {
  text: string;
  /** Placeholders the model altered (brackets, spacing, case): reported so the UI can warn. */
  mangled: MangledPlaceholder[];
  /** Placeholders that were sent but do not appear in the answer (dropped, or simply not needed). */
  missing: string[];
}

export interface StreamRestorer {
  /** Returns the text that is safe to show now; a possible placeholder start is held back. */
  push(delta: string): string;
  /** Whatever is still held back, restored. */
  flush(): string;
}

export interface Redactor {
  redact(text: string): string;
  restore(text: string): RestoreResult;
  createStreamRestorer(): StreamRestorer;
  /** Number of distinct values replaced so far (for the consent dialog: "3 personal details hidden"). */
  readonly count: number;
}

export interface RedactOptions {
  /** City and location are useful for matching; the user may choose to send them. Default true. */
  redactLocation?: boolean;
}

interface Span {
  start: number;
  end: number;
  kind: PlaceholderKind;
  /** Lower wins when spans overlap with the same length. */
  priority: number;
}

const KIND_ALT = placeholderKinds.join('|');
/**
 * Our placeholders and what models make of them: `[[EMAIL_1]]` exactly, or altered brackets, spacing
 * and case (`[EMAIL_1]`, `[[ email 1 ]]`, `[EMAIL]`), or a bare `EMAIL_1]]`. One pass, so restored
 * values are never scanned again.
 */
const PLACEHOLDER_OR_MANGLED = new RegExp(
  `\\[{1,2}\\s*(${KIND_ALT})(?![A-Za-z])(?:[\\s_\\-]*(\\d{1,4}))?\\s*\\]{0,2}|\\b(${KIND_ALT})[_\\-](\\d{1,4})\\]{0,2}`,
  'gi',
);
/** Input text that already looks like one of our placeholders. */
const PLACEHOLDER_LIKE = new RegExp(`\\[{1,2}\\s*(?:${KIND_ALT})(?:[\\s_\\-]*\\d{1,4})?\\s*\\]{1,2}`, 'gi');

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,24}/gu;
/** URLs with a scheme or `www.`, and bare `domain.tld/path` (a slash is required, so "Node.js" stays). */
const URL_LIKE =
  /\b(?:https?:\/\/|www\.)[^\s<>"'`()[\]{}]+|\b(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|me|app|co|ai|eu|de|fr|es|it|nl|uk|ch|at|be|pl|se|no|dk|fi|pt|ca|us|info|xyz|tech|page|site|gg)\/[^\s<>"'`()[\]{}]*/giu;
const NAME_PARTICLES = new Set(['de', 'del', 'della', 'der', 'den', 'van', 'von', 'da', 'das', 'do', 'dos', 'di', 'du', 'la', 'le', 'el', 'al', 'bin', 'ibn', 'y', 'e', 'zu']);

const isWordChar = (ch: string | undefined): boolean => !!ch && /[\p{L}\p{N}]/u.test(ch);
const isCjk = (text: string): boolean => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u.test(text);
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A folded copy of a text (case, diacritics, apostrophes and separator runs normalised) with a map
 * from each folded character back to its span in the original, so folded matches become exact spans.
 */
interface Folded {
  text: string;
  /** Original start index of each folded character. */
  from: number[];
  /** Original end index (exclusive) of each folded character. */
  to: number[];
}

function foldChar(ch: string): string {
  if (/[\s\-‐‑‒–—_]/u.test(ch)) return ' ';
  if (/['’‘`´ʼ]/u.test(ch)) return "'";
  return ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function fold(text: string): Folded {
  const out: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of text) {
    const end = i + ch.length;
    const f = foldChar(ch);
    if (f === '') {
      // A combining mark: it belongs to the previous character.
      if (to.length) to[to.length - 1] = end;
    } else if (f === ' ' && out[out.length - 1] === ' ') {
      to[to.length - 1] = end;
    } else {
      for (const c of f) {
        out.push(c);
        from.push(i);
        to.push(end);
      }
    }
    i = end;
  }
  return { text: out.join(''), from, to };
}

const foldValue = (value: string): string => fold(value.trim()).text.trim();

interface Needle {
  folded: string;
  kind: PlaceholderKind;
  priority: number;
  /** Single name parts and city names: only capitalised occurrences ("Mark", not "mark"). */
  capitalisedOnly?: boolean;
}

function findNeedle(source: string, folded: Folded, needle: Needle, spans: Span[]): void {
  if (needle.folded.length < 2) return;
  const cjk = isCjk(needle.folded);
  let at = folded.text.indexOf(needle.folded);
  while (at !== -1) {
    const last = at + needle.folded.length - 1;
    const start = folded.from[at]!;
    const end = folded.to[last]!;
    const bounded = cjk || (!isWordChar(charBefore(source, start)) && !isWordChar(charAt(source, end)));
    const capitalised = !needle.capitalisedOnly || /^[\p{Lu}\p{Lt}]/u.test(source.slice(start)) || cjk;
    if (bounded && capitalised) spans.push({ start, end, kind: needle.kind, priority: needle.priority });
    at = folded.text.indexOf(needle.folded, at + 1);
  }
}

/** The code points around a span, surrogate pairs included (for the word-boundary check). */
function charBefore(source: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const pair = index >= 2 ? source.codePointAt(index - 2) : undefined;
  if (pair !== undefined && pair > 0xffff) return String.fromCodePoint(pair);
  return source[index - 1];
}

function charAt(source: string, index: number): string | undefined {
  const cp = source.codePointAt(index);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
}

function nameNeedles(name: string): Needle[] {
  const full = foldValue(name);
  if (!full) return [];
  // Names count only when capitalised ("Ana López", "LÓPEZ"), so "mark will" in prose is not "Mark Will".
  const needles: Needle[] = [{ folded: full, kind: 'NAME', priority: 0, capitalisedOnly: true }];
  const tokens = full.split(' ').filter(Boolean);
  // "Last, First" and "Last First" for every split point.
  for (let k = 1; k < tokens.length; k += 1) {
    const first = tokens.slice(0, k).join(' ');
    const last = tokens.slice(k).join(' ');
    needles.push(
      { folded: `${last}, ${first}`, kind: 'NAME', priority: 0, capitalisedOnly: true },
      { folded: `${last} ${first}`, kind: 'NAME', priority: 0, capitalisedOnly: true },
    );
  }
  // Single parts, e.g. "López" alone in a signature; CJK names are matched whole only.
  if (tokens.length > 1 && !isCjk(full)) {
    for (const token of tokens) {
      if (token.replace(/[^\p{L}]/gu, '').length >= 2 && !NAME_PARTICLES.has(token)) {
        needles.push({ folded: token, kind: 'NAME', priority: 1, capitalisedOnly: true });
      }
    }
  }
  return needles;
}

function locationNeedles(location: string): Needle[] {
  const full = foldValue(location);
  if (!full) return [];
  const needles: Needle[] = [{ folded: full, kind: 'LOCATION', priority: 0 }];
  const city = foldValue(location.split(',')[0] ?? '');
  if (city && city !== full && city.length >= 3) needles.push({ folded: city, kind: 'LOCATION', priority: 1, capitalisedOnly: true });
  return needles;
}

/** A regex for one profile link in every spelling: with or without scheme, `www.` and trailing slash. */
function linkPattern(link: string): RegExp | undefined {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(link) ? link : `https://${link}`);
  } catch {
    return undefined;
  }
  const host = url.hostname.replace(/^www\./i, '');
  const path = `${url.pathname}${url.search}`.replace(/\/+$/, '');
  if (!host) return undefined;
  return new RegExp(`(?:https?:\\/\\/)?(?:www\\.)?${escapeRegExp(host)}${escapeRegExp(path)}\\/?(?![\\p{L}\\p{N}\\-._~%/])`, 'giu');
}

function regexSpans(text: string, pattern: RegExp, kind: PlaceholderKind, priority: number, spans: Span[], trim = false): void {
  for (const m of text.matchAll(pattern)) {
    let value = m[0];
    if (trim) value = value.replace(/[.,;:!?'")\]}>]+$/u, '');
    if (value) spans.push({ start: m.index, end: m.index + value.length, kind, priority });
  }
}

interface PhoneInfo {
  country?: CountryCode;
  /** Digits of the national significant number, e.g. "15112345678". */
  national: string;
  callingCode?: string;
}

function phoneInfo(phone: string): PhoneInfo | undefined {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) return undefined;
  const parsed = parsePhoneNumberFromString(phone.replace(/^00/, '+'));
  if (parsed) return { country: parsed.country, national: parsed.nationalNumber, callingCode: parsed.countryCallingCode };
  // A national number without country: match its digits, allowing a leading trunk 0.
  return { national: digits.replace(/^0/, '') };
}

/** The profile's phone in any formatting: `+49 151 1234 5678`, `0151/12345678`, `(0)151…`, digits only. */
function profilePhonePattern(info: PhoneInfo): RegExp {
  const sep = '[\\s.\\-/()]*';
  const national = [...info.national].join(sep);
  const prefix = info.callingCode ? `(?:(?:\\+|00)${sep}${[...info.callingCode].join(sep)}${sep}(?:\\(0\\)${sep})?|0${sep})?` : `(?:0${sep})?`;
  return new RegExp(`(?<![\\d+])${prefix}${national}(?!\\d)`, 'g');
}

const digitCount = (s: string): number => s.replace(/\D/g, '').length;

/**
 * Where a libphonenumber match really ends: after the last digit of the national number (and its
 * extension). Its spans sometimes run on into the next token ("+33 6 12 34 56 78, 06").
 */
function phoneEnd(text: string, start: number, end: number, national: string, ext: string | undefined): number {
  const positions: number[] = [];
  for (let i = start; i < end; i += 1) if (/\d/.test(text[i]!)) positions.push(i);
  const digits = positions.map((i) => text[i]).join('');
  const at = digits.indexOf(national);
  if (at === -1) return end;
  let last = at + national.length - 1;
  if (ext) {
    const extAt = digits.indexOf(ext, last + 1);
    if (extAt !== -1) last = extAt + ext.length - 1;
  }
  return positions[last]! + 1;
}

function phoneSpans(text: string, own: PhoneInfo | undefined, spans: Span[]): void {
  if (own) regexSpans(text, profilePhonePattern(own), 'PHONE', 0, spans);
  // International numbers (with +) anywhere; national ones only in the profile's own country, and only
  // when they cannot be a date or a year range ("2019 - 2023", "01/2020 – 03/2022").
  const found = [
    ...findPhoneNumbersInText(text).map((r) => ({ ...r, national: false })),
    ...(own?.country ? findPhoneNumbersInText(text, { defaultCountry: own.country }).map((r) => ({ ...r, national: true })) : []),
  ];
  for (const r of found) {
    const end = phoneEnd(text, r.startsAt, r.endsAt, r.number.nationalNumber, r.number.ext);
    const span = text.slice(r.startsAt, end);
    if (r.national) {
      if (/[,;–—]/.test(span) || digitCount(span) < 9) continue;
      if (/\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/.test(span)) continue;
    }
    spans.push({ start: r.startsAt, end, kind: 'PHONE', priority: 2 });
  }
}

/** Longest span wins; equal lengths go to the higher priority (profile values before generic patterns). */
function resolve(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.priority - b.priority || a.start - b.start);
  const taken: Span[] = [];
  for (const span of sorted) {
    if (span.end <= span.start) continue;
    if (taken.some((t) => span.start < t.end && t.start < span.end)) continue;
    taken.push(span);
  }
  return taken.sort((a, b) => a.start - b.start);
}

export function createRedactor(profile: Partial<Profile>, options: RedactOptions = {}): Redactor {
  const redactLocation = options.redactLocation ?? true;
  const needles: Needle[] = [
    ...(profile.name ? nameNeedles(profile.name) : []),
    ...(profile.email ? [{ folded: foldValue(profile.email), kind: 'EMAIL' as const, priority: 0 }] : []),
    ...(redactLocation && profile.location ? locationNeedles(profile.location) : []),
  ];
  const links = (profile.links ?? []).map(linkPattern).filter((p): p is RegExp => p !== undefined);
  const ownPhone = profile.phone ? phoneInfo(profile.phone) : undefined;

  /** placeholder → original surface text, and back. */
  const byPlaceholder = new Map<string, string>();
  const byValue = new Map<string, string>();
  const counters = new Map<PlaceholderKind, number>();

  function placeholderFor(kind: PlaceholderKind, value: string): string {
    const key = `${kind}\u0000${value}`;
    const known = byValue.get(key);
    if (known) return known;
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    const placeholder = `[[${kind}_${n}]]`;
    byValue.set(key, placeholder);
    byPlaceholder.set(placeholder, value);
    return placeholder;
  }

  function redact(text: string): string {
    const spans: Span[] = [];
    regexSpans(text, PLACEHOLDER_LIKE, 'RAW', -1, spans);
    const folded = fold(text);
    for (const needle of needles) findNeedle(text, folded, needle, spans);
    for (const link of links) regexSpans(text, link, 'URL', 0, spans);
    regexSpans(text, EMAIL, 'EMAIL', 2, spans);
    regexSpans(text, URL_LIKE, 'URL', 2, spans, true);
    phoneSpans(text, ownPhone, spans);
    let out = '';
    let cursor = 0;
    for (const span of resolve(spans)) {
      out += text.slice(cursor, span.start) + placeholderFor(span.kind, text.slice(span.start, span.end));
      cursor = span.end;
    }
    return out + text.slice(cursor);
  }

  /** Puts back exact placeholders, and repairs and reports altered ones. */
  function restoreChunk(text: string, mangled: MangledPlaceholder[], seen: Set<string>): string {
    return text.replace(PLACEHOLDER_OR_MANGLED, (match: string, kindA?: string, nA?: string, kindB?: string, nB?: string) => {
      const kind = (kindA ?? kindB ?? '').toUpperCase();
      const n = nA ?? nB;
      const exact = byPlaceholder.get(match);
      if (exact !== undefined) {
        seen.add(match);
        return exact;
      }
      // "[Name" in "[Named entity]" is not ours: an altered placeholder keeps a number or a closing bracket.
      if (n === undefined && !match.includes(']')) return match;
      let placeholder: string | undefined;
      if (n !== undefined) {
        placeholder = `[[${kind}_${Number(n)}]]`;
      } else {
        const ofKind = [...byPlaceholder.keys()].filter((p) => p.startsWith(`[[${kind}_`));
        if (ofKind.length === 1) placeholder = ofKind[0];
      }
      const value = placeholder ? byPlaceholder.get(placeholder) : undefined;
      // Bracketed words of a kind we never used ("[Name]" in the user's own template) are left alone.
      if (value === undefined && !(counters.get(kind as PlaceholderKind) ?? 0)) return match;
      mangled.push({ found: match, ...(value !== undefined ? { placeholder } : {}), restored: value !== undefined });
      if (value !== undefined && placeholder) seen.add(placeholder);
      return value ?? match;
    });
  }

  function restore(text: string): RestoreResult {
    const mangled: MangledPlaceholder[] = [];
    const seen = new Set<string>();
    const restored = restoreChunk(text, mangled, seen);
    return { text: restored, mangled, missing: [...byPlaceholder.keys()].filter((p) => !seen.has(p)) };
  }

  function createStreamRestorer(): StreamRestorer {
    let held = '';
    const sink: MangledPlaceholder[] = [];
    const seen = new Set<string>();
    return {
      push(delta: string): string {
        held += delta;
        const cut = holdBackFrom(held);
        const ready = held.slice(0, cut);
        held = held.slice(cut);
        return ready ? restoreChunk(ready, sink, seen) : '';
      },
      flush(): string {
        const rest = held;
        held = '';
        return rest ? restoreChunk(rest, sink, seen) : '';
      },
    };
  }

  return {
    redact,
    restore,
    createStreamRestorer,
    get count() {
      return byPlaceholder.size;
    },
  };
}

/**
 * Where the text could still be the start of a placeholder split across stream chunks: the last `[`
 * followed only by characters a placeholder may contain (`[[EMAIL_1]` waits for its last bracket).
 */
function holdBackFrom(text: string): number {
  const tail = /\[{1,2}[\sA-Za-z_\-0-9]{0,16}\]?$/.exec(text);
  return tail ? tail.index : text.length;
}
