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
