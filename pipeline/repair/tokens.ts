// Word tokens as the repair stage sees them: letter runs, plus the characters an English OCR
// model puts where Swedish letters were (6/0 for ö, é for ö/ä, | for I), when they sit inside
// or against letters.

/** A word-like run in a line: letters with embedded OCR confusion characters. */
// U+00AD (soft hyphen) sits inside words of text extracted from PDFs/DOCX; it stays in the token.
export const TOKEN = /[\p{L}|][\p{L}\d|\u00ad]*|\d[\p{L}\d|\u00ad]*\p{L}[\p{L}\d|\u00ad]*/gu;

/** Punctuation where the context of a word stops (for the counts and the repairer alike). */
export const SENTENCE_END = /[.!?;:]/;

/** Plain words of a line (letter runs), for counting and context. */
export function wordsOfLine(line: string): string[] {
  return line.match(/\p{L}+/gu) ?? [];
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/u;
const ADDRESS = /:\/\/|^\W*www\.|\]\(|\/.*\/|\.(?:se|nu|com|org|net|eu|pdf|docx?|xlsx?)\b/iu;

/**
 * [start, end) ranges that are never repaired, sorted: whitespace-delimited chunks holding an
 * e-mail address, a URL, a path ("a/b/c"), a markdown link target or a domain or file name.
 */
export function protectedRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // From chunk starts only: unanchored, the engine retried every position of every word (quadratic).
  for (const m of text.matchAll(/(?<!\S)\S*[@/.]\S*/g)) {
    const chunk = m[0];
    if ((chunk.includes('@') && EMAIL.test(chunk)) || ADDRESS.test(chunk)) out.push([m.index!, m.index! + chunk.length]);
  }
  return out;
}
