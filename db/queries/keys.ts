/**
 * The key two spellings of one name share: lower case, accents folded (å, ä → a; ö, é → o/e),
 * "&" read as "och", punctuation and spacing dropped. Used for linking and the contract's title
 * comparison ("differ beyond case, punctuation, spacing and diacritics"). Unlike
 * extractors/common's foldKey it keeps no word boundaries: it compares whole names, not text.
 */
export function matchKey(text: string): string {
  // A linked pair's titles and owners are keyed again by every relink and flag check, and owners
  // repeat across the archive: known keys are looked up (normalize is most of the cost).
  let key = keys.get(text);
  if (key === undefined) {
    key = text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/&/g, ' och ')
      .replace(/[^a-z0-9]+/g, '');
    if (keys.size >= KEPT_KEYS) keys.clear();
    keys.set(text, key);
  }
  return key;
}

const KEPT_KEYS = 10_000;
const keys = new Map<string, string>();

/** The columns a document is looked up by when linking (documents.title_key, owner_key, period_start, period_end). */
export interface LinkKeys {
  title_key: string | null;
  owner_key: string | null;
  period_start: string | null;
  period_end: string | null;
}

/**
 * A document's link keys from its values (extracted or corrected): written with the document and
 * checked again by every relink, which rewrites them only when a correction changed them.
 */
export function linkKeysOf(title: string | null | undefined, owner: string | null | undefined, period: { start?: string | null; end?: string | null } | null | undefined): LinkKeys {
  return {
    title_key: title ? matchKey(title) : null,
    owner_key: owner ? matchKey(owner) : null,
    period_start: period?.start ?? null,
    period_end: period?.end ?? null,
  };
}
