// Line cues that say where a document starts and what kind it is. Matched on folded text and
// tolerant of the English-OCR confusions (ö→é/6/d, ä→a/d, l→I/|), so damaged scans split too.

/** A regex source matching `cue` (lower case ASCII) in folded text with OCR confusions allowed. */
function loose(cue: string): string {
  const classes: Record<string, string> = { o: '[oe6d0]', a: '[ad]', i: '[il1|]', l: '[li1|]', ' ': '\\s*' };
  return [...cue].map((ch) => classes[ch] ?? ch.replace(/[.*+?^${}()[\]\\|-]/g, '\\$&')).join('');
}

/** Lower case, accents stripped, markdown emphasis and heading marks dropped. */
export function foldLine(line: string): string {
  return foldLatin(line)
    .replace(/^[\s#>*_-]+/, '')
    .replace(/[*_]+/g, '')
    .trim();
}

/**
 * NFKD, combining accents dropped, lower case. Every line of every file goes through this, so
 * Latin text (all of it, in practice) is folded char by char from a table made the same way:
 * below U+0250 no character decomposes into marks that NFKD would reorder.
 */
function foldLatin(text: string): string {
  if (!LATIN.test(text)) return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return text.replace(FOLDABLE, (ch) => LATIN_FOLDS[ch.charCodeAt(0)]);
}
const LATIN = /^[\u0000-\u024f]*$/;
const FOLDABLE = /[A-Z\u0080-\u024f]/g;
const LATIN_FOLDS = Array.from({ length: 0x250 }, (_, c) => String.fromCharCode(c).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase());

// A scan's margin specks come out as a few junk characters before a heading ("HH Förslag till beslut").
const SPECKS = String.raw`(?:[^\sa-z]{1,3}\s+|[a-z]{1,2}\s+){0,2}`;
const re = (cues: string[], anchored: boolean) => new RegExp(`${anchored ? `^${SPECKS}` : ''}(?:${cues.map(loose).join('|')})`);

/** "beslutar att", also across a line break and a list number ("beslutar\n1. att bevilja"). */
export const BESLUTAR_ATT = /(?:beslutar|besluta)[\s\d.):-]{0,8}att\b/;

/** A line that opens a decision's proposal. */
export const DECISION_START = re(['forslag till beslut', 'beslutsforslag', 'tjansteskrivelse', 'protokollsutdrag', 'utdrag ur protokoll'], true);
/** Of those, the document headers ("Tjänsteskrivelse 2023-11-20" may also stand in a list of beslutsunderlag). */
export const DECISION_HEADER = re(['tjansteskrivelse', 'protokollsutdrag', 'utdrag ur protokoll'], true);
/** Lines that belong to a decision's body. */
export const DECISION_CUES = [
  'forslag till beslut', 'foreslas besluta', 'att bevilja', 'att avsla', 'avslag', 'bedomning', 'arendet', 'arendebeskrivning',
  'forbundschef', 'protokollsutdrag', 'tjansteskrivelse', 'maximalt', 'styrelsen beslutar', 'beslutsforslag',
].map((c) => new RegExp(loose(c))).concat(BESLUTAR_ATT);
/** The ansökan form's header. */
// Not "Ansökan om medel till …": decisions open with that heading too.
export const APPLICATION_START = re(['samverkansinsatser inom', 'ansokan om samverkansinsats', 'ansokan - samverkansinsats', 'ansokningsblankett'], true);
/** The form's labels. */
export const APPLICATION_CUES = [
  'insatsens namn', 'insatsagare', 'samverkansparter', 'planerat startdatum', 'planerat slutdatum', 'ange budget',
  'beskriv syftet', 'beskriv malen', 'namnfortydligande', 'budgetsammanstallning', 'budget - detaljerad', 'ange forvantat antal',
].map((c) => new RegExp(loose(c)));
/** Board minutes (protokoll) with numbered paragraphs. */
export const MINUTES_START = new RegExp(`^${SPECKS}(?:sammantrades)?pr[oe6d0]t[oe6d0]k[oe6d0][li1|][li1|](?![a-z])`);
export const MINUTES_CUES = ['sammantradesdatum', 'justerare', 'justering', 'narvarande', 'ordforande', 'sekreterare', 'paragrafer'].map((c) => new RegExp(loose(c)));

/** How many of `cues` occur in `folded` (foldLine's output: a document is folded once for all its counts). */
export function countCues(folded: string, cues: RegExp[]): number {
  return cues.reduce((n, cue) => n + (cue.test(folded) ? 1 : 0), 0);
}
