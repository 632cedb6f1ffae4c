// Word and context counts (corpus/lexicon/frequencies.tsv, counted on public-sector prose).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './lexicon.js';

export class Frequencies {
  private readonly unigrams = new Map<string, number>();
  private readonly left = new Map<string, number>();
  private readonly right = new Map<string, number>();

  constructor(tsv: string) {
    for (const line of tsv.split('\n')) {
      const f = line.split('\t');
      if (f[0] === 'u') this.unigrams.set(f[1], Number(f[2]));
      else if (f[0] === 'l') this.left.set(`${f[1]}\t${f[2]}`, Number(f[3]));
      else if (f[0] === 'r') this.right.set(`${f[1]}\t${f[2]}`, Number(f[3]));
    }
  }

  /** How often the (lowercase) form was seen. */
  count(form: string): number {
    return this.unigrams.get(form) ?? 0;
  }

  /** How often `form` followed a word whose folded form is `prev` ('^' = line start). */
  after(prev: string, form: string): number {
    return this.left.get(`${prev}\t${form}`) ?? 0;
  }

  /** How often `form` preceded a word whose folded form is `next` ('$' = line end). */
  before(form: string, next: string): number {
    return this.right.get(`${form}\t${next}`) ?? 0;
  }
}

export function loadFrequencies(): Frequencies {
  return new Frequencies(readFileSync(join(REPO_ROOT, 'corpus', 'lexicon', 'frequencies.tsv'), 'utf8'));
}
