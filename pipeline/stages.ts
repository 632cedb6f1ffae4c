import { extractFields } from './extract.js';
import { repairPages } from './repair/index.js';
import { splitDocuments } from './split.js';
import type { Stage } from './stage.js';

/**
 * The stages after load, in order: CPU-bound work on the file's pages, what a stage thread runs.
 * Kept apart from the loaders so a stage thread does not import the PDF, Word, image and OCR
 * libraries it never calls (importing them cost a thread ~1.5 s of CPU at start).
 */
export const TEXT_STAGES: readonly [string, Stage][] = [
  ['repair', repairPages],
  ['split', splitDocuments],
  ['extract', extractFields],
];
