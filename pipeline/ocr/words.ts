import type { OcrWord } from '../source-file.js';

/** The subset of a tesseract.js word that arende keeps. */
export interface RecognisedWord {
  text: string;
  confidence: number; // 0..100 as tesseract reports it
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

/**
 * The words of tesseract's TSV output (one row per element; level 5 rows are words: left, top,
 * width, height, confidence, text). Asked for instead of tesseract.js's block tree, which walks
 * the result element by element across the wasm boundary: ~300 ms of a ~4.3 s page (issue 12).
 */
export function wordsFromTsv(tsv: string): RecognisedWord[] {
  const words: RecognisedWord[] = [];
  for (const row of tsv.split('\n')) {
    if (!row.startsWith('5\t')) continue;
    const cells = row.split('\t');
    if (cells.length < 12) continue;
    const [left, top, width, height, confidence] = cells.slice(6, 11).map(Number);
    // Whole numbers, as the block tree gave them (tesseract.js truncates there): the same values
    // and thresholds as before.
    words.push({ text: cells.slice(11).join('\t'), confidence: Math.trunc(confidence), bbox: { x0: left, y0: top, x1: left + width, y1: top + height } });
  }
  return words;
}

/**
 * Places each recognised word in the page text (tesseract's own text output, in reading
 * order), so a word's span points into Page.raw. Words are searched forward from the
 * previous match; a word that cannot be found (never seen, but cheap to survive) gets an
 * empty span at the cursor.
 */
export function placeWords(text: string, words: RecognisedWord[]): OcrWord[] {
  let cursor = 0;
  return words.map((w) => {
    const at = w.text ? text.indexOf(w.text, cursor) : -1;
    const start = at >= 0 ? at : cursor;
    const end = at >= 0 ? at + w.text.length : cursor;
    cursor = end;
    return {
      text: w.text,
      confidence: clamp01(w.confidence / 100),
      bbox: [w.bbox.x0, w.bbox.y0, w.bbox.x1, w.bbox.y1],
      span: [start, end],
    };
  });
}

/**
 * Scanner specks read as words: a doubtful token with no lower-case letters ("44", "HHH", "KE",
 * "|") at a word's place. Real capitals (AF, FK, SIP) and numbers come out with high confidence.
 */
export function isSpeck(w: RecognisedWord): boolean {
  const text = w.text.trim();
  if (!text) return true;
  if (/\p{Ll}/u.test(text)) return false;
  if (w.confidence < 50) return true;
  return w.confidence < 75 && /^[\p{Lu}\p{P}\p{S}]{1,4}$/u.test(text) && !/^[\p{P}]$/u.test(text);
}

/**
 * Removes speck words from tesseract's text and word list, so headings and values are not
 * preceded by "HH" or "44". Spaces around a removed speck collapse; lines stay lines.
 */
export function dropSpecks(text: string, words: RecognisedWord[]): { text: string; words: RecognisedWord[] } {
  const placed = placeWords(text, words);
  const specks = words.map((w, i) => (isSpeck(w) && placed[i].span[1] > placed[i].span[0] ? placed[i].span : null)).filter((x) => x !== null);
  if (!specks.length) return { text, words };
  let out = '';
  let cursor = 0;
  for (const [start, end] of specks) {
    out += text.slice(cursor, start);
    cursor = end;
    // One space goes with the speck: "HH Förslag" → "Förslag", "ut HH Förslag" → "ut Förslag".
    if (text[cursor] === ' ' && (out === '' || /[\n ]$/.test(out))) cursor++;
    else if (text[cursor] !== ' ' && out.endsWith(' ')) out = out.slice(0, -1);
  }
  out += text.slice(cursor);
  return { text: out, words: words.filter((w) => !isSpeck(w)) };
}

/** Mean word confidence weighted by word length: a long misread word weighs more than "-". */
export function meanConfidence(words: OcrWord[]): number | null {
  let sum = 0;
  let weight = 0;
  for (const w of words) {
    const n = Math.max(1, w.text.length);
    sum += w.confidence * n;
    weight += n;
  }
  return weight ? sum / weight : null;
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

// What tesseract's Swedish model makes of a "%" set in a sans-serif body font: "246", "24",
// "20", "96", "960" (observed on generated 300 dpi scans: "på 75 246 som", "på 25\n20.", "på 50 960."),
// mostly with a doubtful confidence (0.62–0.85) while the digits before it read at 0.95+.
const PERCENT_MISREAD = /^(?:2|20|24|246|26|96|960|9|%o|°o|o\/o)([.,;:)]?)$/;
// The words that put a number in a share: "på 75 %", "om 50 %", "(50 %)", "motsvarande 40 %".
const SHARE_CUE = /^(?:på|pa|om|motsvarande|med|till|av|minst|högst|hogst|ca|cirka|\(|\(ca)$/i;

/**
 * Puts back the "%" that OCR read as a doubtful number after a share: "på 100 246 samt" →
 * "på 100 % samt". Only a low-confidence word right after a confident 1..100 that follows a
 * share word, and never inside a thousands-grouped amount ("på 100 246 000").
 */
export function restorePercentSigns(text: string, words: OcrWord[]): { text: string; words: OcrWord[] } {
  let out = '';
  let cursor = 0;
  let shift = 0;
  const fixed = words.map((w, i) => {
    const moved = shift ? { ...w, span: [w.span[0] + shift, w.span[1] + shift] as [number, number] } : w;
    const m = PERCENT_MISREAD.exec(w.text);
    const number = words[i - 1];
    const cue = words[i - 2];
    const next = words[i + 1];
    if (!m || w.confidence >= 0.9 || !number || !cue || w.span[1] <= w.span[0]) return moved;
    if (!/^\d{1,3}$/.test(number.text) || Number(number.text) < 1 || Number(number.text) > 100 || number.confidence < 0.9) return moved;
    if (!SHARE_CUE.test(cue.text)) return moved;
    if (next && /^\d{3}\b/.test(next.text)) return moved;
    const replacement = `%${m[1]}`;
    out += text.slice(cursor, w.span[0]) + replacement;
    cursor = w.span[1];
    const grown = replacement.length - w.text.length;
    const span: [number, number] = [moved.span[0], moved.span[0] + replacement.length];
    shift += grown;
    return { ...moved, text: replacement, span };
  });
  if (!cursor) return { text, words };
  return { text: out + text.slice(cursor), words: fixed };
}
