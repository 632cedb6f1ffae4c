/**
 * The key two spellings of one name share: lower case, diacritics folded, the usual English-OCR
 * confusions undone (é→e, 6→o, |→i), punctuation and spacing dropped. Used for linking and
 * the title comparison of the contract ("differ beyond case, punctuation, spacing and diacritics").
 */
export function foldKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' och ')
    .replace(/[^a-z0-9]+/g, '');
}
