/**
 * Text hygiene for everything that goes into a prompt: invisible characters out, our own delimiters
 * neutralised inside data, and the token estimate used for budgets and the bench.
 */

/**
 * Zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM, invisible operators, Mongolian vowel
 * separator, soft hyphen), bidi controls (LRM, RLM, ALM, embeddings, overrides, isolates) and the
 * Unicode tags block (U+E0000–U+E007F, used to smuggle hidden instructions).
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]|\uDB40[\uDC00-\uDC7F]/g;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Every string in a JSON-like value, invisible characters removed (model answers, user facts). */
export function stripInvisibleDeep<T>(value: T): T {
  if (typeof value === 'string') return stripInvisible(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => stripInvisibleDeep(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripInvisibleDeep(v)])) as T;
  }
  return value;
}

/** The tags that delimit data blocks in our prompts. */
export const DATA_TAGS = ['job_posting', 'cv_lines', 'user_facts', 'confirmed_keywords', 'current_tailored_cv', 'gaps'] as const;
const TAG_PATTERN = new RegExp(`<\\s*/?\\s*(?:${DATA_TAGS.join('|')})\\b[^>]*>`, 'gi');

/** Data for a prompt block: invisible characters removed, and any of our delimiter tags defused. */
export function asData(text: string): string {
  return stripInvisible(text).replace(TAG_PATTERN, (tag) => tag.replace(/</g, '‹').replace(/>/g, '›'));
}

/**
 * Token estimate: characters / 4, rounded up. It is the rule of thumb for English BPE tokenisers and
 * the mock server's own count, so budgets and the bench compare like with like.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
