import { type Kysely } from 'kysely';

// Indexes the per-file writes and the link step look up by, so their cost per new document does
// not grow with the archive (issue 12). Without them each was a scan of the whole table:
// - documents (kind, period_start): link candidates with the same period start;
// - flags (document_id): recomputeFlags deletes and reads a document's flags (flags_unique leads
//   with code, so it cannot serve a lookup by document);
// - files (path): storeFile marks older content seen at the same path as superseded;
// - rejections (sha256): storeFile clears a rejection of the same bytes.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('documents_period').ifNotExists().on('documents').columns(['kind', 'period_start']).execute();
  await db.schema.createIndex('flags_document').ifNotExists().on('flags').column('document_id').execute();
  await db.schema.createIndex('files_path').ifNotExists().on('files').column('path').execute();
  await db.schema.createIndex('rejections_sha').ifNotExists().on('rejections').column('sha256').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['documents_period', 'flags_document', 'files_path', 'rejections_sha']) await db.schema.dropIndex(name).ifExists().execute();
}
