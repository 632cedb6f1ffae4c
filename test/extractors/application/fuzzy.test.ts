import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignPrefix, foldForMatch } from '../../../extractors/application/fuzzy.js';
import { LABELS } from '../../../extractors/application/headings.js';
import { LABEL_THRESHOLD } from '../../../extractors/application/labels.js';

const corpus = resolve(fileURLToPath(import.meta.url), '../../../../corpus/documents');
const lines = (name: string) => foldForMatch(readFileSync(join(corpus, name), 'utf8')).split('\n').filter((l) => l.trim());

describe('foldForMatch', () => {
  it('keeps every UTF-16 unit one unit: capitals lowered, diacritics and other spaces folded, newlines kept', () => {
    const byDefinition = (ch: string) => (ch === '\n' ? '\n' : /\s/.test(ch) ? ' ' : (ch.normalize('NFD')[0] ?? ch).toLowerCase()[0] ?? ch);
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (foldForMatch(`x${ch}Y`) !== `x${byDefinition(ch)}y`) differ.push(c);
    }
    expect(differ).toEqual([]);
    const long = 'Insatsägare (*)\tÄlvkarleby KOMMUN\r\n'.repeat(20);
    expect(foldForMatch(long)).toBe('insatsagare (*) alvkarleby kommun \n'.repeat(20));
    expect(foldForMatch(long.toUpperCase())).toBe('insatsagare (*) alvkarleby kommun \n'.repeat(20));
  });
});

describe('alignPrefix', () => {
  it('reads the form label through OCR look-alikes and dropped punctuation', () => {
    const label = foldForMatch('Insatsägare (*)');
    const { cost, length } = alignPrefix(label, foldForMatch('Insatsagare (*) Älvkarleby kommun'), 3);
    expect(cost).toBe(0);
    expect(length).toBe(label.length);
    expect(alignPrefix(foldForMatch('Ansökan'), foldForMatch('Ans6kan om medel'), 1).cost).toBeCloseTo(0.35);
  });

  it('bounded to maxCost, finds exactly what the unbounded alignment finds within it, on every line of a damaged application', () => {
    const patterns = [...new Set(Object.values(LABELS).flat().map((l) => foldForMatch(l.trim()).replace(/ +/g, ' ')))];
    let accepted = 0;
    for (const line of [...lines('003_d550e0da5d25c526.txt'), ...lines('app-04_ocr-vagen-vidare.txt')]) {
      for (const p of patterns) {
        const maxCost = (1 - LABEL_THRESHOLD) * p.length;
        const full = alignPrefix(p, line);
        const bounded = alignPrefix(p, line, maxCost);
        if (full.cost <= maxCost) {
          accepted++;
          expect(bounded).toEqual(full);
        } else expect(bounded.cost).toBeGreaterThan(maxCost);
      }
    }
    expect(accepted).toBeGreaterThan(20);
  });
});
