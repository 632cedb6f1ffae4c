import type { Generated } from 'kysely';

// The archive's tables, as Kysely sees them. JSON columns hold contract-shaped values as text.

/** One distinct content (file bytes), keyed by its sha256. */
export interface FilesTable {
  sha256: string;
  /** The latest path it was ingested from, as given to ingest. */
  path: string;
  size: number;
  mime: string;
  page_count: number;
  pipeline_version: string;
  ingested_at: string;
  /** sha256 of the newer content that replaced this one at the same path, if any. */
  superseded_by: string | null;
}

/** Every path a content was seen at (moves and renames keep the same sha256). */
export interface FilePathsTable {
  path: string;
  sha256: string;
  first_seen: string;
  last_seen: string;
}

export interface RejectionsTable {
  path: string;
  sha256: string | null;
  reason: string;
  pipeline_version: string;
  at: string;
}

export interface PagesTable {
  sha256: string;
  n: number;
  text: string;
  raw: string;
  origin: string;
  confidence: number | null;
  words_json: string | null;
  repairs_json: string | null;
  replaced_layer: string | null;
  width: number | null;
  height: number | null;
}

export interface DocumentsTable {
  id: string;
  sha256: string;
  first_page: number;
  last_page: number;
  start_offset: number;
  end_offset: number;
  kind: string;
  language: string;
  text: string;
  ocr_used: number;
  ocr_confidence: number | null;
  pipeline_version: string;
  /** Folded keys for linking (indexed): title, owner, period. */
  title_key: string | null;
  owner_key: string | null;
  period_start: string | null;
  period_end: string | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
  /** Distinct long words for the trigram (compound) index: db/search-words.ts; null = index the whole text. */
  search_words: string | null;
}

/** The extractor's value of one field of one document. */
export interface FieldValuesTable {
  document_id: string;
  field: string;
  value_json: string;
  /** Its evidence, [page, span_start, span_end, raw, confidence, extractor] each (017). */
  evidence_json: string;
}

/** A view: one row per piece of evidence, read out of field_values.evidence_json (017). */
export interface EvidenceTable {
  document_id: string;
  field: string;
  ord: number;
  page: number;
  span_start: number;
  span_end: number;
  raw: string;
  confidence: number;
  extractor: string;
}

/** A person's correction; the newest per (document, field) wins over the extracted value. */
export interface CorrectionsTable {
  id: Generated<number>;
  document_id: string;
  field: string;
  value_json: string;
  previous_json: string | null;
  by: string;
  at: string;
  note: string | null;
}

export interface CasesTable {
  id: string;
  title: string;
  decision_id: string | null;
  application_id: string | null;
  score: number | null;
}

export interface FlagsTable {
  id: Generated<number>;
  code: string;
  document_id: string;
  other_document_id: string | null;
  field: string;
  values_json: string;
  message: string;
}

export interface MessagesTable {
  id: Generated<number>;
  sha256: string | null;
  document_id: string | null;
  page: number | null;
  span_start: number | null;
  span_end: number | null;
  stage: string;
  level: string;
  reason: string;
}

export interface RunsTable {
  id: Generated<number>;
  started_at: string;
  finished_at: string | null;
  pipeline_version: string;
  summary_json: string | null;
}

export interface ArchiveSchema {
  files: FilesTable;
  file_paths: FilePathsTable;
  rejections: RejectionsTable;
  pages: PagesTable;
  documents: DocumentsTable;
  field_values: FieldValuesTable;
  evidence: EvidenceTable;
  corrections: CorrectionsTable;
  cases: CasesTable;
  flags: FlagsTable;
  messages: MessagesTable;
  runs: RunsTable;
}
