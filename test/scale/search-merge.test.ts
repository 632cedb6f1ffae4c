// The search indexes merge their segments 8 at a time (db/migrations/014_search_merge.ts, issue
// 12): set on a new archive, undone by the migration's down, and the indexes still answer.
import { type Kysely, Migrator, sql } from 'kysely';
import { migrateToLatest } from '../../db/archive.js';
import { migrationProvider } from '../../db/migrations/index.js';
import { SEARCH_INDEXES } from '../../db/migrations/014_search_merge.js';
import { memoryArchive } from './memory-archive.js';

const automerge = async (db: Kysely<any>, table: string) =>
  (await sql<{ v: number }>`select v from ${sql.table(`${table}_config`)} where k = 'automerge'`.execute(db)).rows[0]?.v ?? null;

describe('search index merging (014)', () => {
  let db: Kysely<any>;
  afterEach(async () => db?.destroy());

  it('merges 8 segments at a time in both indexes, and down restores the default 4', async () => {
    db = memoryArchive();
    await migrateToLatest(db);
    for (const t of SEARCH_INDEXES) expect(await automerge(db, t)).toBe(8);
    const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo('013_facts_deferred');
    expect(error).toBeUndefined();
    for (const t of SEARCH_INDEXES) expect(await automerge(db, t)).toBe(4);
  });

  it('keeps every document findable across many small segments and their merges', async () => {
    db = memoryArchive();
    await migrateToLatest(db);
    await sql`insert into files (sha256, path, size, mime, page_count, pipeline_version, ingested_at) values ('f1', 'a.txt', 1, 'text/plain', 1, 'v', 't')`.execute(db);
    // One document per statement: a segment each, so the indexes merge several times.
    for (let i = 0; i < 40; i++) {
      const text = `Insatsen nummer${i} i samverkan med Försäkringskassan`;
      await sql`insert into documents (id, sha256, first_page, last_page, start_offset, end_offset, kind, language, text, ocr_used, pipeline_version)
        values (${`d${i}`}, 'f1', 1, 1, 0, ${text.length}, 'decision', 'swe', ${text}, 0, 'v')`.execute(db);
    }
    const hits = async (table: string, q: string) => (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where ${sql.table(table)} match ${q}`.execute(db)).rows[0].n;
    expect(await hits('documents_fts', 'försäkringskassan')).toBe(40);
    expect(await hits('documents_fts', 'nummer17')).toBe(1);
    expect(await hits('documents_trigram', '"kringskassan"')).toBe(40);
  });
});
