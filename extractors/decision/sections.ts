// The parts of a decision text: the heading block, the decision itself (the att-satser under
// "Förslag till beslut" or the board's "Beslut"), the case (Ärendet/Ansökan) and the
// assessment (Bedömning). Headings are short lines; matching is on folded text.
import { foldSwedish } from '../common/index.js';

export type SectionKind = 'proposal' | 'decision' | 'case' | 'assessment' | 'other';

export interface Section {
  kind: SectionKind;
  /** Offset of the heading line. */
  headingStart: number;
  /** Body: from after the heading line to the next heading of another kind. */
  start: number;
  end: number;
}

const HEADINGS: [RegExp, SectionKind][] = [
  [/^(?:forslag till beslut|beslutsforslag|forbundschefens forslag|forslag)\b/, 'proposal'],
  [/^(?:(?:forbunds)?styrelsens beslut|beslut|beslutet|beslutsmotivering)$/, 'decision'],
  [/^(?:arendet|arende|arendebeskrivning|bakgrund|beskrivning av arendet|sammanfattning|ansokan|ansokan i korthet|arendet i korthet)$/, 'case'],
  [/^(?:bedomning|forbundschefens bedomning|kansliets bedomning|overvaganden|motivering)$/, 'assessment'],
  [/^(?:beslutsunderlag|bilagor?|yrkanden?|proposition(?:sordning)?|reservation|protokollsanteckning|expedieras(?: till)?|beslutet skickas till|handlaggare|konsekvenser|ekonomiska konsekvenser|uppfoljning)$/, 'other'],
];

/** A line's text without Markdown markup, list dashes and a trailing colon, folded. */
export function headingKey(line: string): string {
  return foldSwedish(line)
    .replace(/[#*_>]+/g, ' ')
    .replace(/^\s*[-–•]\s+/, '')
    .replace(/[:.]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Line {
  text: string;
  start: number;
  end: number;
}

export function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  for (const t of text.split('\n')) {
    out.push({ text: t, start: pos, end: pos + t.length });
    pos += t.length + 1;
  }
  return out;
}

function headingKind(line: string): SectionKind | null {
  if (line.trim().length > 60) return null;
  const key = headingKey(line);
  for (const [re, kind] of HEADINGS) if (re.test(key)) return kind;
  return null;
}

// A proposal or decision heading that runs on after a colon: "Förslag till beslut: Styrelsen beviljar …".
const INLINE = /^[\s#*_]*(?:forslag till beslut|beslutsforslag|forbundschefens forslag|(?:forbunds)?styrelsens beslut|beslut)[\s*_]*:[\s*_]*(?=\S)/;

/** The heading kind of a line and where its body starts (after the line, or after an inline heading's colon). */
function heading(l: Line): { kind: SectionKind; bodyStart: number } | null {
  const kind = headingKind(l.text);
  if (kind) return { kind, bodyStart: l.end + 1 };
  const inline = foldSwedish(l.text).match(INLINE);
  if (inline) return { kind: /beslut$|beslut[\s*_]*:/.test(inline[0]) && !/forslag/.test(inline[0]) ? 'decision' : 'proposal', bodyStart: l.start + inline[0].length };
  return null;
}

/** The document's sections in order. Text before the first heading is not a section. */
export function findSections(text: string): Section[] {
  const heads = linesOf(text)
    .map((l) => ({ l, h: heading(l) }))
    .filter((x): x is { l: Line; h: { kind: SectionKind; bodyStart: number } } => x.h !== null)
    .map(({ l, h }) => ({ l, kind: h.kind, bodyStart: h.bodyStart }));
  const sections: Section[] = [];
  heads.forEach((h, i) => {
    // "Ansökan" under "Ärendet" is a sub-heading of the same part, not a new part.
    const prev = sections[sections.length - 1];
    if (prev && prev.kind === h.kind) return;
    const next = heads.slice(i + 1).find((n) => n.kind !== h.kind);
    sections.push({ kind: h.kind, headingStart: h.l.start, start: h.bodyStart, end: next ? next.l.start : text.length });
  });
  return sections;
}

/**
 * A heading with (almost) nothing under it and no decision in it: a label in the document's
 * header ("Ansökan" over the title, "Förslag till beslut" over the date as the kind of paper).
 */
export function isHeaderLabel(text: string, s: Section): boolean {
  const body = text.slice(s.start, s.end);
  if (body.replace(/\s+/g, '').length >= 150) return false;
  // A case label holds a title line, not sentences ("Bakgrund" over a short case does).
  if (s.kind === 'case') return !/[.!?](?:\s|$)/.test(body.trim());
  return (s.kind === 'proposal' || s.kind === 'decision') && !/\b(?:att|besluta\w*|bevilja\w*|avsla\w*|avslag|beviljas|tillstyrk\w*)\b/.test(foldSwedish(body));
}

// Sentences in running text that state the board's decision when no heading marks it.
const DECIDES = /\b(?:(?:forbunds)?styrelsen\s+(?:beslutar|beslutade|beslut|foreslas\s+besluta)|foreslas\s+(?:forbundsstyrelsen|styrelsen)\s+besluta|beslutar\s+(?:forbunds)?styrelsen|foreslar\s+(?:forbunds)?styrelsen\s+besluta)\b/g;

/**
 * The span holding the decision's att-satser: the board's own decision ("Beslut", "Styrelsen
 * beslutar") when the text has one, since the board may depart from the proposal; else the
 * proposal ("Förslag till beslut", "föreslås besluta"). Null when neither is present.
 */
export function decisionSpan(text: string, sections = findSections(text)): { start: number; end: number; board: boolean } | null {
  const folded = foldSwedish(text);
  sections = sections.filter((s) => !isHeaderLabel(text, s) || s.kind === 'case');
  const decision = sections.find((s) => s.kind === 'decision');
  if (decision) return { start: decision.start, end: decision.end, board: true };
  const statements = [...folded.matchAll(DECIDES)];
  const board = statements.find((m) => /beslutar|beslutade/.test(m[0]) && !/foreslas|foreslar/.test(m[0]));
  if (board) return { start: board.index!, end: paragraphEnd(text, board.index!), board: true };
  const proposal = sections.find((s) => s.kind === 'proposal');
  if (proposal) return { start: proposal.start, end: proposal.end, board: false };
  if (statements[0]) return { start: statements[0].index!, end: paragraphEnd(text, statements[0].index!), board: false };
  return null;
}

/** The end of the att-satser that follow a decision statement: the next heading or blank-line paragraph without "att". */
function paragraphEnd(text: string, from: number): number {
  const lines = linesOf(text).filter((l) => l.start >= from);
  let end = lines[0]?.end ?? text.length;
  for (const l of lines.slice(1)) {
    const key = headingKey(l.text);
    if (!key) continue;
    if (headingKind(l.text) || !/^att\b/.test(key)) return end;
    end = l.end;
  }
  return end;
}
