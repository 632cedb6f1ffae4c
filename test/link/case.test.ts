// A decision and its ansökan through ingest → archive → export: one case, the exact flags, and
// flags recomputed (never duplicated) when a person corrects a field.
import { correctField } from '../../db/queries/corrections.js';
import { docOf, flagList, TempArchive } from './fixtures.js';

describe('a decision/application pair in one archive', () => {
  const archive = new TempArchive();
  afterAll(() => archive.remove());

  beforeAll(async () => {
    const summary = await archive.ingest(['pair-03-dec.txt', 'pair-03-app.txt']);
    expect(summary.rejected).toBe(0);
  });

  it('links "Språk och arbete i Gottsunda" decision and ansökan into one case', async () => {
    const out = await archive.export();
    const dec = docOf(out, 'pair-03-dec.txt');
    const app = docOf(out, 'pair-03-app.txt');
    expect(out.cases).toEqual([expect.objectContaining({ decision: dec.id, application: app.id, title: 'Språk och arbete i Gottsunda' })]);
  });

  it('flags exactly the amount (900 000 vs 1 120 000 kr) and the staffing (språkcoach 75 % vs 100 %)', async () => {
    const out = await archive.export();
    const dec = docOf(out, 'pair-03-dec.txt');
    const app = docOf(out, 'pair-03-app.txt');
    expect(flagList(out)).toEqual([
      'amount_mismatch amount_sek pair-03-dec.txt→pair-03-app.txt',
      'staffing_mismatch staffing pair-03-dec.txt→pair-03-app.txt',
    ]);
    const amount = out.flags.find((f) => f.code === 'amount_mismatch')!;
    expect(amount).toMatchObject({ document: dec.id, other_document: app.id, values: [900000, 1120000] });
    expect(amount.message).toMatch(/900\s000 kr.*1\s120\s000 kr/);
    const staffing = out.flags.find((f) => f.code === 'staffing_mismatch')!;
    expect(staffing.values).toEqual([[{ role: 'språkcoach', percent: 75, count: 1 }], [{ role: 'språkcoach', percent: 100, count: 1 }]]);
  });

  it('drops amount_mismatch when the amount is corrected to the ansökan\'s, and raises it once when corrected back', async () => {
    const { id } = docOf(await archive.export(), 'pair-03-dec.txt');
    await archive.open((db) => correctField(db, { document: id, field: 'amount_sek', value: 1120000, by: 'test' }));
    let out = await archive.export();
    expect(flagList(out)).toEqual(['staffing_mismatch staffing pair-03-dec.txt→pair-03-app.txt']);
    expect(docOf(out, 'pair-03-dec.txt').provenance.amount_sek[0].corrected).toMatchObject({ by: 'test', previous: 900000 });

    await archive.open((db) => correctField(db, { document: id, field: 'amount_sek', value: 900000, by: 'test' }));
    out = await archive.export();
    expect(flagList(out)).toEqual([
      'amount_mismatch amount_sek pair-03-dec.txt→pair-03-app.txt',
      'staffing_mismatch staffing pair-03-dec.txt→pair-03-app.txt',
    ]);
    expect(out.cases).toHaveLength(1);
    const rows = await archive.open((db) => db.selectFrom('flags').select('code').execute());
    expect(rows).toHaveLength(2);
  });

  it('changes nothing when the same files are ingested again', async () => {
    const before = await archive.export();
    const summary = await archive.ingest(['pair-03-dec.txt', 'pair-03-app.txt']);
    expect(summary.unchanged).toBe(2);
    const after = await archive.export();
    expect(flagList(after)).toEqual(flagList(before));
    expect(after.cases).toEqual(before.cases);
  });
});
