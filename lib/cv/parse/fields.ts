import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Profile } from '../model';
import { findDateRanges, isDateOnly } from './dates';
import { isLocationLike, isUsState, phoneLabel, titleScore } from './lexicon';
import { fold, tidy, trimField } from './text';

/** Contact fields and the small classifiers the entry parser builds on. */

// The lookbehind keeps matching linear: a local part starts only where a word starts.
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/u;

export function findEmail(text: string): string | undefined {
  const m = EMAIL.exec(text.replace(/\s*@\s*/g, '@').replace(/^mailto:/i, ''));
  return m?.[0].replace(/[.]+$/, '');
}

/** Top-level domains we accept for bare URLs ("rendercv.com"), so "Node.js" or "S.Korea" are not links. */
const TLDS =
  'com|org|net|io|dev|me|ai|app|co|edu|gov|info|xyz|tech|site|page|blog|cv|online|pro|codes|design|ly|so|sh|gg|to|in|pe|de|fr|es|uk|us|ca|au|nz|kr|jp|cn|br|mx|ar|cl|it|nl|be|ch|at|se|no|dk|fi|pl|pt|ie|eu|ru|tr|il|sg|hk|tw|za|ng|ke';
const URL_RE = new RegExp(
  `(?<![@\\w.])(?:https?:\\/\\/)?(?:www\\.)?[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.(?:${TLDS})(?![a-z0-9-])(?:\\/[^\\s|,;()<>"']*)?`,
  'gi',
);

/** Links in a line (emails excluded), as written. */
export function findUrls(text: string): string[] {
  const withoutEmails = text.replace(new RegExp(EMAIL.source, 'gu'), ' ');
  const out: string[] = [];
  for (const m of withoutEmails.matchAll(URL_RE)) {
    const url = m[0].replace(/[.)\]]+$/, '');
    if (/^\d/.test(url) && !/[a-z]{2,}\./i.test(url)) continue;
    out.push(url);
  }
  return out;
}

/** A full https URL for a link written without a scheme. */
export function absoluteUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : `https://${url}`;
}

