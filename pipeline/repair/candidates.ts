// Candidate generation: for one token, the word forms it may have been before damage. Two
// sources: the folded-key lookup (lost diacritics: "forstarkt" → förstärkt), and a noisy
// channel of the English-OCR confusions with bounded cost ("I6ptid" → löptid, "dven" → även,
// "Arbetsféormedlingen" → arbetsförmedlingen). Words the dictionary only knows as compound
// parts are joined by splitting against the lexicon ("samordningsforbundet").

import { MEMO_ENTRIES } from './memo.js';
import { fold } from './fold.js';
import type { Frequencies } from './frequencies.js';
import { COMPOUND_END, COMPOUND_MIDDLE, COMPOUND_START, DOMAIN, WORD, type Lexicon } from './lexicon.js';

export interface Candidate {
  /** Lowercase form. */
  form: string;
  /** Channel cost of reading the token as this form (0 = only diacritics restored). */
  cost: number;
  domain: boolean;
}

export interface Analysis {
  /** The token as written (lowercased) is a word or a valid compound. */
  known: boolean;
  /** Forms to choose from; includes the token itself when known. */
  candidates: Candidate[];
  /** Channel edits were needed (the token was not a plain folded match). */
  channel: boolean;
}

/** [what the OCR wrote, what it may have been, cost]. Lowercase, except 'I' (a capital I mid-word is often an l). */
const EDITS: Array<[string, string, number]> = [
  ['oé', 'ö', 0.5],
  ['éo', 'ö', 0.5],
  ['éa', 'ä', 0.8],
  ['o6', 'ö', 0.5], // "anso6kan"
  ['6o', 'ö', 0.5],
  ['éd', 'ä', 1.0], // "gédllande"
  ['ia', 'ä', 1.5], // "utviardering"
  ['|l', 'l', 1.0], // "|ldmna"
  ['é', 'ö', 0.7],
  ['é', 'ä', 1.2],
  ['6', 'ö', 0.8],
  ['0', 'ö', 1.6],
  ['4', 'ä', 1.6],
  ['I', 'l', 1.0],
  ['|', 'l', 1.5],
  ['1', 'l', 1.5],
  ['d', 'ä', 2.0],
  ['d', 'ö', 2.5],
  ['a', 'ö', 3.0],
  ['t', 'f', 2.5],
  ['f', 't', 2.5],
  ['rn', 'm', 2.5],
];
const MAX_EDITS = 2;
/** Channel cost of a form that only compound splitting found. */
const COMPOUND_GUESS = 1;
const MAX_COST = 4;
const DIACRITIC = /[åäö]/;

export class CandidateGenerator {
  private readonly memo = new Map<string, Analysis>();
  private readonly formsMemo = new Map<string, string[]>();
  private readonly domainForms = new Set<string>();
  /** Forms found only by compound splitting (not words of the lexicon as a whole). */
  private readonly compounds = new Set<string>();
  private readonly compoundMemo = new Map<string, { form: string; score: number } | undefined>();

  constructor(
    private readonly lexicon: Lexicon,
    private readonly frequencies: Frequencies,
  ) {}

  /**
   * Analysis of a token given in its channel spelling (see `channelSpelling`). `head` is set
   * when a hyphen follows ("hälso- och sjukvård", "ägar-förhållanden"): then the first part of
   * a compound is a word too.
   */
  analyze(spelling: string, head = false): Analysis {
    const memoKey = head ? `${spelling}-` : spelling;
    let a = this.memo.get(memoKey);
    if (!a) {
      a = this.compute(spelling, head);
      if (this.memo.size > MEMO_ENTRIES) this.memo.clear();
      this.memo.set(memoKey, a);
    }
    return a;
  }

