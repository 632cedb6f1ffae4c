// Choosing among candidates and rewriting the text. Only tokens inside a line are replaced, so
// the line structure (count, order, \r\n, trailing newline) is exactly the input's.

import { MEMO_ENTRIES } from './memo.js';
import type { Repair } from '../source-file.js';
import { CandidateGenerator, channelSpelling, type Analysis, type Candidate } from './candidates.js';
import { endingOfFolded, fold, hasDiacritic } from './fold.js';
import type { ContextKind, Frequencies } from './frequencies.js';
import type { Lexicon } from './lexicon.js';
import { TOKEN, protectedRanges } from './tokens.js';

export interface RepairResult {
  text: string;
  repairs: Repair[];
}

export interface Repairer {
  repair(text: string): RepairResult;
}

/** Tuning constants (set on the tune split of corpus/restore-eval). */
export interface RepairTuning {
  /** Add-α smoothing of word counts. */
  alpha: number;
  /** Weight of the unigram prior inside the context estimates. */
  k: number;
  /** Log-score a known word's alternative must win by before the word is changed. */
  margin: number;
  /** Weight of the channel cost. */
  lambda: number;
  /** Pseudo-count added to domain words (organisations, kommuner, form vocabulary). */
  domainBoost: number;
  /** Weight of the skip-bigram evidence (the words two before and two after). */
  skip: number;
  /** Weight of a neighbour's ending when the neighbour itself was never seen beside a candidate. */
  ending: number;
}

export const defaultTuning: RepairTuning = { alpha: 0.5, k: 1, margin: 0, lambda: 1, domainBoost: 5, skip: 0.5, ending: 0.7 };

interface Token {
  start: number;
  end: number;
  text: string;
  analysis?: Analysis;
}

export class SwedishRepairer implements Repairer {
  private readonly generator: CandidateGenerator;
  /** Raw token (+ '-' when a hyphen follows) → analysis; most text is a few thousand words over and over. */
  private readonly memo = new Map<string, Analysis | undefined>();
  private readonly folded = new Map<string, string>();
  /** Scratch for the counts of one context (no allocation per scored token). */
  private seen = new Float64Array(32);

  constructor(
    lexicon: Lexicon,
    private readonly frequencies: Frequencies,
    private readonly tuning: RepairTuning = defaultTuning,
  ) {
    this.generator = new CandidateGenerator(lexicon, frequencies);
  }

