import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from './fixtures/load';
import {
  canonicalUrl,
  cleanUrl,
  dateFromAgo,
  datePostedFrom,
  detectLanguage,
  employmentTypeFrom,
  employmentTypes,
  normalizeTitle,
  parseAmount,
  parseSalaryText,
  salaryPeriodFrom,
  toIsoDate,
  withoutLabel,
  workplaceFrom,
} from './normalize';

describe('normalizeTitle', () => {
  it.each([
    ['Senior Frontend Engineer (m/f/d)', 'senior frontend engineer'],
    ['Werkstudent (m/w/d) Marketing', 'werkstudent marketing'],
    ['Architecte Infrastructure Azure H/F - CDI', 'architecte infrastructure azure - cdi'],
    ['Data Engineer F/H', 'data engineer'],
    ['Backend Developer (all genders)', 'backend developer'],
    ['  DATA   ANALYST ', 'data analyst'],
    ['C++ Developer', 'c++ developer'],
    ['Ingénieur·e DevOps (f/h/x)', 'ingénieur·e devops'],
  ])('%j → %j', (title, expected) => {
    expect(normalizeTitle(title)).toBe(expected);
  });
});

describe('toIsoDate', () => {
  it.each([
    ['2024-09-24', '2024-09-24'],
    ['2024-06-11T13:47:28.000Z', '2024-06-11T13:47:28.000Z'],
    ['2024-06-11T13:47:28+02:00', '2024-06-11T13:47:28+02:00'],
    ['2024-06-11 13:47:28', '2024-06-11T13:47:28'],
    ['June 5, 2024', '2024-06-05'],
    ['5 June 2024', '2024-06-05'],
    ['01/02/2024', undefined],
    ['yesterday', undefined],
    ['2024-13-45', undefined],
    ['', undefined],
    [null, undefined],
    [1718113648, '2024-06-11T13:47:28.000Z'],
  ])('%j → %j', (value, expected) => {
    expect(toIsoDate(value)).toBe(expected);
  });
});

describe('cleanUrl / canonicalUrl', () => {
  it('removes tracking parameters and the fragment, keeps the rest', () => {
    expect(
      cleanUrl(
        'https://www.linkedin.com/jobs/view/123456789/?refId=a&trackingId=b&trk=c&utm_source=x&utm_medium=y&gclid=1&fbclid=2&keep=yes#top',
      ),
    ).toBe('https://www.linkedin.com/jobs/view/123456789/?keep=yes');
    expect(cleanUrl('https://boards.greenhouse.io/acme/jobs/1?gh_src=abc')).toBe('https://boards.greenhouse.io/acme/jobs/1');
  });

  it('refuses non-http(s) URLs and resolves relative ones', () => {
    expect(cleanUrl('javascript:alert(1)')).toBeUndefined();
    expect(cleanUrl('data:text/html,x')).toBeUndefined();
    expect(cleanUrl('not a url')).toBeUndefined();
    expect(cleanUrl('/jobs/1?utm_campaign=x', 'https://jobs.example.com/a')).toBe('https://jobs.example.com/jobs/1');
  });

  it('prefers the canonical link, then og:url, then the document URL', () => {
    const url = 'http://127.0.0.1:4173/saved.html?utm_source=x';
    expect(canonicalUrl(page('<link rel="canonical" href="https://a.example/job/1?trk=x"><meta property="og:url" content="https://b.example/">', url))).toBe(
      'https://a.example/job/1',
    );
    expect(canonicalUrl(page('<meta property="og:url" content="https://b.example/job/2">', url))).toBe('https://b.example/job/2');
    expect(canonicalUrl(page('<title>x</title>', url))).toBe('http://127.0.0.1:4173/saved.html');
  });
});

describe('salaries', () => {
  it.each([
    ['$60/hr - $70/hr', { min: 60, max: 70, currency: 'USD', period: 'HOUR' }],
    ['$65,000.00/yr - $75,000.00/yr', { min: 65000, max: 75000, currency: 'USD', period: 'YEAR' }],
    ['€45.000 – 55.000 per year', { min: 45000, max: 55000, currency: 'EUR', period: 'YEAR' }],
    ['£40k', { min: 40000, currency: 'GBP' }],
    ['CA$90K - CA$110K (Employer provided)', { min: 90000, max: 110000, currency: 'CAD' }],
    ['45 000 € brut par an', { min: 45000, currency: 'EUR', period: 'YEAR' }],
    ['£17.50 an hour', { min: 17.5, currency: 'GBP', period: 'HOUR' }],
    ['Competitive', undefined],
    ['Over 200 applicants', undefined],
    ['2 days ago', undefined],
  ])('%j', (text, expected) => {
    expect(parseSalaryText(text)).toEqual(expected);
  });

  it.each([
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['65,000.00', 65000],
    ['60k', 60000],
    ['120 000', 120000],
  ])('parseAmount(%j) = %j', (raw, value) => {
    expect(parseAmount(raw)).toBe(value);
  });

  it.each([
    ['HOUR', 'HOUR'],
    ['YEAR', 'YEAR'],
    ['per month', 'MONTH'],
    ['ANNUAL', 'YEAR'],
    ['WEEK', 'WEEK'],
    [undefined, undefined],
  ])('salaryPeriodFrom(%j) = %j', (value, period) => {
    expect(salaryPeriodFrom(value)).toBe(period);
  });
});

