import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('files')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('page_count', 'integer', (c) => c.notNull())
    .addColumn('pipeline_version', 'text', (c) => c.notNull())
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .addColumn('superseded_by', 'text')
    .execute();
  await db.schema.createTable('file_paths')
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('first_seen', 'text', (c) => c.notNull())
    .addColumn('last_seen', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('file_paths_pk', ['path', 'sha256'])
    .execute();
  await db.schema.createIndex('file_paths_sha').on('file_paths').column('sha256').execute();
  await db.schema.createTable('rejections')
    .addColumn('path', 'text', (c) => c.primaryKey())
    .addColumn('sha256', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('pipeline_version', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createTable('pages')
    .addColumn('sha256', 'text', (c) => c.notNull().references('files.sha256').onDelete('cascade'))
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('confidence', 'real')
    .addColumn('words_json', 'text')
    .addColumn('repairs_json', 'text')
    .addColumn('replaced_layer', 'text')
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addPrimaryKeyConstraint('pages_pk', ['sha256', 'n'])
    .execute();
  await db.schema.createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull().references('files.sha256').onDelete('cascade'))
    .addColumn('first_page', 'integer', (c) => c.notNull())
    .addColumn('last_page', 'integer', (c) => c.notNull())
    .addColumn('start_offset', 'integer', (c) => c.notNull())
    .addColumn('end_offset', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('ocr_used', 'integer', (c) => c.notNull())
    .addColumn('ocr_confidence', 'real')
    .addColumn('pipeline_version', 'text', (c) => c.notNull())
    .addColumn('title_key', 'text')
    .addColumn('owner_key', 'text')
    .addColumn('period_start', 'text')
    .addColumn('period_end', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'text')
    .execute();
  await db.schema.createIndex('documents_sha').on('documents').column('sha256').execute();
  await db.schema.createIndex('documents_link').on('documents').columns(['kind', 'title_key']).execute();
  await db.schema.createIndex('documents_owner').on('documents').columns(['kind', 'owner_key']).execute();
  await db.schema.createTable('field_values')
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('field_values_pk', ['document_id', 'field'])
    .execute();
  await db.schema.createTable('evidence')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('ord', 'integer', (c) => c.notNull())
    .addColumn('page', 'integer', (c) => c.notNull())
    .addColumn('span_start', 'integer', (c) => c.notNull())
    .addColumn('span_end', 'integer', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('confidence', 'real', (c) => c.notNull())
    .addColumn('extractor', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_doc').on('evidence').columns(['document_id', 'field', 'ord']).execute();
  // Corrections outlive re-processing: no foreign key, keyed by the stable document id.
  await db.schema.createTable('corrections')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('previous_json', 'text')
    .addColumn('by', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('corrections_doc').on('corrections').columns(['document_id', 'field', 'id']).execute();
  await db.schema.createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('decision_id', 'text')
    .addColumn('application_id', 'text')
    .addColumn('score', 'real')
    .execute();
  await db.schema.createIndex('cases_decision').on('cases').column('decision_id').execute();
  await db.schema.createIndex('cases_application').on('cases').column('application_id').execute();
  await db.schema.createTable('flags')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('other_document_id', 'text')
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('values_json', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .execute();
  await sql`create unique index flags_unique on flags (code, document_id, coalesce(other_document_id, ''), field)`.execute(db);
  await db.schema.createIndex('flags_other').on('flags').column('other_document_id').execute();
  await db.schema.createTable('messages')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('sha256', 'text')
    .addColumn('document_id', 'text')
    .addColumn('page', 'integer')
    .addColumn('span_start', 'integer')
    .addColumn('span_end', 'integer')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('messages_sha').on('messages').column('sha256').execute();
  await db.schema.createIndex('messages_doc').on('messages').column('document_id').execute();
  await db.schema.createTable('runs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('pipeline_version', 'text', (c) => c.notNull())
    .addColumn('summary_json', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['runs', 'messages', 'flags', 'cases', 'corrections', 'evidence', 'field_values', 'documents', 'pages', 'rejections', 'file_paths', 'files']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
