import type { ShownDocument } from '../../db/queries/show.js';
import type { CaseRow } from '../review.js';
import { html, type Html } from '../html.js';
import { confidenceBadge, fieldLabel, flagSentence, formatValue, kindLabel } from '../labels.js';
import { layout } from './layout.js';

// One insats: its decision and its application side by side, field by field, the flags
// between them in plain words.

export interface CasePageInput { row: CaseRow; decision: ShownDocument | null; application: ShownDocument | null }

function column(label: string, doc: ShownDocument | null): Html {
  if (!doc) return html`<th scope="col">${label}<br><span class="none">saknas i arkivet</span></th>`;
  return html`<th scope="col">${kindLabel(doc.document.kind)} <a href="/document/${encodeURIComponent(doc.document.id)}">${doc.document.file}</a></th>`;
}

function cell(doc: ShownDocument | null, field: string, disagree: boolean): Html {
  const f = doc?.fields.find((x) => x.field === field);
  if (!doc || !f) return html`<td></td>`;
  return html`<td class="${[disagree ? 'disagree' : '', f.check ? 'check' : ''].filter(Boolean).join(' ')}">${formatValue(field, f.value)} ${f.confidence === null ? '' : confidenceBadge(f.confidence, f.check)}</td>`;
}

export function casePage(input: CasePageInput): Html {
  const { row, decision, application } = input;
  const flags = [...(decision?.flags ?? []), ...(application?.flags ?? [])]
    .filter((f, i, all) => all.findIndex((g) => g.code === f.code && g.document === f.document && g.other_document === f.other_document && g.field === f.field) === i);
  const flagged = new Set(flags.map((f) => f.field));
  const fields = (decision ?? application)?.fields.map((f) => f.field) ?? [];
  const table = html`<table class="case-table"><thead><tr><th title="field">Fält</th>${column('Beslut', decision)}${column('Ansökan', application)}</tr></thead>
<tbody>${fields.map((field) => html`<tr${flagged.has(field) ? html` class="flagged"` : ''}><th scope="row">${fieldLabel(field)}</th>${cell(decision, field, flagged.has(field))}${cell(application, field, flagged.has(field))}</tr>`)}</tbody></table>`;
  const flagList = flags.length
    ? html`<ul class="flags">${flags.map((f) => html`<li class="flag" title="${f.code}: ${f.message}"><strong>${flagSentence(f.code)}</strong> (${fieldLabel(f.field)}): ${formatValue(f.field, f.values[0])} ≠ ${formatValue(f.field, f.values[1])}</li>`)}</ul>`
    : html`<p class="none">Inga flaggor: beslut och ansökan stämmer överens där båda anger något.</p>`;
  return layout({ title: row.title }, html`<h1>${row.title}</h1>
<p class="meta"><code title="case id">${row.id}</code>${row.score === null ? '' : html` · <span title="link score">kopplingsgrad ${Math.round(row.score * 100)} %</span>`}</p>
<h2 title="flags">Flaggor</h2>${flagList}
${table}`);
}
