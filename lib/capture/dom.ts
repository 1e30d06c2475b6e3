/**
 * Reading text out of page DOM and HTML strings without running anything: HTML strings are parsed into
 * an inert document (DOMParser: no scripts, no image loads) and only text comes out.
 */

const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'button',
  'select',
  'input',
  'textarea',
  'head',
  'title',
]);

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol',
  'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'body', 'html',
]);

/** Invisible characters used to hide text or smuggle instructions; ZWJ/ZWNJ stay (scripts and emoji need them). */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDDEF]/g;

export function stripInvisible(value: string): string {
  return value.replace(INVISIBLE, '');
}

/** One line of text: invisible characters removed, all whitespace (NBSP included) collapsed. */
export function cleanLine(value: string | null | undefined): string {
  if (!value) return '';
  return stripInvisible(value).replace(/\s+/g, ' ').trim();
}

/** Multi-line text: lines trimmed and collapsed, at most one blank line in a row. */
export function cleanMultiline(value: string): string {
  return stripInvisible(value)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Marks a block boundary while walking; runs of boundaries become one line break. */
const BOUNDARY = '\u0001';

/**
 * The visible text of a node with the structure kept as line breaks: blocks on their own lines, list
 * items as "• item", `<br>` as a break. Iterative, so deeply nested pages cannot overflow the stack.
 */
export function nodeToText(root: Node): string {
  const out: string[] = [];
  const stack: (Node | string)[] = [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    if (item.nodeType === 3 /* text */) {
      // Control characters never show; dropping them also keeps the boundary marker unique.
      // eslint-disable-next-line no-control-regex
      out.push((item.nodeValue ?? '').replace(/[\u0000-\u0008\u000B-\u001F]/g, '').replace(/[\t\n\r ]+/g, ' '));
      continue;
    }
    if (item.nodeType !== 1 /* element */ && item.nodeType !== 9 /* document */ && item.nodeType !== 11) continue;
    const tag = item.nodeType === 1 ? (item as Element).localName : '';
    if (SKIPPED.has(tag) || (item.nodeType === 1 && (item as Element).hasAttribute('hidden'))) continue;
    if (tag === 'br') {
      out.push('\n');
      continue;
    }
    const block = BLOCKS.has(tag);
    if (block) out.push(BOUNDARY);
    if (tag === 'li') out.push('• ');
    if (block) stack.push(BOUNDARY);
    else if (tag === 'td' || tag === 'th') stack.push(' ');
    const children = item.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  // A boundary right after a <br> adds nothing (a trailing <br> in a paragraph shows no extra line).
  // eslint-disable-next-line no-control-regex
  return cleanMultiline(out.join('').replace(/\n?[^\S\n]*(?:\u0001[^\S\n]*)+/g, '\n'));
}

/** Text of the first element matching `selector` inside `root`, on one line; '' when absent. */
export function textOf(root: ParentNode | null | undefined, selector: string): string {
  const element = root?.querySelector(selector);
  return element ? cleanLine(element.textContent) : '';
}

export function metaContent(doc: Document, selector: string): string {
  return cleanLine(doc.querySelector<HTMLMetaElement>(selector)?.getAttribute('content'));
}

type ParserConstructor = new () => DOMParser;

/** An inert HTML document for a string: DOMParser documents run no scripts and load nothing. */
export function parseHtml(html: string, like?: Document): Document | undefined {
  const view = like?.defaultView as (Window & { DOMParser?: ParserConstructor }) | null | undefined;
  const Parser = view?.DOMParser ?? (globalThis as { DOMParser?: ParserConstructor }).DOMParser;
  if (!Parser) return undefined;
  return new Parser().parseFromString(html, 'text/html');
}

const ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;
const TAG = /<\/?[a-z][a-z\d-]*(?:\s[^<>]*)?\/?>/i;

const BASIC_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Decodes HTML entities (repeatedly: some sites escape twice, "&amp;amp;"). Never interprets tags. */
export function decodeEntities(value: string, like?: Document): string {
  let current = value;
  for (let round = 0; round < 3 && ENTITY.test(current); round++) {
    const parsed = parseHtml(`<textarea>${current.replace(/<\/textarea/gi, '&lt;/textarea')}</textarea>`, like);
    const next = parsed
      ? (parsed.querySelector('textarea')?.value ?? current)
      : current.replace(/&(#39|[a-z]+);/gi, (m, name: string) => BASIC_ENTITIES[name.toLowerCase()] ?? m);
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * HTML (or escaped HTML, "&lt;p&gt;…", as some JSON-LD carries it) to plain text with line breaks.
 * Plain text passes through with its line breaks kept. Markup that is still in the text after one parse
 * was meant as text and stays text.
 */
export function htmlToText(value: string, like?: Document): string {
  let html = value;
  if (!TAG.test(html) && ENTITY.test(html)) {
    const decoded = decodeEntities(html, like);
    if (!TAG.test(decoded)) return cleanMultiline(decoded);
    html = decoded;
  }
  if (!TAG.test(html)) return cleanMultiline(html);
  const parsed = parseHtml(html, like);
  if (!parsed) return cleanMultiline(html.replace(new RegExp(TAG.source, 'gi'), '\n'));
  return nodeToText(parsed.body);
}

/** Text of the first selector (in priority order) that finds an element with text; '' when none does. */
export function pick(root: ParentNode | null | undefined, ...selectors: string[]): string {
  for (const selector of selectors) {
    const text = textOf(root, selector);
    if (text) return text;
  }
  return '';
}

/** Structured text (line breaks, "• " items) of the first selector that finds an element; '' when none does. */
export function pickRich(root: ParentNode | null | undefined, ...selectors: string[]): string {
  for (const selector of selectors) {
    const element = root?.querySelector(selector);
    const text = element ? nodeToText(element) : '';
    if (text) return text;
  }
  return '';
}
