// Word tokens as the repair stage sees them: letter runs, plus the characters an English OCR
// model puts where Swedish letters were (6/0 for ö, é for ö/ä, | for I), when they sit inside
// or against letters.

/** A word-like run in a line: letters with embedded OCR confusion characters. */
// U+00AD (soft hyphen) sits inside words of text extracted from PDFs/DOCX; it stays in the token.
export const TOKEN = /[\p{L}|][\p{L}\d|\u00ad]*|\d[\p{L}\d|\u00ad]*\p{L}[\p{L}\d|\u00ad]*/gu;

/** Plain words of a line (letter runs), for counting and context. */
export function wordsOfLine(line: string): string[] {
  return line.match(/\p{L}+/gu) ?? [];
}

/** Spans that are never repaired: e-mail addresses, URLs, domain names, file names. */
const PROTECTED = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?:https?:\/\/|www\.)\S+|\]\([^)\s]*\)|[^\s()]*\/[^\s()]*\/[^\s()]*|\b[\w-]+(?:\.[\w-]+)*\.(?:se|nu|com|org|net|eu|pdf|docx?|xlsx?)\b/giu;

/** [start, end) ranges of protected text in `text`, sorted. */
export function protectedRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(PROTECTED)) out.push([m.index!, m.index! + m[0].length]);
  return out;
}
