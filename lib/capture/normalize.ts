/**
 * Normalisation shared by every extractor: titles, dates, URLs, salaries, employment types, workplaces
 * and the posting's language. Pure string functions.
 */
import { cleanLine } from './dom';
import { EMPLOYMENT_TYPES, type EmploymentType, type Salary, type SalaryPeriod, type Workplace } from './types';

// Gender markers that job titles carry in DE/FR/ES/IT/NL ("(m/w/d)", "H/F", "(f/h/x)", "(all genders)").
const GENDER_MARKER =
  /[([]\s*(?:[mwfdhx*]\s*[/|,]\s*){1,3}[mwfdhx*]\s*[)\]]|\b(?:[mwfhd]\s*\/\s*){1,3}[mwfhdx]\b|[([]\s*(?:all genders?|tous genres|gn\*?|genderneutral|w\s*\/\s*m\s*\/\s*d)\s*[)\]]/gi;

/** Lower case, gender markers and decoration removed: "Architecte Azure H/F - CDI" → "architecte azure - cdi". */
export function normalizeTitle(title: string): string {
  return cleanLine(title.normalize('NFKC').replace(GENDER_MARKER, ' '))
    .toLowerCase()
    .replace(/\s*([-–—|,/])\s*(?=[-–—|,/]|$)/g, ' ')
    .replace(/^[\s\-–—|,/:]+|[\s\-–—|,/:]+$/g, '')
    .replace(/\s+/g, ' ');
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * ISO 8601 or undefined. ISO input is kept as written (a date stays a date); other parseable dates
 * become a date-time in UTC, or a plain date when they carry no time.
 */
export function toIsoDate(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const date = new Date(value > 1e11 ? value : value * 1000);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  }
  if (typeof value !== 'string') return undefined;
  const text = cleanLine(value);
  if (!text) return undefined;
  if (ISO_DATE.test(text)) return Number.isNaN(Date.parse(text)) ? undefined : text;
  if (ISO_DATE_TIME.test(text)) return Number.isNaN(Date.parse(text)) ? undefined : text;
  const spaced = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)(.*)$/.exec(text);
  if (spaced) {
    const candidate = `${spaced[1]}T${spaced[2]}${spaced[3]?.trim().replace(/^UTC$/i, 'Z') ?? ''}`;
    if (!Number.isNaN(Date.parse(candidate))) return candidate;
  }
  // Only unambiguous written dates ("June 5, 2024", "5 June 2024"); never guess 01/02/2024.
  if (!/[a-z]{3}/i.test(text) || !/\b\d{4}\b/.test(text)) return undefined;
  const parsed = new Date(text);
  if (Number.isNaN(parsed.getTime())) return undefined;
  const hasTime = /\d{1,2}:\d{2}/.test(text);
  return hasTime
    ? parsed.toISOString()
    : `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
}

const TRACKING_PARAMS = new Set([
  'trk', 'trkinfo', 'refid', 'trackingid', 'gclid', 'gclsrc', 'dclid', 'fbclid', 'msclkid', 'yclid', 'twclid',
  'ttclid', 'li_fat_id', 'mc_cid', 'mc_eid', '_hsenc', '_hsmi', 'gh_src', 'lever-source', 'lever-origin',
  'ebp', 'alternatechannel', 'lipi', 'midtoken', 'midsig', 'trackingcode', 'src_trk', 'icid', 'igshid',
]);

/** Absolute http(s) URL without tracking parameters or fragment; undefined for anything else. */
export function cleanUrl(value: string | null | undefined, base?: string): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // forEach, not `searchParams.keys()`: in a Firefox content script that iterator is not iterable (Xray).
  const keys: string[] = [];
  url.searchParams.forEach((_, key) => keys.push(key));
  for (const key of keys) {
    const lower = key.toLowerCase();
    if (lower.startsWith('utm_') || TRACKING_PARAMS.has(lower)) url.searchParams.delete(key);
  }
  url.hash = '';
  return url.href;
}

/** The document's own URL for the posting: canonical link, then og:url, then where it was loaded from. */
export function canonicalUrl(doc: Document): string {
  const base = doc.URL || undefined;
  const canonical = doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href');
  const og = doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  return cleanUrl(canonical, base) ?? cleanUrl(og, base) ?? cleanUrl(doc.URL) ?? doc.URL;
}

/** Hosts the document says it belongs to (canonical, og:url, its own URL), for adapters to recognise a site. */
export function documentHosts(doc: Document): string[] {
  const candidates = [
    doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
    doc.URL,
  ];
  const hosts: string[] = [];
  for (const candidate of candidates) {
    try {
      if (candidate) hosts.push(new URL(candidate, doc.URL || undefined).hostname.toLowerCase());
    } catch {
      // not a URL: ignore
    }
  }
  return hosts;
}

export function onHost(doc: Document, pattern: RegExp): boolean {
  return documentHosts(doc).some((host) => pattern.test(host));
}

/** Whole words in any script (`\b` only knows ASCII letters: "télétravail", "à distance"). */
function words(...alternatives: string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\d])(?:${alternatives.join('|')})(?![\\p{L}\\d])`, 'iu');
}

