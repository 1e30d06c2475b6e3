import { describe, expect, it } from 'vitest';
import { ld, page } from './fixtures/load';
import { readJsonLd } from './json-ld';

const posting = {
  '@context': 'https://schema.org',
  '@type': 'JobPosting',
  title: 'Senior Frontend Engineer',
  hiringOrganization: { '@type': 'Organization', name: 'Acme Corp' },
  jobLocation: {
    '@type': 'Place',
    address: { '@type': 'PostalAddress', addressLocality: 'Berlin', addressRegion: 'Berlin', addressCountry: 'DE' },
  },
  description: '<p>We build <strong>things</strong>.</p>',
};

const read = (head: string, body = '') => readJsonLd(page(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`));

describe('readJsonLd: finding the posting', () => {
  it('reads a plain JobPosting', () => {
    expect(read(ld(posting))).toEqual({
      count: 1,
      posting: { title: 'Senior Frontend Engineer', company: 'Acme Corp', location: 'Berlin', locations: ['Berlin'], description: 'We build things.' },
    });
  });

  it.each([
    ['@graph', { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, { ...posting, title: 'Graph Engineer' }] }],
    ['a top-level array', [{ '@type': 'Organization', name: 'Acme' }, { ...posting, title: 'Array Engineer' }]],
    ['@type as an array, any case', { ...posting, '@type': ['Thing', 'jobposting'], title: 'Typed Engineer' }],
    ['a full type IRI', { ...posting, '@type': 'http://schema.org/JobPosting', title: 'IRI Engineer' }],
    ['nesting under another node', { '@type': 'WebPage', mainEntity: { ...posting, title: 'Nested Engineer' } }],
  ])('finds it inside %s', (_label, data) => {
    expect(read(ld(data)).posting?.title).toMatch(/Engineer$/);
  });

  it('skips malformed blocks and reads the good one', () => {
    const result = read('<script type="application/ld+json">{"@type": "JobPosting", "title": </script>' + ld(posting));
    expect(result.posting?.title).toBe('Senior Frontend Engineer');
  });

  it('tolerates raw newlines inside strings (invalid JSON that sites ship)', () => {
    const raw = '{"@type":"JobPosting","title":"Data\nEngineer","description":"line one\nline two"}';
    expect(read(`<script type="application/ld+json">${raw}</script>`).posting?.title).toBe('Data Engineer');
  });

  it('reads a page with 50 JSON-LD blocks, one of them the posting, quickly', () => {
    const noise = Array.from({ length: 49 }, (_, i) => ld({ '@type': 'BreadcrumbList', position: i, itemListElement: [{ a: { b: { c: i } } }] }));
    const start = performance.now();
    const result = read(noise.join('') + ld(posting));
    expect(result.posting?.title).toBe('Senior Frontend Engineer');
    expect(performance.now() - start).toBeLessThan(1_000);
  });

  it('counts distinct postings: a list page has several, the same posting twice is one', () => {
    expect(read(ld(posting) + ld(posting)).count).toBe(1);
    expect(read(ld({ '@type': 'ItemList', itemListElement: [{ ...posting, title: 'A' }, { ...posting, title: 'B' }] }))).toEqual({ count: 2 });
    expect(read(ld({ '@type': 'Organization', name: 'x' }))).toEqual({ count: 0 });
  });

  it('ignores a posting without a title', () => {
    expect(read(ld({ ...posting, title: undefined, name: undefined })).posting).toBeUndefined();
  });
});

describe('readJsonLd: fields', () => {
  it('decodes entities in text fields, also when escaped twice', () => {
    const result = read(ld({ ...posting, title: 'FP&amp;amp;A Consultant', hiringOrganization: { name: 'Smith &amp; Sons' } }));
    expect(result.posting).toMatchObject({ title: 'FP&A Consultant', company: 'Smith & Sons' });
  });

  it('turns HTML and escaped-HTML descriptions into text with line breaks', () => {
    const escaped = '&lt;p&gt;Intro&lt;/p&gt;&lt;strong&gt;Requirements&lt;br&gt;&lt;/strong&gt;&lt;ul&gt;&lt;li&gt;Go&lt;/li&gt;&lt;li&gt;SQL&lt;/li&gt;&lt;/ul&gt;';
    expect(read(ld({ ...posting, description: escaped })).posting?.description).toBe('Intro\nRequirements\n• Go\n• SQL');
  });

  it('keeps script and handler payloads in descriptions inert and out of the text', () => {
    const description = '<p>Hi</p><img src=x onerror="globalThis.pwnedLd=1"><script>globalThis.pwnedLd=2</script>';
    expect(read(ld({ ...posting, description })).posting?.description).toBe('Hi');
    expect((globalThis as { pwnedLd?: number }).pwnedLd).toBeUndefined();
  });

  it.each([
    [
      'a MonetaryAmount with a range',
      { '@type': 'MonetaryAmount', currency: 'eur', value: { '@type': 'QuantitativeValue', minValue: 50000, maxValue: 70000, unitText: 'YEAR' } },
      { min: 50000, max: 70000, currency: 'EUR', period: 'YEAR' },
    ],
    ['a single value per hour', { currency: 'USD', value: { value: '45.5', unitText: 'HOUR' } }, { min: 45.5, currency: 'USD', period: 'HOUR' }],
    ['a bare number', 60000, { min: 60000 }],
    ['strings with separators', { currency: 'GBP', value: { minValue: '40,000', maxValue: '50,000', unitText: 'ANNUAL' } }, { min: 40000, max: 50000, currency: 'GBP', period: 'YEAR' }],
  ])('reads baseSalary given as %s', (_label, baseSalary, salary) => {
    expect(read(ld({ ...posting, baseSalary })).posting?.salary).toEqual(salary);
  });

  it('maps TELECOMMUTE to remote and uses applicantLocationRequirements when there is no place', () => {
    const remote = { ...posting, jobLocation: undefined, jobLocationType: 'TELECOMMUTE', applicantLocationRequirements: [{ '@type': 'Country', name: 'Spain' }, { '@type': 'Country', name: 'Portugal' }] };
    expect(read(ld(remote)).posting).toMatchObject({ workplace: 'remote', location: 'Spain', locations: ['Spain', 'Portugal'] });
  });

  it('formats places as sites display them and keeps every location', () => {
    const result = read(
      ld({
        ...posting,
        jobLocation: [
          { '@type': 'Place', address: { addressLocality: 'New York', addressRegion: 'NY', addressCountry: 'US' } },
          { '@type': 'Place', address: { addressLocality: 'Rome', addressRegion: null, addressCountry: 'IT' } },
          { '@type': 'Place', address: 'Remote, Europe' },
          'Lisbon',
        ],
      }),
    );
    expect(result.posting).toMatchObject({ location: 'New York, NY', locations: ['New York, NY', 'Rome, IT', 'Remote, Europe', 'Lisbon'] });
  });

  it('reads employmentType arrays and comma lists', () => {
    expect(read(ld({ ...posting, employmentType: ['FULL_TIME', 'CONTRACTOR'] })).posting?.employmentType).toEqual(['FULL_TIME', 'CONTRACTOR']);
    expect(read(ld({ ...posting, employmentType: 'FULL_TIME, PART_TIME' })).posting?.employmentType).toEqual(['FULL_TIME', 'PART_TIME']);
  });

  it('reads dates as ISO 8601 and identifier as the site job id', () => {
    const result = read(ld({ ...posting, datePosted: '2024-06-11T13:47:28.000Z', validThrough: '2024-07-11', identifier: { '@type': 'PropertyValue', name: 'Acme', value: 'R-57092' } }));
    expect(result.posting).toMatchObject({ datePosted: '2024-06-11T13:47:28.000Z', validThrough: '2024-07-11', siteJobId: 'R-57092' });
    expect(read(ld({ ...posting, datePosted: 'last week', identifier: 12345 })).posting).toMatchObject({ siteJobId: '12345' });
    expect(read(ld({ ...posting, datePosted: 'last week' })).posting?.datePosted).toBeUndefined();
  });

  it('reads responsibilities and qualifications properties as sections', () => {
    const result = read(ld({ ...posting, responsibilities: '<p>Your tasks:</p><ul><li>Ship</li><li>Test</li></ul>', qualifications: 'Go\nSQL' }));
    expect(result.posting?.sections).toEqual({ responsibilities: ['Ship', 'Test'], requirements: ['Go', 'SQL'] });
  });
});

describe('readJsonLd: microdata', () => {
  it('reads itemtype=schema.org/JobPosting with nested items', () => {
    const body = `
      <div itemscope itemtype="https://schema.org/JobPosting">
        <h1 itemprop="title">Barista</h1>
        <div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Bean &amp; Co</span></div>
        <div itemprop="jobLocation" itemscope itemtype="https://schema.org/Place">
          <div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress"><span itemprop="addressLocality">Porto</span><span itemprop="addressCountry">PT</span></div>
        </div>
        <time itemprop="datePosted" datetime="2025-01-02">2 January</time>
        <meta itemprop="employmentType" content="PART_TIME">
        <div itemprop="description"><p>Make coffee.</p><ul><li>Espresso</li></ul></div>
      </div>`;
    expect(read('', body).posting).toEqual({
      title: 'Barista',
      company: 'Bean & Co',
      location: 'Porto, PT',
      locations: ['Porto, PT'],
      datePosted: '2025-01-02',
      employmentType: ['PART_TIME'],
      description: 'Make coffee.\n• Espresso',
    });
  });

  it('counts a posting given both as JSON-LD and microdata once', () => {
    expect(read(ld(posting), '<div itemscope itemtype="http://schema.org/JobPosting"><span itemprop="title">Senior Frontend Engineer</span><span itemprop="hiringOrganization">Acme Corp</span></div>').count).toBe(1);
  });
});
