import type { SearchHit, SearchOptions } from '../../db/queries/search.js';
import { html, type Html } from '../html.js';
import { KIND_LABELS, kindLabel } from '../labels.js';
import { layout } from './layout.js';

// The analysts' search (db/queries/search.ts) with its filters, as a form that works by GET.

export interface SearchPageInput { query: string; options: SearchOptions; hits: SearchHit[] | null; error?: string }

/** The snippet marks its match between « and »; shown as <mark>. */
function snippet(text: string): Html {
  const m = text.match(/^(.*?)«(.*?)»(.*)$/s);
  return m ? html`${m[1]}<mark>${m[2]}</mark>${m[3]}` : html`${text}`;
}

export function searchPage(input: SearchPageInput): Html {
  const { query, options, hits } = input;
  const kinds = Object.entries(KIND_LABELS);
  const form = html`<form class="search" action="/" method="get" role="search">
  <label title="query: words (all must occur), &quot;a phrase&quot;, prefix*">Sökord <input type="search" name="q" value="${query}" autofocus id="search-q"></label>
  <label title="kind">Typ <select name="kind"><option value="">alla</option>${kinds.map(([k, label]) => html`<option value="${k}" ${options.kind === k ? html`selected` : ''}>${label}</option>`)}</select></label>
  <label title="year (period start, else the decision's date)">År <input type="number" name="year" min="1990" max="2100" value="${options.year ?? ''}"></label>
  <label title="municipality">Kommun <input type="text" name="municipality" value="${options.municipality ?? ''}"></label>
  <button type="submit">Sök</button>
</form>`;
  let results: Html = html`<p class="hint">Sök på ord i ärendenas text; stavning utan å, ä, ö fungerar ("forsakringskassan").</p>`;
  if (input.error) results = html`<p class="error" role="alert">${input.error}</p>`;
  else if (hits && !hits.length) results = html`<p class="none">Inga dokument matchar "${query}".</p>`;
  else if (hits) {
    results = html`<p class="count">${hits.length} träffar</p><ol class="hits">${hits.map((h) => html`<li class="hit">
  <a href="/document/${encodeURIComponent(h.id)}" class="hit-title">${h.title ?? '(utan namn)'}</a> ${kindLabel(h.kind)} ${h.year ?? ''}
  ${h.match === 'compound' ? html`<span class="compound" title="matched inside a compound word">i sammansättning</span>` : ''}
  <div class="snippet">${snippet(h.snippet)}</div>
  <div class="where" title="file, page">${h.file} · s. ${h.page}</div>
</li>`)}</ol>`;
  }
  return layout({ title: query ? `Sök: ${query}` : 'Sök', query, active: 'search' }, html`<h1>Sök</h1>${form}<section class="results" aria-live="polite">${results}</section>`);
}
