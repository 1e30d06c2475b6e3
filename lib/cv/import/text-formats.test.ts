import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../util/errors';
import { importCv, importCvText } from './index';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures', name), 'utf8');

interface Expected {
  name: string;
  email: string;
  phone: string;
  work: [company: string, title: string][];
  schools: string[];
  format: string;
}

const cases: [string, Expected][] = [
  [
    'jane-public.txt',
    {
      name: 'Jane Q. Public',
      email: 'jane.public@example.com',
      phone: '+1 (415) 555-0199',
      work: [
        ['Acme Payments GmbH', 'Senior Backend Engineer'],
        ['Globex Corporation', 'Software Engineer'],
      ],
      schools: ['Technische Universität München'],
      format: 'text',
    },
  ],
  [
    'lucas-martin.fr.txt',
    {
      name: 'Lucas Martin',
      email: 'lucas.martin@example.fr',
      phone: '06 12 34 56 78',
      work: [
        ['Exemple Logiciels SAS', 'Développeur full stack'],
        ['Agence Web Démo', 'Stagiaire développeur'],
      ],
      schools: ['Université Claude Bernard Lyon 1', 'Université Claude Bernard Lyon 1'],
      format: 'text',
    },
  ],
  [
    'maria-garcia.es.md',
    {
      name: 'María García López',
      email: 'maria.garcia@example.es',
      phone: '+34 612 345 678',
      work: [
        ['Banco Ejemplo S.A.', 'Analista de Datos Senior'],
        ['Tienda Online S.L.', 'Analista de Datos'],
        ['Universidad Politécnica de Madrid', 'Becaria de investigación'],
      ],
      schools: ['Universidad Complutense de Madrid'],
      format: 'markdown',
    },
  ],
  [
    'anna-schmidt.de.md',
    {
      name: 'Anna Schmidt',
      email: 'anna.schmidt@example.de',
      phone: '+49 30 12345678',
      work: [
        ['Beispiel Technologies GmbH', 'Senior Softwareentwicklerin'],
        ['Muster AG', 'Werkstudentin'],
      ],
      schools: ['Technische Universität Berlin'],
      format: 'markdown',
    },
  ],
];