  private compute(spelling: string, head: boolean): Analysis {
    const lower = spelling.toLowerCase();
    const allCaps = spelling.length > 1 && spelling === spelling.toUpperCase() && spelling !== lower;
    if (/^\p{L}+$/u.test(lower)) {
      const forms = head ? this.headForms(fold(lower)) : this.wordForms(fold(lower));
      const known = forms.includes(lower);
      // An é restored where the token has e is rare in Swedish (idé, armé): it costs a little.
      const candidates: Candidate[] = forms.map((form) => ({ form, cost: form.includes('é') && !lower.includes('é') ? 1 : 0, domain: this.domainForms.has(form) }));
      // Short words may be other short words misread ("dr" → är, "dn" → än): those keep the channel open.
      // Not in capitals that the lexicon knows as written: "II" (Solvens II) is a numeral, not "il".
      const short = lower.length <= 3 && /[d6é0|I4]/.test(spelling) && !(allCaps && known);
      // A compound made by splitting is a guess: a whole word one OCR confusion away competes
      // with it ("fareslas": fares|lås or föreslås).
      const guessed = !known && candidates.length > 0 && candidates.every((c) => this.compounds.has(c.form));
      if (guessed) {
        for (const c of candidates) c.cost += COMPOUND_GUESS;
        const more = this.channelCandidates(spelling, lower, false).filter((c) => !forms.includes(c.form) && !this.compounds.has(c.form));
        if (more.length) return { known, candidates: [...candidates, ...more], channel: true };
        return { known, candidates, channel: false };
      }
      // A capital I or an é may stand for l or ö even when the folded form matches something.
      if ((known && !short) || (candidates.length && !short && !/[éI]/.test(spelling))) return { known, candidates, channel: false };
      if (known) {
        const more = this.channelCandidates(spelling, lower, false).filter((c) => !forms.includes(c.form));
        return { known, candidates: [...candidates, ...more], channel: more.length > 0 };
      }
    }
    // Short all-capital tokens are acronyms (FATF, SäkL): no guessing beyond the folded match.
    if (allCaps && spelling.length <= 5) return { known: false, candidates: [], channel: false };
    // Not a word as written and no folded match: try the OCR confusions.
    return { known: false, candidates: this.channelCandidates(allCaps ? lower : spelling, lower, true), channel: true };
  }

  private channelCandidates(spelling: string, lower: string, includeKeep: boolean): Candidate[] {
    const seen = new Map<string, Candidate>();
    this.variants(spelling, 0, '', 0, 0, [], (variant, cost, marks) => {
      if (!includeKeep && cost === 0) return;
      const v = variant.toLowerCase();
      for (const form of this.wordForms(fold(v))) {
        if (form.length !== v.length) continue;
        // An edit that claimed a diacritic letter must land on one.
        if (marks.some((i) => !DIACRITIC.test(form[i]))) continue;
        const c = cost + (form.includes('é') && !lower.includes('é') ? 1 : 0);
        const prev = seen.get(form);
        if (!prev || prev.cost > c) seen.set(form, { form, cost: c, domain: this.domainForms.has(form) });
      }
    });
    return [...seen.values()];
  }

  /** Enumerates spellings reachable with at most MAX_EDITS edits (and a tripled letter undone). */
  private variants(
    s: string,
    i: number,
    out: string,
    cost: number,
    edits: number,
    marks: number[],
    emit: (variant: string, cost: number, marks: number[]) => void,
  ): void {
    if (i >= s.length) {
      emit(out, cost, marks);
      return;
    }
    const c = s[i];
    // Keep this character ('é' keeps as e through folding, 'I' as i).
    this.variants(s, i + 1, out + c, cost, edits, marks, emit);
    if (edits >= MAX_EDITS) return;
    // "Attt" → "Att", "ochh" → "och": a letter doubled by the OCR.
    if (c === s[i + 1] && /\p{L}/u.test(c)) {
      const w = c === s[i + 2] ? 1 : 1.5;
      if (cost + w <= MAX_COST) this.variants(s, i + 1, out, cost + w, edits + 1, marks, emit);
    }
    for (const [from, to, w] of EDITS) {
      if (cost + w > MAX_COST || !s.startsWith(from, i)) continue;
      const m = DIACRITIC.test(to) ? [...marks, out.length] : marks;
      this.variants(s, i + from.length, out + to, cost + w, edits + 1, m, emit);
    }
  }

  /** Lowercase forms (words or compounds) whose folded form is `key`. */
  wordForms(key: string): string[] {
    let forms = this.formsMemo.get(key);
    if (forms) return forms;
    const set = new Set<string>();
    for (const f of this.lexicon.lookup(key)) {
      if (!(f.flags & WORD)) continue;
      const lower = f.form.toLowerCase();
      set.add(lower);
      if (f.flags & DOMAIN) this.domainForms.add(lower);
    }
    if (!set.size && key.length >= 6) {
      const compound = this.compound(key, false, 0);
      if (compound) {
        set.add(compound);
        this.compounds.add(compound);
      }
    }
    forms = [...set];
    if (this.formsMemo.size > MEMO_ENTRIES) this.formsMemo.clear();
    this.formsMemo.set(key, forms);
    return forms;
  }

