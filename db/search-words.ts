// What the trigram index (compound search, db/queries/search.ts) reads of a document: its
// distinct words of COMPOUND_MIN letters or more, once each. A substring query finds a word part
// inside a compound ("samverkan" in "flerpartssamverkan"); the word index already finds words by
// their start, so short words and repeats only cost trigrams (most of a document's text).

/** Words shorter than this are left to the word (unicode61) index. */
export const COMPOUND_MIN = 6;

/** The document's distinct long words, lower-cased, space-separated, in order of first use. */
export function searchWords(text: string): string {
  const seen = new Set<string>();
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (m[0].length >= COMPOUND_MIN) seen.add(m[0].toLowerCase());
  }
  return [...seen].join(' ');
}
