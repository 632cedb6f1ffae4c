// Line cues that say where a document starts and what kind it is. Matched on folded text and
// tolerant of the English-OCR confusions (ö→é/6/d, ä→a/d, l→I/|), so damaged scans split too.

/** A regex source matching `cue` (lower case ASCII) in folded text with OCR confusions allowed. */
function loose(cue: string): string {
  const classes: Record<string, string> = { o: '[oe6d0]', a: '[ad]', i: '[il1|]', l: '[li1|]', ' ': '\\s*' };
  return [...cue].map((ch) => classes[ch] ?? ch.replace(/[.*+?^${}()[\]\\|-]/g, '\\$&')).join('');
}

/** Lower case, accents stripped, markdown emphasis and heading marks dropped. */
export function foldLine(line: string): string {
  return line
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^[\s#>*_-]+/, '')
    .replace(/[*_]+/g, '')
    .trim();
}

// A scan's margin specks come out as a few junk characters before a heading ("HH Förslag till beslut").
const SPECKS = String.raw`(?:[^\sa-z]{1,3}\s+|[a-z]{1,2}\s+){0,2}`;
const re = (cues: string[], anchored: boolean) => new RegExp(`${anchored ? `^${SPECKS}` : ''}(?:${cues.map(loose).join('|')})`);

/** A line that opens a decision (tjänsteskrivelse, protocol extract). */
export const DECISION_START = re(['forslag till beslut', 'tjansteskrivelse', 'protokollsutdrag', 'utdrag ur protokoll'], true);
/** Lines that belong to a decision's body. */
export const DECISION_CUES = [
  'forslag till beslut', 'foreslas besluta', 'beslutar att', 'att bevilja', 'att avsla', 'avslag', 'bedomning', 'arendet',
  'forbundschef', 'protokollsutdrag', 'tjansteskrivelse', 'maximalt', 'styrelsen beslutar',
].map((c) => new RegExp(loose(c)));
/** The ansökan form's header. */
export const APPLICATION_START = re(['samverkansinsatser inom', 'ansokan om medel', 'ansokan om finansiering', 'ansokan om samverkansinsats', 'ansokan - samverkansinsats'], true);
/** The form's labels. */
export const APPLICATION_CUES = [
  'insatsens namn', 'insatsagare', 'samverkansparter', 'planerat startdatum', 'planerat slutdatum', 'ange budget',
  'beskriv syftet', 'beskriv malen', 'namnfortydligande', 'budgetsammanstallning', 'budget - detaljerad', 'ange forvantat antal',
].map((c) => new RegExp(loose(c)));
/** Board minutes (protokoll) with numbered paragraphs. */
export const MINUTES_START = re(['protokoll', 'sammantradesprotokoll'], true);
export const MINUTES_CUES = ['sammantradesdatum', 'justerare', 'justering', 'narvarande', 'ordforande', 'sekreterare', 'paragrafer'].map((c) => new RegExp(loose(c)));

export function countCues(text: string, cues: RegExp[]): number {
  const folded = foldLine(text);
  return cues.reduce((n, cue) => n + (cue.test(folded) ? 1 : 0), 0);
}
