// The ansökan form (issue 5): fields, goals, budget tables and signatories from clean,
// repaired or raw OCR text.
export { extractApplication } from './extract.js';
export { findFormLabel, findFormLabels, type LabelMatch } from './labels.js';
