import { franc } from 'franc';
import { searchWords } from '../db/search-words.js';
import { DocumentText } from '../extractors/document-text.js';
import { findMinutesSections } from '../extractors/decision/minutes.js';
import {
  APPLICATION_CUES, APPLICATION_START, BESLUTAR_ATT, DECISION_CUES, DECISION_HEADER, DECISION_START, MINUTES_CUES, MINUTES_START, countCues, foldLine,
} from './cues.js';
import type { Stage } from './stage.js';
import type { DocumentKind, DocumentPart, Page, SourceFile } from './source-file.js';

/** A place where a document starts: page number and offset in that page's text. */
interface Start { page: number; offset: number }

interface Line { page: number; start: number; end: number; text: string; folded: string; indexOnPage: number }

/** Lines of each page, with offsets, skipping blank ones. */
function linesOf(pages: Page[]): Line[] {
  const out: Line[] = [];
  for (const page of pages) {
    let index = 0;
    const re = /[^\n]*/g;
    for (let m = re.exec(page.text); m; m = re.exec(page.text)) {
      if (m[0].trim()) out.push({ page: page.n, start: m.index, end: m.index + m[0].length, text: m[0], folded: foldLine(m[0]), indexOnPage: index++ });
      if (re.lastIndex >= page.text.length) break;
      re.lastIndex++;
    }
  }
  return out;
}

const TOP_OF_PAGE = 12;

/**
 * Where documents start in a file. A bundle of scans puts each document on new pages; a text
 * file may run two documents together, so a strong start cue inside a page splits too: a second
 * "Förslag till beslut", or the form's header after a decision. The ansökan's own later pages
 * repeat "Insatsens namn" in their header and must not split.
 */
export function findDocumentStarts(pages: Page[]): Start[] {
  const lines = linesOf(pages);
  const starts: Start[] = [];
  let kind: DocumentKind | 'unknown' = 'unknown';
  let hasDecisionStart = false;
  let lastDecisionCue = -100;
  let appCues = 0;
  let linesInDoc = 0;
  let docStartLine = 0;

  const open = (i: number, atPageTop: boolean, next: DocumentKind | 'unknown') => {
    let j = i;
    if (atPageTop) {
      while (j > 0 && lines[j - 1].page === lines[i].page) j--;
    } else {
      // The title block above the cue belongs to the new document.
      let back = 0;
      while (j > docStartLine + 1 && back < 3) {
        const prev = lines[j - 1];
        if (prev.text.trim().length > 100 || /[.:;]\s*$/.test(prev.text) || /forbundschef|ordforande/.test(prev.folded)) break;
        j--; back++;
      }
    }
    starts.push({ page: lines[j].page, offset: atPageTop ? 0 : lines[j].start });
    docStartLine = j;
    kind = next; hasDecisionStart = false; appCues = 0; linesInDoc = i - j;
  };

  lines.forEach((line, i) => {
    if (i === 0) { starts.push({ page: line.page, offset: 0 }); docStartLine = 0; }
    const atPageTop = line.indexOnPage < TOP_OF_PAGE && lines[docStartLine].page !== line.page;
    const f = line.folded;
    if (DECISION_START.test(f)) {
      // "Tjänsteskrivelse" a few lines above "Förslag till beslut" opens one document, not two.
      // A start cue at the top of a new page after a page of text opens a new document even when
      // the first one's cues were lost to OCR.
      // A header ("Tjänsteskrivelse 2023-11-20") inside a decision is a reference, unless it tops a page.
      const sameDocument = (kind === 'unknown' && !(atPageTop && linesInDoc > 8))
        || (kind === 'decision' && (!hasDecisionStart || i - lastDecisionCue < 10 || (DECISION_HEADER.test(f) && !atPageTop)))
        || (kind === 'other' && linesInDoc < 8);
      if (!sameDocument && i > 0) open(i, atPageTop, 'decision');
      kind = 'decision'; hasDecisionStart = true; lastDecisionCue = i;
    } else if (APPLICATION_START.test(f) && kind !== 'application') {
      if (kind !== 'unknown' && i > 0 && linesInDoc > 3) open(i, atPageTop, 'application');
      kind = 'application';
    } else if (APPLICATION_CUES.some((c) => c.test(f))) {
      appCues++;
      if (kind === 'decision' && hasDecisionStart && /insatsens\s*namn/.test(f.replace(/[|1]/g, 'i'))) open(i, atPageTop, 'application');
      if (appCues >= 2 && kind === 'unknown') kind = 'application';
    }
    linesInDoc++;
  });
  if (!starts.length) starts.push({ page: pages[0]?.n ?? 1, offset: 0 });
  return starts;
}

