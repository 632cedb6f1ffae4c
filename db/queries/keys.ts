/**
 * The key two spellings of one name share: lower case, accents folded (å, ä → a; ö, é → o/e),
 * "&" read as "och", punctuation and spacing dropped. Used for linking and the contract's title
 * comparison ("differ beyond case, punctuation, spacing and diacritics"). Unlike
 * extractors/common's foldKey it keeps no word boundaries: it compares whole names, not text.
 */
export function matchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' och ')
    .replace(/[^a-z0-9]+/g, '');
}
