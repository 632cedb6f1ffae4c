import { findPeriods, parseSwedishDate, parseSwedishPeriod } from '../../../extractors/common/index.js';

describe('parseSwedishDate', () => {
  it.each([
    ['1 april 2021', '2021-04-01'],
    ['2018-01-01', '2018-01-01'],
    ['Den 31/12-2018 finns en lokal överenskommelse', '2018-12-31'],
    ['23-01-01', '2023-01-01'],
    ['1 oktober 2020', '2020-10-01'],
  ])('reads "%s" as %s', (text, iso) => {
    expect(parseSwedishDate(text)).toBe(iso);
  });

  it('rejects impossible dates', () => {
    expect(parseSwedishDate('2021-02-30')).toBeNull();
  });
});

describe('parseSwedishPeriod', () => {
  it.each([
    ['för perioden 1 april 2021 till 31 december 2021, maximalt 355 000 kronor', '2021-04-01', '2021-12-31'],
    ['som finansiering under perioden 2018-01-01 till 2021-12-31', '2018-01-01', '2021-12-31'],
    ['för perioden 1 oktober 2020 fram till 31 december 2021', '2020-10-01', '2021-12-31'],
    ['under 2018', '2018-01-01', '2018-12-31'],
    ['höstterminen 2019', '2019-08-01', '2019-12-31'],
    ['perioden 2023-01-01 – 2024-12-31', '2023-01-01', '2024-12-31'],
    ['1 april – 31 december 2021', '2021-04-01', '2021-12-31'],
    ['april–december 2021', '2021-04-01', '2021-12-31'],
    ['under åren 2019–2021', '2019-01-01', '2021-12-31'],
    ['vårterminen 2020', '2020-01-01', '2020-06-30'],
    ['fr.o.m. 2019-01-01 t.o.m. 2020-12-31', '2019-01-01', '2020-12-31'],
    ['perioden 1 april 2021 till 31 december 2021'.normalize('NFD'), '2021-04-01', '2021-12-31'],
    ['hosterminen 2019 (OCR lost the ring)'.replace('hosterminen', 'hostterminen'), '2019-08-01', '2019-12-31'],
  ])('reads "%s"', (text, start, end) => {
    expect(parseSwedishPeriod(text)).toEqual({ start, end });
  });

  it('reads an open start', () => {
    expect(parseSwedishPeriod('från och med 2019-01-01')).toEqual({ start: '2019-01-01', end: null });
  });

  it('does not take a lone year or a single date for a period', () => {
    expect(parseSwedishPeriod('Den 31/12-2018 finns en överenskommelse')).toBeNull();
    expect(parseSwedishPeriod('inriktning 2018')).toBeNull();
  });

  it('gives the offsets of the expression', () => {
    const text = 'att avsätta maximalt 150 000 kr som finansiering under perioden 2018-01-01 till 2018-12-31';
    const [p] = findPeriods(text);
    expect(text.slice(p.from, p.to)).toBe('2018-01-01 till 2018-12-31');
  });
});
