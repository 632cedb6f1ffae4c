// Fuzzy matching of the form's printed labels against damaged text. The same form reaches us
// as clean text, as bad OCR ("Insatsagare (*)", "Ans6kan", "férbundet", "|" for "I") and as
// OCR text whose diacritics the repair stage restored; all three must match the same label.

let lastText = '';
let lastFolded = '';
/** Labels and other short strings are folded again and again: keep them. */
const shortFolds = new Map<string, string>();

/**
 * Lowercases and strips diacritics, one character for one so offsets into the folded text are
 * offsets into the original (matches become evidence spans).
 */
export function foldForMatch(text: string): string {
  // Labels are looked up many times in the same document: keep the last folding.
  if (text === lastText && text.length > 0) return lastFolded;
  const short = text.length <= 200;
  if (short) {
    const known = shortFolds.get(text);
    if (known !== undefined) return known;
  }
  // Only capitals, whitespace other than space and newline (newlines stay: labels are matched at
  // line starts) and non-ASCII change; the regex finds them natively.
  const out = text.replace(MATCH_FOLDED, foldUnit);
  if (!short) [lastText, lastFolded] = [text, out];
  else {
    if (shortFolds.size >= 10_000) shortFolds.clear();
    shortFolds.set(text, out);
  }
  return out;
}

const MATCH_FOLDED = /[A-Z\t\v\f\r\u0080-\uffff]/g;
const unitFolds = new Map<string, string>();
function foldUnit(ch: string): string {
  let f = unitFolds.get(ch);
  if (f === undefined) {
    const code = ch.charCodeAt(0);
    if (code < 128) f = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ' ';
    else if (/\s/.test(ch)) f = ' ';
    else f = (ch.normalize('NFD')[0] ?? ch).toLowerCase()[0] ?? ch;
    unitFolds.set(ch, f);
  }
  return f;
}

/** Pairs of characters OCR confuses; substituting one for the other costs little. */
const CONFUSABLE: readonly string[] = [
  'ad', 'ae', 'oe', 'od', 'o6', 'o0', 'il', 'i|', 'l|', 'l1', 'i1', 'i!', 'rn', 'ce', 'oc', 'uv', 'ij', 'a4',
];
const confusable = new Set<number>();
const pairKey = (a: number, b: number) => a * 65536 + b;
for (const pair of CONFUSABLE) {
  confusable.add(pairKey(pair.charCodeAt(0), pair.charCodeAt(1)));
  confusable.add(pairKey(pair.charCodeAt(1), pair.charCodeAt(0)));
}

/** Costs of ASCII pairs, looked up rather than hashed: this is the alignment's inner loop. */
const ASCII_COST = new Float64Array(128 * 128).fill(1);
for (let a = 0; a < 128; a++) ASCII_COST[a * 128 + a] = 0;
for (const key of confusable) if (key >> 16 < 128 && (key & 0xffff) < 128) ASCII_COST[(key >> 16) * 128 + (key & 0xffff)] = 0.35;

function substitutionCost(a: number, b: number): number {
  if (a < 128 && b < 128) return ASCII_COST[a * 128 + b];
  if (a === b) return 0;
  return confusable.has(pairKey(a, b)) ? 0.35 : 1;
}

/** Dropped or doubled spaces and punctuation are common and cheap. */
const CHEAP_INDEL = new Set([...' .,:;()*\'"|-'].map((c) => c.charCodeAt(0)));
const MIN_INDEL = 0.5;
const ASCII_INDEL = Float64Array.from({ length: 128 }, (_, c) => (CHEAP_INDEL.has(c) ? 0.5 : 1));
function indelCost(c: number): number {
  if (c < 128) return ASCII_INDEL[c];
  return CHEAP_INDEL.has(c) ? 0.5 : 1;
}

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/**
 * Aligns the whole of `pattern` (already folded) against a prefix of `text` (already folded),
 * the prefix's length left free. Returns the cheapest cost and the prefix length it uses; gives
 * up (cost Infinity) as soon as every alignment costs more than `maxCost`, which rejects most
 * lines after a few letters.
 */
export function alignPrefix(pattern: string, text: string, maxCost = Infinity, from = 0, to = text.length): { cost: number; length: number } {
  const m = pattern.length;
  const n = Math.min(to - from, Math.ceil(m * 1.4) + 4);
  // Called for every line and label of a form: the rows are reused, not allocated per call.
  if (buffers.size < n + 2) buffers = allocate(n + 2);
  const { tc, tIndel } = buffers;
  let { prev, cur } = buffers;
  // Every insertion or deletion costs at least MIN_INDEL, so an alignment within maxCost stays
  // within `band` cells of the diagonal: cells further out are left at Infinity, not computed.
  const band = Number.isFinite(maxCost) ? Math.floor(maxCost / MIN_INDEL) : n + m;
  // The text's characters are read as the rows reach them: most lines are given up after a few
  // rows, having needed only the first few characters.
  let read = 0;
  for (const end = Math.min(n, band + 1); read < end; read++) {
    tc[read] = text.charCodeAt(from + read);
    tIndel[read] = indelCost(tc[read]);
  }
  // Row 0 within the band; the cell past it is Infinity, and later rows never read further out.
  prev[0] = 0;
  const firstEnd = Math.min(n, band);
  for (let j = 1; j <= firstEnd; j++) prev[j] = prev[j - 1] + tIndel[j - 1];
  prev[firstEnd + 1] = Infinity;
  for (let i = 1; i <= m; i++) {
    const p = pattern.charCodeAt(i - 1);
    const pIndel = indelCost(p);
    const lo = Math.max(0, i - band);
    const hi = Math.min(n, i + band);
    for (; read < hi; read++) {
      tc[read] = text.charCodeAt(from + read);
      tIndel[read] = indelCost(tc[read]);
    }
    let rowMin = Infinity;
    if (lo === 0) {
      cur[0] = prev[0] + pIndel;
      rowMin = cur[0];
    } else cur[lo - 1] = Infinity;
    for (let j = Math.max(1, lo); j <= hi; j++) {
      const a = prev[j - 1] + substitutionCost(p, tc[j - 1]);
      const b = prev[j] + pIndel;
      const c = cur[j - 1] + tIndel[j - 1];
      const v = a < b ? (a < c ? a : c) : (b < c ? b : c);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    cur[hi + 1] = Infinity;
    if (rowMin > maxCost) return GIVEN_UP;
    const done = prev;
    prev = cur;
    cur = done;
  }
  let best = { cost: Infinity, length: 0 };
  for (let j = Math.max(0, m - band); j <= Math.min(n, m + band); j++) {
    // Prefer ending at a word boundary: a label that stops mid-word is a worse match.
    const midWord = j > 0 && from + j < to && isWordChar(text.charCodeAt(from + j)) && isWordChar(text.charCodeAt(from + j - 1));
    const cost = prev[j] + (midWord ? 0.75 : 0);
    if (cost < best.cost) best = { cost, length: j };
  }
  return best;
}

/** Most calls end here: one answer for all of them, not an object each. */
const GIVEN_UP: Readonly<{ cost: number; length: number }> = Object.freeze({ cost: Infinity, length: 0 });

interface Buffers { size: number; tc: Int32Array; tIndel: Float64Array; prev: Float64Array; cur: Float64Array }
const allocate = (size: number): Buffers => ({ size, tc: new Int32Array(size), tIndel: new Float64Array(size), prev: new Float64Array(size), cur: new Float64Array(size) });
let buffers = allocate(64);
