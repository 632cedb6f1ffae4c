// 010_search_prefixes.ts rebuilds documents_fts with prefix indexes (lengths 2–12) so that a query
// word, always matched as a prefix, is one doclist instead of a merge of every term it begins. The
// hits and their bm25 scores must be exactly those of the index without them.
import { Migrator, sql } from 'kysely';
import { migrationProvider } from '../../db/migrations/index.js';
import { search } from '../../db/queries/search.js';
import { archiveWith, seedText, value, type TestArchive } from './fixture.js';

const QUERIES: [string, Parameters<typeof search>[2]][] = [
  ['insats', {}], // 6 letters: a prefix index
  ['sa', {}], // 2 letters: the shortest indexed
  ['samverkan', { kind: 'decision' }],
  ['forsakringskassan', {}], // 17 letters: longer than any prefix index, merged as before
  ['"till beslut" insats', { year: 2021 }],
  ['alvkarleby processledare', {}],
];

describe('search prefix indexes', () => {
  let a: TestArchive;
  beforeAll(async () => {
    a = await archiveWith(['000', '001', '002', '003', '004'].map((seed, i) => ({
      path: `in/${seed}.txt`, kind: seed === '003' ? 'application' as const : 'decision' as const, pages: [seedText(seed)],
      fields: { period: value({ start: `${2018 + i}-01-01`, end: null }, 'period') },
    })));
  });
  afterAll(() => a.close());

  it('give the same hits and bm25 scores as the index without them', async () => {
    const withPrefixes = [];
    for (const [q, o] of QUERIES) withPrefixes.push(await search(a.db, q, o));
    expect(withPrefixes[0].length).toBeGreaterThan(2);
    expect(withPrefixes[0].every((h) => h.match === 'word' && h.score !== null)).toBe(true);

    const migrator = new Migrator({ db: a.db, provider: migrationProvider });
    const { error } = await migrator.migrateTo('009_analyst_tables');
    expect(error).toBeUndefined();
    const { rows } = await sql<{ sql: string }>`select sql from sqlite_master where name = 'documents_fts'`.execute(a.db);
    expect(rows[0].sql).not.toMatch(/prefix/);
    const without = [];
    for (const [q, o] of QUERIES) without.push(await search(a.db, q, o));
    expect(withPrefixes).toEqual(without);

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const again = [];
    for (const [q, o] of QUERIES) again.push(await search(a.db, q, o));
    expect(again).toEqual(without);
  });
});
