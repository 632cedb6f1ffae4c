import type { Evidence } from '../extractors/fields.js';

// How a field value's evidence is stored with it (db/migrations/017_evidence_in_field_values.ts):
// one JSON array per field value, an item per piece of evidence, in order. Arrays, not objects:
// a document's ~20 items are written with every ingest, and the view `evidence` names the columns.

/** A field value's evidence as stored with it (field_values.evidence_json). */
export function evidenceJson(evidence: Evidence[]): string {
  return JSON.stringify(evidence.map((e) => [e.page, e.span[0], e.span[1], e.raw, e.confidence, e.extractor]));
}

/** Evidence as evidenceJson stored it. */
export function parseEvidenceJson(json: string): Evidence[] {
  return (JSON.parse(json) as [number, number, number, string, number, string][])
    .map(([page, start, end, raw, confidence, extractor]) => ({ page, span: [start, end], raw, confidence, extractor }));
}
