import { parseRow, readAmounts } from '../../../extractors/application/numbers.js';

describe('table rows with columns run together', () => {
  it('reads "1. Arbetsmarknadsstodjare 100% 23-01-01 24-12-31 1 362 000 1362 000"', () => {
    const row = parseRow('1. Arbetsmarknadsstodjare 100% 23-01-01 24-12-31 1 362 000 1362 000');
    expect(row).toMatchObject({ label: 'Arbetsmarknadsstodjare', percent: 100, amounts: [1362000, 1362000] });
  });

  it('reads "4000 4000" as two amounts and "86 400 86 400" as two', () => {
    expect(readAmounts('4000 4000')).toEqual([4000, 4000]);
    expect(readAmounts('86 400 86 400')).toEqual([86400, 86400]);
  });

  it('uses the row total to split "500 500" into two amounts, but keeps "86 400" whole', () => {
    expect(readAmounts('500 500')).toEqual([500, 500]);
    expect(readAmounts('86 400')).toEqual([86400]);
  });

  it('reads the insatsägare columns of "Totalt fran Samordningsférbundet 1 540 400 0 0 0 1 540 400"', () => {
    expect(parseRow('Totalt fran Samordningsférbundet 1 540 400 0 0 0 1 540 400').amounts).toEqual([1540400, 0, 0, 0, 1540400]);
  });

  it('keeps the label of a zero row "Telefon-, IT-kostnader 0"', () => {
    expect(parseRow('Telefon-, IT-kostnader 0')).toMatchObject({ label: 'Telefon-, IT-kostnader', amounts: [0] });
  });
});
