import type { QueueEntry } from '../review.js';
import { html, type Html } from '../html.js';
import { confidenceBadge, kindLabel } from '../labels.js';
import { layout } from './layout.js';

// The review queue: open flags and low-confidence values first, reviewed documents last.

export function queuePage(entries: QueueEntry[], showReviewed: boolean): Html {
  const rows = entries.map((e, i) => html`<tr class="${[e.reviewed_at ? 'reviewed' : '', e.flags + e.checks > 0 ? 'attention' : ''].filter(Boolean).join(' ')}">
  <td class="num">${i + 1}</td>
  <td><a href="/document/${encodeURIComponent(e.id)}">${e.title ?? '(utan namn)'}</a><div class="where">${e.file}</div></td>
  <td>${kindLabel(e.kind)}</td>
  <td class="num" title="open flags">${e.flags || ''}</td>
  <td class="num" title="values to check (confidence below 0.6)">${e.checks || ''}</td>
  <td>${e.min_confidence === null ? '' : confidenceBadge(e.min_confidence, e.min_confidence < 0.6)}</td>
  <td>${e.reviewed_at ? html`<span title="reviewed_at ${e.reviewed_at}">${e.reviewed_at.slice(0, 10)} ${e.reviewed_by}</span>` : ''}</td>
</tr>`);
  const body: Html = html`<h1>Granskningskö</h1>
<p class="hint">Dokument med flaggor eller osäkra värden först; granskade sist. ${showReviewed ? html`<a href="/queue?reviewed=0">Dölj granskade</a>` : html`<a href="/queue">Visa granskade</a>`}</p>
${entries.length ? html`<table class="queue"><thead><tr><th>#</th><th title="title">Insats</th><th title="kind">Typ</th><th title="flags">Flaggor</th><th title="checks">Kontrollera</th><th title="lowest confidence">Lägsta säkerhet</th><th title="reviewed">Granskad</th></tr></thead>
<tbody>${rows}</tbody></table>` : html`<p class="none">Kön är tom.</p>`}`;
  return layout({ title: 'Granskningskö', active: 'queue' }, body);
}