const EMPLOYMENT_WORDS: [RegExp, EmploymentType][] = [
  [words('full[\\s_-]?time', 'fulltime', 'permanent', 'temps plein', 'tempo pieno', 'tiempo completo', 'jornada completa', 'vollzeit', 'voltijd', 'cdi', 'indefinido', 'tempo indeterminato', 'feste anstellung', 'festanstellung'), 'FULL_TIME'],
  [words('part[\\s_-]?time', 'temps partiel', 'tempo parziale', 'media jornada', 'jornada parcial', 'tiempo parcial', 'teilzeit', 'deeltijd'), 'PART_TIME'],
  [words('contract(?:or)?', 'freelance', 'freelancer', 'contractor', 'indépendant', 'autónomo', 'freiberuflich'), 'CONTRACTOR'],
  [words('temporary', 'temporaire', 'temporaneo', 'temporal', 'temp', 'cdd', 'befristete?[rn]?', 'interim', 'duración determinada', 'intérim', 'tempo determinato', 'fixed[\\s-]term'), 'TEMPORARY'],
  [words('intern', 'internship', 'stage', 'stagiaire', 'tirocinio', 'stagista', 'prácticas', 'practicas', 'becario', 'praktikum', 'werkstudent', 'apprentice', 'apprenticeship', 'alternance'), 'INTERN'],
  [words('volunteer', 'bénévolat', 'volontariato', 'voluntariado', 'ehrenamt'), 'VOLUNTEER'],
  [words('per[\\s_-]?diem'), 'PER_DIEM'],
];

/** Maps schema.org values ("FULL_TIME") and displayed words ("Full-time", "CDI", "Stage") to schema.org values. */
export function employmentTypeFrom(value: string): EmploymentType | undefined {
  const text = cleanLine(value);
  if (!text) return undefined;
  const upper = text.toUpperCase().replace(/[\s-]+/g, '_');
  if ((EMPLOYMENT_TYPES as readonly string[]).includes(upper)) return upper as EmploymentType;
  for (const [pattern, type] of EMPLOYMENT_WORDS) if (pattern.test(text)) return type;
  return undefined;
}

export function employmentTypes(values: readonly string[]): EmploymentType[] | undefined {
  const types = [...new Set(values.flatMap((v) => v.split(/[,;/]| and /)).map(employmentTypeFrom).filter((t) => t !== undefined))];
  return types.length > 0 ? types : undefined;
}

/**
 * Employment types from a contract ("Feste Anstellung", "Contrato indefinido") and working hours
 * ("Teilzeit", "Jornada parcial"): a permanent contract reads as full-time only when no hours are given.
 */
export function contractAndHours(contract: readonly string[], hours: readonly string[]): EmploymentType[] | undefined {
  const byHours = employmentTypes(hours) ?? [];
  const byContract = (employmentTypes(contract) ?? []).filter((type) => !(type === 'FULL_TIME' && byHours.length > 0));
  const types = [...new Set([...byHours, ...byContract])];
  return types.length > 0 ? types : undefined;
}

const AGO_UNITS: [RegExp, number][] = [
  [/^(?:m|min|mins|minutes?|minuten?|minutos?)$/, 60_000],
  [/^(?:h|hr|hrs|hours?|stunden?|heures?|horas?)$/, 3_600_000],
  [/^(?:d|days?|tag|tagen?|jours?|días?|dias?)$/, 86_400_000],
  [/^(?:w|wk|weeks?|wochen?|semaines?|semanas?)$/, 7 * 86_400_000],
  [/^(?:mo|months?|monat|monaten?|mois|mes|meses)$/, 30 * 86_400_000],
];

/**
 * The day a relative label points at ("Posted 3d ago", "vor 2 Tagen", "il y a 5 jours", "hace 1 semana",
 * "Today", "Heute"), as an ISO date counted back from `now` (UTC); undefined for anything else.
 */
