import { CompiledQuery, sql, type Insertable, type Transaction } from 'kysely';
import type { SourceFile } from '../../pipeline/source-file.js';
import { PIPELINE_VERSION } from '../../pipeline/version.js';
import type { ArchiveSchema } from '../schema.js';
import { searchWords } from '../search-words.js';
import type { Archive } from '../archive.js';
import { preparedQuery } from '../prepared-query.js';
import { linkKeysOf } from './keys.js';
import { evidenceJson } from '../evidence-json.js';
import type { PageImagesTable } from '../migrations/004_page_images.js';

type Db = Archive | Transaction<ArchiveSchema>;

/** The file-level statements every stored file runs, compiled once (db/prepared-query.ts). */
const statements = {
  stored: preparedQuery((db, sha256: string) => db.selectFrom('files').select('sha256').where('sha256', '=', sha256)),
  upsertFile: preparedQuery((db, sha256: string, path: string, size: number, mime: string, pageCount: number, version: string, now: string) => db.insertInto('files')
    .values({ sha256, path, size, mime, page_count: pageCount, pipeline_version: version, ingested_at: now, superseded_by: null })
    .onConflict((oc) => oc.column('sha256').doUpdateSet({ path, mime, page_count: pageCount, pipeline_version: version, ingested_at: now, superseded_by: null }))),
  recordPath: preparedQuery((db, path: string, sha256: string, now: string) => db.insertInto('file_paths').values({ path, sha256, first_seen: now, last_seen: now })
    .onConflict((oc) => oc.columns(['path', 'sha256']).doUpdateSet({ last_seen: now }))),
  supersedeOthers: preparedQuery((db, path: string, sha256: string) => db.updateTable('files').set({ superseded_by: sha256 }).where('path', '=', path).where('sha256', '!=', sha256)),
  clearRejections: preparedQuery((db, path: string, sha256: string) => db.deleteFrom('rejections').where((eb) => eb.or([eb('path', '=', path), eb('sha256', '=', sha256)]))),
};

/**
 * Writes one processed file: its pages, documents, field values with evidence and messages,
 * replacing whatever an earlier run stored for the same bytes. Call inside a transaction:
 * a file is in the archive whole or not at all.
 */
export async function storeFile(db: Db, file: SourceFile, now = new Date().toISOString()): Promise<string[]> {
  const { sha256 } = file;
  // Bytes never stored before (the nightly case) have nothing to replace: one lookup, not three deletes.
  if ((await statements.stored(db, sha256)).length) {
    await db.deleteFrom('documents').where('sha256', '=', sha256).execute();
    await db.deleteFrom('pages').where('sha256', '=', sha256).execute();
    await db.deleteFrom('messages').where('sha256', '=', sha256).execute();
  }
  await statements.upsertFile(db, sha256, file.path, file.size, file.mime, file.pages.length, PIPELINE_VERSION, now);
  await recordPath(db, file.path, sha256, now);
  await supersedeOtherVersions(db, file.path, sha256);
  await statements.clearRejections(db, file.path, sha256);

  for (const page of file.pages) {
    await insertRow(db, 'pages', {
      sha256, n: page.n, text: page.text, raw: page.raw, origin: page.origin, confidence: page.confidence,
      words_json: page.words?.length ? JSON.stringify(page.words) : null,
      repairs_json: page.repairs?.length ? JSON.stringify(page.repairs) : null,
      replaced_layer: page.replacedLayer ?? null,
      width: page.image?.width ?? null, height: page.image?.height ?? null,
    });
  }
  for (const page of file.pages) if (page.image?.png) await storePageImage(db, sha256, page.n, page.image.png);
  const values: Insertable<ArchiveSchema['field_values']>[] = [];
  for (const doc of file.documents) {
    const pages = file.pages.filter((p) => p.n >= doc.pages[0] && p.n <= doc.pages[1]);
    const ocrPages = pages.filter((p) => p.origin === 'ocr');
    const ocrConfidence = ocrPages.length ? ocrPages.reduce((s, p) => s + (p.confidence ?? 0), 0) / ocrPages.length : null;
    await insertRow(db, 'documents', {
      id: doc.id, sha256, first_page: doc.pages[0], last_page: doc.pages[1], start_offset: doc.startOffset, end_offset: doc.endOffset,
      kind: doc.kind, language: doc.language, text: doc.text, ocr_used: ocrPages.length ? 1 : 0, ocr_confidence: ocrConfidence,
      pipeline_version: PIPELINE_VERSION,
      ...linkKeysOf(doc.fields?.title?.value, doc.fields?.owner?.value, doc.fields?.period?.value), reviewed_at: null, reviewed_by: null,
      search_words: doc.searchWords ?? searchWords(doc.text),
    });
    for (const [field, extracted] of Object.entries(doc.fields ?? {})) {
      if (!extracted) continue;
      values.push({ document_id: doc.id, field, value_json: JSON.stringify(extracted.value), evidence_json: evidenceJson(extracted.evidence) });
    }
  }
  await insertRows(db, 'field_values', ['document_id', 'field', 'value_json', 'evidence_json'], values);
  await insertRows(db, 'messages', ['sha256', 'document_id', 'page', 'span_start', 'span_end', 'stage', 'level', 'reason'], file.messages.map((m) => ({
    sha256, document_id: m.document ?? null, page: m.page ?? null, span_start: m.span?.[0] ?? null, span_end: m.span?.[1] ?? null, stage: m.stage, level: m.level, reason: m.reason,
  })));
  return file.documents.map((d) => d.id);
}

