// document_facts is kept by per-field triggers (db/migrations/008_facts_per_field.ts) instead of a
// whole-row recompute per field row (issue 12). They must leave the same row the whole-row
// recompute of 002_search.ts gives, for every field a facts column derives from.
import Database from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { recompute } from '../../db/migrations/002_search.js';
import { deferSearchIndex, flushSearchIndex } from '../../db/search-index.js';
import { cachingDatabase } from '../../db/statement-cache.js';
import { memoryArchiveWithFile } from './memory-archive.js';

const FIELDS: Record<string, unknown> = {
  title: 'Steg mot arbete',
  owner: 'Tierps kommun',
  partners: ['Försäkringskassan', 'Arbetsförmedlingen'],
  municipalities: ['Älvkarleby', 'Östhammar'],
  period: { start: '2022-01-01', end: '2023-12-31' },
  signatories: [{ name: 'Martina Apell', date: '2021-11-24' }],
  amount_sek: 355000,
  outcome: 'approved',
  staffing: '75 procent',
};

async function facts(db: Kysely<any>): Promise<Record<string, unknown>[]> {
  return (await sql<Record<string, unknown>>`select * from document_facts order by rowid`.execute(db)).rows;
}

describe('document_facts per-field triggers', () => {
  let db: Kysely<any>;
  beforeEach(async () => {
    db = await memoryArchiveWithFile();
    for (const id of ['d1', 'd2']) {
      await sql`insert into documents (id, sha256, first_page, last_page, start_offset, end_offset, kind, language, text, ocr_used, pipeline_version)
        values (${id}, 'f1', 1, 1, 0, 10, 'decision', 'sv', 'Förslag till beslut', 0, 'v')`.execute(db);
    }
  });
  afterEach(async () => db.destroy());

  /** The facts as the incremental triggers left them equal a whole-row recompute of every row. */
  async function expectWholeRowEqual(): Promise<void> {
    const incremental = await facts(db);
    await sql.raw(recompute('document_facts.document_id')).execute(db);
    expect(incremental).toEqual(await facts(db));
  }

  it('fills title, kommuner key, period, year and amount from inserted field rows', async () => {
    await db.insertInto('field_values').values(Object.entries(FIELDS).map(([field, v]) => ({ document_id: 'd1', field, value_json: JSON.stringify(v) }))).execute();
    const [row] = await facts(db);
    expect(row).toMatchObject({ title: 'Steg mot arbete', owner: 'Tierps kommun', municipalities_key: '|alvkarleby|osthammar|', period_start: '2022-01-01', year: 2022, amount_sek: 355000, outcome: 'approved' });
    await expectWholeRowEqual();
  });

  it('takes the year from the earliest signature when there is no period, and follows deletes and corrections', async () => {
    const { period: _, ...noPeriod } = FIELDS;
    await db.insertInto('field_values').values(Object.entries(noPeriod).map(([field, v]) => ({ document_id: 'd2', field, value_json: JSON.stringify(v) }))).execute();
    expect((await facts(db))[1]).toMatchObject({ year: 2021, period_start: null });
    await db.deleteFrom('field_values').where('document_id', '=', 'd2').where('field', 'in', ['amount_sek', 'municipalities']).execute();
    expect((await facts(db))[1]).toMatchObject({ amount_sek: null, municipalities: '[]', municipalities_key: null });
    await sql`insert into corrections (document_id, field, value_json, by, at) values ('d2', 'amount_sek', '400000', 'handläggare', 't')`.execute(db);
    expect((await facts(db))[1]).toMatchObject({ amount_sek: 400000 });
    await expectWholeRowEqual();
  });
});

describe('document_facts deferred to the group flush (013_facts_deferred.ts)', () => {
  const rowsOf = async (db: Kysely<any>, table: string) =>
    (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows.map(({ rowid: _, ...r }) => r)
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

  /** Two documents with fields, a correction, a field deleted, and d2's file superseded. */
  async function write(db: Kysely<any>): Promise<void> {
    await sql`insert into files (sha256, path, size, mime, page_count, pipeline_version, ingested_at) values ('f2', 'b.txt', 1, 'text/plain', 1, 'v', 't')`.execute(db);
    const { period: _, ...noPeriod } = FIELDS;
    for (const [id, sha, fields] of [['d1', 'f1', FIELDS], ['d2', 'f2', noPeriod]] as const) {
      await sql`insert into documents (id, sha256, first_page, last_page, start_offset, end_offset, kind, language, text, ocr_used, pipeline_version)
        values (${id}, ${sha}, 1, 1, 0, 10, ${id === 'd1' ? 'decision' : 'application'}, 'sv', 'Förslag till beslut', 0, 'v')`.execute(db);
      await db.insertInto('field_values').values(Object.entries(fields).map(([field, v]) => ({ document_id: id, field, value_json: JSON.stringify(v) }))).execute();
    }
    await sql`insert into corrections (document_id, field, value_json, by, at) values ('d1', 'amount_sek', '400000', 'handläggare', 't')`.execute(db);
    await db.deleteFrom('field_values').where('document_id', '=', 'd2').where('field', '=', 'municipalities').execute();
    await sql`update files set superseded_by = 'f1' where sha256 = 'f2'`.execute(db);
  }

  it('makes, at the flush, the facts rows and stats the immediate triggers make', async () => {
    const immediate = await memoryArchiveWithFile();
    await write(immediate);
    const deferred = await memoryArchiveWithFile();
    await deferred.transaction().execute(async (trx) => {
      await deferSearchIndex(trx);
      await write(trx);
      expect(await rowsOf(trx, 'document_facts')).toEqual([]);
      await flushSearchIndex(trx);
    });
    const facts = await rowsOf(deferred, 'document_facts');
    expect(facts).toEqual(await rowsOf(immediate, 'document_facts'));
    expect(facts).toContainEqual(expect.objectContaining({ document_id: 'd1', amount_sek: 400000, current: 1, year: 2022 }));
    expect(facts).toContainEqual(expect.objectContaining({ document_id: 'd2', current: 0, year: 2021, municipalities_key: null }));
    // The immediate path leaves emptied groups behind (stats reads documents <> 0); the rest must agree.
    const groups = async (db: Kysely<any>) => (await rowsOf(db, 'stats_groups')).filter((g) => g.documents !== 0);
    expect(await groups(deferred)).toEqual(await groups(immediate));
    expect(await groups(deferred)).toContainEqual(expect.objectContaining({ dimension: 'year', key: '2022', documents: 1, granted_sek: 0 }));
    await Promise.all([immediate.destroy(), deferred.destroy()]);
  });
});

describe('prepared statement cache', () => {
  it('reuses a statement for the same SQL, drops the least recently used, and never hands out a busy one', () => {
    const sqlite = new Database(':memory:');
    const cached = cachingDatabase(sqlite, 2);
    const a = cached.prepare('select 1 as x');
    expect(cached.prepare('select 1 as x')).toBe(a);
    const two = cached.prepare('select 2 as x');
    cached.prepare('select 1 as x');
    cached.prepare('select 3 as x');
    // 'select 2' was the least recently used of three: evicted, 'select 1' kept.
    expect(cached.prepare('select 1 as x')).toBe(a);
    const b = cached.prepare('select 2 as x');
    expect(b).not.toBe(two);
    expect(cached.prepare('select 2 as x')).toBe(b);
    const rows = (b as unknown as Database.Statement).iterate();
    rows.next();
    expect(cached.prepare('select 2 as x')).not.toBe(b);
    rows.return?.();
    cached.close();
  });
});
