// Fuzzy matching of the form's printed labels against damaged text. The same form reaches us
// as clean text, as bad OCR ("Insatsagare (*)", "Ans6kan", "férbundet", "|" for "I") and as
// OCR text whose diacritics the repair stage restored; all three must match the same label.

/**
 * Lowercases and strips diacritics, one character for one so offsets into the folded text are
 * offsets into the original (matches become evidence spans).
 */
export function foldForMatch(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    // Newlines stay: labels are matched at line starts.
    if (c === '\n') out += c;
    else if (/\s/.test(c)) out += ' ';
    else if (c.charCodeAt(0) < 128) out += c.toLowerCase();
    else out += ((c.normalize('NFD')[0] ?? c).toLowerCase()[0] ?? c);
  }
  return out;
}

/** Pairs of characters OCR confuses; substituting one for the other costs little. */
const CONFUSABLE: readonly string[] = [
  'ad', 'ae', 'oe', 'od', 'o6', 'o0', 'il', 'i|', 'l|', 'l1', 'i1', 'i!', 'rn', 'ce', 'oc', 'uv', 'ij', 'a4',
];
const confusable = new Set<string>();
for (const pair of CONFUSABLE) {
  confusable.add(pair[0] + pair[1]);
  confusable.add(pair[1] + pair[0]);
}

function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  if (confusable.has(a + b)) return 0.35;
  return 1;
}

/** Dropped or doubled spaces and punctuation are common and cheap. */
function indelCost(c: string): number {
  return /[\s.,:;()*'"|-]/.test(c) ? 0.5 : 1;
}

/**
 * Aligns the whole of `pattern` (already folded) against a prefix of `text` (already folded),
 * the prefix's length left free. Returns the cheapest cost and the prefix length it uses.
 */
export function alignPrefix(pattern: string, text: string): { cost: number; length: number } {
  const m = pattern.length;
  const n = Math.min(text.length, Math.ceil(m * 1.4) + 4);
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  prev[0] = 0;
  for (let j = 1; j <= n; j++) prev[j] = prev[j - 1] + indelCost(text[j - 1]);
  for (let i = 1; i <= m; i++) {
    const p = pattern[i - 1];
    cur[0] = prev[0] + indelCost(p);
    for (let j = 1; j <= n; j++) {
      const t = text[j - 1];
      cur[j] = Math.min(prev[j - 1] + substitutionCost(p, t), prev[j] + indelCost(p), cur[j - 1] + indelCost(t));
    }
    [prev, cur] = [cur, prev];
  }
  let best = { cost: Infinity, length: 0 };
  for (let j = 0; j <= n; j++) {
    // Prefer ending at a word boundary: a label that stops mid-word is a worse match.
    const midWord = j < text.length && /[a-z0-9]/.test(text[j]) && j > 0 && /[a-z0-9]/.test(text[j - 1]);
    const cost = prev[j] + (midWord ? 0.75 : 0);
    if (cost < best.cost) best = { cost, length: j };
  }
  return best;
}
