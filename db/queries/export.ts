import { CONTRACT_FIELDS, type Evidence } from '../../extractors/fields.js';
import type { Archive } from '../archive.js';
import { effectiveFields, type EffectiveFields } from './fields.js';

export const EXPORT_SCHEMA = 'arende.export/1';

export interface ExportEvidence extends Evidence {
  corrected: null | { by: string; at: string; previous: unknown };
}

export interface ExportDocument {
  id: string;
  file: string;
  sha256: string;
  pages: [number, number];
  kind: 'decision' | 'application' | 'other';
  language: string;
  title: string | null;
  owner: string | null;
  partners: string[];
  municipalities: string[];
  period: { start: string | null; end: string | null };
  amount_sek: number | null;
  outcome: 'granted' | 'rejected' | null;
  applied: { period: { start: string | null; end: string | null } | null; amount_sek: number | null } | null;
  goals: { kind: string; text: string }[];
  staffing: { role: string; percent: number | null; count: number }[];
  participants_per_year: number | null;
  budget: { total_sek: number | null; lines: { label: string; amount_sek: number }[] } | null;
  signatories: { name: string | null; role: string | null; organisation: string | null; date: string | null }[];
  ocr: { used: boolean; mean_confidence: number | null };
  text: string;
  provenance: Record<string, ExportEvidence[]>;
}

export interface ExportCase { id: string; title: string; decision: string | null; application: string | null }
export interface ExportFlag { code: string; document: string; other_document: string | null; field: string; values: [unknown, unknown]; message: string }
export interface ExportRejection { file: string; sha256: string | null; reason: string }

export interface ExportObject {
  schema: typeof EXPORT_SCHEMA;
  documents: ExportDocument[];
  cases: ExportCase[];
  flags: ExportFlag[];
  rejected: ExportRejection[];
}

const LIST_FIELDS = new Set(['partners', 'municipalities', 'goals', 'staffing', 'signatories']);

/** Fields defaulted per the contract: lists are [], the period is {start:null,end:null}, the rest null. */
function contractValue(field: string, value: unknown): unknown {
  if (value !== null && value !== undefined) return value;
  if (LIST_FIELDS.has(field)) return [];
  if (field === 'period') return { start: null, end: null };
  return null;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value as object).every((v) => v === null);
  return false;
}

/** One document as the contract shapes it, from its row and its effective fields. */
export function toExportDocument(row: DocumentRow, fields: EffectiveFields): ExportDocument {
  const provenance: Record<string, ExportEvidence[]> = {};
  const doc: Record<string, unknown> = {
    id: row.id, file: row.path, sha256: row.sha256, pages: [row.first_page, row.last_page], kind: row.kind, language: row.language,
  };
  for (const field of CONTRACT_FIELDS) {
    const f = fields[field];
    const value = contractValue(field, f?.value);
    doc[field] = value;
    if (!f || isEmpty(value)) continue;
    const corrected = f.corrected ? { by: f.corrected.by, at: f.corrected.at, previous: f.corrected.previous } : null;
    const evidence: ExportEvidence[] = f.evidence.map((e) => ({ ...e, corrected }));
    if (!evidence.length && corrected) {
      evidence.push({ page: row.first_page, span: [0, 0], raw: '', confidence: 1, extractor: 'correction', corrected });
    }
    provenance[field] = evidence;
  }
  doc.ocr = { used: row.ocr_used === 1, mean_confidence: row.ocr_confidence === null ? null : Math.round(row.ocr_confidence * 1000) / 1000 };
  doc.text = row.text;
  doc.provenance = provenance;
  return doc as unknown as ExportDocument;
}

export interface DocumentRow {
  id: string; sha256: string; path: string; first_page: number; last_page: number; kind: string; language: string;
  ocr_used: number; ocr_confidence: number | null; text: string;
}

/** Current documents (not superseded by a newer version of their file), in file and page order. */
export function documentRows(db: Archive) {
  return db.selectFrom('documents as d')
    .innerJoin('files as f', 'f.sha256', 'd.sha256')
    .where('f.superseded_by', 'is', null)
    .select(['d.id', 'd.sha256', 'f.path', 'd.first_page', 'd.last_page', 'd.kind', 'd.language', 'd.ocr_used', 'd.ocr_confidence', 'd.text'])
    .orderBy('f.path').orderBy('d.first_page').orderBy('d.start_offset');
}

/** The contract's JSON object: a query over the archive, never a re-run of the pipeline. */
export async function exportArchive(db: Archive): Promise<ExportObject> {
  const rows = await documentRows(db).execute();
  const fields = await effectiveFields(db, rows.map((r) => r.id));
  const documents = rows.map((r) => toExportDocument(r, fields.get(r.id)!));
  const current = new Set(rows.map((r) => r.id));
  const cases = (await db.selectFrom('cases').selectAll().orderBy('id').execute())
    .filter((c) => (c.decision_id && current.has(c.decision_id)) || (c.application_id && current.has(c.application_id)))
    .map((c) => ({ id: c.id, title: c.title, decision: c.decision_id, application: c.application_id }));
  const flags = (await db.selectFrom('flags').selectAll().orderBy('document_id').orderBy('code').orderBy('field').orderBy('other_document_id').execute())
    .filter((f) => current.has(f.document_id))
    .map((f) => ({ code: f.code, document: f.document_id, other_document: f.other_document_id, field: f.field, values: JSON.parse(f.values_json) as [unknown, unknown], message: f.message }));
  const rejected = (await db.selectFrom('rejections').selectAll().orderBy('path').execute())
    .map((r) => ({ file: r.path, sha256: r.sha256, reason: r.reason }));
  return { schema: EXPORT_SCHEMA, documents, cases, flags, rejected };
}
