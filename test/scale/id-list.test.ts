// jsonIdList (db/queries/id-list.ts): one SQL text for an `in` list of any length (issue 12: lists of
// every length were each a new statement, and crowded the statement cache), with ids of any
// spelling and more of them than SQLite's bound-parameter limit.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { jsonIdList } from '../../db/queries/id-list.js';

describe('jsonIdList', () => {
  let sqlite: Database.Database;
  let db: Kysely<any>;
  const prepared: string[] = [];
  beforeAll(async () => {
    sqlite = new Database(':memory:');
    db = new Kysely<any>({ dialect: new SqliteDialect({ database: { prepare: (s: string) => (prepared.push(s), sqlite.prepare(s)), close: () => sqlite.close() } }) });
    await sql`create table t (id text primary key)`.execute(db);
    const ids = Array.from({ length: 40_000 }, (_, i) => `doc-${i}`).concat(['Älvkarleby "citat"', "o'hara"]);
    await sql`insert into t select value from json_each(${JSON.stringify(ids)})`.execute(db);
  });
  afterAll(async () => db.destroy());

  const found = async (ids: string[]) =>
    (await db.selectFrom('t').select('id').where('id', 'in', jsonIdList(JSON.stringify(ids))).orderBy('id').execute()).map((r) => r.id);

  it('finds every listed id, beyond the bound-parameter limit, with quotes and diacritics, and none for an empty list', async () => {
    const many = Array.from({ length: 35_000 }, (_, i) => `doc-${i * 1 + 5000}`);
    expect(await found(many)).toHaveLength(35_000);
    expect(await found(['Älvkarleby "citat"', "o'hara", 'saknas'])).toEqual(["o'hara", 'Älvkarleby "citat"']);
    expect(await found([])).toEqual([]);
  });

  it('is one SQL text whatever the length', async () => {
    prepared.length = 0;
    for (const n of [1, 2, 3, 50, 999, 1000]) await found(Array.from({ length: n }, (_, i) => `doc-${i}`));
    expect(new Set(prepared).size).toBe(1);
  });
});
