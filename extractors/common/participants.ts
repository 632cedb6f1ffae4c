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
