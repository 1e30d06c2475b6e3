// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { canonicalUrl, capturePage, htmlToText } from './page';

const PAGE_URL = 'https://jobs.example.com/postings/42?utm_source=feed';

/** A document at a real URL (so relative links resolve), built from hand-made markup. */
function page(head: string, body = '', url = PAGE_URL): Document {
  return new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, { url }).window.document;
}

function ld(data: unknown): string {
  // Like real sites, escape `</` so markup inside strings cannot close the script element.
  const json = typeof data === 'string' ? data : JSON.stringify(data).replaceAll('</', '<\\/');
  return `<script type="application/ld+json">${json}</script>`;
}

const posting = {
  '@context': 'https://schema.org',
  '@type': 'JobPosting',
  title: 'Senior Frontend Engineer',
  hiringOrganization: { '@type': 'Organization', name: 'Acme Corp' },
  jobLocation: {
    '@type': 'Place',
    address: { '@type': 'PostalAddress', addressLocality: 'Berlin', addressRegion: 'BE', addressCountry: 'DE' },
  },
  description: '<p>We build <strong>things</strong>.</p>',
};

describe('capturePage: JSON-LD JobPosting', () => {
  it('reads a plain JobPosting', () => {
    const doc = page(ld(posting) + '<title>Ignored title</title>', '<h1>Ignored heading</h1>');
    expect(capturePage(doc)).toEqual({
      url: PAGE_URL,
      title: 'Senior Frontend Engineer',
      company: 'Acme Corp',
      location: 'Berlin, BE, DE',
      description: 'We build things.',
      source: 'json-ld',
    });
  });

  it('finds a JobPosting inside @graph', () => {
    const doc = page(
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebPage', name: 'Careers' },
          { '@type': 'BreadcrumbList', itemListElement: [] },
          { ...posting, '@context': undefined, title: 'Graph Engineer' },
        ],
      }),
    );
    expect(capturePage(doc)).toMatchObject({ title: 'Graph Engineer', company: 'Acme Corp', source: 'json-ld' });
  });

  it('finds a JobPosting inside a top-level array', () => {
    const doc = page(ld([{ '@type': 'Organization', name: 'Acme' }, { ...posting, title: 'Array Engineer' }]));
    expect(capturePage(doc)).toMatchObject({ title: 'Array Engineer', source: 'json-ld' });
  });

  it('accepts @type given as an array (any case)', () => {
    const doc = page(ld({ ...posting, '@type': ['Thing', 'jobposting'], title: 'Typed Engineer' }));
    expect(capturePage(doc)).toMatchObject({ title: 'Typed Engineer', source: 'json-ld' });
  });

  it('turns an HTML description into text without gluing blocks together', () => {
    const description =
      '<h2>About</h2><p>We build <b>things</b>&nbsp;together.</p><ul>\n  <li>TypeScript</li>\n  <li>React</li>\n</ul>Line one<br>Line two' +
      '<script>alert(1)</script><style>p { color: red }</style>';
    const doc = page(ld({ ...posting, description }));
    const text = capturePage(doc).description ?? '';
    expect(text).not.toMatch(/<[a-z]/i);
    expect(text).toContain('We build things\u00a0together.');
    expect(text.split('\n')).toEqual(
      expect.arrayContaining(['About', 'We build things\u00a0together.', 'TypeScript', 'React', 'Line one', 'Line two']),
    );
    expect(text).not.toContain('TypeScriptReact');
    expect(text).not.toMatch(/alert|color/);
  });

  it('decodes entities in title, company and location', () => {
    const doc = page(
      ld({
        '@type': 'JobPosting',
        title: 'R&amp;D Engineer &#8211; Platform',
        hiringOrganization: { name: 'Smith &amp; Sons' },
        jobLocation: [{ address: 'S&atilde;o Paulo' }],
        description: 'Tom &amp; Jerry &lt;3',
      }),
    );
    expect(capturePage(doc)).toMatchObject({
      title: 'R&D Engineer – Platform',
      company: 'Smith & Sons',
      location: 'São Paulo',
      description: 'Tom & Jerry <3',
    });
  });

  it('accepts hiringOrganization as a plain string and the first of several locations', () => {
    const doc = page(
      ld({
        '@type': 'JobPosting',
        title: 'Data Analyst',
        hiringOrganization: 'Globex',
        jobLocation: [{ address: { addressLocality: 'Lyon', addressCountry: 'FR' } }, { address: { addressLocality: 'Paris' } }],
      }),
    );
    const result = capturePage(doc);
    expect(result).toMatchObject({ title: 'Data Analyst', company: 'Globex', location: 'Lyon, FR', source: 'json-ld' });
    expect(result).not.toHaveProperty('description');
  });

  it('skips a script with invalid JSON and uses the next valid one', () => {
    const doc = page(ld('{ "@type": "JobPosting", "title": "Broken", }') + ld({ ...posting, title: 'Second Script' }));
    expect(capturePage(doc)).toMatchObject({ title: 'Second Script', source: 'json-ld' });
  });

  it('skips JSON-LD without a JobPosting or without a title', () => {
    const doc = page(
      ld({ '@type': 'Organization', name: 'Acme' }) + ld({ '@type': 'JobPosting', title: '   ' }) + ld({ ...posting, title: 'Third' }),
    );
    expect(capturePage(doc)).toMatchObject({ title: 'Third', source: 'json-ld' });
  });

  it('ignores scripts of other types', () => {
    const doc = page(`<script type="application/json">${JSON.stringify(posting)}</script>`, '<h1>Heading</h1>');
    expect(capturePage(doc)).toMatchObject({ title: 'Heading', source: 'page' });
  });
});

