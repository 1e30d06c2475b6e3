/**
 * Reads the basic facts of a posting from a document: schema.org JobPosting JSON-LD first,
 * then the page's meta tags and headings. Pure (Document in, result out) so the injected script,
 * scripts and tests share it. Site adapters and Readability extend this pipeline.
 */
export interface CapturedPage {
  url: string;
  title: string;
  company?: string;
  location?: string;
  description?: string;
  source: 'json-ld' | 'page';
}

type JsonObject = Record<string, unknown>;

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function hasType(node: JsonObject, type: string): boolean {
  return asArray(node['@type']).some((t) => typeof t === 'string' && t.toLowerCase() === type.toLowerCase());
}

function findJobPosting(value: unknown, depth = 0): JsonObject | undefined {
  if (depth > 6 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findJobPosting(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const node = value as JsonObject;
  if (hasType(node, 'JobPosting')) return node;
  return findJobPosting(node['@graph'], depth + 1);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

const BLOCK_ELEMENTS = 'p,div,li,ul,ol,dl,dt,dd,h1,h2,h3,h4,h5,h6,tr,table,section,article,header,footer,blockquote,pre';

/** Turns an HTML fragment (JSON-LD descriptions are HTML) into plain text without running it. */
export function htmlToText(html: string): string {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  // textContent alone keeps script/style source and glues blocks together ("<p>a</p><p>b</p>" → "ab").
  for (const hidden of Array.from(parsed.body.querySelectorAll('script,style,noscript,template'))) hidden.remove();
  for (const br of Array.from(parsed.body.querySelectorAll('br'))) br.replaceWith('\n');
  for (const block of Array.from(parsed.body.querySelectorAll(BLOCK_ELEMENTS))) block.append('\n');
  return (parsed.body.textContent ?? '')
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n\s*/g, '\n')
    .trim();
}

function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return new DOMParser().parseFromString(`<!doctype html><body>${value}`, 'text/html').body.textContent ?? value;
}

function fromJsonLd(doc: Document): Omit<CapturedPage, 'url'> | undefined {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const posting = findJobPosting(data);
    const title = posting && text(posting.title);
    if (!posting || !title) continue;
    const org = asArray(posting.hiringOrganization)[0];
    const company = typeof org === 'string' ? org : text((org as JsonObject | undefined)?.name);
    const place = asArray(posting.jobLocation)[0] as JsonObject | undefined;
    const address = place?.address as JsonObject | string | undefined;
    const location =
      typeof address === 'string'
        ? address
        : [text(address?.addressLocality), text(address?.addressRegion), text(address?.addressCountry)]
            .filter(Boolean)
            .join(', ') || undefined;
    const description = text(posting.description);
    return {
      title: decodeEntities(title),
      ...(company ? { company: decodeEntities(company) } : {}),
      ...(location ? { location: decodeEntities(location) } : {}),
      ...(description ? { description: htmlToText(description) } : {}),
      source: 'json-ld',
    };
  }
  return undefined;
}

function meta(doc: Document, selector: string): string | undefined {
  return doc.querySelector<HTMLMetaElement>(selector)?.content?.trim() || undefined;
}

function fromPage(doc: Document): Omit<CapturedPage, 'url'> {
  const heading = doc.querySelector('h1')?.textContent?.trim();
  const title = heading || meta(doc, 'meta[property="og:title"]') || doc.title.trim();
  const company = meta(doc, 'meta[property="og:site_name"]');
  return { title, ...(company ? { company } : {}), source: 'page' };
}

export function canonicalUrl(doc: Document): string {
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  return canonical || doc.location?.href || doc.URL;
}

export function capturePage(doc: Document = document): CapturedPage {
  const found = fromJsonLd(doc) ?? fromPage(doc);
  return { url: canonicalUrl(doc), ...found };
}
