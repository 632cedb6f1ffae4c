import { sql } from 'kysely';
import { LOW_CONFIDENCE } from '../extractors/fields.js';
import { ArendeError } from '../pipeline/errors.js';
import type { Archive } from '../db/archive.js';

// The archivists' work list: documents with open flags or values a person should check first,
// reviewed ones last; and the "mark as reviewed" stamp (documents.reviewed_at / reviewed_by).

export interface QueueEntry {
  id: string;
  kind: string;
  file: string;
  title: string | null;
  /** Flags touching the document (as either side). */
  flags: number;
  /** Fields whose evidence is below 0.6 and that nobody has corrected. */
  checks: number;
  /** Lowest confidence among its uncorrected evidence. */
  min_confidence: number | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
}

export interface QueueOptions { includeReviewed?: boolean; limit?: number; offset?: number }

export async function reviewQueue(db: Archive, options: QueueOptions = {}): Promise<QueueEntry[]> {
  const uncorrected = sql`not exists (select 1 from corrections c where c.document_id = e.document_id and c.field = e.field)`;
  const rows = await sql<QueueEntry>`
    select d.id, d.kind, fl.path as file,
      (select json_extract(coalesce(
        (select c.value_json from corrections c where c.document_id = d.id and c.field = 'title' order by c.id desc limit 1),
        (select v.value_json from field_values v where v.document_id = d.id and v.field = 'title')), '$')) as title,
      (select count(*) from flags g where g.document_id = d.id or g.other_document_id = d.id) as flags,
      (select count(distinct e.field) from evidence e where e.document_id = d.id and e.confidence < ${LOW_CONFIDENCE} and ${uncorrected}) as checks,
      (select min(e.confidence) from evidence e where e.document_id = d.id and ${uncorrected}) as min_confidence,
      d.reviewed_at, d.reviewed_by
    from documents d join files fl on fl.sha256 = d.sha256
    where fl.superseded_by is null ${options.includeReviewed === false ? sql`and d.reviewed_at is null` : sql``}
    order by d.reviewed_at is not null, (flags + checks) = 0, flags desc, checks desc, coalesce(min_confidence, 1), fl.path, d.first_page
    limit ${options.limit ?? 200} offset ${options.offset ?? 0}`.execute(db);
  return rows.rows;
}

/** Stamps a document as reviewed by a person (or clears the stamp). */
export async function markReviewed(db: Archive, id: string, by: string | null, at = new Date().toISOString()): Promise<void> {
  const result = await db.updateTable('documents')
    .set(by === null ? { reviewed_at: null, reviewed_by: null } : { reviewed_at: at, reviewed_by: by })
    .where('id', '=', id).executeTakeFirst();
  if (!result.numUpdatedRows) throw new ArendeError(`no document "${id}" in the archive`);
}

export interface CaseRow { id: string; title: string; decision: string | null; application: string | null; score: number | null }

/** The cases a document belongs to (normally one). */
export async function casesOf(db: Archive, documentId: string): Promise<CaseRow[]> {
  return db.selectFrom('cases')
    .select(['id', 'title', 'decision_id as decision', 'application_id as application', 'score'])
    .where((eb) => eb.or([eb('decision_id', '=', documentId), eb('application_id', '=', documentId)]))
    .orderBy('id').execute();
}

export async function caseById(db: Archive, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases')
    .select(['id', 'title', 'decision_id as decision', 'application_id as application', 'score'])
    .where('id', '=', id).executeTakeFirst();
}
