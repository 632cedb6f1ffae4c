// Synthetic damage for evaluation and test corpora: what an English-model OCR layer (or a
// diacritic-less keyboard) does to Swedish text. Deterministic for a seed so corpora are
// reproducible. The OCR model follows what the seed application's bad text layer shows:
// ö read as o/é/d/6/0 or split into "oé"/"éo", ä as a/d/é, å as a, a lone "I" as "|",
// l↔I, f↔t, and the odd doubled letter.

export type DamageMode = 'strip' | 'ocr';

const STRIP: Record<string, string> = {
  å: 'a', ä: 'a', ö: 'o', é: 'e', è: 'e', ü: 'u', á: 'a', à: 'a',
  Å: 'A', Ä: 'A', Ö: 'O', É: 'E', È: 'E', Ü: 'U', Á: 'A', À: 'A',
};

/** [replacement, weight] lists; weights need not sum to 1 (remainder = keep as stripped). */
const OCR: Record<string, Array<[string, number]>> = {
  ö: [['o', 0.62], ['é', 0.12], ['6', 0.08], ['d', 0.05], ['oé', 0.04], ['éo', 0.04], ['a', 0.02], ['0', 0.03]],
  Ö: [['O', 0.8], ['6', 0.1], ['0', 0.1]],
  ä: [['a', 0.76], ['d', 0.12], ['é', 0.06], ['éa', 0.03], ['4', 0.03]],
  Ä: [['A', 0.95], ['A', 0.05]],
  å: [['a', 0.95], ['d', 0.05]],
  Å: [['A', 1]],
  é: [['e', 0.7], ['é', 0.3]],
};

/** Per-character rates of the non-diacritic confusions. */
const RATE = {
  lToI: 0.02, // "löptid" → "I6ptid"
  loneIToBar: 0.6, // "I dagsläget" → "| dagsläget"
  fToT: 0.004,
  tToF: 0.002,
  doubled: 0.0015, // "Att" → "Attt"
};

/** mulberry32: small, fast, deterministic PRNG (the corpus generators share it). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(options: Array<[string, number]>, r: number): string | undefined {
  let acc = 0;
  for (const [s, w] of options) {
    acc += w;
    if (r < acc) return s;
  }
  return undefined;
}

const isLetter = (c: string | undefined): boolean => !!c && /\p{L}/u.test(c);

/**
 * Damages Swedish text. 'strip' removes diacritics (å/ä→a, ö→o, é→e); 'ocr' applies the
 * English-OCR damage model. Line breaks are never touched, so line structure is kept.
 */
export function damageText(text: string, seed: number, mode: DamageMode): string {
  if (mode === 'strip') return text.replace(/[åäöéèüáàÅÄÖÉÈÜÁÀ]/g, (c) => STRIP[c] ?? c);
  const rnd = seededRandom(seed);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const prev = text[i - 1];
    const next = text[i + 1];
    const r = rnd();
    const options = OCR[c];
    if (options) {
      out += pick(options, r) ?? STRIP[c] ?? c;
      continue;
    }
    if (c === 'I' && !isLetter(prev) && !isLetter(next)) {
      out += r < RATE.loneIToBar ? '|' : c;
      continue;
    }
    if (c === 'l' && r < RATE.lToI) out += 'I';
    else if (c === 'f' && r < RATE.fToT) out += 't';
    else if (c === 't' && r < RATE.tToF) out += 'f';
    else if (isLetter(c) && isLetter(prev) && r > 1 - RATE.doubled) out += c + c;
    else out += c;
  }
  return out;
}
