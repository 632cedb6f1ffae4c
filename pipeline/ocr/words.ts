import type { OcrWord } from '../source-file.js';

/** The subset of a tesseract.js word that arende keeps. */
export interface RecognisedWord {
  text: string;
  confidence: number; // 0..100 as tesseract reports it
  bbox: { x0: number; y0: number; x1: number; y1: number };
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
