// Phrasings from decisions of other förbund (corpus dec-10 … dec-13, the tune split) that the
// extractor first missed: each test pins one general rule, not a corpus file.
import { findPeriods, findStaffing } from '../../../extractors/common/index.js';

const staffing = (text: string) => findStaffing(text).map(({ role, percent, count }) => ({ role, percent, count }));

describe('staffing phrasings', () => {
  it('reads "två coacher på heltid och en projektledare (50 %)"', () => {
    expect(staffing('I insatsen arbetar två coacher på heltid och en projektledare (50 %).')).toEqual([
      { role: 'coach', percent: 100, count: 2 },
      { role: 'projektledare', percent: 50, count: 1 },
    ]);
  });

  it('reads "1,5 tjänst som jobbcoach" as one post line of 150 %', () => {
    expect(staffing('Insatsen bemannas med 1,5 tjänst som jobbcoach, förlagd till arbetsmarknadsenheten.')).toEqual([
      { role: 'jobbcoach', percent: 150, count: 1 },
    ]);
  });

  it('reads roles outside the word list by their agent suffix ("en brobyggare på 100 %")', () => {
    expect(staffing('Insatsen bemannas med en brobyggare på 100 % som arbetar uppsökande.')).toEqual([{ role: 'brobyggare', percent: 100, count: 1 }]);
    expect(staffing('Insatsen bemannas med en arbetsmarknadsstödjare på 100 %.')).toEqual([{ role: 'arbetsmarknadsstödjare', percent: 100, count: 1 }]);
  });

  it('does not read participants or costs as posts', () => {
    expect(staffing('Insatsen tar emot 40 deltagare där andelen i arbete ska öka till 50 %.')).toEqual([]);
    expect(staffing('Insatsen har en kostnad på 50 % av budgeten.')).toEqual([]);
  });
});

describe('periods', () => {
  it('reads "för perioden januari 2024–december 2025" (months after a word, not a day)', () => {
    const [p] = findPeriods('finansiering med 1 200 tkr för perioden januari 2024–december 2025,');
    expect([p.start, p.end, p.form]).toEqual(['2024-01-01', '2025-12-31', 'months']);
  });

  it('reads "från och med 1 mars 2023 till och med 29 februari 2024" (leap day)', () => {
    const [p] = findPeriods('från och med 1 mars 2023 till och med 29 februari 2024');
    expect([p.start, p.end]).toEqual(['2023-03-01', '2024-02-29']);
  });

  it('reads "fr.o.m. 2024-01-01 t.o.m. 2025-06-30"', () => {
    const [p] = findPeriods('att finansieringen avser perioden fr.o.m. 2024-01-01 t.o.m. 2025-06-30');
    expect([p.start, p.end]).toEqual(['2024-01-01', '2025-06-30']);
  });
});