  repair(text: string): RepairResult {
    const guarded = protectedRanges(text);
    const tokens: Token[] = [];
    let g = 0;
    for (const m of text.matchAll(TOKEN)) {
      const start = m.index!;
      const end = start + m[0].length;
      while (g < guarded.length && guarded[g][1] <= start) g++;
      const isGuarded = g < guarded.length && guarded[g][0] < end;
      const head = text.charCodeAt(end) === 45; // '-'
      tokens.push({ start, end, text: m[0], analysis: isGuarded ? undefined : this.analyzeCached(m[0], head) });
    }
    const clean = this.looksClean(tokens);
    const repairs: Repair[] = [];
    let out = '';
    let last = 0;
    let delta = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const replacement = this.choose(text, tokens, i, clean);
      if (!replacement || replacement.to === t.text) continue;
      out += text.slice(last, t.start) + replacement.to;
      last = t.end;
      const spanStart = t.start + delta;
      delta += replacement.to.length - t.text.length;
      repairs.push({
        span: [spanStart, spanStart + replacement.to.length],
        rawSpan: [t.start, t.end],
        from: t.text,
        to: replacement.to,
        confidence: replacement.confidence,
      });
    }
    out += text.slice(last);
    return { text: out, repairs };
  }

  private analyzeCached(token: string, head: boolean): Analysis | undefined {
    const key = head ? token + '-' : token;
    let a = this.memo.get(key);
    if (a === undefined && !this.memo.has(key)) {
      a = this.analyze(token, head);
      if (this.memo.size > MEMO_ENTRIES) this.memo.clear();
      this.memo.set(key, a);
    }
    return a;
  }

  /** Folded form of a neighbour, the context key of the counts. */
  private context(token: string): string {
    let f = this.folded.get(token);
    if (f === undefined) {
      f = fold(token);
      if (this.folded.size > MEMO_ENTRIES) this.folded.clear();
      this.folded.set(token, f);
    }
    return f;
  }

  private analyze(token: string, head: boolean): Analysis | undefined {
    if (token === '|') return undefined; // handled by position, see choose()
    if (!/\p{L}/u.test(token)) return undefined;
    return this.generator.analyze(channelSpelling(token.replaceAll(SOFT_HYPHEN, '')), head);
  }

  /**
   * A text that already spells many words with å/ä/ö and shows no stripped words is clean:
   * then only non-words are repaired and ambiguous real words ("for", "ar") are left alone.
   */
  private looksClean(tokens: Token[]): boolean {
    let withDiacritics = 0;
    let stripped = 0;
    let english = 0;
    for (const t of tokens) {
      if (ENGLISH.has(t.text.toLowerCase())) english++;
      const a = t.analysis;
      if (!a) continue;
      if (hasDiacritic(t.text) && a.known) withDiacritics++;
      else if (!a.known && a.candidates.some((c) => /[åäö]/.test(c.form))) stripped++;
    }
    // English text has no å/ä/ö to lose: its "for" and "far" stay as written.
    if (english >= 3 && english >= 0.08 * tokens.length) return true;
    return withDiacritics >= 3 && withDiacritics >= 4 * stripped;
  }

  private choose(text: string, tokens: Token[], i: number, clean: boolean): { to: string; confidence: number } | undefined {
    const t = tokens[i];
    if (t.text === '|') return this.loneBar(text, t);
    const a = t.analysis;
    if (!a || !a.candidates.length) return undefined;
    const lower = t.text.replaceAll(SOFT_HYPHEN, '').toLowerCase();
    if (a.known) {
      if (a.candidates.length === 1 || clean || hasDiacritic(t.text)) return undefined;
    }
    const prev = i > 0 && sameLine(text, tokens[i - 1].end, t.start) ? this.context(tokens[i - 1].text) : '^';
    const next = i + 1 < tokens.length && sameLine(text, t.end, tokens[i + 1].start) ? this.context(tokens[i + 1].text) : '$';
    const prev2 = prev !== '^' && i > 1 && sameLine(text, tokens[i - 2].end, tokens[i - 1].start) ? this.context(tokens[i - 2].text) : undefined;
    const next2 = next !== '$' && i + 2 < tokens.length && sameLine(text, tokens[i + 1].end, tokens[i + 2].start) ? this.context(tokens[i + 2].text) : undefined;
    const scores = this.score(a.candidates, prev, next, prev2, next2);
    let best = 0;
    for (let k = 1; k < scores.length; k++) if (scores[k] > scores[best]) best = k;
    if (a.known) {
      const self = a.candidates.findIndex((c) => c.form === lower);
      if (best === self || scores[best] - scores[self] < this.tuning.margin) return undefined;
    }
    const form = a.candidates[best].form;
    // A capitalised unknown word inside a line may be a name ("Martina Apell"): letters may be
    // swapped for their lost diacritics ("Hélsa" → "Hälsa") but none added or dropped, unless the
    // result is a known organisation or place.
    const chosen = a.candidates[best];
    if (!a.known && chosen.form.length !== lower.length && !chosen.domain && /^\p{Lu}\p{Ll}/u.test(t.text) && i > 0 && sameLine(text, tokens[i - 1].end, t.start)) return undefined;
    // A Swedish å/ä/ö already in the token was read, not lost: never trade it away ("Jobbspåret", names).
    if (countSwedishVowels(form) < countSwedishVowels(lower)) return undefined;
    let sum = 0;
    for (const s of scores) sum += Math.exp(s - scores[best]);
    const confidence = Math.round((1 / sum) * (a.channel ? 0.85 : 1) * 1000) / 1000;
    const to = withSoftHyphens(t.text, applyCase(t.text.replaceAll(SOFT_HYPHEN, ''), form));
    return to === undefined ? undefined : { to, confidence };
  }

  /**
   * log P(f | prev, next, prev2, next2) up to a constant, minus the channel cost: naive Bayes
   * over the context words (folded; '^'/'$' at line ends), the two further away weighing
   * `skip`. A neighbour never seen beside any candidate (a rare compound) is read by its ending.
   */
  private score(candidates: Candidate[], prev: string, next: string, prev2: string | undefined, next2: string | undefined): number[] {
    const { alpha, lambda, domainBoost, skip, ending: endingWeight } = this.tuning;
    const f = this.frequencies;
    const n = candidates.length;
    const counts = new Array<number>(n);
    let total = 0;
    for (let j = 0; j < n; j++) {
      const c = candidates[j];
      counts[j] = f.count(c.form) + alpha + (c.domain ? domainBoost : 0);
      total += counts[j];
    }
    const scores = new Array<number>(n);
    for (let j = 0; j < n; j++) scores[j] = -Math.log(counts[j] / total) - lambda * candidates[j].cost;
    // The neighbours: log P(f | side) each; the unigram prior above is counted once.
    let seen = this.addEvidence(scores, candidates, counts, total, 'l', prev);
    if (!seen && endingWeight > 0 && prev.length > 4 && prev !== '^') this.addEvidence(scores, candidates, counts, total, 'p', endingOfFolded(prev), endingWeight);
    if (!seen) this.addPrior(scores, counts, total);
    seen = this.addEvidence(scores, candidates, counts, total, 'r', next);
    if (!seen && endingWeight > 0 && next.length > 4 && next !== '$') this.addEvidence(scores, candidates, counts, total, 's', endingOfFolded(next), endingWeight);
    if (!seen) this.addPrior(scores, counts, total);
    if (skip > 0) {
      if (prev2 !== undefined) this.addEvidence(scores, candidates, counts, total, 'L', prev2, skip);
      if (next2 !== undefined) this.addEvidence(scores, candidates, counts, total, 'R', next2, skip);
    }
    return scores;
  }

  /** Adds log P(f) (a side whose context word was never seen with any candidate). */
  private addPrior(scores: number[], counts: number[], total: number): void {
    for (let j = 0; j < scores.length; j++) scores[j] += Math.log(counts[j] / total);
  }

  /**
   * Adds log P(f | context) for a neighbour (no weight), or weight · log(P(f | context) / P(f))
   * for further evidence (a ratio, so it only moves the neighbours' estimate). False, adding
   * nothing, when the context was never seen with any candidate.
   */
  private addEvidence(scores: number[], candidates: Candidate[], counts: number[], total: number, kind: ContextKind, context: string, weight?: number): boolean {
    const f = this.frequencies;
    const id = f.contextId(kind, context);
    if (id < 0) return false;
    const { k } = this.tuning;
    const n = candidates.length;
    let sum = 0;
    if (this.seen.length < n) this.seen = new Float64Array(2 * n);
    const c = this.seen;
    for (let j = 0; j < n; j++) sum += c[j] = f.seen(kind, id, candidates[j].form);
    if (sum === 0) return false;
    for (let j = 0; j < n; j++) {
      const pu = counts[j] / total;
      const estimate = Math.log((c[j] + k * pu) / (sum + k));
      scores[j] += weight === undefined ? estimate : weight * (estimate - Math.log(pu));
    }
    return true;
  }

  /** "| dagsläget": a lone bar where a sentence begins is the English OCR's capital I. */
  private loneBar(text: string, t: Token): { to: string; confidence: number } | undefined {
    const lineStart = text.lastIndexOf('\n', t.start - 1) + 1;
    const before = text.slice(lineStart, t.start);
    const lineEnd = text.indexOf('\n', t.end);
    const after = text.slice(t.end, lineEnd < 0 ? undefined : lineEnd);
    if (!/^ \p{Ll}/u.test(after)) return undefined;
    // Table rows ("| namn | belopp |") keep their bars.
    const line = before + '|' + after;
    if (/\|\s*$/.test(line) || (line.match(/\|/g)?.length ?? 0) >= 3) return undefined;
    if (!/^\s*$/.test(before) && !/[.!?:]\s+$/.test(before)) return undefined;
    return { to: 'I', confidence: 0.8 };
  }
}

