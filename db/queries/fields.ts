import type { Evidence, FieldName, FieldValues } from '../../extractors/fields.js';
import type { Archive } from '../archive.js';
import { parseEvidenceJson } from '../evidence-json.js';

export interface Correction {
  by: string;
  at: string;
  previous: unknown;
  note: string | null;
}

export interface EffectiveField {
  value: unknown;
  evidence: Evidence[];
  corrected: Correction | null;
}

export type EffectiveFields = Partial<Record<FieldName, EffectiveField>>;

/** The fields of documents as analysts see them: extracted values overlaid by the newest correction per field. */
export async function effectiveFields(db: Archive, documentIds: string[]): Promise<Map<string, EffectiveFields>> {
  const out = new Map<string, EffectiveFields>(documentIds.map((id) => [id, {}]));
  if (!documentIds.length) return out;
  for (const ids of chunks(documentIds, 500)) {
    const values = await db.selectFrom('field_values').selectAll().where('document_id', 'in', ids).execute();
    for (const v of values) {
      out.get(v.document_id)![v.field as FieldName] = { value: JSON.parse(v.value_json), evidence: parseEvidenceJson(v.evidence_json), corrected: null };
    }
    const corrections = await db.selectFrom('corrections').selectAll().where('document_id', 'in', ids).orderBy('id').execute();
    for (const c of corrections) {
      const fields = out.get(c.document_id)!;
      const name = c.field as FieldName;
      const current = fields[name] ?? { value: null, evidence: [], corrected: null };
      fields[name] = { ...current, value: JSON.parse(c.value_json), corrected: { by: c.by, at: c.at, previous: c.previous_json === null ? null : JSON.parse(c.previous_json), note: c.note } };
    }
  }
  return out;
}

export function valueOf<K extends FieldName>(fields: EffectiveFields, name: K): FieldValues[K] | null {
  const v = fields[name]?.value;
  return v === undefined ? null : (v as FieldValues[K] | null);
}

export function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
