import { fold } from './text';

/** Options that mean "nothing chosen yet". */
const PLACEHOLDER = /^(|-+|select|select\b.*|choose\b.*|please select.*|seleccion[ae].*|elige.*|escoge.*|choisi(r|ssez).*|selectionne[rz].*|no selection|none selected|\.\.\.)$/;

export function isPlaceholderOption(text: string): boolean {
  return PLACEHOLDER.test(fold(text));
}

const YES = new Set(['yes', 'y', 'si', 'oui', 'true']);
const NO = new Set(['no', 'n', 'non', 'false']);

function polarity(text: string): 'yes' | 'no' | undefined {
  const first = text.split(' ')[0] ?? '';
  if (YES.has(text) || YES.has(first)) return 'yes';
  if (NO.has(text) || NO.has(first)) return 'no';
  return undefined;
}

/**
 * The option whose visible text is the answer: equal text first, then yes/no in any of the three
 * languages, then one option that contains the answer (or the answer it). Undefined when nothing or
 * more than one option fits, so an ambiguous answer is never picked.
 */
export function matchOption(options: readonly string[], answer: string): number | undefined {
  const wanted = fold(answer);
  if (!wanted) return undefined;
  const folded = options.map(fold);
  const candidates = folded.map((text, index) => ({ text, index })).filter(({ text }) => text && !isPlaceholderOption(text));
  const exact = candidates.filter(({ text }) => text === wanted);
  if (exact.length === 1) return exact[0]!.index;
  const sign = polarity(wanted);
  if (sign) {
    const same = candidates.filter(({ text }) => polarity(text) === sign);
    if (same.length === 1) return same[0]!.index;
  }
  const containing = candidates.filter(({ text }) => text.includes(wanted) || (text.length >= 3 && wanted.includes(text)));
  return containing.length === 1 ? containing[0]!.index : undefined;
}