describe('text, Markdown (hand-made fixtures in en/es/fr/de)', () => {
  it.each(cases)('%s', (file, expected) => {
    const cv = importCvText(fixture(file), { fileName: file });
    expect(cv.source.format).toBe(expected.format);
    expect(cv.basics.name).toBe(expected.name);
    expect(cv.basics.email).toBe(expected.email);
    expect(cv.basics.phone).toBe(expected.phone);
    expect(cv.work.map((w) => [w.name, w.position])).toEqual(expected.work);
    expect(cv.education.map((e) => e.institution)).toEqual(expected.schools);
  });

  it('keeps every original line with its origin, and entries cite them', () => {
    const text = fixture('jane-public.txt');
    const cv = importCvText(text);
    const nonBlank = text.split('\n').filter((l) => l.trim()).length;
    expect(cv.source.lines).toHaveLength(nonBlank);
    const byId = new Map(cv.source.lines.map((l) => [l.id, l]));
    const acme = cv.work[0]!;
    const cited = (acme.sourceLineIds ?? []).map((id) => byId.get(id)!);
    expect(cited.map((l) => l.origin.line)).toEqual([9, 10, 11, 12]);
    expect(cited[1]!.text).toContain('Acme Payments GmbH');
    expect(cv.basics.sourceLineIds?.length).toBeGreaterThan(0);
  });

  it('reads dates, places, highlights, skills and languages', () => {
    const cv = importCvText(fixture('jane-public.txt'));
    expect(cv.work[0]).toMatchObject({ startDate: '2021-03', location: 'Berlin, Germany' });
    expect(cv.work[0]!.endDate).toBeUndefined();
    expect(cv.work[1]).toMatchObject({
      startDate: '2017-01',
      endDate: '2021-02',
      highlights: ['Wrote the billing API in Go. Cut invoice errors by 40%.'],
    });
    expect(cv.education[0]).toMatchObject({ studyType: 'M.Sc.', area: 'Informatics', startDate: '2015', endDate: '2017' });
    expect(cv.skills.map((s) => s.name)).toEqual(['Languages', 'Tools']);
    expect(cv.languages).toMatchObject([{ language: 'English', fluency: 'Fluent' }, { language: 'German', fluency: 'C1' }]);
    expect(cv.basics.profiles?.map((p) => p.network)).toEqual(['LinkedIn', 'GitHub']);
  });

  it('keeps internships as experience entries with their kind', () => {
    const cv = importCvText(fixture('maria-garcia.es.md'));
    expect(cv.work[2]).toMatchObject({ kind: 'internship', startDate: '2017-06', endDate: '2018-02' });
    expect(cv.languages.map((l) => l.language)).toEqual(['Español', 'Inglés']);
    expect(cv.warnings.map((w) => w.code)).toContain('html_removed');
  });

  it('keeps only phone numbers that libphonenumber-js accepts', () => {
    const cv = importCvText(
      ['Sam Example', 'sam@example.com | Member ID 12345678 | 2018 – 2024 | Zip 94105', '', 'EXPERIENCE', 'Engineer at Initech (2019 – 2021)'].join('\n'),
    );
    expect(cv.basics.phone).toBeUndefined();
    const withPhone = importCvText(['Sam Example', 'sam@example.com | Tel. +49 30 901820', '', 'EXPERIENCE'].join('\n'));
    expect(withPhone.basics.phone).toBe('+49 30 901820');
  });

  it('reads Markdown full of HTML: tags removed, text kept, a warning', () => {
    const md = [
      '<div align="center"><h1>Noor Haddad</h1><p><a href="mailto:noor@example.com">noor@example.com</a> | +1 (617) 555-0123</p></div>',
      '',
      '<h2>Experience</h2>',
      '<p><b>Backend Engineer</b>, Fourth Coffee Inc. <i>(2020 – 2023)</i></p>',
      '<ul><li>Built the <code>orders</code> API.</li></ul>',
      '<script>alert("x")</script>',
    ].join('\n');
    const cv = importCvText(md, { fileName: 'README.md' });
    expect(cv.basics).toMatchObject({ name: 'Noor Haddad', email: 'noor@example.com', phone: '+1 (617) 555-0123' });
    expect(cv.work.map((w) => [w.name, w.position])).toEqual([['Fourth Coffee Inc.', 'Backend Engineer']]);
    expect(cv.source.lines.map((l) => l.text).join(' ')).not.toMatch(/<|alert/);
    expect(cv.warnings.map((w) => w.code)).toContain('html_removed');
  });

  it('parses at most MAX_CV_LINES lines of a huge text file and says so', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `Line ${i} of a very long file`).join('\n');
    const cv = importCvText(text);
    expect(cv.source.lines).toHaveLength(3000);
    expect(cv.warnings).toContainEqual({ code: 'lines_truncated', detail: '3000/20000' });
  });

  it('imports bytes through validation and rejects what it cannot read', async () => {
    const cv = await importCv(new TextEncoder().encode(fixture('lucas-martin.fr.txt')), { fileName: 'cv.txt' });
    expect(cv.basics.name).toBe('Lucas Martin');
    await expect(importCv(new Uint8Array(0))).rejects.toMatchObject({ code: 'cv_empty' });
    await expect(importCv(new Uint8Array([0x4d, 0x5a, 0, 0, 1, 2, 3]))).rejects.toBeInstanceOf(AppError);
  });
});

describe('broken JSON Resume files are refused with their own code', () => {
  const codeOf = (text: string, fileName: string) => {
    try {
      importCvText(text, { fileName });
      return 'imported';
    } catch (error) {
      return error instanceof AppError ? error.code : String(error);
    }
  };
  it.each([
    ['cut off', '{"basics": {"name": "Jane Doe", "email": "jane@exa', 'cv_corrupt'],
    ['an array', '[{"basics": {"name": "Jane Doe"}}]', 'cv_unsupported_type'],
    ['a __proto__ key', '{"basics": {"name": "Jane Doe", "__proto__": {"polluted": true}}}', 'cv_unsafe'],
    ['a constructor key', '{"work": [{"name": "Acme", "constructor": {"prototype": {}}}]}', 'cv_unsafe'],
  ])('%s → %s', (_label, text, code) => {
    expect(codeOf(text, 'cv.json')).toBe(code);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
