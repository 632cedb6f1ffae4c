// The trigram (compound) index reads each document's distinct long words, not its whole text
// (db/migrations/011_trigram_words.ts, issue 12): compound search finds the same documents, a
// row written without words falls back to its text, and 011 fills the words of an older archive.
import { type Kysely, Migrator, sql } from 'kysely';
import { migrateToLatest } from '../../db/archive.js';
import { migrationProvider } from '../../db/migrations/index.js';
import { search } from '../../db/queries/search.js';
import { searchWords } from '../../db/search-words.js';
import { memoryArchive } from './memory-archive.js';

const TEXT = 'Insatsen Lotsen bygger på flerpartssamverkan mellan Försäkringskassan och kommunen. Lotsen och flerpartssamverkan.';

async function insertDocument(db: Kysely<any>, id: string, text: string, words?: string): Promise<void> {
  await sql`insert or ignore into files (sha256, path, size, mime, page_count, pipeline_version, ingested_at) values ('f1', 'a.txt', 1, 'text/plain', 1, 'v', 't')`.execute(db);
  await sql`insert into documents (id, sha256, first_page, last_page, start_offset, end_offset, kind, language, text, ocr_used, pipeline_version${words === undefined ? sql`` : sql`, search_words`})
    values (${id}, 'f1', 1, 1, 0, ${text.length}, 'decision', 'swe', ${text}, 0, 'v'${words === undefined ? sql`` : sql`, ${words}`})`.execute(db);
}

const trigramHits = async (db: Kysely<any>, q: string) =>
  (await sql<{ n: number }>`select count(*) as n from documents_trigram where documents_trigram match ${q}`.execute(db)).rows[0].n;

describe('trigram index over distinct long words', () => {
  let db: Kysely<any>;
  afterEach(async () => db?.destroy());

  it('keeps each word of six letters or more once, lower-cased, in order of first use', () => {
    expect(searchWords(TEXT)).toBe('insatsen lotsen bygger flerpartssamverkan mellan försäkringskassan kommunen');
  });

  it('finds a word part inside a compound, but no longer text that runs across words', async () => {
    db = memoryArchive();
    await migrateToLatest(db);
    await insertDocument(db, 'd1', TEXT, searchWords(TEXT));
    expect(await trigramHits(db, '"partssamverkan"')).toBe(1);
    expect(await trigramHits(db, '"forsakringskass"')).toBe(1);
    expect(await trigramHits(db, '"lotsen och"')).toBe(0);
    const hits = await search(db as never, 'partssamverkan');
    expect(hits.map((h) => [h.id, h.match])).toEqual([['d1', 'compound']]);
    expect(hits[0].snippet).toMatch(/fler«partssamverkan»/);
  });

  it('indexes the whole text of a row written without words, and follows deletes', async () => {
    db = memoryArchive();
    await migrateToLatest(db);
    await insertDocument(db, 'd1', TEXT);
    expect(await trigramHits(db, '"lotsen och"')).toBe(1);
    await sql`update documents set search_words = ${searchWords(TEXT)} where id = 'd1'`.execute(db);
    expect(await trigramHits(db, '"lotsen och"')).toBe(0);
    expect(await trigramHits(db, '"partssamverkan"')).toBe(1);
    await sql`delete from documents where id = 'd1'`.execute(db);
    expect(await trigramHits(db, '"partssamverkan"')).toBe(0);
    await sql`insert into documents_trigram(documents_trigram) values ('integrity-check')`.execute(db);
  });

  it('migrates an archive written before 011: words filled, the index rebuilt from them', async () => {
    db = memoryArchive();
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo('008_facts_per_field')).error).toBeUndefined();
    await insertDocument(db, 'd1', TEXT);
    expect(await trigramHits(db, '"lotsen och"')).toBe(1);
    await migrateToLatest(db);
    const row = (await sql<{ search_words: string }>`select search_words from documents where id = 'd1'`.execute(db)).rows[0];
    expect(row.search_words).toBe(searchWords(TEXT));
    expect(await trigramHits(db, '"lotsen och"')).toBe(0);
    expect(await trigramHits(db, '"partssamverkan"')).toBe(1);
    await sql`insert into documents_trigram(documents_trigram) values ('integrity-check')`.execute(db);
  });
});
