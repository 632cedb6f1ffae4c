/**
 * Entries a repair memo keeps before it starts again. A long ingest meets ever new tokens (names,
 * numbers, dates), so a memo must stop somewhere: at 200 000 entries each, the six memos could
 * hold hundreds of megabytes by the end of a long run (issue 12: flat memory). The words that
 * recur — the form's and the administration's vocabulary — are back in a memo within a few documents.
 */
export const MEMO_ENTRIES = 50_000;
