import { findAmounts, parseSwedishAmount } from '../../../extractors/common/index.js';

describe('parseSwedishAmount', () => {
  it.each([
    ['maximalt 355 000 kronor', 355000],
    ['att avsätta maximalt 5 900 000 kr som finansiering', 5900000],
    ['1,5 mnkr', 1500000],
    ['1 050 tkr', 1050000],
    ['150 000:-', 150000],
    ['kr 150 000', 150000],
    ['1.540.400', 1540400],
    ['1\u00a0540\u2009400 kr', 1540400],
    ['1 540 400 kr', 1540400],
    ['2,3 miljoner kronor', 2300000],
    ['SEK 150 000', 150000],
    ['kostnaden är 150 000 kronor under perioden', 150000],
  ])('reads "%s" as %d', (text, value) => {
    expect(parseSwedishAmount(text)).toBe(value);
  });

  it('does not read percentages or dates as money', () => {
    expect(parseSwedishAmount('100 %')).toBeNull();
    expect(parseSwedishAmount('2018-01-01')).toBeNull();
  });
});

describe('findAmounts', () => {
  it('finds the amount after a year without swallowing the year', () => {
    const text = 'under 2019 avsätts 150 000 kr';
    const [a] = findAmounts(text);
    expect(a.value).toBe(150000);
    expect(text.slice(a.start, a.end)).toBe('150 000 kr');
  });

  it('finds every amount with offsets', () => {
    const text = 'Ansökan avser 1 050 tkr, varav 300 000 kr år ett.';
    expect(findAmounts(text).map((a) => [a.value, text.slice(a.start, a.end)])).toEqual([
      [1050000, '1 050 tkr'],
      [300000, '300 000 kr'],
    ]);
  });

  it('reads unit-less budget figures only when asked, skipping years', () => {
    expect(findAmounts('totalt 1 540 400 under 2018')).toEqual([]);
    expect(findAmounts('totalt 1 540 400 under 2018', { bare: true }).map((a) => a.value)).toEqual([1540400]);
  });
});
