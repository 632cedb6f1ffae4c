// Builds corpus/lexicon/frequencies.tsv: word and context counts for choosing among the forms
// that share a folded key ("ar" → är/år/ar, "for" → för/for). Counted on Swedish
// public-sector prose that is free of copyright (upphovsrättslagen 9 §: the government's
// propositions, SOU, kommittédirektiv, skrivelser, lagrådsremisser and Ds summaries), see
// corpus/restore-eval/SOURCES.md for the source and the split (only the "train" part is counted).
//
//   npx tsx corpus/lexicon/build-frequencies.ts TRAIN.txt [MORE.txt ...]
//
// Lines: "u form count" (every word seen ≥ 2 times), "l prevFolded form count" and
// "r form nextFolded count" (context of forms whose folded key is ambiguous in the lexicon),
// and the same one word further away, "L prev2Folded form count" and "R form next2Folded count"
// (skip-bigrams), and "p prevEnding form count" / "s form nextEnding count": the neighbour's
// ending (pipeline/repair/fold.ts `ending`, words over 4 letters), which the repairer falls back
// on when the neighbour itself was never seen beside a candidate (rare compounds).

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ending, fold } from '../../pipeline/repair/fold.js';
import { REPO_ROOT, WORD, loadLexicon } from '../../pipeline/repair/lexicon.js';
import { SENTENCE_END, wordsOfLine } from '../../pipeline/repair/tokens.js';

const files = process.argv.slice(2);
if (!files.length) {
  process.stderr.write('usage: build-frequencies.ts TRAIN.txt...\n');
  process.exit(2);
}
const lexicon = await loadLexicon();
const unigrams = new Map<string, number>();
const left = new Map<string, number>();
const right = new Map<string, number>();
const left2 = new Map<string, number>();
const leftEnd = new Map<string, number>();
const rightEnd = new Map<string, number>();
const right2 = new Map<string, number>();
const ambiguous = new Map<string, boolean>();
const isAmbiguous = (form: string): boolean => {
  const key = fold(form);
  let a = ambiguous.get(key);
  if (a === undefined) {
    const forms = new Set(lexicon.lookup(key).filter((f) => f.flags & WORD).map((f) => f.form.toLowerCase()));
    a = forms.size > 1;
    ambiguous.set(key, a);
  }
  return a;
};
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

for (const file of files) {
  for (const fullLine of readFileSync(file, 'utf8').split('\n')) {
    if (fullLine.startsWith('<<<')) continue; // document separators of the dump
    // Context stops at sentence punctuation, as in the repairer ("per år." ends there).
    for (const line of fullLine.split(SENTENCE_END)) countLine(line);
  }
}

function countLine(line: string): void {
  const words = wordsOfLine(line).map((w) => w.toLowerCase());
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    bump(unigrams, w);
    if (!isAmbiguous(w)) continue;
    bump(left, `${i > 0 ? fold(words[i - 1]) : '^'}\t${w}`);
    bump(right, `${w}\t${i + 1 < words.length ? fold(words[i + 1]) : '$'}`);
    if (i > 0 && words[i - 1].length > 4) bump(leftEnd, `${ending(words[i - 1])}\t${w}`);
    if (i + 1 < words.length && words[i + 1].length > 4) bump(rightEnd, `${w}\t${ending(words[i + 1])}`);
    if (i > 1) bump(left2, `${fold(words[i - 2])}\t${w}`);
    if (i + 2 < words.length) bump(right2, `${w}\t${fold(words[i + 2])}`);
  }
}

const lines: string[] = [];
for (const [w, c] of [...unigrams].sort((a, b) => b[1] - a[1])) if (c >= 2 || isAmbiguous(w)) lines.push(`u\t${w}\t${c}`);
for (const [k, c] of [...left].sort((a, b) => b[1] - a[1])) if (c >= 2) lines.push(`l\t${k}\t${c}`);
for (const [k, c] of [...right].sort((a, b) => b[1] - a[1])) if (c >= 2) lines.push(`r\t${k}\t${c}`);
for (const [k, c] of [...leftEnd].sort((a, b) => b[1] - a[1])) if (c >= 2) lines.push(`p\t${k}\t${c}`);
for (const [k, c] of [...rightEnd].sort((a, b) => b[1] - a[1])) if (c >= 2) lines.push(`s\t${k}\t${c}`);
for (const [k, c] of [...left2].sort((a, b) => b[1] - a[1])) if (c >= 2) lines.push(`L\t${k}\t${c}`);
for (const [k, c] of [...right2].sort((a, b) => b[1] - a[1])) if (c >= 2) lines.push(`R\t${k}\t${c}`);
const out = join(REPO_ROOT, 'corpus', 'lexicon', 'frequencies.tsv');
writeFileSync(out, `# word and context counts; made by corpus/lexicon/build-frequencies.ts\n${lines.join('\n')}\n`);
process.stderr.write(`${out}: ${lines.length} lines\n`);
