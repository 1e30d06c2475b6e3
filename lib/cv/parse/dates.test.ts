import { describe, expect, it } from 'vitest';
import { findDateRanges, isDateOnly, rangeOf, removeDates, toIsoDate } from './dates';

describe('findDateRanges', () => {
  it.each([
    ['Jan 2023 - Present', '2023-01', undefined, true],
    ['Sept 2018 – May 2023', '2018-09', '2023-05', false],
    ['2012 – 2017', '2012', '2017', false],
    ['(10/2022-05/2023)', '2022-10', '2023-05', false],
    ['03/2019-EN CURSO', '2019-03', undefined, true],
    ['2025.02–pres.', '2025-02', undefined, true],
    ['Mar. 2021 Jun. 2023', '2021-03', '2023-06', false],
    ['Mar. 2016 Exp. Jun. 2017', '2016-03', '2017-06', false],
    ['July 2018 - Present', '2018-07', undefined, true],
    ['janvier 2020 – aujourd’hui', '2020-01', undefined, true],
    ['Okt. 2019 – heute', '2019-10', undefined, true],
    ['enero 2019 - diciembre 2020', '2019-01', '2020-12', false],
    ['2020-01-15 – 2021-02', '2020-01', '2021-02', false],
  ])('%s', (text, start, end, current) => {
    const r = rangeOf(findDateRanges(text));
    expect(r.startDate).toBe(start);
    expect(r.endDate).toBe(end);
    expect(Boolean(r.current)).toBe(current);
  });

  it('ignores numbers that are not dates', () => {
    expect(findDateRanges('10.1234/neurips.2023.1234')).toEqual([]);
    expect(findDateRanges('US Patent 11,234,567')).toEqual([]);
    expect(findDateRanges('Reduced latency by 73% for 2M+ users')).toEqual([]);
  });

  it('joins a range split over two lines', () => {
    expect(rangeOf([...findDateRanges('2017 –'), ...findDateRanges('Present')])).toEqual({
      startDate: '2017',
      endDate: undefined,
      current: true,
    });
  });
});

describe('isDateOnly / removeDates / toIsoDate', () => {
  it('tells date-only strings', () => {
    expect(isDateOnly('Jan 2023 - Present')).toBe(true);
    expect(isDateOnly('(2019)')).toBe(true);
    expect(isDateOnly('Present')).toBe(true);
    expect(isDateOnly('Product Manager, 2019')).toBe(false);
  });
  it('removes dates', () => {
    expect(removeDates('Full Stack Developer, ABC, June 2018 - Present')).toBe('Full Stack Developer, ABC,');
  });
  it('converts one date', () => {
    expect(toIsoDate('May 2016')).toBe('2016-05');
    expect(toIsoDate('no date')).toBeUndefined();
  });
});
