// Measures the repair stage on Swedish prose with correct diacritics (corpus/restore-eval:
// tune and holdout splits; the seed decisions): the text is damaged (diacritics stripped, or
// the English-OCR damage model), repaired, and compared word by word with the original.
//
//   npx tsx scripts/eval-restore.ts

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { damageText, type DamageMode } from '../pipeline/repair/damage.js';
import { loadFrequencies } from '../pipeline/repair/frequencies.js';
import { REPO_ROOT, loadLexicon } from '../pipeline/repair/lexicon.js';
import { SwedishRepairer, type Repairer } from '../pipeline/repair/repairer.js';

export interface RestoreRow {
  set: string;
  mode: DamageMode;
  words: number;
  diacriticWords: number;
  /** Share of words with å/ä/ö/é restored exactly. */
  diacriticAccuracy: number;
  /** Share of all words exactly as in the original (damage done to correct words counts). */
  allAccuracy: number;
  /** Words the damage left intact that the repair changed. */
  harmed: number;
}

export interface RestoreTable {
  rows: RestoreRow[];
  /** Repair speed (CPU time of this process, so other load on the machine does not count) on the stripped holdout, after load, once the per-word analyses are memoised: the steady state of a long run. */
  wordsPerSecond: number;
  /** The same with empty memos (every distinct word analysed for the first time). */
  coldWordsPerSecond: number;
  /** Wall time to load the (cached) lexicon and counts. */
  loadMs: number;
  /** CPU time of the same load. */
  loadCpuMs: number;
  /** Seed 003 (an English-OCR layer) after repair holds these names. */
  seed003: Record<string, boolean>;
}

const EVAL_DIR = join(REPO_ROOT, 'corpus', 'restore-eval');
const DOCS_DIR = join(REPO_ROOT, 'corpus', 'documents');
const DIACRITIC = /[åäöéÅÄÖÉ]/;

function sets(): Array<{ name: string; text: string }> {
  const out = [
    { name: 'tune', text: readFileSync(join(EVAL_DIR, 'tune.txt'), 'utf8') },
    { name: 'holdout', text: readFileSync(join(EVAL_DIR, 'holdout.txt'), 'utf8') },
  ];
  // The seed decisions are correctly spelt Swedish of exactly the register that matters.
  const seeds = readdirSync(DOCS_DIR)
    .filter((f) => /^00[0124]_.*\.txt$/.test(f))
    .map((f) => readFileSync(join(DOCS_DIR, f), 'utf8'));
  if (seeds.length) out.push({ name: 'seed decisions', text: seeds.join('\n\n') });
  return out;
}

/** Compares whitespace tokens line by line (damage and repair keep lines and spaces). */
export function compare(original: string, damaged: string, repaired: string, set: string, mode: DamageMode): RestoreRow {
  const o = original.split('\n');
  const d = damaged.split('\n');
  const r = repaired.split('\n');
  let words = 0;
  let diacriticWords = 0;
  let right = 0;
  let diacriticRight = 0;
  let harmed = 0;
  for (let i = 0; i < o.length; i++) {
    const ow = o[i].split(/\s+/).filter(Boolean);
    const dw = (d[i] ?? '').split(/\s+/).filter(Boolean);
    const rw = (r[i] ?? '').split(/\s+/).filter(Boolean);
    for (let j = 0; j < ow.length; j++) {
      if (!/\p{L}/u.test(ow[j])) continue;
      words++;
      const ok = rw[j] === ow[j];
      if (ok) right++;
      if (DIACRITIC.test(ow[j])) {
        diacriticWords++;
        if (ok) diacriticRight++;
      }
      if (dw[j] === ow[j] && !ok) harmed++;
    }
  }
  const pct = (a: number, b: number) => Math.round((1e4 * a) / Math.max(b, 1)) / 100;
  return { set, mode, words, diacriticWords, diacriticAccuracy: pct(diacriticRight, diacriticWords), allAccuracy: pct(right, words), harmed };
}

export async function evalRestore(): Promise<RestoreTable> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const lexicon = await loadLexicon();
  const frequencies = loadFrequencies();
  const loadMs = Math.round(performance.now() - t0);
  const c1 = process.cpuUsage(c0);
  const loadCpuMs = Math.round((c1.user + c1.system) / 1000);
  const rows: RestoreRow[] = [];
  let wordsPerSecond = 0;
  let coldWordsPerSecond = 0;
  for (const { name, text } of sets()) {
    for (const mode of ['strip', 'ocr'] as const) {
      const damaged = damageText(text, 20240601, mode);
      // A fresh repairer per run so memoised analyses do not flatter the speed figure.
      const repairer: Repairer = new SwedishRepairer(lexicon, frequencies);
      const t = process.cpuUsage();
      const repaired = repairer.repair(damaged).text;
      const cold = process.cpuUsage(t).user / 1e6;
      const row = compare(text, damaged, repaired, name, mode);
      rows.push(row);
      if (name === 'holdout' && mode === 'strip') {
        const t2 = process.cpuUsage();
        repairer.repair(damaged);
        const warm = process.cpuUsage(t2).user / 1e6;
        coldWordsPerSecond = Math.round(row.words / cold);
        wordsPerSecond = Math.round(row.words / warm);
      }
    }
  }
  const seed = readdirSync(DOCS_DIR).find((f) => f.startsWith('003_'));
  const seed003: Record<string, boolean> = {};
  if (seed) {
    const repaired = new SwedishRepairer(lexicon, frequencies).repair(readFileSync(join(DOCS_DIR, seed), 'utf8')).text;
    for (const s of ['Förstärkt stöd till arbete & studier', 'Älvkarleby kommun', 'Försäkringskassan', 'Arbetsförmedlingen']) seed003[s] = repaired.includes(s);
  }
  return { rows, wordsPerSecond, coldWordsPerSecond, loadMs, loadCpuMs, seed003 };
}

export function formatRestoreTable(t: RestoreTable): string {
  const lines = [
    '| set | damage | words | diacritic words | diacritic acc. % | all-word acc. % | correct words harmed |',
    '|---|---|---|---|---|---|---|',
    ...t.rows.map((r) => `| ${r.set} | ${r.mode} | ${r.words} | ${r.diacriticWords} | ${r.diacriticAccuracy} | ${r.allAccuracy} | ${r.harmed} |`),
    '',
    `repair speed (CPU time, one core, after load): ${t.wordsPerSecond} words/s steady state, ${t.coldWordsPerSecond} words/s with empty memos; lexicon + counts load: ${t.loadMs} ms wall, ${t.loadCpuMs} ms CPU`,
    `seed 003 after repair: ${Object.entries(t.seed003).map(([k, v]) => `${v ? '✓' : '✗'} "${k}"`).join(', ')}`,
  ];
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const table = await evalRestore();
  process.stdout.write(formatRestoreTable(table) + '\n');
}
