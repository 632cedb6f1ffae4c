// stats_groups and document_kommuner (db/migrations/009_analyst_tables.ts) are kept by triggers on
// document_facts. After every kind of write — ingest, correction, re-ingest of the same bytes, a
// newer version superseding a file, deletion — they must say what a grouping of document_facts
// says, and the search filter by kommun must find what instr() on the kommuner key finds.
import { sql } from 'kysely';
import { correctField } from '../../db/queries/corrections.js';
import { search } from '../../db/queries/search.js';
import { storeFile } from '../../db/queries/store-file.js';
import { STATS_DIMENSIONS, stats, type StatsDimension, type StatsRow } from '../../db/queries/stats.js';
import { archiveWith, seedText, sourceFile, value, type FixtureDocument, type TestArchive } from './fixture.js';

const decision = (seed: string, kommuner: string[], partners: string[], start: string, amount: number, outcome: 'granted' | 'rejected' = 'granted'): FixtureDocument => ({
  path: `in/${seed}-${kommuner.join('-')}.txt`, kind: 'decision', pages: [seedText(seed)],
  fields: {
    title: value(`Insats i ${kommuner.join(' och ')}`, 'titel'), owner: value(`${kommuner[0]} kommun`, 'ägare'),
    municipalities: value(kommuner, kommuner.join(', ')), partners: value(partners, partners.join(', ')),
    period: value({ start, end: null }, start), amount_sek: value(amount, `maximalt ${amount} kronor`), outcome: value(outcome, 'beslut'),
  },
});

const DOCS: FixtureDocument[] = [
  decision('000', ['Älvkarleby'], ['Försäkringskassan', 'Arbetsförmedlingen'], '2021-04-01', 355000),
  decision('001', ['Knivsta', 'Östhammar'], ['Region Uppsala'], '2018-01-01', 5900000),
  decision('002', ['Östhammar'], [], '2018-01-01', 150000, 'rejected'),
  {
    path: 'in/003.txt', kind: 'application', pages: [seedText('003')],
    fields: { municipalities: value(['Älvkarleby'], 'Alvkarleby'), amount_sek: value(1050000, '1 050 000'), period: value({ start: '2020-10-01', end: '2021-12-31' }, '2020-10-01') },
  },
  // No fields at all: counts under "not stated" in every dimension.
  { path: 'in/004.txt', kind: 'decision', pages: [seedText('004')] },
];

/** The grouping stats_groups replaces, straight from document_facts (as db/queries/stats.ts read it before 009). */
async function reference(a: TestArchive, by: StatsDimension): Promise<StatsRow[]> {
  const key = { year: sql`cast(f.year as text)`, outcome: sql`f.outcome`, owner: sql`f.owner`, kind: sql`f.kind`, municipality: sql`j.value`, partner: sql`j.value` }[by];
  const join = by === 'municipality' ? sql`left join json_each(f.municipalities) j` : by === 'partner' ? sql`left join json_each(f.partners) j` : sql``;
  const { rows } = await sql<Record<string, number | string | null>>`
    select ${key} as key, count(*) as documents, sum(f.kind = 'decision') as decisions, sum(f.kind = 'application') as applications,
      sum(f.kind = 'decision' and f.outcome = 'granted') as granted,
      sum(case when f.kind = 'decision' and f.outcome = 'granted' then coalesce(f.amount_sek, 0) else 0 end) as granted_sek,
      sum(case when f.kind = 'application' then coalesce(f.amount_sek, 0) else 0 end) as applied_sek
    from document_facts f ${join} where f.current = 1 group by 1`.execute(a.db);
  return rows.map((r) => ({
    key: r.key === null ? null : String(r.key), documents: Number(r.documents), decisions: Number(r.decisions ?? 0), applications: Number(r.applications ?? 0),
    granted: Number(r.granted ?? 0), granted_sek: Number(r.granted_sek ?? 0), applied_sek: Number(r.applied_sek ?? 0),
  })).sort((x, y) => (x.key === null ? 1 : y.key === null ? -1 : x.key.localeCompare(y.key, 'sv')));
}

