import type { DocumentText } from './document-text.js';
import type { Fields } from './fields.js';

/** A problem an extractor noticed, located in the document's text (offsets into DocumentText.text). */
export interface ExtractionMessage {
  reason: string;
  field?: string;
  start?: number;
  end?: number;
}

export interface ExtractionResult {
  fields: Fields;
  messages: ExtractionMessage[];
}

/** Extractors are pure functions of a document's text. */
export type Extractor = (doc: DocumentText) => ExtractionResult;
