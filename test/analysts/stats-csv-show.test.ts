import { parse } from 'csv-parse/sync';
import { exportCsv } from '../../db/queries/export-csv.js';
import { effectiveFields } from '../../db/queries/fields.js';
import { formatShownDocument, resolveDocuments, showDocument } from '../../db/queries/show.js';
import { formatStatsTable, stats } from '../../db/queries/stats.js';
import { archiveWith, seedText, value, type TestArchive } from './fixture.js';

// Amounts as the seeds state them ("maximalt 355 000 kronor", "maximalt 5 900 000 kr", ...).
const DECISIONS = [
  { seed: '000', amount: 355000, kommun: 'Älvkarleby', start: '2021-04-01', owner: 'Älvkarleby kommun' },
  { seed: '001', amount: 5900000, kommun: 'Knivsta', start: '2018-01-01', owner: 'Knivsta kommun' },
  { seed: '002', amount: 150000, kommun: 'Älvkarleby', start: '2018-01-01', owner: 'Älvkarleby kommun' },
  { seed: '004', amount: 1050000, kommun: 'Älvkarleby', start: '2020-10-01', owner: 'Älvkarleby kommun' },
];

describe('stats, CSV and show', () => {
  let a: TestArchive;
  beforeAll(async () => {
    a = await archiveWith([
      ...DECISIONS.map((d) => ({
        path: `corpus/${d.seed}.txt`, kind: 'decision' as const, pages: [seedText(d.seed)],
        fields: {
          title: value(`Insats ${d.seed} i ${d.kommun}`, 'title'), owner: value(d.owner, d.owner), municipalities: value([d.kommun], d.kommun),
          partners: value(['Försäkringskassan', 'Arbetsförmedlingen'], 'parter'),
          period: value({ start: d.start, end: null }, d.start), amount_sek: value(d.amount, `maximalt ${d.amount} kronor`), outcome: value('granted' as const, 'bevilja'),
        },
      })),
      {
        path: 'corpus/003.txt', kind: 'application', pages: [seedText('003')], ocrConfidence: 0.45,
        fields: {
          title: value('Nya vägar för samverkan', 'Nya vagar for samverkan', 0.42), owner: value('Älvkarleby kommun', 'Alvkarleby kommun'),
          municipalities: value(['Älvkarleby'], 'Alvkarleby'), amount_sek: value(1050000, '1 050 000'),
          period: value({ start: '2020-10-01', end: '2021-12-31' }, '2020-10-01'),
          goals: value([{ kind: 'overall' as const, text: 'Fler i arbete; färre i utanförskap' }], 'Övergripande mål'),
        },
      },
    ]);
    // A person corrects the decision of seed 002: the corrected amount is what analysts see.
    await a.db.insertInto('corrections').values({ document_id: a.ids[2], field: 'amount_sek', value_json: '160000', previous_json: '150000', by: 'Åsa', at: '2026-01-02T10:00:00Z', note: 'protokollet' }).execute();
  });
  afterAll(() => a.close());

  it('totals granted per year from the corrected amounts, equal to the sum stored', async () => {
    const t = await stats(a.db, 'year');
    const granted = DECISIONS.reduce((s, d) => s + (d.seed === '002' ? 160000 : d.amount), 0);
    expect(t.total.granted_sek).toBe(granted);
    expect(t.total.applied_sek).toBe(1050000);
    expect(t.rows.find((r) => r.key === '2018')).toMatchObject({ documents: 2, granted_sek: 5900000 + 160000 });
    expect(t.rows.reduce((s, r) => s + r.granted_sek, 0)).toBe(granted);
  });

  it('groups by kommun and agrees with effectiveFields', async () => {
    const t = await stats(a.db, 'municipality');
    const fields = await effectiveFields(a.db, a.ids);
    const alvkarleby = a.ids.filter((id) => (fields.get(id)!.municipalities?.value as string[]).includes('Älvkarleby'));
    expect(t.rows.find((r) => r.key === 'Älvkarleby')!.documents).toBe(alvkarleby.length);
    expect(formatStatsTable(t)).toMatch(/^Älvkarleby\s+4\s+3\s+1\s+3\s+1 565 000\s+1 050 000$/m);
  });

  it('writes a CSV that round-trips through csv-parse with å, ä, ö intact (BOM, ";" delimiter)', async () => {
    const csv = await exportCsv(a.db, { table: 'documents', delimiter: ';' });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv, { bom: true, columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(rows).toHaveLength(5);
    const app = rows.find((r) => r.kind === 'application')!;
    expect(app.title).toBe('Nya vägar för samverkan');
    expect(app.owner).toBe('Älvkarleby kommun');
    expect(app.goals).toBe('overall: Fler i arbete; färre i utanförskap');
    expect(app.check_fields).toBe('title');
    const corrected = rows.find((r) => r.id === a.ids[2])!;
    expect(corrected).toMatchObject({ amount_sek: '160000', corrected_fields: 'amount_sek', partners: 'Försäkringskassan; Arbetsförmedlingen' });
  });

  it('writes cases and flags CSVs with their headers', async () => {
    for (const table of ['cases', 'flags'] as const) {
      const rows = parse(await exportCsv(a.db, { table }), { bom: true, columns: true }) as Record<string, string>[];
      expect(Array.isArray(rows)).toBe(true);
    }
    expect((await exportCsv(a.db, { table: 'flags' })).split('\r\n')[0]).toBe('\uFEFFcode,document,other_document,field,value_document,value_other,message,title');
  });

  it('shows a low-confidence value marked CHECK, with page, raw text and corrections', async () => {
    const [id] = await resolveDocuments(a.db, 'corpus/003.txt');
    const text = formatShownDocument(await showDocument(a.db, id));
    expect(text).toMatch(/^title\s+Nya vägar för samverkan\s+confidence 0\.42\s+CHECK$/m);
    expect(text).toMatch(/p\.1 \[0–23\] test 0\.42 CHECK: "Nya vagar for samverkan"/);
    expect(text).not.toMatch(/^owner .*CHECK/m);
    const corrected = formatShownDocument(await showDocument(a.db, a.ids[2]));
    expect(corrected).toMatch(/corrected by Åsa at 2026-01-02T10:00:00Z: 150000 → 160000 \(protokollet\)/);
  });

  it('finds a document by a unique id prefix', async () => {
    expect(await resolveDocuments(a.db, a.ids[0].slice(0, 8))).toEqual([a.ids[0]]);
    await expect(resolveDocuments(a.db, 'no-such-document')).rejects.toThrow(/no document/);
  });
});
