/**
 * schema.org JobPosting from JSON-LD (`@graph`, arrays, `@type` arrays, nested under other nodes) and
 * from microdata (`itemtype=…/JobPosting`). Untrusted input: malformed blocks are skipped, sizes and
 * depths are bounded, HTML in values only ever becomes text.
 */
import { cleanLine, decodeEntities, htmlToText, nodeToText } from './dom';
import { employmentTypes, parseAmount, salaryPeriodFrom, toIsoDate } from './normalize';
import type { PostingDraft, Salary } from './types';

type Json = Record<string, unknown>;

const MAX_BLOCKS = 100;
const MAX_BLOCK_CHARS = 2_000_000;
const MAX_DEPTH = 8;
const MAX_NODES = 5_000;

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(node: Json, type: string): boolean {
  return asArray(node['@type']).some((t) => typeof t === 'string' && t.replace(/^.*[/#:]/, '').toLowerCase() === type.toLowerCase());
}

/** Every JobPosting object reachable from a parsed block, depth- and count-bounded. */
function collectPostings(root: unknown, found: Json[]): void {
  const queue: [unknown, number][] = [[root, 0]];
  let visited = 0;
  while (queue.length > 0 && visited < MAX_NODES) {
    const [value, depth] = queue.shift()!;
    visited++;
    if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) queue.push([item, depth + 1]);
      continue;
    }
    const node = value as Json;
    if (hasType(node, 'JobPosting')) {
      found.push(node);
      continue;
    }
    for (const [key, child] of Object.entries(node)) {
      if (key !== '@context' && typeof child === 'object') queue.push([child, depth + 1]);
    }
  }
}

/** Strings from a value that may be a string, a number, an object with `name`, or an array of those. */
function strings(value: unknown, doc: Document, key = 'name'): string[] {
  return asArray(value)
    .map((item) => (isObject(item) ? item[key] : item))
    .map((item) => (typeof item === 'string' ? item : typeof item === 'number' ? String(item) : ''))
    .map((item) => cleanLine(decodeEntities(item, doc)))
    .filter(Boolean);
}

function first(value: unknown, doc: Document, key = 'name'): string | undefined {
  return strings(value, doc, key)[0];
}

/** "Locality, Region" when the region is known (as sites display it: "New York, NY"), else "Locality, Country". */
function formatAddress(address: unknown, doc: Document): string | undefined {
  if (typeof address === 'string') return cleanLine(decodeEntities(address, doc)) || undefined;
  if (!isObject(address)) return undefined;
  const part = (key: string) => first(address[key], doc);
  const locality = part('addressLocality');
  const region = part('addressRegion');
  const country = part('addressCountry');
  const parts = locality && region ? [locality, region] : [locality, region, country];
  const text = parts.filter((p, i, all) => p && all.indexOf(p) === i).join(', ');
  return text || part('streetAddress') || part('name');
}

function locationsOf(posting: Json, doc: Document): string[] {
  const places = asArray(posting.jobLocation).map((place) => {
    if (typeof place === 'string') return cleanLine(decodeEntities(place, doc));
    if (!isObject(place)) return undefined;
    return formatAddress(place.address, doc) ?? first(place.name, doc);
  });
  return [...new Set(places.filter((p): p is string => Boolean(p)))];
}

function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') return parseAmount(value);
  return undefined;
}

/** baseSalary (MonetaryAmount with a QuantitativeValue, or a bare number) or estimatedSalary. */
function salaryOf(posting: Json): Salary | undefined {
  for (const amount of [...asArray(posting.baseSalary), ...asArray(posting.estimatedSalary)]) {
    const money = isObject(amount) ? amount : { value: amount };
    const value = money.value;
    const quantity = isObject(value) ? value : { value };
    const min = numberOf(quantity.minValue) ?? numberOf(quantity.value);
    const max = numberOf(quantity.maxValue) ?? (quantity.minValue !== undefined ? numberOf(quantity.value) : undefined);
    if (min === undefined && max === undefined) continue;
    const salary: Salary = {};
    if (min !== undefined) salary.min = min;
    if (max !== undefined && (min === undefined || max >= min)) salary.max = max;
    const currency = typeof money.currency === 'string' ? money.currency.trim().toUpperCase() : undefined;
    if (currency && /^[A-Z]{3}$/.test(currency)) salary.currency = currency;
    const period = salaryPeriodFrom(quantity.unitText ?? money.unitText);
    if (period) salary.period = period;
    return salary;
  }
  return undefined;
}

function identifierOf(posting: Json): string | undefined {
  const id = asArray(posting.identifier)[0];
  if (typeof id === 'string' || typeof id === 'number') return cleanLine(String(id)) || undefined;
  if (isObject(id) && (typeof id.value === 'string' || typeof id.value === 'number')) return cleanLine(String(id.value)) || undefined;
  return undefined;
}

function richText(value: unknown, doc: Document): string | undefined {
  const parts = asArray(value).filter((v): v is string => typeof v === 'string');
  const text = parts.map((part) => htmlToText(part, doc)).join('\n').trim();
  return text || undefined;
}

