import { readFileSync } from 'node:fs';
import { DocumentText } from '../../../extractors/document-text.js';
import { extractApplication } from '../../../extractors/application/index.js';
import { foldSwedish } from '../../../extractors/common/index.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
// Seed 003 as the bad OCR layer left it, and the same text with diacritics restored
// (the repair stage's output, one repair mistake "ff" → "tf" corrected by hand).
const variants = {
  raw: read('../../../corpus/documents/003_d550e0da5d25c526.txt'),
  restored: read('./fixtures/003-restored.txt'),
};
const fold = (s: string | null | undefined) => (s == null ? s : foldSwedish(s).toLowerCase());

describe.each(Object.entries(variants))('seed 003 (%s text)', (_, text) => {
  const { fields, messages } = extractApplication(DocumentText.fromText(text));

  it('reads title, owner, partners and kommun', () => {
    expect(fold(fields.title?.value)).toBe('forstarkt stod till arbete & studier');
    expect(fields.owner?.value).toBe('Älvkarleby kommun');
    expect(fields.partners?.value).toEqual(['Arbetsförmedlingen', 'Region Uppsala', 'Försäkringskassan']);
    expect(fields.municipalities?.value).toEqual(['Älvkarleby']);
  });

  it('reads the planned period, intake end and "Minst 15 per år"', () => {
    expect(fields.period?.value).toEqual({ start: '2023-01-01', end: '2024-12-31' });
    expect(fields.intake_end?.value).toBe('2024-09-30');
    expect(fields.participants_per_year?.value).toBe(15);
  });

  it('reads 3 overall, 2 effect and 5 activity goals, wrapped lines joined', () => {
    const goals = fields.goals!.value;
    expect(goals.filter((g) => g.kind === 'overall')).toHaveLength(3);
    expect(goals.filter((g) => g.kind === 'effect')).toHaveLength(2);
    expect(goals.filter((g) => g.kind === 'activity')).toHaveLength(5);
    expect(fold(goals[5].text)).toBe('styrgruppen tar fram lokala rutiner for hallbar samverkan utifran projektets mal. dessa foljs upp en gang i halvaret i samband med styrgruppsmoten.');
    expect(fields.goals!.evidence).toHaveLength(10);
  });

  it('reads the six non-zero cost lines in kronor despite "Kostnader i tkr", and the total 1 540 400', () => {
    const budget = fields.budget!.value;
    expect(budget.total_sek).toBe(1540400);
    expect(budget.lines.map((l) => [fold(l.label), l.amount_sek])).toEqual([
      ['arbetsmarknadsstodjare', 1362000],
      ['lokalhyra', 86400],
      ['telefon-, it-kostnader', 4000],
      ['resor', 20000],
      ['tolk', 60000],
      ['informationsmaterial', 8000],
    ]);
    expect(fields.budget!.evidence[0].extractor).toBe('application/budget/total:kronor-by-magnitude');
    expect(messages.some((m) => m.field === 'budget' && /kronor by magnitude/.test(m.reason))).toBe(true);
    expect(messages.some((m) => /Budgetsammanställning/.test(m.reason))).toBe(false);
  });

  it('reads the amount applied for under "Ange budget/finansiering" and the staffing of the Lönekostnader row', () => {
    expect(fields.amount_sek?.value).toBe(1540400);
    expect(fields.staffing!.value.map((s) => ({ ...s, role: fold(s.role) }))).toEqual([{ role: 'arbetsmarknadsstodjare', percent: 100, count: 1 }]);
  });

  it('reads the four signatories; the incomplete date "2022-06-" becomes null with a message', () => {
    const s = fields.signatories!.value.map((x) => ({ ...x, name: fold(x.name), role: fold(x.role) }));
    expect(s).toEqual([
      { name: 'anna segander', role: 'tf hr-och arbetsmarknadschef', organisation: 'Älvkarleby kommun', date: '2022-06-13' },
      { name: 'carina backstrom', role: null, organisation: 'Region Uppsala', date: null },
      { name: 'martina apell', role: null, organisation: 'Arbetsförmedlingen', date: null },
      { name: 'carina hagelin kjallman', role: null, organisation: 'Försäkringskassan', date: null },
    ]);
    expect(messages.some((m) => m.field === 'signatories' && m.reason.includes('"2022-06-"'))).toBe(true);
  });

  it('gives every value evidence that points back at the text', () => {
    for (const [name, field] of Object.entries(fields)) {
      for (const e of field!.evidence) {
        expect(e.raw.length).toBeGreaterThan(0);
        expect(e.span[1]).toBeGreaterThan(e.span[0]);
        expect(e.extractor.startsWith('application/')).toBe(true);
      }
      if (name === 'title') expect(fold(field!.evidence[0].raw)).toBe('forstarkt stod till arbete & studier');
    }
  });
});

