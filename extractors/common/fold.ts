// Keys for matching Swedish words whatever the text lost: OCR and bad encodings drop the dots
// and rings (å→a, ö→o) and confuse é/ó with them, so every comparison goes through this.

/** Lowercase with diacritics folded (å, ä → a; ö → o; é → e), for keys and fuzzy matching. */
export function foldSwedish(text: string): string {
  // A document's text is folded by each extractor in turn: keep the last few long ones.
  const long = text.length > 200;
  if (long) for (const [t, f] of recent) if (t === text) return f;
  // Char by char so the result has the input's length: offsets found in the folded text are
  // offsets in the original. Only capitals and non-ASCII change; the regex finds them natively.
  const out = text.replace(FOLDED_CHARS, foldMatch);
  if (long) {
    recent.unshift([text, out]);
    if (recent.length > RECENT) recent.pop();
  }
  return out;
}

const RECENT = 3;
const recent: [string, string][] = [];
// A high surrogate takes the unit after it along (a pair folds as one character).
const FOLDED_CHARS = /[\ud800-\udbff][\s\S]|[A-Z\u0080-\uffff]/g;
const foldMatch = (ch: string): string => (ch.length === 1 && ch.charCodeAt(0) < 128 ? String.fromCharCode(ch.charCodeAt(0) + 32) : foldChar(ch));

const folded = new Map<string, string>();
function foldChar(ch: string): string {
  let f = folded.get(ch);
  if (f === undefined) {
    const lower = ch.toLowerCase();
    const base = FOLD[lower] ?? lower.normalize('NFD')[0] ?? lower;
    f = base.length === ch.length ? base : ch;
    folded.set(ch, f);
  }
  return f;
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
  // Rows reused across calls: organisation names are compared with thousands of registry keys.
  if (rows.length < b.length + 1) rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [prev, cur] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      const v = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

let rows: [Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64)];

/** How many edits a key of this length may carry and still be the same name. */
export function editBudget(length: number): number {
  if (length <= 4) return 0;
  if (length <= 9) return 1;
  if (length <= 16) return 2;
  return 3;
}
