import { type Kysely } from 'kysely';

// The runner's makeCurrent looks up the documents of files superseded by the bytes just stored,
// once per ingested file; without this index that was a scan of every file (issue 12).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('files_superseded').ifNotExists().on('files').column('superseded_by').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('files_superseded').ifExists().execute();
}
