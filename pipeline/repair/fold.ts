// The diacritic-folded form is the lexicon's key: what a word looks like once an English OCR
// model or a plain keyboard has lost its å/ä/ö.

const FOLD: Record<string, string> = {
  å: 'a', ä: 'a', á: 'a', à: 'a', â: 'a', ö: 'o', ó: 'o', ô: 'o', ø: 'o', é: 'e', è: 'e', ê: 'e', ë: 'e', ü: 'u', ú: 'u',
};

/** Lowercase, å/ä→a, ö→o, é→e (and the few other accents Swedish borrows). */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  let out = '';
  for (const c of lower) out += FOLD[c] ?? c;
  return out;
}

/** True when the word carries a letter that folding removes. */
export function hasDiacritic(word: string): boolean {
  return /[åäöéèêëáàâóôøüúÅÄÖÉÈÊËÁÀÂÓÔØÜÚ]/.test(word);
}

/**
 * The word's ending as a context class: the last three letters of its folded form (all of a
 * short word). A neighbour never seen beside a candidate still tells its kind by its ending
 * ("fortsatta ...atgarder": a plural noun follows an adjective, not the verb fortsätta).
 */
export function ending(word: string): string {
  return endingOfFolded(fold(word));
}

/** `ending` of a word already folded. */
export function endingOfFolded(folded: string): string {
  return folded.length <= 4 ? folded : '-' + folded.slice(-3);
}
