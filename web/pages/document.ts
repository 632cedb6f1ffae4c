import type { ShownDocument, ShownField } from '../../db/queries/show.js';
import type { OcrWord, Repair } from '../../pipeline/source-file.js';
import type { CaseRow } from '../review.js';
import { editableText, isStructured } from '../correction-input.js';
import { html, type Html } from '../html.js';
import { confidenceBadge, fieldLabel, flagSentence, formatValue, kindLabel, FIELD_LABELS } from '../labels.js';
import { highlightScan, highlightText, type Highlight } from '../source-view.js';
import { layout } from './layout.js';

// One document for the archivist: every field with its confidence (low ones stand out), the
// source page of the chosen value beside it (scan with word boxes, or text with the span
// marked), a correction box per field with its history, flags, cases and the review stamp.

export interface SourcePage {
  sha256: string;
  n: number;
  origin: string;
  text: string;
  words: OcrWord[];
  repairs: Repair[];
  width: number | null;
  height: number | null;
  hasImage: boolean;
}

export interface DocumentPageInput {
  shown: ShownDocument;
  cases: CaseRow[];
  reviewed: { at: string | null; by: string | null };
  selected: { field: string; index: number } | null;
  page: SourcePage | null;
  by: string;
  error?: { field: string; message: string; input: string };
  notice?: string;
}

const href = (id: string, field?: string, index = 0) =>
  `/document/${encodeURIComponent(id)}${field ? `?f=${encodeURIComponent(field)}&e=${index}#source` : ''}`;

function fieldRow(input: DocumentPageInput, f: ShownField): Html {
  const id = input.shown.document.id;
  const selected = input.selected?.field === f.field;
  const corrected = f.corrections.length > 0;
  const error = input.error?.field === f.field ? input.error : undefined;
  const text = error ? error.input : editableText(f.field, f.value);
  const box = isStructured(f.field)
    ? html`<textarea name="value" rows="${Math.min(14, Math.max(3, text.split('\n').length + 1))}" title="JSON">${text}</textarea>`
    : html`<input type="text" name="value" value="${text}" title="${f.field}">`;
  return html`<tr class="${['field', f.check ? 'check' : '', selected ? 'selected' : '', corrected ? 'corrected' : ''].filter(Boolean).join(' ')}" id="field-${f.field}" data-field="${f.field}" tabindex="-1">
  <th scope="row">${fieldLabel(f.field)}</th>
  <td class="value">${formatValue(f.field, f.value)}${corrected ? html` <span class="corrected-mark" title="corrected by ${f.corrections.at(-1)!.by}">rättad</span>` : ''}</td>
  <td class="confidence">${confidenceBadge(f.confidence, f.check)}</td>
  <td class="evidence">${f.evidence.map((e, i) => html`<a href="${href(id, f.field, i)}" class="${selected && input.selected?.index === i ? 'ev-link current' : 'ev-link'}" title="${e.extractor}: “${e.raw}”">s. ${e.page}</a> `)}</td>
  <td class="edit">
    <details ${error ? html`open` : ''}>
      <summary title="correct ${f.field}">Rätta</summary>
      <form method="post" action="/document/${encodeURIComponent(id)}/correct" class="correct">
        <input type="hidden" name="field" value="${f.field}">
        ${box}
        ${error ? html`<p class="error" role="alert">${error.message}</p>` : ''}
        <label>Av <input type="text" name="by" value="${input.by}" required title="who corrects"></label>
        <label>Notering <input type="text" name="note" title="note (why)"></label>
        <button type="submit">Spara rättelse</button>
      </form>
      ${f.corrections.length ? html`<ol class="history" title="correction history">${f.corrections.map((c) => html`<li>${c.at.slice(0, 16).replace('T', ' ')} ${c.by}: ${formatValue(f.field, c.previous)} → ${formatValue(f.field, c.value)}${c.note ? html` <q>${c.note}</q>` : ''}</li>`)}</ol>` : ''}
    </details>
  </td>
</tr>`;
}