export function classifyDocument(text: string): DocumentKind {
  const folded = foldLine(text);
  const decision = countCues(folded, DECISION_CUES);
  const application = countCues(folded, APPLICATION_CUES);
  const decides = /(bevilja|avsla|avslag|aterremitter|bordlagg)/.test(folded)
    && (BESLUTAR_ATT.test(folded) || DECISION_CUES.slice(0, 3).some((c) => c.test(folded)));
  if (application >= 3 && application > decision) return 'application';
  if (decides || decision >= 3) return 'decision';
  if (application >= 2) return 'application';
  return 'other';
}

const AT_LEAST_40_NON_SPACE = /(?:\S\s*){40}/;

const LANGUAGES = ['swe', 'eng', 'nob', 'dan', 'fin', 'deu', 'fra'];

/** ISO 639-3 of a document, 'und' when the text is too short or unclear. */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, 20000);
  if (!AT_LEAST_40_NON_SPACE.test(sample)) return 'und';
  if (plainlySwedish(sample.slice(0, 2048))) return 'swe';
  const lang = franc(sample, { only: LANGUAGES, minLength: 40 });
  // Swedish that lost its å/ä/ö reads like Norwegian or Danish to a trigram model.
  if ((lang === 'nob' || lang === 'dan') && /\b(och|att|för|for|insatsen|samordningsf)/i.test(sample)) return 'swe';
  return lang;
}

/** Function words only Swedish spells so (Danish/Norwegian: og, at, ikke, til, er, for, fra). */
const SWEDISH_ONLY = new Set(['och', 'att', 'inte', 'till', 'är', 'för', 'också', 'från', 'ska', 'skall', 'även']);

/**
 * Running Swedish prose: its commonest function words make a good share of the words. Most
 * documents are, and franc's trigram ranking (about a millisecond a document) is kept for the rest.
 */
function plainlySwedish(sample: string): boolean {
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  let hits = 0;
  for (const w of words) if (SWEDISH_ONLY.has(w)) hits++;
  return hits >= 8 && hits >= words.length * 0.05;
}

export function documentId(sha256: string, first: number, last: number, startOffset: number): string {
  return `${sha256.slice(0, 12)}-p${first}-${last}${startOffset ? `-o${startOffset}` : ''}`;
}

function makePart(file: SourceFile, from: Start, to: Start | null, kindHint?: DocumentKind): DocumentPart {
  const lastPage = to ? (to.offset === 0 ? to.page - 1 : to.page) : file.pages[file.pages.length - 1].n;
  const pages = file.pages.filter((p) => p.n >= from.page && p.n <= lastPage);
  const last = pages[pages.length - 1];
  const endOffset = to && to.offset > 0 ? to.offset : last.text.length;
  const text = new DocumentText(pages, from.offset, endOffset).text;
  const kind = kindHint ?? classifyDocument(text);
  return {
    id: documentId(file.sha256, from.page, lastPage, from.offset),
    kind, language: detectLanguage(text), pages: [from.page, lastPage], startOffset: from.offset, endOffset, text, searchWords: searchWords(text),
  };
}

/** Board minutes: every § that decides on an insats is a decision; the whole minutes are one "other" document. */
function splitMinutes(file: SourceFile): DocumentPart[] | null {
  const first = linesOf(file.pages.slice(0, 1)).slice(0, TOP_OF_PAGE);
  if (!first.some((l) => MINUTES_START.test(l.folded))) return null;
  const all = new DocumentText(file.pages);
  if (countCues(foldLine(all.text), MINUTES_CUES) < 2) return null;
  // A protokollsutdrag holds one §: it is a decision, not minutes.
  const allSections = findMinutesSections(all.text);
  const sections = allSections.filter((s) => s.decides);
  if (!sections.length || allSections.length < 2 || first.some((l) => /utdrag/.test(l.folded))) return null;
  const parts: DocumentPart[] = [makePart(file, { page: file.pages[0].n, offset: 0 }, null, 'other')];
  for (const s of sections) {
    const a = all.locate(s.start);
    const b = all.locate(s.end);
    // A section ending at the very start of its own page would be empty.
    if (b.offset === 0 && b.page === a.page) continue;
    parts.push(makePart(file, { page: a.page, offset: a.offset }, { page: b.page, offset: b.offset }, 'decision'));
  }
  return parts;
}

/** Splits the file into documents with page ranges and gives each a kind and a language. */
export const splitDocuments: Stage = async (file) => {
  if (!file.pages.length) return;
  const minutes = splitMinutes(file);
  if (minutes) {
    file.documents = minutes;
    return;
  }
  const starts = findDocumentStarts(file.pages);
  file.documents = starts.map((s, i) => makePart(file, s, starts[i + 1] ?? null));
};