describe('capturePage: page fallback', () => {
  it('uses the h1 when there is no JSON-LD', () => {
    const doc = page(
      '<title>Doc title</title><meta property="og:title" content="OG title"><meta property="og:site_name" content=" Initech ">',
      '<header><h1>\n   Backend Developer  </h1></header><h1>Second heading</h1>',
    );
    expect(capturePage(doc)).toEqual({ url: PAGE_URL, title: 'Backend Developer', company: 'Initech', source: 'page' });
  });

  it('falls back to og:title without an h1', () => {
    const doc = page('<title>Doc title</title><meta property="og:title" content="  OG title ">', '<h2>Not a title</h2>');
    expect(capturePage(doc)).toEqual({ url: PAGE_URL, title: 'OG title', source: 'page' });
  });

  it('falls back to document.title without h1 or og:title', () => {
    const doc = page('<title>  Careers | Doc title </title>', '<h1>   </h1>');
    expect(capturePage(doc)).toEqual({ url: PAGE_URL, title: 'Careers | Doc title', source: 'page' });
  });

  it('falls back to the page when JSON-LD is only broken', () => {
    const doc = page(ld('not json at all'), '<h1>Visible Title</h1>');
    expect(capturePage(doc)).toMatchObject({ title: 'Visible Title', source: 'page' });
  });
});

describe('canonicalUrl', () => {
  it('prefers the canonical link, resolved against the page', () => {
    const doc = page('<link rel="canonical" href="/postings/42">');
    expect(canonicalUrl(doc)).toBe('https://jobs.example.com/postings/42');
    expect(capturePage(doc).url).toBe('https://jobs.example.com/postings/42');
  });

  it('uses an absolute canonical link as is', () => {
    const doc = page('<link rel="canonical" href="https://careers.example.org/job/7">' + ld(posting));
    expect(capturePage(doc).url).toBe('https://careers.example.org/job/7');
  });

  it('uses the document URL without a canonical link', () => {
    expect(canonicalUrl(page('<link rel="alternate" href="/feed">'))).toBe(PAGE_URL);
  });

  it('defaults to the global document', () => {
    document.title = 'Global title';
    expect(capturePage()).toMatchObject({ title: 'Global title', source: 'page' });
  });
});

describe('htmlToText', () => {
  it.each([
    ['<p>a</p><p>b</p>', 'a\nb'],
    ['one<br>two<br/>three', 'one\ntwo\nthree'],
    ['<div>  spaced \t out  </div>', 'spaced out'],
    ['plain &amp; simple', 'plain & simple'],
    ['<img src=x onerror="globalThis.pwned=1">safe', 'safe'],
  ])('%j → %j', (html, expected) => {
    expect(htmlToText(html)).toBe(expected);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });
});