/** English function words that are not Swedish words: a page full of them is English. */
const ENGLISH = new Set(['the', 'and', 'of', 'to', 'is', 'that', 'with', 'are', 'this', 'by', 'which', 'will', 'have', 'has', 'from', 'should', 'would', 'been', 'were', 'these', 'their']);

const SOFT_HYPHEN = '\u00ad';

/** Puts the token's soft hyphens back into the repaired word (only when the letters line up). */
function withSoftHyphens(token: string, word: string): string | undefined {
  if (!token.includes(SOFT_HYPHEN)) return word;
  if (token.replaceAll(SOFT_HYPHEN, '').length !== word.length) return undefined;
  let out = '';
  let k = 0;
  for (const c of token) out += c === SOFT_HYPHEN ? c : word[k++];
  return out;
}

/** No line break or sentence punctuation between two tokens (the context the counts know). */
function sameLine(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 46 || c === 33 || c === 63 || c === 59 || c === 58) return false; // \n . ! ? ; :
  }
  return true;
}

/** Writes `form` in the token's case: ALVKARLEBY → ÄLVKARLEBY, Alvkarleby → Älvkarleby, I6ptid → löptid. */
export function applyCase(token: string, form: string): string {
  const letters = token.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return form.toUpperCase();
  const first = token[0];
  if (first !== first.toLowerCase() && fold(first) === fold(form[0])) {
    // Keep the token's inner capitals where the letters line up (e.g. "GoTo" stays as written).
    return form[0].toUpperCase() + form.slice(1);
  }
  return form;
}

function countSwedishVowels(word: string): number {
  let n = 0;
  for (const ch of word) if (ch === 'å' || ch === 'ä' || ch === 'ö') n++;
  return n;
}