export function dateFromAgo(value: string, now: Date = new Date()): string | undefined {
  const text = cleanLine(value).toLowerCase();
  if (!text || text.length > 60) return undefined;
  const day = (offset: number) => new Date(now.getTime() - offset).toISOString().slice(0, 10);
  if (/(?<!\p{L})(?:today|just now|heute|aujourd['’]hui|hoy)(?!\p{L})/u.test(text)) return day(0);
  if (/(?<!\p{L})(?:yesterday|gestern|hier|ayer)(?!\p{L})/u.test(text)) return day(86_400_000);
  const match = /(?:vor|il y a|hace)\s+(\d+)\s*\+?\s*(\p{L}+)|(\d+)\s*\+?\s*(\p{L}+)\s+ago\b/u.exec(text);
  if (!match) return undefined;
  const count = Number(match[1] ?? match[3]);
  const unit = (match[2] ?? match[4])!;
  const ms = AGO_UNITS.find(([pattern]) => pattern.test(unit))?.[1];
  return ms === undefined ? undefined : day(count * ms);
}

/** A short label ending in a colon at the start of a line: "Erschienen: ", "Lieu : ". */
const LABEL = /^[^:]{1,20}:\s*/;

/** The line without its leading label ("Erschienen: vor 2 Tagen" → "vor 2 Tagen"); `label` is anchored at the start. */
export function withoutLabel(text: string, label: RegExp = LABEL): string {
  return text.replace(label, '');
}

/**
 * The date a posting's date field shows: the `datetime` of its `<time>` (or its own), else its text
 * without the label, read as a relative day ("vor 2 Tagen") or a written date; undefined otherwise.
 */
export function datePostedFrom(element: Element | null | undefined, label?: RegExp): string | undefined {
  const datetime = toIsoDate(element?.querySelector('time')?.getAttribute('datetime') ?? element?.getAttribute('datetime') ?? undefined);
  if (datetime) return datetime;
  const text = withoutLabel(cleanLine(element?.textContent), label);
  return text ? (dateFromAgo(text) ?? toIsoDate(text)) : undefined;
}

const HYBRID = words('hybrid', 'hybride', 'híbrido', 'hibrido', 'ibrido');
const REMOTE = words('remote', 'telecommute', 'work from home', 'wfh', 'télétravail', 'teletravail', 'à distance', 'remoto', 'teletrabajo', 'homeoffice', 'home office', 'thuiswerk', 'full remote');
const ONSITE = words('on[\\s-]?site', 'in[\\s-]office', 'sur site', 'présentiel', 'presencial', 'in sede', 'in presenza', 'vor ort', 'op locatie');

/** "Remote", "Hybrid", "On-site" and their FR/ES/DE/IT/NL forms, in a short label; undefined otherwise. */
export function workplaceFrom(value: string): Workplace | undefined {
  const text = cleanLine(value);
  if (!text || text.length > 60) return undefined;
  if (HYBRID.test(text)) return 'hybrid';
  if (REMOTE.test(text)) return 'remote';
  if (ONSITE.test(text)) return 'onsite';
  return undefined;
}

const CURRENCY_SYMBOLS: [RegExp, string][] = [
  [/US\$|\$US|USD/i, 'USD'],
  [/CA\$|C\$|CAD/i, 'CAD'],
  [/A\$|AU\$|AUD/i, 'AUD'],
  [/€|EUR/i, 'EUR'],
  [/£|GBP/i, 'GBP'],
  [/CHF/i, 'CHF'],
  [/₹|INR/i, 'INR'],
  [/¥|JPY/i, 'JPY'],
  [/R\$|BRL/i, 'BRL'],
  [/SEK|kr\b/i, 'SEK'],
  [/PLN|zł/i, 'PLN'],
  [/\$/, 'USD'],
];

const PERIOD_WORDS: [RegExp, SalaryPeriod][] = [
  [words('hour', 'hr', 'hourly', 'heure', 'hora', 'stunde', 'h'), 'HOUR'],
  [words('day', 'daily', 'jour', 'día', 'dia', 'tag', 'giorno'), 'DAY'],
  [words('week', 'weekly', 'wk', 'semaine', 'semana', 'woche', 'settimana'), 'WEEK'],
  [words('month', 'monthly', 'mo', 'mois', 'mes', 'monat', 'mese', 'mensuel'), 'MONTH'],
  [words('year', 'yr', 'yearly', 'annual', 'annually', 'annum', 'pa', 'an', 'año', 'ano', 'jahr', 'anno', 'annuel'), 'YEAR'],
];

/** schema.org unitText ("HOUR", "YEAR", "ANNUAL", "per month") to a period. */
export function salaryPeriodFrom(value: unknown): SalaryPeriod | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/_/g, ' ');
  for (const [pattern, period] of PERIOD_WORDS) if (pattern.test(text)) return period;
  return undefined;
}

/** "1.234,5" / "1,234.5" / "65,000.00" / "60k" to a number. */
export function parseAmount(raw: string): number | undefined {
  const match = /(\d[\d.,\s\u00A0\u202F']*)(\s*[kK]\b)?/.exec(raw);
  if (!match) return undefined;
  let digits = match[1]!.replace(/[\s\u00A0\u202F']/g, '').replace(/[.,]$/, '');
  const lastSep = Math.max(digits.lastIndexOf('.'), digits.lastIndexOf(','));
  if (lastSep >= 0) {
    const decimals = digits.length - lastSep - 1;
    const integer = digits.slice(0, lastSep).replace(/[.,]/g, '');
    digits = decimals === 3 ? integer + digits.slice(lastSep + 1) : `${integer}.${digits.slice(lastSep + 1)}`;
  }
  const value = Number(digits);
  if (!Number.isFinite(value)) return undefined;
  return match[2] ? value * 1000 : value;
}

/** A displayed pay range ("$60/hr - $70/hr", "€45.000 – 55.000 per year", "£40k") to a Salary. */
export function parseSalaryText(value: string): Salary | undefined {
  const text = cleanLine(value);
  if (!text || text.length > 160 || !/\d/.test(text)) return undefined;
  const currency = CURRENCY_SYMBOLS.find(([pattern]) => pattern.test(text))?.[1];
  const amounts = [...text.matchAll(/\d[\d.,\s\u00A0\u202F']*(?:\s*[kK]\b)?/g)]
    .map((m) => parseAmount(m[0]))
    .filter((n): n is number => n !== undefined && n > 0);
  if (amounts.length === 0 || (!currency && !salaryPeriodFrom(text))) return undefined;
  const [first, second] = amounts;
  const salary: Salary = { min: first };
  if (second !== undefined && second >= first!) salary.max = second;
  if (currency) salary.currency = currency;
  const period = salaryPeriodFrom(text);
  if (period) salary.period = period;
  return salary;
}

// A few of the most frequent function words per language: enough to tell a posting's language apart.
const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'you', 'with', 'our', 'for', 'will', 'are', 'your', 'we', 'of', 'to', 'in', 'is', 'this', 'experience'],
  fr: ['les', 'des', 'et', 'vous', 'nous', 'une', 'pour', 'dans', 'est', 'avec', 'le', 'la', 'du', 'sur', 'vos', 'au'],
  es: ['los', 'las', 'y', 'el', 'para', 'con', 'una', 'en', 'del', 'que', 'por', 'tu', 'se', 'como', 'experiencia', 'nuestro'],
  de: ['und', 'die', 'der', 'das', 'mit', 'für', 'sie', 'wir', 'ist', 'eine', 'zu', 'in', 'auf', 'den', 'ihre', 'du'],
  it: ['il', 'di', 'e', 'che', 'per', 'con', 'una', 'della', 'dei', 'nel', 'del', 'sono', 'le', 'alla', 'gli', 'esperienza'],
  pt: ['os', 'as', 'e', 'para', 'com', 'uma', 'do', 'da', 'que', 'em', 'não', 'você', 'na', 'no', 'dos', 'experiência'],
  nl: ['de', 'het', 'een', 'en', 'van', 'voor', 'met', 'je', 'wij', 'jij', 'zijn', 'op', 'te', 'bij', 'ons', 'ervaring'],
};

const STOPWORD_SETS = Object.entries(STOPWORDS).map(([lang, words]) => [lang, new Set(words)] as const);

/**
 * Primary language of a text by counting frequent function words (first 4,000 characters). Falls back to
 * the declared language when the text is too short or unclear.
 */
export function detectLanguage(text: string, declared?: string): string | undefined {
  const fallback = declared ? cleanLine(declared).toLowerCase().split(/[-_]/)[0] || undefined : undefined;
  const words = text.slice(0, 4000).toLowerCase().match(/[\p{L}']+/gu) ?? [];
  if (words.length < 12) return fallback;
  const scores = STOPWORD_SETS.map(([lang, set]) => [lang, words.reduce((n, w) => n + (set.has(w) ? 1 : 0), 0)] as const).sort(
    (a, b) => b[1] - a[1],
  );
  const [best, second] = scores;
  if (!best || best[1] < 3 || best[1] < (second?.[1] ?? 0) * 1.3) return fallback;
  return best[0];
}
