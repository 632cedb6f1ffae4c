import type { OcrWord, Repair } from '../pipeline/source-file.js';
import { html, type Html } from './html.js';

// Where a value stands on its page. Evidence spans are offsets in the page's repaired text;
// tesseract's word boxes carry offsets in the raw text, so a span is first carried back through
// the repairs, then the words it overlaps are the boxes to draw.

/** A span of the repaired text carried back to the raw text the loader produced. */
export function rawSpanOf(span: [number, number], repairs: readonly Repair[]): [number, number] {
  const sorted = [...repairs].sort((a, b) => a.span[0] - b.span[0]);
  const map = (pos: number, side: 'start' | 'end'): number => {
    let delta = 0;
    for (const r of sorted) {
      if (r.span[1] <= pos && !(side === 'start' && r.span[1] === pos && r.span[0] === pos)) {
        delta += (r.rawSpan[1] - r.rawSpan[0]) - (r.span[1] - r.span[0]);
        continue;
      }
      // Inside a repaired stretch: take the whole raw stretch on that side.
      if (r.span[0] < pos && pos < r.span[1]) return side === 'start' ? r.rawSpan[0] : r.rawSpan[1];
      break;
    }
    return pos + delta;
  };
  return [map(span[0], 'start'), map(span[1], 'end')];
}

/** The OCR words whose raw offsets overlap the raw span. */
export function wordsInSpan(words: readonly OcrWord[], rawSpan: [number, number]): OcrWord[] {
  const [start, end] = rawSpan;
  if (end <= start) return [];
  return words.filter((w) => w.span[0] < end && w.span[1] > start);
}

export interface Highlight {
  span: [number, number];
  /** The evidence the archivist chose (drawn stronger, scrolled to). */
  selected: boolean;
  label: string;
}

/** The page text with each highlight as a <mark>; overlapping spans are merged into the first. */
export function highlightText(text: string, highlights: readonly Highlight[]): Html {
  const sorted = highlights
    .map((h) => ({ ...h, span: [Math.max(0, Math.min(h.span[0], text.length)), Math.max(0, Math.min(h.span[1], text.length))] as [number, number] }))
    .filter((h) => h.span[1] > h.span[0])
    .sort((a, b) => a.span[0] - b.span[0]);
  const parts: Html[] = [];
  let at = 0;
  for (const h of sorted) {
    if (h.span[0] < at) continue;
    parts.push(html`${text.slice(at, h.span[0])}`);
    parts.push(html`<mark class="${h.selected ? 'ev selected' : 'ev'}" ${h.selected ? html`id="selected-evidence"` : ''} title="${h.label}">${text.slice(h.span[0], h.span[1])}</mark>`);
    at = h.span[1];
  }
  parts.push(html`${text.slice(at)}`);
  return html`<pre class="page-text">${parts}</pre>`;
}

export interface ScanPage {
  imageUrl: string;
  /** Size the word boxes refer to (the OCR'd image), not the stored preview's. */
  width: number;
  height: number;
  words: readonly OcrWord[];
  repairs: readonly Repair[];
}

/** The scan with a box over every word of every highlight; boxes in percent so the image may scale. */
export function highlightScan(page: ScanPage, highlights: readonly Highlight[], alt: string): { view: Html; boxes: number } {
  const boxes: Html[] = [];
  for (const h of highlights) {
    for (const w of wordsInSpan(page.words, rawSpanOf(h.span, page.repairs))) {
      const [x0, y0, x1, y1] = w.bbox;
      const style = `left:${pct(x0, page.width)};top:${pct(y0, page.height)};width:${pct(x1 - x0, page.width)};height:${pct(y1 - y0, page.height)}`;
      boxes.push(html`<span class="${h.selected ? 'box selected' : 'box'}" ${h.selected && !boxes.some((b) => b.value.includes('selected-evidence')) ? html`id="selected-evidence"` : ''} style="${style}" title="${h.label}: ${w.text} (OCR ${Math.round(w.confidence * 100)} %)"></span>`);
    }
  }
  return {
    view: html`<div class="scan"><img src="${page.imageUrl}" alt="${alt}" width="${page.width}" height="${page.height}">${boxes}</div>`,
    boxes: boxes.length,
  };
}

function pct(value: number, of: number): string {
  return `${((value / of) * 100).toFixed(3)}%`;
}
