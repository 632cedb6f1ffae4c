// Reading the ansökan form as labelled lines: a label, then its value on the same line or on
// the next non-empty line.
import { findFirstLabel, findFormLabel, type LabelMatch } from './labels.js';

/** A piece of the document's text with its offsets in DocumentText.text. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

/** One line of the text, without its newline. */
export function lineAround(text: string, offset: number): Span {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const end = nl < 0 ? text.length : nl;
  return { text: text.slice(start, end), start, end };
}

/** The lines of text[from, to), each with its offsets. */
export function linesOf(text: string, from = 0, to = text.length): Span[] {
  const lines: Span[] = [];
  let i = from;
  while (i < to) {
    const nl = text.indexOf('\n', i);
    const end = nl < 0 || nl > to ? to : nl;
    lines.push({ text: text.slice(i, end), start: i, end });
    i = end + 1;
  }
  return lines;
}

/** Trims a span's text and moves its offsets with it. */
export function trimSpan(s: Span, junk = /[\s|:;]/): Span {
  let a = 0;
  let b = s.text.length;
  while (a < b && junk.test(s.text[a])) a++;
  while (b > a && junk.test(s.text[b - 1])) b--;
  return { text: s.text.slice(a, b), start: s.start + a, end: s.start + b };
}

/** A token that is only marks ("|", "-", "=", "»"), as scan specks and table rules come out of OCR. */
const MARKS = /^[^\p{L}\d]+$/u;

/**
 * A value without the OCR junk at its edges: mark-only tokens at either end, a lone letter
 * before a capitalised word ("e Birgitta Ödman") and lone letters after the last word
 * ("Jobbsparet e", "Samverkan Håbo å e"). An all-junk value is empty.
 */
export function trimJunk(s: Span): Span {
  const tokens = [...s.text.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index!, end: m.index! + m[0].length }));
  let a = 0;
  let b = tokens.length;
  while (a < b && (MARKS.test(tokens[a].text) || (/^\p{L}$/u.test(tokens[a].text) && a + 1 < b && /^\p{Lu}/u.test(tokens[a + 1].text)))) a++;
  while (b > a && (MARKS.test(tokens[b - 1].text) || (/^\p{L}$/u.test(tokens[b - 1].text) && b - 1 > a))) b--;
  // A lone letter is a speck, not a value ("Samverkanspart (namnförtydligande) e").
  if (a >= b || (b - a === 1 && /^\p{L}$/u.test(tokens[a].text))) return { text: '', start: s.start, end: s.start };
  const start = tokens[a].start;
  const end = tokens[b - 1].end;
  return { text: s.text.slice(start, end), start: s.start + start, end: s.start + end };
}

/**
 * The label's own printed remark is not its value: "(*)" (see the instructions), "(separat
 * budget ska bifogas enligt mall)", "(namn)". Skips leading parentheticals and a tab or colon.
 */
function skipNote(s: Span): Span {
  const m = /^(?:[\s:|]*\([^()\n]{0,80}\))+[\s:|]*/.exec(s.text);
  return m ? { text: s.text.slice(m[0].length), start: s.start + m[0].length, end: s.end } : s;
}

/**
 * The value of a label: the rest of its line, else the next non-empty line (within `lookahead`
 * lines) unless that line is itself one of `stopLabels`.
 */
export function valueOf(text: string, match: LabelMatch, stopLabels: readonly string[] = [], lookahead = 3): Span | null {
  const line = lineAround(text, match.start);
  const rest = trimJunk(trimSpan(skipNote({ text: text.slice(match.end, line.end), start: match.end, end: line.end })));
  if (rest.text.length > 0) return rest;
  let at = line.end + 1;
  for (let k = 0; k < lookahead && at < text.length; ) {
    const next = lineAround(text, at);
    const value = trimJunk(trimSpan(next));
    at = next.end + 1;
    if (!value.text || value.text === '\f') continue;
    k++;
    if (stopLabels.some((l) => findFormLabel(text.slice(next.start, next.end + 1), l))) return null;
    return value;
  }
  return null;
}

/** The first match of any of several wordings of one label. */
export function findAnyLabel(text: string, labels: readonly string[], from = 0): LabelMatch | null {
  const m = findFirstLabel(text, labels, from);
  return m && { start: m.start, end: m.end, score: m.score };
}

/** Start of the first line after `from` that begins with one of the labels, or `to`. */
export function nextLabel(text: string, labels: readonly string[], from: number, to = text.length): number {
  const m = findFirstLabel(text, labels, from);
  return m && m.start < to ? lineAround(text, m.start).start : to;
}
