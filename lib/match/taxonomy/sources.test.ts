import { describe, expect, it } from 'vitest';
import { escoLabelForms, onetSurfaces, parseCsv, parseEsco, parseOnet } from './sources';

describe('parseCsv', () => {
  it('handles quoted commas, quotes and line breaks', () => {
    expect(parseCsv('a,b\n"x, y","he said ""hi""\nthen left"\r\nlast,\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'he said "hi"\nthen left'],
      ['last', ''],
    ]);
  });
});

describe('ESCO', () => {
  it('reads labels and synonyms', () => {
    const csv = 'preferredLabel,altLabels,skillType\nPython (computer programming),"Python\nPython 3",knowledge\n';
    expect(parseEsco(csv)).toEqual([{ preferredLabel: 'Python (computer programming)', altLabels: ['Python', 'Python 3'], skillType: 'knowledge' }]);
    expect(escoLabelForms('Python (computer programming)')).toEqual(['Python (computer programming)', 'Python']);
  });
});

describe('O*NET', () => {
  it('groups examples over occupations', () => {
    const tsv = [
      'O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand',
      '1\tMicrosoft Excel\t1\tSpreadsheet software\tY\tN',
      '2\tMicrosoft Excel\t1\tSpreadsheet software\tN\tY',
    ].join('\n');
    expect(parseOnet(tsv)).toEqual([{ example: 'Microsoft Excel', commodities: ['Spreadsheet software'], occupations: 2, hot: true, inDemand: true }]);
  });

  it.each([
    ['Microsoft PowerPoint', 'PowerPoint', ['Microsoft PowerPoint', 'PowerPoint']],
    ['Microsoft Excel', 'Microsoft Excel', ['Microsoft Excel']],
    ['The MathWorks MATLAB', 'MATLAB', ['The MathWorks MATLAB', 'MATLAB']],
    ['Structured query language SQL', 'Structured query language', ['Structured query language', 'SQL']],
    ['Amazon Web Services AWS software', 'Amazon Web Services', ['Amazon Web Services', 'AWS']],
    ['Microsoft Word', 'Microsoft Word', ['Microsoft Word']],
    ['Oracle Java', 'Oracle Java', ['Oracle Java']],
  ])('names for %s', (example, canonical, surfaces) => {
    expect(onetSurfaces(example)).toEqual({ canonical, surfaces });
  });
});
