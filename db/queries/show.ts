import { sql } from 'kysely';
import { CONTRACT_FIELDS, LOW_CONFIDENCE, type Evidence } from '../../extractors/fields.js';
import { ArendeError } from '../../pipeline/errors.js';
import type { Archive } from '../archive.js';
import { documentRows, toExportDocument, type ExportDocument, type ExportFlag } from './export.js';
import { effectiveFields } from './fields.js';

// One document for the archivist: every field with where it was read (page, span, raw text),
// how sure the extractor was, who corrected it, and the flags touching the document.

export interface CorrectionRecord { field: string; value: unknown; previous: unknown; by: string; at: string; note: string | null }

export interface ShownField {
  field: string;
  value: unknown;
  evidence: (Evidence & { check: boolean })[];
  /** Lowest confidence of its evidence, and whether a person should check it (< 0.6, uncorrected). */
  confidence: number | null;
  check: boolean;
  corrections: CorrectionRecord[];
}

export interface ShownDocument {
  document: Omit<ExportDocument, 'provenance' | 'text'>;
  fields: ShownField[];
  flags: ExportFlag[];
}

/** The documents a reference names: an id, a unique id prefix, or a source file's path. */
export async function resolveDocuments(db: Archive, ref: string): Promise<string[]> {
  const exact = await db.selectFrom('documents').select('id').where('id', '=', ref).execute();
  if (exact.length) return [ref];
  const byPath = await db.selectFrom('documents as d').innerJoin('files as f', 'f.sha256', 'd.sha256')
    .select('d.id').where('f.path', '=', ref).where('f.superseded_by', 'is', null).orderBy('d.first_page').orderBy('d.start_offset').execute();
  if (byPath.length) return byPath.map((r) => r.id);
  const prefixed = await db.selectFrom('documents').select('id').where(sql<boolean>`substr(id, 1, ${ref.length}) = ${ref}`)
    .orderBy('id').limit(21).execute();
  if (prefixed.length === 1) return [prefixed[0].id];
  if (prefixed.length > 1) throw new ArendeError(`"${ref}" names ${prefixed.length > 20 ? 'more than 20' : prefixed.length} documents: ${prefixed.slice(0, 5).map((r) => r.id).join(', ')}…`);
  throw new ArendeError(`no document "${ref}" in the archive (give an id, an id prefix or a file path)`);
}

export async function showDocument(db: Archive, id: string): Promise<ShownDocument> {
  const row = await documentRows(db).where('d.id', '=', id).executeTakeFirst()
    ?? await db.selectFrom('documents as d').innerJoin('files as f', 'f.sha256', 'd.sha256')
      .select(['d.id', 'd.sha256', 'f.path', 'd.first_page', 'd.last_page', 'd.kind', 'd.language', 'd.ocr_used', 'd.ocr_confidence', 'd.text'])
      .where('d.id', '=', id).executeTakeFirst();
  if (!row) throw new ArendeError(`no document "${id}" in the archive`);
  const effective = (await effectiveFields(db, [id])).get(id)!;
  const exported = toExportDocument(row, effective);
  const corrections = await db.selectFrom('corrections').selectAll().where('document_id', '=', id).orderBy('id').execute();
  const fields: ShownField[] = CONTRACT_FIELDS.map((field) => {
    const f = effective[field];
    const evidence = (f?.evidence ?? []).map((e) => ({ ...e, check: e.confidence < LOW_CONFIDENCE }));
    const confidence = evidence.length ? Math.min(...evidence.map((e) => e.confidence)) : null;
    return {
      field, value: exported[field], evidence, confidence,
      check: !f?.corrected && confidence !== null && confidence < LOW_CONFIDENCE,
      corrections: corrections.filter((c) => c.field === field).map((c) => ({
        field, value: JSON.parse(c.value_json), previous: c.previous_json === null ? null : JSON.parse(c.previous_json), by: c.by, at: c.at, note: c.note,
      })),
    };
  });
  const flags = (await db.selectFrom('flags').selectAll()
    .where((eb) => eb.or([eb('document_id', '=', id), eb('other_document_id', '=', id)])).orderBy('code').orderBy('field').execute())
    .map((f) => ({ code: f.code, document: f.document_id, other_document: f.other_document_id, field: f.field, values: JSON.parse(f.values_json) as [unknown, unknown], message: f.message }));
  const { provenance: _p, text: _t, ...document } = exported;
  return { document, fields, flags };
}

function brief(value: unknown, width = 100): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s.length > width ? s.slice(0, width - 1) + '…' : s;
}

/** Plain text for a terminal: a header, one block per field, then the flags. */
export function formatShownDocument(s: ShownDocument): string {
  const d = s.document;
  const out = [
    `${d.id}  ${d.kind}  ${d.language}`,
    `  file    ${d.file}  pages ${d.pages[0]}–${d.pages[1]}  sha256 ${d.sha256.slice(0, 16)}…`,
    `  ocr     ${d.ocr.used ? `yes, mean confidence ${d.ocr.mean_confidence ?? '?'}` : 'no'}`,
    '',
  ];
  for (const f of s.fields) {
    const empty = f.value === null || (Array.isArray(f.value) && !f.value.length) || (f.field === 'period' && (f.value as { start: unknown }).start === null && (f.value as { end: unknown }).end === null);
    const mark = f.check ? '  CHECK' : '';
    const conf = f.confidence === null ? '' : `  confidence ${f.confidence.toFixed(2)}`;
    out.push(`${f.field.padEnd(22)} ${empty ? '—' : brief(f.value)}${conf}${mark}`);
    for (const e of f.evidence) {
      out.push(`    p.${e.page} [${e.span[0]}–${e.span[1]}] ${e.extractor} ${e.confidence.toFixed(2)}${e.check ? ' CHECK' : ''}: "${brief(e.raw.replace(/\s+/g, ' '), 80)}"`);
    }
    for (const c of f.corrections) {
      out.push(`    corrected by ${c.by} at ${c.at}: ${brief(c.previous)} → ${brief(c.value)}${c.note ? ` (${c.note})` : ''}`);
    }
  }
  out.push('', s.flags.length ? `flags (${s.flags.length}):` : 'flags: none');
  for (const f of s.flags) {
    out.push(`  ${f.code} ${f.field}${f.other_document ? ` with ${f.other_document}` : ''}: ${brief(f.values[0], 40)} ≠ ${brief(f.values[1], 40)} — ${f.message}`);
  }
  return out.join('\n') + '\n';
}
