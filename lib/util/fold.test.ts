import { describe, expect, it } from 'vitest';
import { foldCase, stripAccents } from './fold';

describe('stripAccents', () => {
  it.each([
    ['Müller-Lüdenscheidt', 'Muller-Ludenscheidt'],
    ['Ingénieur Développement', 'Ingenieur Developpement'],
    ['Señor', 'Senor'],
    ['ﬁnance', 'finance'],
    ['São Paulo', 'Sao Paulo'],
  ])('%s → %s', (input, output) => {
    expect(stripAccents(input)).toBe(output);
  });

  it('keeps letters that have no decomposition (ß, ø, ł) and punctuation', () => {
    expect(stripAccents('Straße Ørsted Łódź C++ .NET')).toBe('Straße Ørsted Łodz C++ .NET');
  });
});

describe('foldCase', () => {
  it('lowers the case after removing accents', () => {
    expect(foldCase('ÉCOLE Polytechnique')).toBe('ecole polytechnique');
  });
});
