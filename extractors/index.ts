import type { DocumentKind } from '../pipeline/source-file.js';
import { extractApplication } from './application/index.js';
import { extractDecision } from './decision/index.js';
import type { Extractor } from './extraction.js';

export { DocumentText } from './document-text.js';
export type { Extractor, ExtractionResult, ExtractionMessage } from './extraction.js';
export * from './fields.js';
export { extractApplication, extractDecision };

/** The extractor for a document kind; "other" documents keep only their text. */
export function extractorFor(kind: DocumentKind): Extractor | null {
  if (kind === 'decision') return extractDecision;
  if (kind === 'application') return extractApplication;
  return null;
}
