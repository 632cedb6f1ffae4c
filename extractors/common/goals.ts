// Goal statements by kind: "Insatsmålen är att A, att B och att C", "har angetts följande
// effektmål: …", "Resultatmålet för insatsen är att …", or a heading "Effektmål:" over bullets.
import type { GoalKind } from '../fields.js';
import { foldSwedish } from './fold.js';

export interface GoalMention {
  kind: GoalKind;
  text: string;
  start: number;
  end: number;
  confidence: number;
}

const CUES: [RegExp, GoalKind][] = [
  [/overgripande\s+mal(?:et|en)?\b/g, 'overall'],
  [/\beffektmal(?:et|en)?\b/g, 'effect'],
  [/\b(?:insatsmal|aktivitetsmal|processmal)(?:et|en)?\b/g, 'activity'],
  [/\bresultatmal(?:et|en)?\b/g, 'result'],
];
const BULLET = /^\s*(?:[-•*·o–e]\s+|\d+[.)]\s+|[a-z][.)]\s+)/;

/** End of the sentence that starts at `from`: a full stop before a capital or a paragraph break. */
function sentenceEnd(text: string, from: number): number {
  const re = /\.(?=\s+(?:\p{Lu}|\d+\s?%))|\n\s*\n|\.\s*$/gu;
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index : text.length;
}

/** Splits "att A, att B och att C" into its goals; other statements stay whole. */
function splitGoals(text: string, offset: number): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const folded = foldSwedish(text);
  if (!/^att\s/.test(folded)) return [{ text, start: offset, end: offset + text.length }];
  const sep = /(?:,\s*(?:och\s+|samt\s+)?|\s+(?:och|samt)\s+)att\s+/g;
  let last = 0;
  for (const m of folded.matchAll(sep)) {
    out.push({ text: text.slice(last, m.index), start: offset + last, end: offset + m.index! });
    last = m.index! + m[0].length;
  }
  out.push({ text: text.slice(last), start: offset + last, end: offset + text.length });
  return out.map((g) => {
    const lead = g.text.match(/^att\s+/i)?.[0].length ?? 0;
    return { text: g.text.slice(lead), start: g.start + lead, end: g.end };
  });
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/^[\s:–-]+|[\s.;,]+$/g, '').trim();
}

export interface GoalOptions {
  /** Whether a paragraph starts after the line ending at this offset (OCR word boxes); see DocumentText.paragraphBreakAfter. */
  paragraphBreakAfter?: (offset: number) => boolean | null;
}

/** Every goal a text states, by kind, one entry per goal, in text order. */
export function findGoals(text: string, options: GoalOptions = {}): GoalMention[] {
  const folded = foldSwedish(text);
  const found: GoalMention[] = [];
  for (const [re, kind] of CUES) {
    for (const m of folded.matchAll(re)) {
      const cueEnd = m.index! + m[0].length;
      const lineEnd = folded.indexOf('\n', cueEnd) === -1 ? folded.length : folded.indexOf('\n', cueEnd);
      const rest = folded.slice(cueEnd, lineEnd);
      // A heading "Effektmål:" (or "Effektmål") alone on its line: the goals are the lines below.
      if (/^\s*[:*]*\s*\(?\*?\)?\s*$/.test(rest) && /(^|\n)[\s#*-]*$/.test(folded.slice(Math.max(0, m.index! - 6), m.index!))) {
        let pos = lineEnd + 1;
        const items: { text: string; start: number; end: number }[] = [];
        let blank = 0;
        while (pos < text.length) {
          const e = text.indexOf('\n', pos) === -1 ? text.length : text.indexOf('\n', pos);
          const line = text.slice(pos, e);
          const f = foldSwedish(line);
          if (!line.trim()) {
            if (++blank > 1 || (items.length && !BULLET.test(text.slice(e + 1, text.indexOf('\n', e + 1) >>> 0)))) break;
          } else {
            blank = 0;
            if (CUES.some(([c]) => new RegExp(c.source).test(f)) || /^[^a-z]*\p{Lu}[^.]{0,40}:?\s*$/u.test(line) && !BULLET.test(line) && items.length) break;
            const b = line.match(BULLET)?.[0].length ?? 0;
            // A capitalised line set a paragraph gap below a bullet is the next paragraph, not the
            // bullet's wrapped tail (OCR drops the blank line between them).
            if (!b && items.length && /^\s*\p{Lu}/u.test(line) && options.paragraphBreakAfter?.(pos - 1)) break;
            if (b || !items.length) items.push({ text: line.slice(b), start: pos + b, end: e });
            else items[items.length - 1] = { ...items[items.length - 1], text: `${items[items.length - 1].text} ${line.trim()}`, end: e };
          }
          pos = e + 1;
        }
        for (const it of items) if (tidy(it.text)) found.push({ kind, text: tidy(it.text), start: it.start, end: it.end, confidence: 0.75 });
        continue;
      }
      // Running text: the statement follows a colon or "är" in the same sentence.
      const end = sentenceEnd(text, cueEnd);
      const sentence = folded.slice(cueEnd, end);
      const colon = sentence.search(/:/);
      const is = sentence.search(/\bar\s/);
      let from: number;
      if (colon >= 0 && colon < 90) from = cueEnd + colon + 1;
      else if (is >= 0 && is < 50) from = cueEnd + is + 3;
      else continue;
      while (/\s/.test(text[from] ?? '')) from++;
      const statement = text.slice(from, end);
      if (tidy(statement).length < 4) continue;
      const goals = splitGoals(statement.replace(/[\s.]+$/, ''), from);
      for (const g of goals) {
        // A comma list that is not an "att …, att …" enumeration may hold several goals: check it.
        const listy = goals.length === 1 && (g.text.match(/,/g)?.length ?? 0) >= 2;
        if (tidy(g.text)) found.push({ kind, text: tidy(g.text), start: g.start, end: g.end, confidence: listy ? 0.55 : 0.8 });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
