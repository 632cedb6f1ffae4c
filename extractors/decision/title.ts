// The insats's name in a decision: its heading (kept as written) and the name the att-sats
// gives ("enligt ansökan *…*", "till insatsen …"); the two may differ in spacing/punctuation.
import { boundedDistance, foldKey, foldSwedish } from '../common/index.js';
import { headingKey, linesOf } from './sections.js';

export interface TitleFind {
  value: string;
  start: number;
  end: number;
  confidence: number;
  /** The att-sats's naming when it agrees with the heading, as second evidence. */
  also?: { start: number; end: number };
}

// Lines of a tjänsteskrivelse's header that are not the insats's name.
const GENERIC = /^(?:ansokan|tjansteskrivelse|forslag till beslut.*|beslutsforslag|arende(?:t)?(?:\s+\d+)?|dnr.*|diarienummer.*|datum.*|handlaggare.*|sida\s+\d.*|\d+\s*\(\d+\)|samordningsforbundet.*|forbundsstyrelsen.*|styrelsen|till (?:forbunds)?styrelsen.*|protokollsutdrag.*|sammantradesprotokoll.*|protokoll.*|beslutsarende|informationsarende|bilaga.*|[\d\s./-]+|.*\b(?:20\d\d|19\d\d)-\d\d-\d\d\b.*)$/;
// Wording around the name in a heading: "Ansökan om medel till insatsen X", "Beslut om finansiering av X".
// A label may lead the heading: "Ärende: Ansökan om medel för insatsen X", "Rubrik: X".
const PREFIX = /^(?:§\s*\d+\s*[.:–-]?\s*)?(?:(?:arende(?:t)?|rubrik|insats(?:ens namn)?|projekt(?:namn)?|avser|beslutsarende)\s*:\s*)?(?:(?:ansokan|ansokningar|begaran|beslut|forslag)\s+(?:fran\s+[^,]{2,60}?\s+)?om\s+(?:medel|finansiering|finansiellt stod|stod|fortsatt finansiering|forlangning)\s+(?:till|for|av)\s+|(?:finansiering|medel)\s+(?:till|for|av)\s+|(?<=:\s*))?(?:(?:den\s+)?(?:insatsen|projektet|verksamheten|forstudien|forstudie)\s+(?=\S)(?!(?:om|av|for|i|med|till|inom)\s))?/;

const SUFFIX = /\s+[–—-]\s+(?:ansokan|ansokningar|begaran|beslut|forslag|finansiering|medel|fortsattning|forlangning)\b[^–—-]*$/;

function clean(text: string): string {
  return text
    .replace(/[#*_]+/g, ' ')
    .replace(/^[\s"“”'‘’«»:-]+|[\s"“”'‘’«».,:;]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Folded letters and digits only: titles that differ in spacing, punctuation or diacritics compare equal. */
function titleKey(text: string): string {
  return foldKey(text).replace(/\s+/g, '');
}

export function sameTitle(a: string, b: string): boolean {
  const ka = titleKey(a);
  const kb = titleKey(b);
  if (!ka || !kb) return false;
  if (ka === kb || ka.includes(kb) || kb.includes(ka)) return true;
  const budget = Math.floor(Math.max(ka.length, kb.length) * 0.15);
  return boundedDistance(ka, kb, budget) <= budget;
}

/** Strips a heading's wording around the name; offsets stay in the text. */
function nameInHeading(text: string, start: number, end: number): { start: number; end: number } {
  const folded = foldSwedish(text.slice(start, end));
  const lead = folded.match(/^[\s#*_]*/)![0].length;
  const m = folded.slice(lead).match(PREFIX);
  let s = start + lead + (m ? m[0].length : 0);
  let e = end;
  // Wording after the name: "X – ansökan om finansiering", "X - begäran om förlängning".
  const tail = folded.match(SUFFIX);
  if (tail) e = Math.min(e, start + tail.index!);
  while (s < e && /[\s#*_"“”'‘’«»:–-]/.test(text[s])) s++;
  while (e > s && /[\s#*_"“”'‘’«».,:;]/.test(text[e - 1])) e--;
  return { start: s, end: e };
}

/** The heading above the first section: the last block of non-generic lines before it. */
function headingTitle(text: string, before: number): { start: number; end: number } | null {
  const lines = linesOf(text).filter((l) => l.end <= before);
  let block: { start: number; end: number }[] = [];
  let best: { start: number; end: number }[] = [];
  for (const l of lines) {
    const key = headingKey(l.text.replace(/\f/g, ''));
    if (!key || GENERIC.test(key) || l.text.trim().length > 160) {
      if (block.length) best = block;
      block = [];
      continue;
    }
    block.push({ start: l.start, end: l.end });
  }
  if (block.length) best = block;
  if (!best.length || best.length > 3) return null;
  const span = nameInHeading(text, best[0].start, best[best.length - 1].end);
  return span.end > span.start ? span : null;
}

// "enligt ansökan *Name*", "enligt ansökan till insatsen Name", "till insatsen Name för perioden".
const ATT_NAME = /(?:enligt\s+ansokan(?:\s+(?:till|for|om))?(?:\s+(?:insatsen|projektet))?|(?:till|for|av)\s+(?:insatsen|projektet|forstudien))\s+/g;
const NAME_END = /\s+(?:for|under)\s+(?:perioden|tiden|aren|aret|ar|\d)|,\s*(?:maximalt|med|for|under|totalt|dock|da|eftersom|vilket|och\s+att)\b|\s+med\s+(?:maximalt|hogst|\d)|\s+(?:maximalt|hogst|om)\s+\d|\s+i\s+enlighet|[.;]\s|\n|$/;

function attTitle(text: string, from: number, to: number): { start: number; end: number } | null {
  const folded = foldSwedish(text.slice(0, to));
  ATT_NAME.lastIndex = from;
  for (let m = ATT_NAME.exec(folded); m; m = ATT_NAME.exec(folded)) {
    const s = m.index + m[0].length;
    const quote = text[s];
    let e: number;
    if (quote === '*' || quote === '"' || quote === '”' || quote === '“' || quote === '_') {
      const close = text.slice(s + 1).search(/[*"”“_]/);
      if (close < 0) continue;
      const inner = nameInHeading(text, s, s + 1 + close);
      if (inner.end > inner.start) return inner;
      continue;
    }
    const rest = folded.slice(s);
    e = s + rest.search(NAME_END);
    const span = nameInHeading(text, s, e);
    if (span.end - span.start >= 3 && span.end - span.start < 150) return span;
  }
  return null;
}

/** The title: the heading's form when the att-sats agrees with it, else the att-sats's name. */
export function findTitle(text: string, firstHeading: number, decision: { start: number; end: number } | null): TitleFind | null {
  const heading = headingTitle(text, firstHeading);
  const att = decision ? attTitle(text, decision.start, decision.end) : null;
  const h = heading && clean(text.slice(heading.start, heading.end));
  const a = att && clean(text.slice(att.start, att.end));
  if (heading && h && a && att) {
    if (sameTitle(h, a)) return { value: h, ...heading, confidence: 0.95, also: att };
    // They disagree: the att-sats names the insats the board decides on.
    return { value: a, ...att, confidence: 0.55 };
  }
  if (heading && h) return { value: h, ...heading, confidence: 0.75 };
  if (att && a) return { value: a, ...att, confidence: 0.8 };
  return null;
}
