// Keys for matching Swedish words whatever the text lost: OCR and bad encodings drop the dots
// and rings (å→a, ö→o) and confuse é/ó with them, so every comparison goes through this.

/** Lowercase with diacritics folded (å, ä → a; ö → o; é → e), for keys and fuzzy matching. */
export function foldSwedish(text: string): string {
  // Char by char so the result has the input's length: offsets found in the folded text are
  // offsets in the original.
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const base = FOLD[lower] ?? lower.normalize('NFD')[0] ?? lower;
    out += base.length === ch.length ? base : ch;
  }
  return out;
}

const FOLD: Record<string, string> = { æ: 'a', ø: 'o', ß: 's' };

/** A match key: folded, punctuation to spaces, whitespace collapsed. */
export function foldKey(text: string): string {
  return foldSwedish(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Levenshtein distance, abandoning once it exceeds `max` (returns max + 1 then). */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** How many edits a key of this length may carry and still be the same name. */
export function editBudget(length: number): number {
  if (length <= 4) return 0;
  if (length <= 9) return 1;
  if (length <= 16) return 2;
  return 3;
}