const networks: [RegExp, string][] = [
  [/linkedin\.com\/(?:in|pub|company)\/([^/?#\s]+)/i, 'LinkedIn'],
  [/github\.com\/([^/?#\s]+)/i, 'GitHub'],
  [/gitlab\.com\/([^/?#\s]+)/i, 'GitLab'],
  [/(?:twitter|x)\.com\/([^/?#\s]+)/i, 'Twitter'],
  [/stackoverflow\.com\/users\/(?:\d+\/)?([^/?#\s]+)/i, 'Stack Overflow'],
  [/medium\.com\/@?([^/?#\s]+)/i, 'Medium'],
  [/kaggle\.com\/([^/?#\s]+)/i, 'Kaggle'],
  [/behance\.net\/([^/?#\s]+)/i, 'Behance'],
  [/dribbble\.com\/([^/?#\s]+)/i, 'Dribbble'],
  [/scholar\.google\.[a-z.]+\/citations\?user=([^&\s]+)/i, 'Google Scholar'],
  [/orcid\.org\/([\d-X]+)/i, 'ORCID'],
];

/** A social profile for a known network, or undefined for a personal website. */
export function profileFor(url: string): Profile | undefined {
  for (const [re, network] of networks) {
    const m = re.exec(url);
    if (m) return { network, username: decodeURIComponent(m[1] ?? ''), url: absoluteUrl(url) };
  }
  return undefined;
}

const ccTldCountry: Record<string, CountryCode> = { uk: 'GB', eu: 'DE' };

const countryCodes: Record<string, CountryCode> = {
  india: 'IN', germany: 'DE', deutschland: 'DE', usa: 'US', 'united states': 'US', 'u.s.a': 'US', us: 'US',
  korea: 'KR', 's.korea': 'KR', 'south korea': 'KR', 'republic of korea': 'KR', peru: 'PE', spain: 'ES',
  espana: 'ES', france: 'FR', 'united kingdom': 'GB', uk: 'GB', england: 'GB', mexico: 'MX', canada: 'CA',
  australia: 'AU', brazil: 'BR', brasil: 'BR', argentina: 'AR', chile: 'CL', colombia: 'CO', italy: 'IT',
  italia: 'IT', netherlands: 'NL', switzerland: 'CH', schweiz: 'CH', austria: 'AT', osterreich: 'AT',
  belgium: 'BE', portugal: 'PT', ireland: 'IE', sweden: 'SE', norway: 'NO', denmark: 'DK', finland: 'FI',
  poland: 'PL', turkey: 'TR', turkiye: 'TR', japan: 'JP', china: 'CN', singapore: 'SG', israel: 'IL',
  pakistan: 'PK', bangladesh: 'BD', nigeria: 'NG', kenya: 'KE', 'south africa': 'ZA', egypt: 'EG',
  philippines: 'PH', indonesia: 'ID', vietnam: 'VN', thailand: 'TH', malaysia: 'MY', 'new zealand': 'NZ',
  russia: 'RU', ukraine: 'UA', romania: 'RO', greece: 'GR', 'czech republic': 'CZ', hungary: 'HU',
  francia: 'FR', alemania: 'DE', allemagne: 'DE', espagne: 'ES', frankreich: 'FR', spanien: 'ES',
};

/**
 * Countries to read national phone numbers in, most likely first: from the email's and links'
 * country domains and from country names in the contact lines; the US last.
 */
export function guessCountries(contactText: string, email?: string, urls: string[] = []): CountryCode[] {
  const out: CountryCode[] = [];
  const add = (c: string | undefined) => {
    const code = c?.toUpperCase();
    if (code && isSupportedCountry(code) && !out.includes(code as CountryCode)) out.push(code as CountryCode);
  };
  for (const host of [email?.split('@')[1], ...urls.map((u) => u.replace(/^https?:\/\//i, '').split('/')[0])]) {
    const tld = host?.split('.').pop()?.toLowerCase();
    if (tld && tld.length === 2) add(ccTldCountry[tld] ?? tld);
  }
  const folded = fold(contactText);
  for (const [name, code] of Object.entries(countryCodes)) {
    if (new RegExp(`(?:^|[^a-z.])${name.replace(/\./g, '\\.')}(?:$|[^a-z])`).test(folded)) add(code);
  }
  add('US');
  return out;
}

/** Runs of digits and phone punctuation long enough to be a phone number. */
const PHONE_CANDIDATE = /(?<![\w@/.:-])(?:\(\s*\+?\d{1,4}\s*\)|\+\s?\d{1,3})?[\s.-]*\(?\d[\d\s().\-–/]{5,}\d(?![\w@])/g;

export interface PhoneMatch {
  /** As written, trimmed. */
  text: string;
  /** E.164. */
  number: string;
  valid: boolean;
}

/**
 * Phone numbers in a line that libphonenumber-js accepts. `lenient` also keeps numbers that are only
 * *possible* (right length) when they are written like phone numbers — the contact block of a CV where
 * placeholders such as `(123) 456-7890` are common; elsewhere a number must be valid for its country.
 */
export function findPhones(text: string, countries: CountryCode[], lenient: boolean): PhoneMatch[] {
  const out: PhoneMatch[] = [];
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    const raw = m[0].trim().replace(/[.\-–/(\s]+$/, '');
    const digits = raw.replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) continue;
    if (isDateOnly(raw) || findDateRanges(raw).length >= 2 || /^\d{4}\s*[-–/.]\s*\d{2,4}$/.test(raw)) continue;
    const normalized = raw.replace(/^\(\s*(\+?\d{1,4})\s*\)/, '$1').replace(/–/g, '-');
    const label = phoneLabel.test(text.slice(Math.max(0, (m.index ?? 0) - 16), m.index));
    const shaped = /^\+|^\(|\d[\s.-]\d/.test(normalized) || label;
    let match: PhoneMatch | undefined;
    for (const country of normalized.startsWith('+') ? [countries[0] ?? 'US'] : countries) {
      const parsed = parsePhoneNumberFromString(normalized, country);
      if (!parsed) continue;
      if (parsed.isValid()) {
        match = { text: raw, number: parsed.number, valid: true };
        break;
      }
      if (lenient && shaped && !match && parsed.isPossible()) match = { text: raw, number: parsed.number, valid: false };
    }
    if (match) out.push(match);
  }
  return out;
}

/** A person's name: 1–5 words of letters (initials, hyphens and apostrophes allowed), no digits or symbols. */
export function isNameLike(value: string): boolean {
  const v = tidy(value);
  if (v.length < 3 || v.length > 60 || /[\d@/|:;,!?()[\]{}<>=_+*#%$€£]/.test(v)) return false;
  const tokens = v.split(' ');
  if (tokens.length > 5) return false;
  const wordTokens = tokens.filter((t) => /^[\p{L}][\p{L}'’.-]*$/u.test(t));
  if (wordTokens.length !== tokens.length) return false;
  // Mostly capitalised words ("Claud D. Park", "Athul SIVAN", "JOHN DOE", "María de la Cruz").
  const capitalised = tokens.filter((t) => /^\p{Lu}/u.test(t)).length;
  if (capitalised < Math.max(1, tokens.length - 2)) return false;
  if (tokens.length === 1 && v.length < 4) return false;
  return titleScore(v) === 0 || tokens.length >= 2;
}

/** Pieces of a contact line: split at separators (`|`, `•`, `·`, `—`, runs of spaces) and commas between fields. */
export function contactPieces(segments: string[]): string[] {
  return segments
    .flatMap((s) => s.split(/\s*[|•·◆⋄]\s*|\s+[–—]\s+|\s{2,}/))
    .map((s) => trimField(s))
    .filter(Boolean);
}

/** "San Francisco, CA" → city/region; anything else with a country stays an address. */
export function parseLocation(value: string): { city?: string; region?: string; address?: string } {
  const v = trimField(value);
  const m = /^([\p{L} .'-]+),\s*([A-Z]{2})$/u.exec(v);
  if (m && isUsState(m[2]!)) return { city: m[1]!.trim(), region: m[2] };
  return { address: v };
}

/** Whether a contact piece is a location (and not a phone, an email or a link). */
export function isContactLocation(value: string): boolean {
  if (findEmail(value) || findUrls(value).length > 0) return false;
  if (/\d{6,}/.test(value.replace(/\s/g, '')) && !/[a-z]{3}/i.test(value)) return false;
  if (isLocationLike(value)) return true;
  return /\b(?:street|st|avenue|ave|road|rd|lane|calle|avenida|rue|strasse|straße|weg|platz|lote|urb)\b/i.test(value);
}
