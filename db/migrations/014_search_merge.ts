import { type Kysely, sql } from 'kysely';

// FTS5 merges an index's segments once `automerge` of them (default 4) sit on one level: every
// posting is rewritten once per level, and the levels grow with the archive. At 8 there are about
// half as many levels to rewrite through; a search reads at most twice the segments. Each group
// commit writes one segment per index (db/search-index.ts), so in the 100 000-document bench
// archive 3 000 new files spent a quarter less in the trigram index's insert and less in the
// commit (fewer pages rewritten by merges).

export const SEARCH_INDEXES = ['documents_fts', 'documents_trigram'];

async function automerge(db: Kysely<any>, segments: number): Promise<void> {
  for (const t of SEARCH_INDEXES) await sql.raw(`insert into ${t}(${t}, rank) values ('automerge', ${segments})`).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await automerge(db, 8);
}

export async function down(db: Kysely<any>): Promise<void> {
  await automerge(db, 4);
}
