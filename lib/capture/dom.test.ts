import { describe, expect, it } from 'vitest';
import { cleanLine, cleanMultiline, decodeEntities, htmlToText, nodeToText, stripInvisible } from './dom';
import { page } from './fixtures/load';

const doc = page('<!doctype html><body></body>');

describe('htmlToText', () => {
  it.each([
    ['<p>a</p><p>b</p>', 'a\nb'],
    ['one<br>two<br/>three', 'one\ntwo\nthree'],
    ['<div>  spaced \t out  </div>', 'spaced out'],
    ['plain &amp; simple', 'plain & simple'],
    ['<ul><li>TypeScript</li><li>React</li></ul>', '• TypeScript\n• React'],
    ['<p>a<br></p><p>b</p>', 'a\nb'],
    ['a<br><br>b', 'a\n\nb'],
    ['<p>a</p><br><br><br><br><p>b</p>', 'a\n\nb'],
    ['<table><tr><td>a</td><td>b</td></tr></table>', 'a b'],
    ['<h2>About</h2><p>We build <b>things</b>&nbsp;together.</p>', 'About\nWe build things together.'],
    ['line one\nline two', 'line one\nline two'],
  ])('%j → %j', (html, expected) => {
    expect(htmlToText(html, doc)).toBe(expected);
  });

  it('reads descriptions escaped once more, as LinkedIn JSON-LD carries them', () => {
    expect(htmlToText('&lt;p&gt;Hello&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Go&lt;/li&gt;&lt;/ul&gt;', doc)).toBe('Hello\n• Go');
    expect(htmlToText('&amp;lt;strong&amp;gt;Twice&amp;lt;/strong&amp;gt;', doc)).toBe('Twice');
  });

  it('never runs what the markup holds: scripts, styles and handlers are dropped, text stays text', () => {
    const html =
      '<p>Safe</p><script>globalThis.pwned = 1</script><style>p{}</style><img src=x onerror="globalThis.pwned=2">' +
      '<svg onload="globalThis.pwned=3"><text>svg</text></svg><iframe srcdoc="<script>globalThis.pwned=4</script>"></iframe>';
    expect(htmlToText(html, doc)).toBe('Safe');
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
    expect(doc.defaultView && (doc.defaultView as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('keeps markup that was written as text (escaped inside markup) as text', () => {
    expect(htmlToText('<p>Use &lt;template&gt; tags</p>', doc)).toBe('Use <template> tags');
  });

  it('works without a DOMParser-capable document (tags dropped, text kept)', () => {
    expect(htmlToText('<p>a</p><p>b</p>')).toMatch(/a\s*\n\s*b|a\nb/);
  });
});

describe('nodeToText', () => {
  it('skips hidden and interactive elements and keeps list structure', () => {
    const d = page('<body><div id=x><p>Intro</p><ul><li>One</li><li>Two</li></ul><button>Apply</button><p hidden>secret</p><noscript>js</noscript></div></body>');
    expect(nodeToText(d.getElementById('x')!)).toBe('Intro\n• One\n• Two');
  });

  // jsdom takes seconds to build a 2,000-deep tree (the walk itself takes ≈ 0.1 s): a generous timeout.
  it('copes with very deep nesting without overflowing the stack', { timeout: 30_000 }, () => {
    const d = page(`<body>${'<div><span>'.repeat(1_000)}deep${'</span></div>'.repeat(1_000)}</body>`);
    expect(nodeToText(d.body)).toBe('deep');
  });
});

describe('invisible Unicode and whitespace', () => {
  it('strips zero-width, bidi controls, soft hyphens, BOM and tag characters; keeps ZWJ emoji', () => {
    const hidden = 'Se\u200Bnior\u00AD \u202EEng\u2066ineer\uFEFF \u{E0069}\u{E0067}\u{E006E}ok 👩\u200D💻';
    expect(stripInvisible(hidden)).toBe('Senior Engineer ok 👩\u200D💻');
  });

  it('cleanLine collapses NBSP, tabs and newlines', () => {
    expect(cleanLine('  a\u00A0\tb\n c  ')).toBe('a b c');
    expect(cleanLine(undefined)).toBe('');
  });

  it('cleanMultiline keeps at most one blank line', () => {
    expect(cleanMultiline(' a \n\n\n\n b\r\nc ')).toBe('a\n\nb\nc');
  });
});

describe('decodeEntities', () => {
  it.each([
    ['FP&amp;A Consultant', 'FP&A Consultant'],
    ['FP&amp;amp;A Consultant', 'FP&A Consultant'],
    ['Caf&eacute; &#8211; Bar &#x2013;', 'Café – Bar –'],
    ['no entities', 'no entities'],
    ['&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt;', '</textarea><script>x</script>'],
  ])('%j → %j', (value, expected) => {
    expect(decodeEntities(value, doc)).toBe(expected);
  });
});