async function expectKeptTablesRight(a: TestArchive): Promise<void> {
  for (const by of STATS_DIMENSIONS) expect({ by, rows: (await stats(a.db, by)).rows }).toEqual({ by, rows: await reference(a, by) });
  const { rows: [all] } = await sql<{ n: number; granted: number }>`select count(*) as n, sum(case when outcome = 'granted' and kind = 'decision' then amount_sek else 0 end) as granted from document_facts where current = 1`.execute(a.db);
  for (const by of STATS_DIMENSIONS) expect((await stats(a.db, by)).total).toMatchObject({ documents: all.n, granted_sek: all.granted ?? 0 });
  // Each document's kommuner rows are exactly the entries of its folded kommuner key.
  const { rows } = await sql<{ rowid: number; key: string | null; kept: string | null }>`
    select f.rowid, f.municipalities_key as key, (select group_concat(kommun, '|') from (select kommun from document_kommuner k where k.document_rowid = f.rowid order by kommun)) as kept
    from document_facts f`.execute(a.db);
  for (const r of rows) expect(r.kept ?? '').toBe((r.key ?? '').split('|').filter(Boolean).sort().join('|'));
}

describe('tables kept by triggers for analysts', () => {
  let a: TestArchive;
  beforeEach(async () => { a = await archiveWith(DOCS); });
  afterEach(() => a.close());

  it('agree with a grouping of the facts after ingest', async () => {
    const byKommun = await stats(a.db, 'municipality');
    expect(byKommun.rows.find((r) => r.key === 'Östhammar')).toMatchObject({ documents: 2, decisions: 2, granted: 1, granted_sek: 5900000 });
    expect(byKommun.rows.find((r) => r.key === null)).toMatchObject({ documents: 1 });
    expect(byKommun.total.documents).toBe(5);
    await expectKeptTablesRight(a);
  });

  it('follow a correction of the amount, the outcome and the kommuner', async () => {
    await correctField(a.db, { document: a.ids[2], field: 'outcome', value: 'granted', by: 'Åsa' });
    await correctField(a.db, { document: a.ids[1], field: 'municipalities', value: ['Knivsta'], by: 'Åsa' });
    await correctField(a.db, { document: a.ids[0], field: 'amount_sek', value: 360000, by: 'Åsa' });
    const t = await stats(a.db, 'municipality');
    expect(t.rows.find((r) => r.key === 'Östhammar')).toMatchObject({ documents: 1, granted: 1, granted_sek: 150000 });
    expect((await stats(a.db, 'year')).total.granted_sek).toBe(360000 + 5900000 + 150000);
    expect((await search(a.db, 'beslut', { municipality: 'osthammar' })).map((h) => h.id)).toEqual([a.ids[2]]);
    await expectKeptTablesRight(a);
  });

  it('follow a re-ingest of the same bytes and a newer version superseding a file', async () => {
    await a.db.transaction().execute((trx) => storeFile(trx, sourceFile(DOCS[1], 1)));
    await expectKeptTablesRight(a);
    // New bytes at the path of seed 001: the old version stops counting, the new one counts.
    const newer = { ...DOCS[1], pages: [seedText('001') + '\nReviderad.'], fields: { ...DOCS[1].fields, amount_sek: value(6000000, '6 000 000') } };
    const [newId] = await a.db.transaction().execute((trx) => storeFile(trx, sourceFile(newer, 99)));
    expect((await stats(a.db, 'kind')).total.documents).toBe(5);
    expect((await stats(a.db, 'partner')).rows.find((r) => r.key === 'Region Uppsala')).toMatchObject({ documents: 1, granted_sek: 6000000 });
    await expectKeptTablesRight(a);
    // Neither the superseded version nor a deleted document is found by kommun any more.
    await a.db.deleteFrom('documents').where('id', '=', a.ids[2]).execute();
    expect((await search(a.db, 'beslut', { municipality: 'Östhammar', year: 2018 })).map((h) => h.id)).toEqual([newId]);
    await expectKeptTablesRight(a);
  });

  it('filters search by kommun as instr() on the folded kommuner key did, diacritics and case ignored', async () => {
    for (const kommun of ['Östhammar', 'osthammar', 'ÄLVKARLEBY', 'Knivsta', 'Tierp']) {
      const hits = (await search(a.db, 'kommun', { municipality: kommun })).map((h) => h.id).sort();
      const key = `|${kommun.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()}|`;
      const { rows } = await sql<{ id: string }>`select document_id as id from document_facts f
        where current = 1 and instr(municipalities_key, ${key}) > 0 and f.rowid in (select rowid from documents_fts where documents_fts match '"kommun"*')`.execute(a.db);
      const compound = await sql<{ id: string }>`select document_id as id from document_facts f
        where current = 1 and instr(municipalities_key, ${key}) > 0 and f.rowid in (select rowid from documents_trigram where documents_trigram match '"kommun"')`.execute(a.db);
      expect(hits).toEqual([...new Set([...rows, ...compound.rows].map((r) => r.id))].sort());
    }
  });
});
