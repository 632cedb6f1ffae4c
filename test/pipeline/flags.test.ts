import { checkDocument, compareCase, type DocumentFacts } from '../../pipeline/flags.js';

const base = (over: Partial<DocumentFacts>): DocumentFacts => ({
  id: 'x', kind: 'decision', title: null, owner: null, partners: [], period: null, amount_sek: null, applied: null,
  staffing: [], participants_per_year: null, budget: null, intake_end: null, ...over,
});

const decision = base({
  id: 'dec', kind: 'decision', title: 'Förstärkt stöd till arbete & studier', owner: 'Älvkarleby kommun',
  partners: ['Arbetsförmedlingen', 'Försäkringskassan', 'Region Uppsala'], period: { start: '2023-01-01', end: '2024-06-30' },
  amount_sek: 1450000, staffing: [{ role: 'arbetsmarknadsstödjare', percent: 100, count: 1 }], participants_per_year: 15,
});
const application = base({
  id: 'app', kind: 'application', title: 'Forstarkt stod till arbete & studier', owner: 'Älvkarleby kommun',
  partners: ['Region Uppsala', 'Försäkringskassan', 'Arbetsförmedlingen'], period: { start: '2023-01-01', end: '2024-12-31' },
  amount_sek: 1540400, staffing: [{ role: 'Arbetsmarknadsstodjare', percent: 100, count: 1 }], participants_per_year: 15,
  budget: { total_sek: 1540400, lines: [{ label: 'Lönekostnader', amount_sek: 1362000 }, { label: 'Lokalhyra', amount_sek: 86400 }, { label: 'Övrigt', amount_sek: 92000 }] },
  intake_end: '2024-09-30',
});

describe('compareCase', () => {
  it('flags exactly the amount and the period when a decision grants less for a shorter period', () => {
    const flags = compareCase(decision, application);
    expect(flags.map((f) => f.code).sort()).toEqual(['amount_mismatch', 'period_mismatch']);
    const amount = flags.find((f) => f.code === 'amount_mismatch')!;
    expect(amount.values).toEqual([1450000, 1540400]);
    expect(amount.document).toBe('dec');
    expect(amount.other_document).toBe('app');
    expect(amount.message).toBe('Beslutet beviljar 1\u00a0450\u00a0000 kr, ansökan söker 1\u00a0540\u00a0400 kr');
  });

  it('treats titles equal beyond case, punctuation, spacing and diacritics as the same', () => {
    expect(compareCase(decision, application).some((f) => f.code === 'title_mismatch')).toBe(false);
    const renamed = compareCase({ ...decision, title: 'Stöd till arbete' }, application);
    expect(renamed.find((f) => f.code === 'title_mismatch')?.values).toEqual(['Stöd till arbete', application.title]);
  });

  it('compares partners as sets and owners, staffing and participants by value', () => {
    const flags = compareCase({ ...decision, owner: 'Tierps kommun', partners: ['Arbetsförmedlingen'], staffing: [{ role: 'coach', percent: 50, count: 2 }], participants_per_year: 20 }, application);
    expect(flags.map((f) => f.code).sort()).toEqual(['amount_mismatch', 'owner_mismatch', 'participants_mismatch', 'partners_mismatch', 'period_mismatch', 'staffing_mismatch']);
  });

  it('raises nothing for a rejection, whose amount is null', () => {
    expect(compareCase({ ...decision, amount_sek: null, period: application.period }, application)).toEqual([]);
  });
});

describe('checkDocument', () => {
  it('flags a decision whose Ärendet names another amount than it proposes', () => {
    const flags = checkDocument({ ...decision, applied: { period: decision.period, amount_sek: 1500000 } });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ code: 'amount_mismatch', other_document: null, values: [1450000, 1500000] });
  });

  it('flags budget lines that do not add up to the total', () => {
    const budget = { total_sek: 1540400, lines: [{ label: 'Lokalhyra', amount_sek: 86400 }, { label: 'Resor', amount_sek: 20000 }] };
    expect(checkDocument({ ...application, budget })[0]).toMatchObject({ code: 'budget_sum_mismatch', field: 'budget', values: [106400, 1540400] });
    expect(checkDocument(application)).toEqual([]);
  });

  it('flags an intake end after the end and an end before the start', () => {
    expect(checkDocument({ ...application, intake_end: '2025-03-31' })[0]).toMatchObject({ code: 'invalid_period', values: ['2025-03-31', '2024-12-31'] });
    expect(checkDocument({ ...application, period: { start: '2024-01-01', end: '2023-12-31' } })[0]).toMatchObject({ code: 'invalid_period', values: ['2024-01-01', '2023-12-31'] });
  });
});