/** The page's image for the review page (db/migrations/004_page_images.ts); its size read from the PNG header. */
async function storePageImage(db: Db, sha256: string, n: number, png: Uint8Array): Promise<void> {
  const header = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const width = header.readUInt32BE(16);
  const height = header.readUInt32BE(20);
  await db.withTables<{ page_images: PageImagesTable }>().insertInto('page_images').values({ sha256, n, png: header, width, height })
    .onConflict((oc) => oc.columns(['sha256', 'n']).doUpdateSet({ png: header, width, height }))
    .execute();
}

/** The SQL of each insert shape, made once: the statement cache then finds its statement by the text. */
const insertSql = new Map<string, string>();

/**
 * `insert into table (columns) values (?, …)` for one row, or `… select … from json_each(?)` for
 * many rows sent as one JSON array of arrays.
 */
function insertText(db: Db, table: string, columns: string[], shape: 'row' | 'rows'): string {
  const key = `${shape} ${table}(${columns.join()})`;
  let text = insertSql.get(key);
  if (text === undefined) {
    const source = shape === 'row'
      ? sql`values (${sql.join(columns.map(() => sql`?`))})`
      : sql`select ${sql.join(columns.map((_, i) => sql.raw(`j.value ->> ${i}`)))} from json_each(?) j`;
    text = sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.id(c)))}) ${source}`.compile(db).sql;
    insertSql.set(key, text);
  }
  return text;
}

/** One row, its values bound as they are (a document's text is not copied into JSON and parsed back). */
async function insertRow<T extends keyof ArchiveSchema & string>(db: Db, table: T, row: Insertable<ArchiveSchema[T]>): Promise<void> {
  await db.executeQuery(CompiledQuery.raw(insertText(db, table, Object.keys(row), 'row'), Object.values(row)));
}

/**
 * Many rows in one statement whose SQL never changes: the rows travel as one JSON array that
 * SQLite reads with json_each. A statement of N rows built by the query builder is compiled and
 * prepared anew for every N, which cost more than the insert for the evidence rows (issue 12).
 */
async function insertRows<T extends object>(db: Db, table: keyof ArchiveSchema & string, columns: (keyof T & string)[], rows: T[]): Promise<void> {
  if (!rows.length) return;
  const json = JSON.stringify(rows.map((r) => columns.map((c) => r[c] ?? null)));
  await db.executeQuery(CompiledQuery.raw(insertText(db, table, columns, 'rows'), [json]));
}

export async function recordPath(db: Db, path: string, sha256: string, now = new Date().toISOString()): Promise<void> {
  await statements.recordPath(db, path, sha256, now);
}

/** Every other content seen at `path` is an older version of `sha256` (also makeCurrent, for bytes seen before). */
export async function supersedeOtherVersions(db: Db, path: string, sha256: string): Promise<void> {
  await statements.supersedeOthers(db, path, sha256);
}

/** A recorded rejection; a later successful ingest of the same path removes it. */
export async function storeRejection(db: Db, path: string, sha256: string | null, reason: string, now = new Date().toISOString()): Promise<void> {
  await db.insertInto('rejections').values({ path, sha256, reason, pipeline_version: PIPELINE_VERSION, at: now })
    .onConflict((oc) => oc.column('path').doUpdateSet({ sha256, reason, pipeline_version: PIPELINE_VERSION, at: now }))
    .execute();
}

