// Kommun names inside one application: names that fold to the same key ("Håbo" in Uppsala län,
// "Habo" in Jönköpings län) once OCR has dropped the ring, and kommun names in the insats's
// title as OCR or repair left them ("6sthammar", "östhammar").
import { foldKey, KOMMUNER, matchOrganisation, type Kommun } from '../common/index.js';

/** Kommuner whose names fold to one key, by that key. */
const TWINS = new Map<string, Kommun[]>();
for (const k of KOMMUNER) TWINS.set(foldKey(k.name), [...(TWINS.get(foldKey(k.name)) ?? []), k]);
for (const [key, list] of TWINS) if (list.length < 2) TWINS.delete(key);

/** Kommun names and genitives by folded key, for words of a title. */
const SPELLINGS = new Map<string, { spelled: string; kommun: Kommun }[]>();
for (const k of KOMMUNER) {
  for (const spelled of new Set([k.name, k.genitive])) {
    const key = foldKey(spelled);
    SPELLINGS.set(key, [...(SPELLINGS.get(key) ?? []), { spelled, kommun: k }]);
  }
}

const COUNTIES = new Set(KOMMUNER.map((k) => k.county));

/** The county an organisation belongs to: a kommun's, or a region's ("Region Uppsala" → "Uppsala län"). */
function countyOf(name: string): string | null {
  const m = matchOrganisation(name);
  if (m?.kind === 'kommun') {
    const key = foldKey(m.name.replace(/\s+(kommun|stad)$/, ''));
    const k = KOMMUNER.find((x) => x.organisation === m.name);
    return k && !TWINS.has(key) ? k.county : null;
  }
  if (m?.kind === 'region') {
    const bare = m.name.replace(/^Region\s+/, '').replace(/\s+län$/, '');
    return COUNTIES.has(`${bare} län`) ? `${bare} län` : null;
  }
  return null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The registry's kommun for a folded name that two kommuner share, as settled for one document. */
export type TwinPicker = (key: string) => Kommun | null;

/**
 * Settles kommun names that fold alike for one document: the twin in the county of the
 * application's other parties (a samordningsförbund's members share a county), else the
 * spelling the document itself uses somewhere; null when nothing tells them apart.
 */
export function twinPicker(parties: readonly string[], text: string): TwinPicker {
  const counties = new Set(parties.map(countyOf).filter((c): c is string => c !== null));
  const spelledIn = (k: Kommun) => new RegExp(`(?<!\\p{L})${escape(k.name)}(?!\\p{L})`, 'u').test(text);
  const score = (k: Kommun) => (counties.has(k.county) ? 2 : 0) + (spelledIn(k) ? 1 : 0);
  return (key) => {
    const twins = TWINS.get(key);
    if (!twins) return null;
    const ranked = [...twins].sort((a, b) => score(b) - score(a));
    return score(ranked[0]) > score(ranked[1]) ? ranked[0] : null;
  };
}

/** "Habo kommun" → "Håbo kommun" where the document's parties sit in Uppsala län. */
export function settleOrganisation(name: string, pick: TwinPicker): string {
  const m = /^(.+?)(\s+(?:kommun|stad))$/.exec(name);
  const k = m ? pick(foldKey(m[1])) : null;
  return k && m ? `${k.organisation.replace(/\s+kommun$/, '')}${m[2]}` : name;
}

/** OCR look-alikes inside a word: "6sthammar", "0rebro", "A|vkarleby". */
const LOOKALIKE: Record<string, string> = { '6': 'o', '0': 'o', '|': 'l', '1': 'l' };

/**
 * A title with its kommun names spelled as the registry spells them: "Nya steg i 6sthammar" →
 * "… i Östhammar". Only words that are capitalised, or carry a diacritic or a look-alike digit,
 * change ("att vara" never becomes "att Vara"); a name two kommuner share changes only when
 * the document tells which.
 */
export function spellKommunNames(title: string, pick: TwinPicker = () => null): string {
  return title.replace(/[\p{L}\d|]+/gu, (word) => {
    if (word.length < 3 || !/\p{L}/u.test(word)) return word;
    const mapped = word.replace(/[601|]/g, (c) => LOOKALIKE[c]);
    if (!(mapped !== word || /^\p{Lu}/u.test(word) || /[^\x00-\x7f]/.test(word))) return word;
    const key = foldKey(mapped);
    const hits = SPELLINGS.get(key);
    if (!hits?.length) return word;
    const twin = TWINS.has(foldKey(hits[0].kommun.name)) ? pick(foldKey(hits[0].kommun.name)) : hits[0].kommun;
    const hit = twin ? hits.find((h) => h.kommun === twin) : null;
    if (!hit) return word;
    // A title in capitals keeps its capitals ("ARBETE – ÖSTHAMMAR").
    return word.length > 1 && word === word.toUpperCase() ? hit.spelled.toUpperCase() : hit.spelled;
  });
}