describe('budget checks inside one application', () => {
  const form = (total: string, summary: string, applied = total) => [
    'Ange budget/finansiering (separat budget ska bifogas enligt mall)', '', `${applied} kr`, '',
    'Budget - detaljerad', 'Kostnader i tkr', 'Lönekostnader tjänst %',
    '1. Processledare 75% 21-04-01 21-12-31 300 000 300 000', 'Lokalkostnader', 'Lokalhyra 20 000 20 000',
    `Totalt från Samordningsförbundet ${total} ${total}`, '', 'Budgetsammanställning', `Summa ${summary} 0 ${summary}`, '',
  ].join('\n');

  it('says so when the lines do not add up to the stated total', () => {
    const { messages } = extractApplication(DocumentText.fromText(form('355 000', '355 000')));
    expect(messages.some((m) => m.field === 'budget' && /add up to 320000 kr, its total says 355000/.test(m.reason))).toBe(true);
  });

  it('says so when the Budgetsammanställning disagrees with the detailed table', () => {
    const { fields, messages } = extractApplication(DocumentText.fromText(form('320 000', '350 000')));
    expect(fields.budget?.value.total_sek).toBe(320000);
    expect(messages.some((m) => /Budgetsammanställning says 350000/.test(m.reason))).toBe(true);
  });

  it('reads a table written in thousands ("300 300") when the applied amount says so', () => {
    const text = form('320', '320', '320 000').replace('300 000 300 000', '300 300').replace('20 000 20 000', '20 20');
    const { fields } = extractApplication(DocumentText.fromText(text));
    expect(fields.budget?.value.lines).toEqual([{ label: 'Processledare', amount_sek: 300000 }, { label: 'Lokalhyra', amount_sek: 20000 }]);
    expect(fields.staffing?.value).toEqual([{ role: 'processledare', percent: 75, count: 1 }]);
  });
});

describe('intake end after the end', () => {
  it('adds a period message', () => {
    const text = 'Planerat startdatum: 2024-01-01\n\nPlanerat slutdatum: 2024-12-31\n\nPlanerat slutdatum för intag av personer i insatsen: 2025-03-31\n';
    const { fields, messages } = extractApplication(DocumentText.fromText(text));
    expect(fields.period?.value).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(messages.some((m) => m.field === 'period' && /after the insats ends/.test(m.reason))).toBe(true);
  });
});

describe('a budget whose table cells come out one per line (DOCX)', () => {
  it('joins the label, tjänst % and amount lines into one row and reads the total on the next line', () => {
    const text = ['Budget - detaljerad', 'Kostnader i tkr', 'Lönekostnader', '1. Processledare', '75%', '300 000', '300 000', 'Lokalkostnader', 'Lokalhyra', '20 000', '20 000', 'Totalt från Samordningsförbundet', '320 000'].join('\n');
    const { fields } = extractApplication(DocumentText.fromText(text));
    expect(fields.budget?.value).toEqual({ total_sek: 320000, lines: [{ label: 'Processledare', amount_sek: 300000 }, { label: 'Lokalhyra', amount_sek: 20000 }] });
    expect(fields.staffing?.value).toEqual([{ role: 'processledare', percent: 75, count: 1 }]);
  });
});
