// Word and context counts (corpus/lexicon/frequencies.tsv, counted on public-sector prose).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './lexicon.js';

export class Frequencies {
  /** "u\tform", "l\tprev\tform", "r\tform\tnext" → count: one map, keys are the lines' heads. */
  private readonly counts = new Map<string, number>();

  constructor(tsv: string) {
    let at = 0;
    while (at < tsv.length) {
      let nl = tsv.indexOf('\n', at);
      if (nl < 0) nl = tsv.length;
      const tab = tsv.lastIndexOf('\t', nl);
      if (tab > at && tsv.charCodeAt(at) !== 35) this.counts.set(tsv.slice(at, tab), Number(tsv.slice(tab + 1, nl)));
      at = nl + 1;
    }
  }

  /** How often the (lowercase) form was seen. */
  count(form: string): number {
    return this.counts.get('u\t' + form) ?? 0;
  }

  /** How often `form` followed a word whose folded form is `prev` ('^' = line start). */
  after(prev: string, form: string): number {
    return this.counts.get('l\t' + prev + '\t' + form) ?? 0;
  }

  /** How often `form` preceded a word whose folded form is `next` ('$' = line end). */
  before(form: string, next: string): number {
    return this.counts.get('r\t' + form + '\t' + next) ?? 0;
  }
}

export function loadFrequencies(): Frequencies {
  return new Frequencies(readFileSync(join(REPO_ROOT, 'corpus', 'lexicon', 'frequencies.tsv'), 'utf8'));
}
