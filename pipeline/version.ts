// Bumped when a stage's output changes: `reprocess` re-extracts stored pages when only the
// extract part moved, and re-loads (re-OCRs) files when the load part moved.
export const LOAD_VERSION = 1;
export const EXTRACT_VERSION = 1;
export const PIPELINE_VERSION = `load${LOAD_VERSION}.extract${EXTRACT_VERSION}`;

export function loadVersionOf(version: string): number {
  return Number(/^load(\d+)/.exec(version)?.[1] ?? 0);
}
