import { alignPrefix, foldForMatch } from './fuzzy.js';

/** A label found in the text: [start, end) in the text, score 0..1 (1 = exact after folding). */
export interface LabelMatch {
  start: number;
  end: number;
  score: number;
}

/** Below this a line is not taken for the label: about two wrong letters in a 15-letter label (OCR look-alikes count a third); "Planerat startdatum" vs "slutdatum" scores 0.84. */
export const LABEL_THRESHOLD = 0.86;

/** Characters that may precede a label on its line: indentation, bullets, table rules, scan specks read as marks. */
const LEADING_JUNK = /[\s•«»·▪●*>|=”“"'_~-]/;
/** A speck or table rule read as a short token before the label ("e Underskrift", "KE | Organisation och datum"). */
const JUNK_TOKEN = /^[^\s\n]{1,2}[ \t|]+(?=\p{L})/u;

/** The index in `all` of the first line that begins at or after `from`. */
function firstLineAt(all: readonly LineStarts[], from: number): number {
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid].line < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A line (its offset) and where a label may start on it: past leading junk, and past one short junk token. */
interface LineStarts { line: number; starts: number[] }

let linesOfText = '';
let linesCache: LineStarts[] = [];

/**
 * Every line's label starts, kept for the last long text: a form is searched for dozens of labels,
 * between which single lines are searched too (those would push the form's out of a cache of one).
 */
function allLineStarts(text: string): LineStarts[] {
  if (text === linesOfText && linesCache.length) return linesCache;
  const keep = text.length > 200;
  const out: LineStarts[] = [];
  let i = 0;
  while (i < text.length) {
    let s = i;
    while (s < text.length && text[s] !== '\n' && LEADING_JUNK.test(text[s])) s++;
    const token = JUNK_TOKEN.exec(text.slice(s, s + 12));
    out.push({ line: i, starts: token ? [s, s + token[0].length] : [s] });
    const nl = text.indexOf('\n', i);
    if (nl < 0) break;
    i = nl + 1;
  }
  if (keep) [linesOfText, linesCache] = [text, out];
  return out;
}

/** The label's match at `at`, or null below `threshold` (most lines: given up after a few letters). */
function scoreAt(folded: string, at: number, label: string, threshold: number): LabelMatch | null {
  const lineEnd = folded.indexOf('\n', at);
  const { cost, length } = alignPrefix(label, folded, (1 - threshold) * label.length, at, lineEnd < 0 ? folded.length : lineEnd);
  const score = Math.max(0, 1 - cost / label.length);
  return score >= threshold ? { start: at, end: at + length, score } : null;
}

const patterns = new Map<string, string>();
/** A label as the matcher compares it: folded, spaces single. */
function patternOf(label: string): string {
  let p = patterns.get(label);
  if (p === undefined) patterns.set(label, (p = foldForMatch(label.trim()).replace(/ +/g, ' ')));
  return p;
}

/**
 * Every line (from `from` on) that starts with `label`, fuzzily: diacritics folded, OCR
 * look-alikes (d/ä, 6/ö, |/I) cheap, dropped spaces and punctuation cheap.
 */
export function findFormLabels(text: string, label: string, from = 0, threshold = LABEL_THRESHOLD, limit = Infinity): LabelMatch[] {
  const folded = foldForMatch(text);
  const patterns = [patternOf(label)];
  const all = allLineStarts(folded);
  const found: LabelMatch[] = [];
  for (let k = firstLineAt(all, from); k < all.length; k++) {
    const best = bestOnLine(folded, all[k], patterns, threshold);
    if (best && found.push(best.match) >= limit) break;
  }
  return found;
}

/** The first line at or after `from` that starts with `label` (fuzzily), or null. */
export function findFormLabel(text: string, label: string, from = 0): LabelMatch | null {
  return findFormLabels(text, label, from, LABEL_THRESHOLD, 1)[0] ?? null;
}

/**
 * The first line at or after `from` that starts with any of `labels` (the best-scoring label on
 * that line). Scans line by line, so a section's end is found without searching the whole text.
 */
export function findFirstLabel(text: string, labels: readonly string[], from = 0, threshold = LABEL_THRESHOLD): (LabelMatch & { label: string }) | null {
  const folded = foldForMatch(text);
  const patterns = labels.map(patternOf);
  const all = allLineStarts(folded);
  for (let k = firstLineAt(all, from); k < all.length; k++) {
    const best = bestOnLine(folded, all[k], patterns, threshold);
    if (best) return { ...best.match, label: labels[best.pattern] };
  }
  return null;
}

/** The best-scoring of `patterns` at any of the line's starts (the first on a tie), or null when none reaches `threshold`. */
function bestOnLine(folded: string, line: LineStarts, patterns: readonly string[], threshold: number): { match: LabelMatch; pattern: number } | null {
  let best: { match: LabelMatch; pattern: number } | null = null;
  for (const at of line.starts) {
    for (let i = 0; i < patterns.length; i++) {
      const match = scoreAt(folded, at, patterns[i], threshold);
      if (match && (!best || match.score > best.match.score)) best = { match, pattern: i };
    }
  }
  return best;
}
