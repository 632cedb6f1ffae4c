import type { Page, Repair } from '../pipeline/source-file.js';
import type { Evidence } from './fields.js';

/** One page's slice inside a document's text. */
interface PageSlice {
  n: number;
  /** Offset of the slice in DocumentText.text. */
  docStart: number;
  /** Offset of the slice in the page's own text. */
  pageStart: number;
  length: number;
  page: Page;
}

/**
 * The text of one logical document, as extractors see it: the pages' repaired texts joined by
 * "\n\f\n", with a map back to (page, offset) so every match becomes Evidence. Extractors are
 * pure functions of this object; no files, OCR or database.
 */
export class DocumentText {
  readonly text: string;
  private readonly slices: PageSlice[];

  constructor(pages: Page[], startOffset = 0, endOffset?: number) {
    const slices: PageSlice[] = [];
    let text = '';
    pages.forEach((page, i) => {
      const from = i === 0 ? startOffset : 0;
      const to = i === pages.length - 1 && endOffset !== undefined ? endOffset : page.text.length;
      if (i > 0) text += PAGE_BREAK;
      slices.push({ n: page.n, docStart: text.length, pageStart: from, length: to - from, page });
      text += page.text.slice(from, to);
    });
    this.text = text;
    this.slices = slices;
  }

  /** A document made from plain text (tests, `restore`): one page, origin text. */
  static fromText(text: string, raw = text): DocumentText {
    return new DocumentText([{ n: 1, text, raw, origin: 'text', confidence: null }]);
  }

  get firstPage(): number {
    return this.slices[0]?.n ?? 1;
  }

  /** The page and page-relative offset of a document offset. */
  locate(offset: number): { page: number; offset: number } {
    let slice = this.slices[0];
    for (const s of this.slices) if (s.docStart <= offset) slice = s;
    if (!slice) return { page: 1, offset };
    const within = Math.min(Math.max(offset - slice.docStart, 0), slice.length);
    return { page: slice.n, offset: slice.pageStart + within };
  }

  /** Mean OCR confidence of the pages the span touches, or null for text layers. */
  ocrConfidence(start: number, end: number): number | null {
    const a = this.locate(start);
    const slice = this.slices.find((s) => s.n === a.page);
    const words = slice?.page.words;
    if (!slice || !words?.length) return slice?.page.confidence ?? null;
    const b = this.locate(end);
    const rawA = toRawOffset(slice.page.repairs, a.offset);
    const rawB = toRawOffset(slice.page.repairs, b.page === a.page ? b.offset : slice.page.text.length);
    const hit = words.filter((w) => w.span[1] > rawA && w.span[0] < rawB);
    if (!hit.length) return slice.page.confidence;
    return Math.min(...hit.map((w) => w.confidence));
  }

  /**
   * Whether the OCR'd line after `lineEnd` (a document offset) starts a paragraph: it lies more
   * than 1.5 line pitches below the line that ends there, measured between the lines' first
   * words (left edges, so skew cancels). Tesseract's text often loses the blank line between a
   * list and the paragraph after it; the word boxes keep it. null without word boxes.
   */
  paragraphBreakAfter(lineEnd: number): boolean | null {
    const at = this.locate(lineEnd);
    const page = this.slices.find((s) => s.n === at.page)?.page;
    const words = page?.words?.filter((w) => w.span[1] > w.span[0]);
    if (!page || !words?.length) return null;
    const raw = page.raw;
    const lineStarts = words.filter((w) => w.span[0] === 0 || /\n\s*$/.test(raw.slice(Math.max(0, w.span[0] - 3), w.span[0])));
    const middle = (w: { bbox: number[] }) => (w.bbox[1] + w.bbox[3]) / 2;
    const pitches = lineStarts.slice(1).map((w, i) => middle(w) - middle(lineStarts[i])).filter((d) => d > 0).sort((x, y) => x - y);
    if (pitches.length < 3) return null;
    const pitch = pitches[Math.floor(pitches.length / 4)]; // a low quantile: most gaps are one line
    const rawEnd = toRawOffset(page.repairs, at.offset);
    const next = lineStarts.find((w) => w.span[0] > rawEnd);
    const current = [...lineStarts].reverse().find((w) => w.span[0] <= rawEnd);
    if (!next || !current) return null;
    return middle(next) - middle(current) > 1.5 * pitch;
  }

  /**
   * Evidence for the document span [start, end). The span is clipped to the page it starts on;
   * `raw` is the same place in the page's text before repair. OCR word confidence lowers the
   * extractor's confidence so a value read from a doubtful word is marked for checking.
   */
  evidence(start: number, end: number, extractor: string, confidence: number): Evidence {
    const a = this.locate(start);
    const slice = this.slices.find((s) => s.n === a.page)!;
    const b = this.locate(end);
    const endOffset = b.page === a.page ? b.offset : slice.pageStart + slice.length;
    const page = slice?.page;
    const raw = page ? rawSlice(page, a.offset, endOffset) : this.text.slice(start, end);
    const ocr = this.ocrConfidence(start, end);
    const combined = ocr === null ? confidence : Math.min(confidence, 0.3 + 0.7 * ocr);
    return { page: a.page, span: [a.offset, endOffset], raw, confidence: round(combined), extractor };
  }
}

export const PAGE_BREAK = '\n\f\n';

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Maps an offset in the repaired text to the raw text via the repairs list. */
export function toRawOffset(repairs: Repair[] | undefined, offset: number): number {
  let delta = 0;
  for (const r of repairs ?? []) {
    if (r.span[0] >= offset) break;
    if (r.span[1] > offset) return r.rawSpan[0] + Math.min(offset - r.span[0], r.rawSpan[1] - r.rawSpan[0]);
    delta = r.rawSpan[1] - r.span[1];
  }
  return offset + delta;
}

/** The raw text behind a span of a page's repaired text. */
export function rawSlice(page: Page, start: number, end: number): string {
  if (!page.repairs?.length) return page.raw.slice(start, end);
  const rawStart = toRawOffset(page.repairs, start);
  const rawEnd = toRawOffsetEnd(page.repairs, end);
  return page.raw.slice(rawStart, rawEnd);
}

function toRawOffsetEnd(repairs: Repair[], offset: number): number {
  let delta = 0;
  for (const r of repairs) {
    if (r.span[0] >= offset) break;
    if (r.span[1] >= offset) return r.rawSpan[1];
    delta = r.rawSpan[1] - r.span[1];
  }
  return offset + delta;
}
