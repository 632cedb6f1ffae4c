// Word and context counts (corpus/lexicon/frequencies.tsv, counted on public-sector prose).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './lexicon.js';

/**
 * The kinds of context lines: "l prev form", "r form next" (the neighbours), "L prev2 form",
 * "R form next2" (the words two away), "p prevEnding form", "s form nextEnding" (a neighbour's
 * ending, see `ending`). Each context word is folded.
 */
export type ContextKind = 'l' | 'r' | 'L' | 'R' | 'p' | 's';

const RIGHT_SIDE = new Set(['r', 'R', 's']);
/** Context ids stay below 2^15 per kind, form ids below 2^15: a pair is one small integer key. */
const FORM_BITS = 32768;

export class Frequencies {
  private readonly words = new Map<string, number>();
  /**
   * Context counts as integers: kind → context word → id, form → id, and per kind one map of
   * (context id · 2^15 + form id) → count. Tens of thousands of small per-context maps loaded
   * three times slower; a concatenated string key per lookup ran slower.
   */
  private readonly contextIds = new Map<string, Map<string, number>>();
  private readonly formIds = new Map<string, number>();
  private readonly pairs = new Map<string, Map<number, number>>();

  constructor(tsv: string) {
    let ids: Map<string, number> | undefined;
    let pairs: Map<number, number> | undefined;
    let kind = '';
    let right = false;
    let at = 0;
    while (at < tsv.length) {
      let nl = tsv.indexOf('\n', at);
      if (nl < 0) nl = tsv.length;
      if (tsv.charCodeAt(at + 1) === 9 && tsv.charCodeAt(at) !== 35) {
        const tab3 = tsv.lastIndexOf('\t', nl);
        let count = 0;
        for (let i = tab3 + 1; i < nl; i++) count = count * 10 + tsv.charCodeAt(i) - 48;
        if (tsv[at] === 'u') this.words.set(tsv.slice(at + 2, tab3), count);
        else {
          if (tsv[at] !== kind) {
            kind = tsv[at];
            right = RIGHT_SIDE.has(kind);
            ids = this.contextIds.get(kind);
            if (!ids) this.contextIds.set(kind, (ids = new Map()));
            pairs = this.pairs.get(kind);
            if (!pairs) this.pairs.set(kind, (pairs = new Map()));
          }
          const tab2 = tsv.indexOf('\t', at + 2);
          const a = tsv.slice(at + 2, tab2);
          const b = tsv.slice(tab2 + 1, tab3);
          // Right-side lines are written "form context".
          const context = right ? b : a;
          const form = right ? a : b;
          let c = ids!.get(context);
          if (c === undefined) ids!.set(context, (c = ids!.size));
          let f = this.formIds.get(form);
          if (f === undefined) this.formIds.set(form, (f = this.formIds.size));
          if (c < FORM_BITS && f < FORM_BITS) pairs!.set(c * FORM_BITS + f, count);
        }
      }
      at = nl + 1;
    }
  }

  /** How often the (lowercase) form was seen. */
  count(form: string): number {
    return this.words.get(form) ?? 0;
  }

  /** The id of a context word ('^'/'$' = line start/end for 'l'/'r'), or -1 when no form was counted in it. */
  contextId(kind: ContextKind, context: string): number {
    return this.contextIds.get(kind)?.get(context) ?? -1;
  }

  /** How often `form` was seen in the context `contextId` (from `contextId`) of that kind. */
  seen(kind: ContextKind, contextId: number, form: string): number {
    if (contextId < 0) return 0;
    const f = this.formIds.get(form);
    if (f === undefined) return 0;
    return this.pairs.get(kind)!.get(contextId * FORM_BITS + f) ?? 0;
  }

  /** How often `form` followed a word whose folded form is `prev` ('^' = line start). */
  after(prev: string, form: string): number {
    return this.seen('l', this.contextId('l', prev), form);
  }

  /** How often `form` preceded a word whose folded form is `next` ('$' = line end). */
  before(form: string, next: string): number {
    return this.seen('r', this.contextId('r', next), form);
  }
}

export function loadFrequencies(): Frequencies {
  return new Frequencies(readFileSync(join(REPO_ROOT, 'corpus', 'lexicon', 'frequencies.tsv'), 'utf8'));
}
