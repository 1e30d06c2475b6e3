/** Lower case, accents and punctuation folded, whitespace collapsed: how labels and answers are compared. */
export function fold(value: string | null | undefined): string {
  return (value ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[*:?!.¿¡()[\]"'’“”]+/g, ' ')
    .replace(/[^\p{L}\p{N}@+/&]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The answer bank's key for a question: folded text without "(required)" and similar markers. */
export function normalizeQuestion(question: string): string {
  return fold(question.replace(/\((required|requis|obligatoire|obligatorio|optional|facultatif|opcional)\)/gi, ' '));
}

/** `first_name`, `firstName`, `urls[LinkedIn]`, `_systemfield_email` → "first name", "urls linkedin", "systemfield email". */
export function splitIdentifier(value: string | null | undefined): string {
  return fold(
    (value ?? '')
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replace(/[_\-[\].:]+/g, ' ')
      .replace(/\d+/g, ' '),
  );
}

/** Visible-ish text of an element, whitespace collapsed (textContent: works on hidden labels and in jsdom). */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
