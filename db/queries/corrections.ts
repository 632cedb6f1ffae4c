import type { FieldName } from '../../extractors/fields.js';
import { CONTRACT_FIELDS } from '../../extractors/fields.js';
import { ArendeError } from '../../pipeline/errors.js';
import { relinkDocuments } from '../../pipeline/link.js';
import type { Archive } from '../archive.js';
import { effectiveFields } from './fields.js';

export interface CorrectionInput { document: string; field: string; value: unknown; by: string; note?: string | null; at?: string }

const CORRECTABLE = new Set<string>([...CONTRACT_FIELDS, 'intake_end']);

/**
 * Stores a person's correction (who, when, the value it replaces) and recomputes the document's
 * case and flags. Corrections are keyed by the stable document id, so they outlive re-ingest and
 * re-processing.
 */
export async function correctField(db: Archive, input: CorrectionInput): Promise<{ previous: unknown }> {
  if (!CORRECTABLE.has(input.field)) throw new ArendeError(`unknown field "${input.field}" (one of ${[...CORRECTABLE].join(', ')})`);
  return db.transaction().execute(async (trx) => {
    const doc = await trx.selectFrom('documents').select(['id']).where('id', '=', input.document).executeTakeFirst();
    if (!doc) throw new ArendeError(`no document ${input.document} in the archive`);
    const current = (await effectiveFields(trx as unknown as Archive, [input.document])).get(input.document)!;
    const previous = current[input.field as FieldName]?.value ?? null;
    await trx.insertInto('corrections').values({
      document_id: input.document, field: input.field, value_json: JSON.stringify(input.value), previous_json: JSON.stringify(previous),
      by: input.by, at: input.at ?? new Date().toISOString(), note: input.note ?? null,
    }).execute();
    await relinkDocuments(trx, [input.document]);
    return { previous };
  });
}

/** A correction's value from the command line: JSON when it parses, else the plain string. */
export function parseCorrectionValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function correctionHistory(db: Archive, document: string) {
  return db.selectFrom('corrections').selectAll().where('document_id', '=', document).orderBy('id').execute();
}
