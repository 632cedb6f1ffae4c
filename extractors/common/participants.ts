// Expected participants per year: "Förväntat antal deltagare i insatsen är 50 deltagare per år",
// "50 individer per år ska få stöd", "ca 30 deltagare/år", "Antal deltagare per år: 40".
import { foldSwedish } from './fold.js';

export interface ParticipantsMention {
  value: number;
  start: number;
  end: number;
  confidence: number;
}

const PEOPLE = String.raw`(?:nya\s+)?(?:deltagare|individer|personer|ungdomar|unga|kvinnor|man|brukare|klienter)`;
const PER_YEAR = String.raw`(?:per\s+ar|\/\s?ar|om\s+aret|arligen|varje\s+ar|per\s+kalenderar)`;
const FORWARD = new RegExp(String.raw`(?:ca\.?\s+|cirka\s+|omkring\s+|minst\s+|upp\s+till\s+)?(\d{1,4})\s+${PEOPLE}\s*${PER_YEAR}`, 'g');
const LABELLED = new RegExp(String.raw`antal\s+(?:deltagare|individer|personer)\s*${PER_YEAR}\s*[:\-–]?\s*(?:ca\.?\s+|cirka\s+)?(\d{1,4})\b`, 'g');

/** Every per-year participant figure in a text; statements naming "förväntat antal" or "deltagare" first. */
export function findParticipantsPerYear(text: string): ParticipantsMention[] {
  const folded = foldSwedish(text);
  const found: ParticipantsMention[] = [];
  for (const re of [LABELLED, FORWARD]) {
    for (const m of folded.matchAll(re)) {
      const start = m.index!;
      if (found.some((f) => start < f.end && f.start < start + m[0].length)) continue;
      const before = folded.slice(Math.max(0, start - 80), start);
      const strong = /forvantat antal|beraknat antal|antal deltagare/.test(before + m[0]) || /deltagare/.test(m[0]);
      found.push({ value: Number(m[1]), start, end: start + m[0].length, confidence: strong ? 0.9 : 0.7 });
    }
  }
  return found.sort((a, b) => b.confidence - a.confidence || a.start - b.start);
}

export interface ParticipantsTotalMention extends ParticipantsMention {
  /** The figure covers the whole insats, not a year: divide by its length. */
  total: true;
}

const WHOLE_TIME = String.raw`(?:hela\s+)?(?:projekttiden|insatstiden|projektperioden|insatsperioden|insatsens\s+(?:lopt|livs)id|projektets\s+lopt|perioden)`;
// "totalt 60 deltagare … under projekttiden", "60 deltagare totalt under insatstiden".
const TOTAL = new RegExp(
  String.raw`(?:totalt|sammanlagt|sammantaget)\s+(?:ca\.?\s+|cirka\s+|omkring\s+)?(\d{1,4})\s+${PEOPLE}\b[^.\n]{0,80}?\b(?:under|for|inom)\s+${WHOLE_TIME}`
  + String.raw`|(\d{1,4})\s+${PEOPLE}\s+(?:totalt|sammanlagt)\s+(?:under|for|inom)\s+${WHOLE_TIME}`,
  'g',
);

/** Participant figures for the whole insats ("totalt 60 deltagare under projekttiden"); per year they need the period's length. */
export function findParticipantsTotal(text: string): ParticipantsTotalMention[] {
  const folded = foldSwedish(text);
  return [...folded.matchAll(TOTAL)].map((m) => ({ value: Number(m[1] ?? m[2]), start: m.index!, end: m.index! + m[0].length, confidence: 0.6, total: true as const }));
}

/** Participants per year from a whole-period total: total / the period's length in years (rounded). Null for an open or sub-year period. */
export function perYear(total: number, period: { start: string | null; end: string | null }): number | null {
  if (!period.start || !period.end) return null;
  const [y1, m1, d1] = period.start.split('-').map(Number);
  const [y2, m2, d2] = period.end.split('-').map(Number);
  // Whole months, counting a period that ends on a month's last day as ending with that month.
  const months = (y2 - y1) * 12 + (m2 - m1) + (d2 >= 28 && d1 === 1 ? 1 : 0);
  if (months < 12) return months > 0 ? total : null;
  return Math.round(total / (months / 12));
}
