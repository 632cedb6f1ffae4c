// Board minutes (protokoll): one file, many paragraphs ("§ 89 Ansökan om medel till insatsen …").
// Each § that decides on an insats is a decision document of its own; the rest is "other".
import { foldSwedish } from '../common/index.js';
import { linesOf } from './sections.js';

export interface MinutesSection {
  start: number;
  end: number;
  /** True when the § decides on an insats (grants, rejects, refers back or tables an application). */
  decides: boolean;
  /** The §'s heading without the § number, e.g. "Ansökan om medel till insatsen Unga vuxna". */
  heading: string;
  /** The § number as written. */
  number: string;
}

const PARAGRAPH = /^[\s#*]*§\s*(\d+[a-z]?)\b\s*[.:–-]?\s*(.*?)[\s*]*$/u;
// Lines that close a § in minutes and protokollsutdrag: signature fields, certification.
const CLOSING = /^[\s*_]*(?:justerandes\s+sign|justerandes\s+signatur|utdragsbestyrkande|vid\s+protokollet|justeras|ordforandes\s+sign|rätt utdraget|ratt utdraget|protokollet\s+justeras)/;
const INSATS = /\b(?:insats\w*|ansokan|ansoker|ansokt|projekt\w*|finansiering\w*|medel|finansiellt stod)\b/;
const OUTCOME = /\b(?:bevilja[rs]?|beviljad\w*|avsla\w*|avslag|inte bevilja|ej bevilja|aterremitt\w*|aterremiss|bordlagg\w*|bordlaggning)\b/;
const DECIDING = /\b(?:beslutar|beslutade|beslut|besluta|beslutas|foreslas)\b/;

/** Each "§ N heading" paragraph of a minutes text, with whether it decides on an insats. */
export function findMinutesSections(text: string): MinutesSection[] {
  const lines = linesOf(text);
  const heads: { line: number; number: string; heading: string }[] = [];
  lines.forEach((l, i) => {
    const m = l.text.match(PARAGRAPH);
    if (!m || /§§/.test(l.text)) return;
    let heading = m[2].trim();
    // The heading may sit on the next non-empty line ("§ 89" alone).
    if (!heading) heading = lines.slice(i + 1).find((n) => n.text.trim())?.text.replace(/[#*]/g, '').trim() ?? '';
    heads.push({ line: i, number: m[1], heading });
  });
  return heads.map((h, k) => {
    const start = lines[h.line].start + (lines[h.line].text.length - lines[h.line].text.trimStart().length);
    const nextLine = k + 1 < heads.length ? heads[k + 1].line : lines.length;
    let endLine = nextLine;
    for (let i = h.line + 1; i < nextLine; i++) {
      if (CLOSING.test(foldSwedish(lines[i].text))) {
        endLine = i;
        break;
      }
    }
    // Leave trailing blank lines and form feeds to whatever follows.
    while (endLine - 1 > h.line && !lines[endLine - 1].text.replace(/\f/g, '').trim()) endLine--;
    const end = lines[endLine - 1].end;
    const body = foldSwedish(text.slice(start, end));
    const headingKey = foldSwedish(h.heading);
    const decides = (INSATS.test(headingKey) || INSATS.test(body)) && OUTCOME.test(body) && DECIDING.test(body)
      && !/\b(?:mote(?:ts)?\s+oppnande|val av justerare|dagordning|anmalan|informations?arenden|ekonomisk rapport)\b/.test(headingKey);
    return { start, end, decides, heading: h.heading, number: h.number };
  });
}