  /** Word forms plus forms that may begin a compound, for a token a hyphen follows. */
  private headForms(key: string): string[] {
    const forms = new Set(this.wordForms(key));
    for (const f of this.lexicon.lookup(key)) if (f.flags & (COMPOUND_START | COMPOUND_MIDDLE)) forms.add(f.form.toLowerCase());
    return [...forms];
  }

  /**
   * The best compound reading of a folded key: head parts that may start (or continue) a
   * compound, a last part that may end one; among the splits, the one whose parts are the most
   * frequent words (fewer parts first).
   */
  private compound(key: string, middle: boolean, depth: number): string | undefined {
    return this.bestCompound(key, middle, depth)?.form;
  }

  private bestCompound(key: string, middle: boolean, depth: number): { form: string; score: number } | undefined {
    const memoKey = `${depth}${key}`;
    if (this.compoundMemo.has(memoKey)) return this.compoundMemo.get(memoKey);
    const found = this.searchCompound(key, middle, depth);
    if (this.compoundMemo.size > MEMO_ENTRIES) this.compoundMemo.clear();
    this.compoundMemo.set(memoKey, found);
    return found;
  }

  private searchCompound(key: string, middle: boolean, depth: number): { form: string; score: number } | undefined {
    let best: { form: string; score: number } | undefined;
    for (let i = key.length - 3; i >= 3; i--) {
      // Whole words may head a compound too (the dictionary's flags miss many: "länder|jämförelser").
      const head = this.part(key.slice(0, i), middle ? COMPOUND_MIDDLE | COMPOUND_START | WORD : COMPOUND_START | (i >= 4 ? WORD : 0));
      if (!head) continue;
      const tailKey = key.slice(i);
      const end = this.part(tailKey, COMPOUND_END);
      let tailForm: string;
      let tailScore: number;
      if (end) {
        tailForm = end.form;
        tailScore = partScore(end.count);
      } else {
        const rest = depth < 2 && tailKey.length >= 6 ? this.bestCompound(tailKey, true, depth + 1) : undefined;
        if (!rest) continue;
        tailForm = rest.form;
        tailScore = rest.score;
      }
      const score = partScore(head.count) + tailScore;
      if (!best || score > best.score) best = { form: head.form + tailForm, score };
    }
    return best;
  }

  /** The most frequent lowercase form of `key` carrying one of `flags`, with its count. */
  private part(key: string, flags: number): { form: string; count: number } | undefined {
    let best: { form: string; count: number } | undefined;
    for (const f of this.lexicon.lookup(key)) {
      if (!(f.flags & flags)) continue;
      const form = f.form.toLowerCase();
      // é in a short part is mostly a false split ("insatt|iden" → insätt|idén); a long part
      // keeps it ("minister|kommittén", "miljö|kommittén").
      if (form.includes('é') && form.length < 7) continue;
      // Compound parts are rare as words; their stem ("prövnings" → prövning, "skatte" → skatt) tells more.
      const count = this.frequencies.count(form) + this.frequencies.count(form.slice(0, -1));
      // Equal counts: the form with fewer diacritics (most compound parts have none).
      if (!best || count > best.count || (count === best.count && diacritics(form) < diacritics(best.form))) best = { form, count };
    }
    return best;
  }
}

/** log P(part) with counts from ~1.85 M words: every further part costs about log N. */
const partScore = (count: number): number => Math.log(count + 0.5) - 14;
const diacritics = (s: string): number => s.replace(/[^åäöé]/g, '').length;

/**
 * The token as the channel sees it: lowercase, except a capital I that is not part of an
 * all-capitals word (English OCR writes l as I: "I6ptid").
 */
export function channelSpelling(token: string): string {
  const allCaps = token.length > 1 && token === token.toUpperCase();
  if (allCaps) return token;
  let out = '';
  for (const c of token) out += c === 'I' && !allCaps ? 'I' : c.toLowerCase();
  return out;
}
