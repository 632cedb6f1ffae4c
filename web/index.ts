// The archivists' review page: `arende serve` (docs/review.md).
export { startReviewServer, type ReviewServer, type ReviewServerOptions } from './server.js';
export { reviewQueue, markReviewed, casesOf, caseById, type QueueEntry } from './review.js';
export { parseCorrectionInput, CorrectionInputError } from './correction-input.js';
export { rawSpanOf, wordsInSpan } from './source-view.js';
