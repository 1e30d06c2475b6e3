import { describe, expect, it } from 'vitest';
import { aliasKeys, fold, tokenize, wordKey } from './tokenize';

describe('tokenize', () => {
  it('keeps technology names whole, with offsets', () => {
    const text = 'C++, C#/.NET, node.js and ASP.NET (5+ yrs).';
    expect(tokenize(text).map((t) => t.raw)).toEqual(['C++', ',', 'C#', '/', '.NET', ',', 'node.js', 'and', 'ASP.NET', '(', '5+', 'yrs', ')', '.']);
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.raw);
  });

  it('records the gap before each token', () => {
    expect(tokenize('a-b c\nd').map((t) => t.gap)).toEqual(['none', 'none', 'none', 'space', 'newline']);
  });
});

describe('keys', () => {
  it('fold case, accents, possessives and plurals', () => {
    expect(fold('Équipe Straße')).toBe('equipe strasse');
    expect(['Bachelor’s', "Master's", 'APIs', 'technologies', 'databases'].map(wordKey)).toEqual(['bachelor', 'master', 'api', 'technology', 'database']);
  });

  it('leave short words, -ss/-us and -ics alone', () => {
    expect(['AWS', 'js', 'Sass', 'status', 'genetics', 'electronics'].map(wordKey)).toEqual(['aws', 'js', 'sass', 'status', 'genetics', 'electronics']);
  });

  it('ignore hyphens and slashes inside multi-word names', () => {
    expect(aliasKeys('front-end')).toEqual(aliasKeys('front end'));
    expect(aliasKeys('CI / CD')).toEqual(['ci', 'cd']);
  });
});
