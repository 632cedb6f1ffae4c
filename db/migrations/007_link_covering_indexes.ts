import { type Kysely } from 'kysely';

// The link step's candidate lookups (pipeline/link.ts candidateQueries) read id, sha256 and
// title_key of up to 200 rows per lookup. documents keeps its text inline before those columns,
// so reading them from the table walks each row's overflow pages: 2 ms a lookup in a 20 000-
// document archive. Covering indexes answer the lookups from the index alone (issue 12); they
// replace the narrower (kind, title_key), (kind, owner_key) and (kind, period_start) indexes,
// which are their prefixes, so a write still updates three link indexes, not six.

const COVERING: [string, string[]][] = [
  ['documents_title_cover', ['kind', 'title_key', 'id', 'sha256']],
  ['documents_owner_cover', ['kind', 'owner_key', 'title_key', 'id', 'sha256']],
  ['documents_period_cover', ['kind', 'period_start', 'title_key', 'id', 'sha256']],
];
const REPLACED: [string, string[]][] = [
  ['documents_link', ['kind', 'title_key']],
  ['documents_owner', ['kind', 'owner_key']],
  ['documents_period', ['kind', 'period_start']],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, columns] of COVERING) await db.schema.createIndex(name).ifNotExists().on('documents').columns(columns).execute();
  for (const [name] of REPLACED) await db.schema.dropIndex(name).ifExists().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name, columns] of REPLACED) await db.schema.createIndex(name).ifNotExists().on('documents').columns(columns).execute();
  for (const [name] of COVERING) await db.schema.dropIndex(name).ifExists().execute();
}
