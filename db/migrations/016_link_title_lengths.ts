import { type Kysely, sql } from 'kysely';

// The owner and period lookups of the link step (pipeline/link.ts) ask only for titles whose
// length lets them reach the lookup's similarity (titleLengthWindow). With the length in their
// covering indexes, after the owner or period start, SQLite seeks to that window instead of
// walking every document of a popular kommun or period start: the rows a lookup reads stay
// bounded by the candidates that could link, not by how often a kommun has applied (issue 12).

const INDEXES: [string, string, string][] = [
  ['documents_owner_cover', 'kind, owner_key, length(title_key), title_key, period_start, period_end, id, sha256', 'kind, owner_key, title_key, period_start, period_end, id, sha256'],
  ['documents_period_cover', 'kind, period_start, length(title_key), title_key, id, sha256', 'kind, period_start, title_key, id, sha256'],
];

async function recreate(db: Kysely<any>, name: string, columns: string): Promise<void> {
  await sql`drop index if exists ${sql.id(name)}`.execute(db);
  await sql`create index ${sql.id(name)} on documents (${sql.raw(columns)})`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, after] of INDEXES) await recreate(db, name, after);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name, , before] of INDEXES) await recreate(db, name, before);
}