describe('employment type and workplace', () => {
  it.each([
    ['FULL_TIME', 'FULL_TIME'],
    ['Full-time', 'FULL_TIME'],
    ['Full time', 'FULL_TIME'],
    ['CDI', 'FULL_TIME'],
    ['Tempo pieno', 'FULL_TIME'],
    ['Contract', 'CONTRACTOR'],
    ['CDD', 'TEMPORARY'],
    ['Internship', 'INTERN'],
    ['Stage', 'INTERN'],
    ['Teilzeit', 'PART_TIME'],
    ['Feste Anstellung', 'FULL_TIME'],
    ['Befristeter Vertrag', 'TEMPORARY'],
    ['Contrato de duración determinada', 'TEMPORARY'],
    ['Jornada parcial', 'PART_TIME'],
    ['Mid-Senior level', undefined],
    ['IT Services and IT Consulting', undefined],
  ])('employmentTypeFrom(%j) = %j', (value, expected) => {
    expect(employmentTypeFrom(value)).toBe(expected);
  });

  it('splits lists and drops duplicates', () => {
    expect(employmentTypes(['FULL_TIME, PART_TIME', 'Full-time'])).toEqual(['FULL_TIME', 'PART_TIME']);
    expect(employmentTypes(['nothing known'])).toBeUndefined();
  });

  it.each([
    ['Remote', 'remote'],
    ['Hybrid remote in London', 'hybrid'],
    ['On-site', 'onsite'],
    ['Télétravail', 'remote'],
    ['Presencial', 'onsite'],
    ['Berlin, Germany (Hybrid)', 'hybrid'],
    ['Full-time', undefined],
    ['A long sentence that mentions remote work somewhere in the middle of a paragraph of prose', undefined],
  ])('workplaceFrom(%j) = %j', (value, expected) => {
    expect(workplaceFrom(value)).toBe(expected);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['We are looking for an engineer who will join our team and work with the product managers on the roadmap.', 'en'],
    ['Nous recherchons un ingénieur pour rejoindre notre équipe et travailler avec les responsables produit sur la feuille de route.', 'fr'],
    ['Buscamos una persona para el equipo de datos que trabaje con los equipos de producto y de riesgos en la empresa.', 'es'],
    ['Wir suchen eine Person für unser Team, die mit den Kollegen aus dem Produkt an der Plattform arbeitet und die Daten pflegt.', 'de'],
    ['Cerchiamo una persona per il team dei dati che lavori con il gruppo prodotto e con le persone della sede di Roma per il progetto.', 'it'],
  ])('%j → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('falls back to the declared language for short or unclear text', () => {
    expect(detectLanguage('Data Engineer', 'fr-FR')).toBe('fr');
    expect(detectLanguage('Data Engineer')).toBeUndefined();
  });
});

describe('dateFromAgo', () => {
  const now = new Date('2025-05-20T10:00:00Z');
  it.each([
    ['Posted 3d ago', '2025-05-17'],
    ['Posted 5h ago', '2025-05-20'],
    ['Posted 30+ days ago', '2025-04-20'],
    ['Erschienen: vor 2 Tagen', '2025-05-18'],
    ['vor 1 Woche', '2025-05-13'],
    ['il y a 4 jours', '2025-05-16'],
    ['Publicada hace 2 días', '2025-05-18'],
    ['Heute', '2025-05-20'],
    ['Yesterday', '2025-05-19'],
    ['Posted on a Tuesday', undefined],
    ['3 applicants', undefined],
  ])('dateFromAgo(%j) = %j', (value, expected) => {
    expect(dateFromAgo(value, now)).toBe(expected);
  });
});

describe('withoutLabel / datePostedFrom', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('drops a short "Label:" at the start, or the label a pattern names', () => {
    expect(withoutLabel('Erschienen: vor 2 Tagen')).toBe('vor 2 Tagen');
    expect(withoutLabel('Salaire : 45K à 55K €')).toBe('45K à 55K €');
    expect(withoutLabel('Paris')).toBe('Paris');
    expect(withoutLabel('A label far longer than twenty: value')).toBe('A label far longer than twenty: value');
    expect(withoutLabel('Listed on 5 June 2025', /^(?:posted|listed)\s*(?:on)?\s*/i)).toBe('5 June 2025');
  });

  it('reads the <time> datetime, else the text without its label; undefined without a field', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-05-20T10:00:00Z'));
    const field = (html: string) => page(`<div id="date">${html}</div>`).getElementById('date');
    const seekLabel = /^(?:posted|listed)\s*(?:on)?\s*/i;
    expect(datePostedFrom(field('Posted <time datetime="2025-05-01">2w ago</time>'))).toBe('2025-05-01');
    expect(datePostedFrom(page('<time id="date" datetime="2025-04-30">30 April</time>').getElementById('date'))).toBe('2025-04-30');
    expect(datePostedFrom(field('Erschienen: vor 2 Tagen'))).toBe('2025-05-18');
    expect(datePostedFrom(field('Listed on 5 May 2025'), seekLabel)).toBe('2025-05-05');
    expect(datePostedFrom(field('Posted 3d ago'), seekLabel)).toBe('2025-05-17');
    expect(datePostedFrom(field('Neu'))).toBeUndefined();
    expect(datePostedFrom(null)).toBeUndefined();
  });
});
