import type { DocumentText } from '../document-text.js';
import type { Evidence, Goal, GoalKind } from '../fields.js';
import { GOAL_HEADINGS, LABELS, SECTION_HEADINGS } from './headings.js';
import { findAnyLabel, linesOf, nextLabel, type Span } from './form.js';
import { findFormLabel } from './labels.js';

/**
 * A bullet as OCR leaves it: "•", "-", "«", "©", or the round bullet read as "e"/"o"/"c";
 * also "1." / "1)" numbering. A lone "e"/"o" followed by a capital is never Swedish prose.
 */
const BULLET = /^[ \t]*(?:[•«·▪●◦■□➢✓*»©®°\-–—]|[eocC0O](?=[ \t]+[A-ZÅÄÖ0-9])|\d{1,2}[.)])[ \t]+/;

interface Pending {
  kind: GoalKind;
  parts: Span[];
}

/** Joins a goal's wrapped lines; a word broken at a line end ("samver-\nkan") is rejoined. */
export function joinLines(parts: readonly string[]): string {
  return dropTrailingJunk(joinParts(parts));
}

/** OCR specks after a goal's last sentence ("… varje vecka.      -", "… fyra veckor.  e"). */
function dropTrailingJunk(goal: string): string {
  return goal.replace(/([.!?])(?:\s+(?:[^\p{L}\d\s]+|\p{L}{1,2}))+\s*$/u, '$1');
}

function joinParts(parts: readonly string[]): string {
  let out = '';
  for (const raw of parts) {
    const p = raw.replace(/\s+/g, ' ').trim();
    if (!p) continue;
    if (/[A-Za-zÅÄÖåäö]-$/.test(out) && /^[a-zåäö]/.test(p) && !/^(och|eller|samt)\b/.test(p)) out = out.slice(0, -1) + p;
    else out = out ? `${out} ${p}` : p;
  }
  return out;
}

/** The kind whose sub-heading starts this line, and where the heading ends. */
function goalHeading(line: Span): { kind: GoalKind; end: number } | null {
  const text = line.text + '\n';
  for (const h of GOAL_HEADINGS) {
    for (const label of h.labels) {
      const m = findFormLabel(text, label);
      if (m) {
        let end = m.end;
        while (end < line.text.length && /[\s:.(*)]/.test(line.text[end])) end++;
        return { kind: h.kind, end: line.start + end };
      }
    }
  }
  return null;
}

/**
 * Goals: one per bullet under each sub-heading (Övergripande mål, Effektmål, Insatsmål,
 * Resultatmål). Lines without a bullet continue the bullet before them; under a heading with
 * no bullets at all, each paragraph is one goal.
 */
export function readGoals(doc: DocumentText): { goals: Goal[]; evidence: Evidence[] } {
  const text = doc.text;
  const heading = findAnyLabel(text, LABELS.goals);
  if (!heading) return { goals: [], evidence: [] };
  const end = nextLabel(text, SECTION_HEADINGS, heading.end);
  const goals: Goal[] = [];
  const evidence: Evidence[] = [];
  let current: Pending | null = null;
  let kind: GoalKind | null = null;
  let bulleted = false;

  let gap = false;
  const flush = () => {
    gap = false;
    if (current && current.parts.length) {
      const goalText = joinLines(current.parts.map((p) => p.text));
      if (goalText.length > 3) {
        goals.push({ kind: current.kind, text: goalText });
        const first = current.parts[0];
        const last = current.parts[current.parts.length - 1];
        evidence.push(doc.evidence(first.start, last.end, `application/goals/${current.kind}`, 0.85));
      }
    }
    current = null;
  };

  for (const line of linesOf(text, heading.end, end)) {
    const h = goalHeading(line);
    if (h) {
      flush();
      kind = h.kind;
      bulleted = false;
      const rest = text.slice(h.end, line.end);
      // Specks after the heading ("Insatsmål:     o   RR") are no goal: a goal has words.
      if (/\p{L}{3}/u.test(rest) && /\p{L}{3,}\s+\p{L}/u.test(rest.trim())) current = { kind, parts: [{ text: rest, start: h.end, end: line.end }] };
      continue;
    }
    if (!kind) continue;
    const bullet = BULLET.exec(line.text);
    if (bullet) {
      flush();
      bulleted = true;
      const start = line.start + bullet[0].length;
      current = { kind, parts: [{ text: text.slice(start, line.end), start, end: line.end }] };
    } else if (!line.text.trim() || line.text.trim() === '\f') {
      gap = true;
    } else {
      const previous = current?.parts[current.parts.length - 1]?.text ?? '.';
      // OCR opens a blank line inside a wrapped sentence ("söka arbete\n\ndigitalt."): a
      // lower-case line after a goal without a sentence end continues it. Paragraphs are goals
      // where the form has no bullets; under bullets, only a capitalised sentence after a goal's
      // full stop is one (OCR lost its bullet: "» Att A … veckor.\n\nAtt minst 25 …").
      const continues = current && /^\s*[a-zåäö]/.test(line.text) && !/[.!?:;]\s*$/.test(previous);
      const lostBullet = /[.!?]\s*$/.test(previous) && /^\s*\p{Lu}/u.test(line.text);
      if (gap && (bulleted ? lostBullet : !continues)) flush();
      gap = false;
      current ??= { kind, parts: [] };
      current.parts.push(line);
    }
  }
  flush();
  return { goals, evidence };
}