function sourceView(input: DocumentPageInput): Html {
  const sel = input.selected;
  const page = input.page;
  if (!sel || !page) return html`<section id="source" class="source"><h2>Källa</h2><p class="hint">Välj ett värde (<kbd>j</kbd>/<kbd>k</kbd>, <kbd>Enter</kbd>) för att se var det står.</p></section>`;
  const field = input.shown.fields.find((f) => f.field === sel.field)!;
  const chosen = field.evidence[sel.index];
  const highlights: Highlight[] = field.evidence
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.page === page.n)
    .map(({ e, i }) => ({ span: e.span, selected: i === sel.index, label: `${FIELD_LABELS[field.field] ?? field.field} (${e.extractor}, ${Math.round(e.confidence * 100)} %)` }));
  const text = highlightText(page.text, highlights);
  let view = text;
  if (page.origin === 'ocr' && page.hasImage && page.width && page.height) {
    const scan = highlightScan({ imageUrl: `/page-image/${page.sha256}/${page.n}`, width: page.width, height: page.height, words: page.words, repairs: page.repairs }, highlights, `sida ${page.n}`);
    view = scan.boxes
      ? html`${scan.view}<details class="ocr-text"><summary>Tolkad text</summary>${text}</details>`
      : html`<p class="hint">Inga ordrutor för värdet på bilden; texten visas.</p>${text}<details class="ocr-text"><summary>Bilden</summary>${scan.view}</details>`;
  }
  return html`<section id="source" class="source" aria-label="source page">
  <h2>Källa: ${fieldLabel(field.field)}, sida ${page.n} <span class="origin" title="page origin">${page.origin === 'ocr' ? 'skannad (OCR)' : page.origin}</span></h2>
  ${chosen ? html`<p class="raw" title="raw text before repair">”${chosen.raw}” <span class="extractor" title="extractor">${chosen.extractor}</span> ${confidenceBadge(chosen.confidence, chosen.check)}</p>` : ''}
  <div class="page-view">${view}</div>
</section>`;
}

export function documentPage(input: DocumentPageInput): Html {
  const d = input.shown.document;
  const id = d.id;
  const checks = input.shown.fields.filter((f) => f.check).length;
  const flags = input.shown.flags;
  const header = html`<header class="doc-head">
  <h1>${d.title ?? '(utan namn)'} ${kindLabel(d.kind)}</h1>
  <p class="meta"><span title="file">${d.file}</span> · <span title="pages">s. ${d.pages[0]}–${d.pages[1]}</span> · <span title="language">${d.language}</span> ·
    ${d.ocr.used ? html`<span title="ocr.mean_confidence">OCR ${d.ocr.mean_confidence === null ? '' : `${Math.round(d.ocr.mean_confidence * 100)} %`}</span>` : html`<span title="ocr.used = false">ingen OCR</span>`}
    · <code title="document id">${id}</code></p>
  ${input.notice ? html`<p class="notice" role="status">${input.notice}</p>` : ''}
  <div class="review-state">
    ${input.reviewed.at ? html`<span class="reviewed" title="reviewed_at">Granskad ${input.reviewed.at.slice(0, 10)} av ${input.reviewed.by}</span>` : html`<span class="unreviewed">Ej granskad</span>`}
    ${checks ? html`<span class="conf low">${checks} värden att kontrollera</span>` : ''}
    ${flags.length ? html`<span class="flag-count">${flags.length} flaggor</span>` : ''}
    <form method="post" action="/document/${encodeURIComponent(id)}/reviewed" class="inline" id="review-form">
      <input type="hidden" name="by" value="${input.by}">
      ${input.reviewed.at
        ? html`<input type="hidden" name="action" value="clear"><button type="submit" title="clear reviewed_at">Ångra granskad</button>`
        : html`<input type="hidden" name="action" value="mark"><button type="submit" title="mark as reviewed, then the next document in the queue">Markera granskad <kbd>r</kbd></button>`}
    </form>
  </div>
</header>`;
  const fields = html`<table class="fields"><thead><tr><th title="field">Fält</th><th title="value">Värde</th><th title="confidence">Säkerhet</th><th title="evidence (source pages)">Källa</th><th></th></tr></thead>
<tbody>${input.shown.fields.map((f) => fieldRow(input, f))}</tbody></table>`;
  const flagList = flags.length
    ? html`<ul class="flags">${flags.map((f) => html`<li class="flag" title="${f.code}: ${f.message}"><strong>${flagSentence(f.code)}</strong> (${fieldLabel(f.field)}): ${formatValue(f.field, f.values[0])} ≠ ${formatValue(f.field, f.values[1])}
      ${f.other_document ? html` — mot <a href="/document/${encodeURIComponent(f.other_document === id ? f.document : f.other_document)}">andra dokumentet</a>` : html` — inom dokumentet`}</li>`)}</ul>`
    : html`<p class="none">Inga flaggor.</p>`;
  const cases = input.cases.length
    ? html`<ul>${input.cases.map((c) => html`<li><a href="/case/${encodeURIComponent(c.id)}">${c.title}</a></li>`)}</ul>`
    : html`<p class="none">Inte kopplat till något ärende.</p>`;
  return layout({ title: d.title ?? id }, html`${header}
<div class="doc-grid">
  <section class="fields-pane" aria-label="fields">${fields}
    <h2 title="flags">Flaggor</h2>${flagList}
    <h2 title="cases">Ärende</h2>${cases}
  </section>
  ${sourceView(input)}
</div>`);
}

export { href as documentHref };
