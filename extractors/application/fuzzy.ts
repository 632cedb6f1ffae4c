// Fuzzy matching of the form's printed labels against damaged text. The same form reaches us
// as clean text, as bad OCR ("Insatsagare (*)", "Ans6kan", "férbundet", "|" for "I") and as
// OCR text whose diacritics the repair stage restored; all three must match the same label.

/**
 * Lowercases and strips diacritics, one character for one so offsets into the folded text are
 * offsets into the original (matches become evidence spans).
 */
let lastText = '';
let lastFolded = '';

export function foldForMatch(text: string): string {
  // Labels are looked up many times in the same document: keep the last folding.
  if (text === lastText && text.length > 0) return lastFolded;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    // Newlines stay: labels are matched at line starts.
    if (c === '\n') out += c;
    else if (/\s/.test(c)) out += ' ';
    else if (c.charCodeAt(0) < 128) out += c.toLowerCase();
    else out += ((c.normalize('NFD')[0] ?? c).toLowerCase()[0] ?? c);
  }
  if (text.length > 200) [lastText, lastFolded] = [text, out];
  return out;
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

function substitutionCost(a: number, b: number): number {
  if (a === b) return 0;
  return confusable.has(pairKey(a, b)) ? 0.35 : 1;
}

/** Dropped or doubled spaces and punctuation are common and cheap. */
const CHEAP_INDEL = new Set([...' .,:;()*\'"|-'].map((c) => c.charCodeAt(0)));
function indelCost(c: number): number {
  return CHEAP_INDEL.has(c) ? 0.5 : 1;
}

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/**
 * Aligns the whole of `pattern` (already folded) against a prefix of `text` (already folded),
 * the prefix's length left free. Returns the cheapest cost and the prefix length it uses; gives
 * up (cost Infinity) as soon as every alignment costs more than `maxCost`, which rejects most
 * lines after a few letters.
 */
export function alignPrefix(pattern: string, text: string, maxCost = Infinity): { cost: number; length: number } {
  const m = pattern.length;
  const n = Math.min(text.length, Math.ceil(m * 1.4) + 4);
  const tc = new Int32Array(n);
  const tIndel = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    tc[j] = text.charCodeAt(j);
    tIndel[j] = indelCost(tc[j]);
  }
  let prev = new Float64Array(n + 1);
  let cur = new Float64Array(n + 1);
  for (let j = 1; j <= n; j++) prev[j] = prev[j - 1] + tIndel[j - 1];
  for (let i = 1; i <= m; i++) {
    const p = pattern.charCodeAt(i - 1);
    const pIndel = indelCost(p);
    cur[0] = prev[0] + pIndel;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j - 1] + substitutionCost(p, tc[j - 1]), prev[j] + pIndel, cur[j - 1] + tIndel[j - 1]);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > maxCost) return { cost: Infinity, length: 0 };
    [prev, cur] = [cur, prev];
  }
  let best = { cost: Infinity, length: 0 };
  for (let j = 0; j <= n; j++) {
    // Prefer ending at a word boundary: a label that stops mid-word is a worse match.
    const midWord = j > 0 && j < text.length && isWordChar(text.charCodeAt(j)) && isWordChar(text.charCodeAt(j - 1));
    const cost = prev[j] + (midWord ? 0.75 : 0);
    if (cost < best.cost) best = { cost, length: j };
  }
  return best;
}
