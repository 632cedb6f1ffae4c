// What the trigram index (compound search, db/queries/search.ts) reads of a document: its
// distinct words of COMPOUND_MIN letters or more, once each. A substring query finds a word part
// inside a compound ("samverkan" in "flerpartssamverkan"); the word index already finds words by
// their start, so short words and repeats only cost trigrams (most of a document's text).

/** Words shorter than this are left to the word (unicode61) index. */
export const COMPOUND_MIN = 6;

const WORD = /[\p{L}\p{N}]+/gu;

/** The document's distinct long words, lower-cased, space-separated, in order of first use. */
export function searchWords(text: string): string {
  // The words as strings (match), not match objects (matchAll): this runs over every document's text.
  const seen = new Set<string>();
  for (const word of text.match(WORD) ?? []) if (word.length >= COMPOUND_MIN) seen.add(word.toLowerCase());
  return [...seen].join(' ');
}