function listOf(value: unknown, doc: Document): string[] | undefined {
  const text = richText(value, doc);
  if (!text) return undefined;
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  // "Your tasks:" above a list is a heading, not an item: when there are bullets, the bullets are the list.
  const bullets = lines.filter((line) => line.startsWith('•'));
  const items = (bullets.length > 0 ? bullets : lines).map((line) => line.replace(/^•\s*/, ''));
  return items.length > 0 ? items : undefined;
}

/** One schema.org JobPosting object to a draft. */
export function draftFromJobPosting(posting: Json, doc: Document): PostingDraft {
  const draft: PostingDraft = {};
  const title = first(posting.title, doc) ?? first(posting.name, doc);
  if (title) draft.title = title;
  const company = first(posting.hiringOrganization, doc);
  if (company) draft.company = company;

  const locations = locationsOf(posting, doc);
  const remote = asArray(posting.jobLocationType).some((t) => typeof t === 'string' && /telecommute|remote/i.test(t));
  const applicantLocations = strings(posting.applicantLocationRequirements, doc);
  if (locations.length > 0) draft.locations = locations;
  else if (applicantLocations.length > 0) draft.locations = applicantLocations;
  if (draft.locations) draft.location = draft.locations[0];
  if (remote) draft.workplace = 'remote';

  const types = employmentTypes(strings(posting.employmentType, doc));
  if (types) draft.employmentType = types;
  const salary = salaryOf(posting);
  if (salary) draft.salary = salary;
  const datePosted = toIsoDate(posting.datePosted);
  if (datePosted) draft.datePosted = datePosted;
  const validThrough = toIsoDate(posting.validThrough);
  if (validThrough) draft.validThrough = validThrough;
  const description = richText(posting.description, doc);
  if (description) draft.description = description;

  const responsibilities = listOf(posting.responsibilities, doc);
  const requirements = listOf(posting.qualifications, doc) ?? listOf(posting.experienceRequirements, doc);
  if (responsibilities || requirements) {
    draft.sections = {
      ...(responsibilities ? { responsibilities } : {}),
      ...(requirements ? { requirements } : {}),
    };
  }
  const siteJobId = identifierOf(posting);
  if (siteJobId) draft.siteJobId = siteJobId;
  return draft;
}

const RICH_PROPS = new Set(['description', 'responsibilities', 'qualifications', 'experienceRequirements', 'skills']);

/** A microdata item to the JSON-LD shape (nested items become objects; rich text keeps its line breaks). */
function microdataItem(scope: Element, depth = 0): Json {
  const item: Json = { '@type': (scope.getAttribute('itemtype') ?? '').split(/\s+/) };
  if (depth > MAX_DEPTH) return item;
  const props = Array.from(scope.querySelectorAll('[itemprop]')).filter(
    (el) => el.parentElement?.closest('[itemscope]') === scope,
  );
  for (const el of props) {
    let value: unknown;
    if (el.hasAttribute('itemscope')) value = microdataItem(el, depth + 1);
    else if (el.hasAttribute('content')) value = el.getAttribute('content');
    else if (el.localName === 'time') value = el.getAttribute('datetime') ?? el.textContent;
    else if (el.localName === 'a' || el.localName === 'link') value = el.getAttribute('href');
    else if (el.localName === 'data' || el.localName === 'meter') value = el.getAttribute('value');
    else value = null;
    for (const name of (el.getAttribute('itemprop') ?? '').split(/\s+/).filter(Boolean)) {
      const text = value ?? (RICH_PROPS.has(name) ? nodeToText(el) : cleanLine(el.textContent));
      item[name] = name in item ? [...asArray(item[name]), text] : text;
    }
  }
  return item;
}

export interface JsonLdResult {
  /** The page's posting, when it describes exactly one. */
  posting?: PostingDraft;
  /** How many distinct postings the page describes (more than one: a list page). */
  count: number;
}

function parseBlock(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Some sites put raw control characters (newlines, tabs) inside strings; JSON.parse refuses them.
    try {
      // eslint-disable-next-line no-control-regex
      return JSON.parse(text.replace(/[\u0000-\u001F]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

export function readJsonLd(doc: Document): JsonLdResult {
  const found: Json[] = [];
  const scripts = Array.from(doc.querySelectorAll('script[type="application/ld+json" i]')).slice(0, MAX_BLOCKS);
  for (const script of scripts) {
    const text = script.textContent ?? '';
    if (!text.trim() || text.length > MAX_BLOCK_CHARS) continue;
    collectPostings(parseBlock(text.trim()), found);
  }
  for (const scope of Array.from(doc.querySelectorAll('[itemscope][itemtype*="schema.org/JobPosting" i]')).slice(0, MAX_BLOCKS)) {
    found.push(microdataItem(scope));
  }
  const drafts = found.map((node) => draftFromJobPosting(node, doc)).filter((d) => d.title);
  // The same posting often appears twice (JSON-LD and microdata, or two blocks): count distinct ones.
  const keys = new Set(drafts.map((d) => `${d.title?.toLowerCase()}|${d.company?.toLowerCase() ?? ''}`));
  const [best] = drafts.sort((a, b) => Object.keys(b).length - Object.keys(a).length);
  return keys.size === 1 && best ? { posting: best, count: 1 } : { count: keys.size };
}
