import { html, type Html } from './html.js';

// Swedish words for what the archive stores; the contract's English names go in tooltips so an
// archivist can match the page with the export and the CLI.

export const FIELD_LABELS: Record<string, string> = {
  title: 'Insatsens namn',
  owner: 'Insatsägare',
  partners: 'Samverkansparter',
  municipalities: 'Kommuner',
  period: 'Period',
  amount_sek: 'Belopp',
  outcome: 'Beslut',
  applied: 'Ansökt enligt ärendet',
  goals: 'Mål',
  staffing: 'Bemanning',
  participants_per_year: 'Deltagare per år',
  budget: 'Budget',
  signatories: 'Undertecknare',
  intake_end: 'Sista intag',
};

export const KIND_LABELS: Record<string, string> = {
  decision: 'Beslut',
  application: 'Ansökan',
  other: 'Övrigt',
};

const OUTCOME_LABELS: Record<string, string> = { granted: 'beviljas', rejected: 'avslås' };
const GOAL_LABELS: Record<string, string> = { overall: 'övergripande mål', effect: 'effektmål', activity: 'insatsmål', result: 'resultatmål' };

/** A flag in plain words: what disagrees, in Swedish; the pipeline's own message stays in the tooltip. */
const FLAG_SENTENCES: Record<string, string> = {
  amount_mismatch: 'Beloppen stämmer inte överens',
  period_mismatch: 'Perioderna stämmer inte överens',
  owner_mismatch: 'Beslut och ansökan anger olika insatsägare',
  partners_mismatch: 'Beslut och ansökan anger olika samverkansparter',
  title_mismatch: 'Insatsens namn skiljer sig mellan beslut och ansökan',
  staffing_mismatch: 'Bemanningen (tjänsteprocent) skiljer sig',
  participants_mismatch: 'Antalet deltagare per år skiljer sig',
  budget_sum_mismatch: 'Budgetens rader summerar inte till totalen',
  invalid_period: 'Perioden är orimlig (slutar före start, eller intag efter slut)',
};

export function fieldLabel(field: string): Html {
  return html`<span title="${field}">${FIELD_LABELS[field] ?? field}</span>`;
}

export function kindLabel(kind: string): Html {
  return html`<span class="kind kind-${kind}" title="${kind}">${KIND_LABELS[kind] ?? kind}</span>`;
}

export function flagSentence(code: string): string {
  return FLAG_SENTENCES[code] ?? code;
}

/** Swedish thousands grouping with a (narrow) space: 355 000 kr. */
export function formatKronor(n: number): string {
  return `${Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')} kr`;
}

function formatPeriod(p: { start: string | null; end: string | null } | null): string {
  if (!p || (p.start === null && p.end === null)) return '—';
  return `${p.start ?? '?'} – ${p.end ?? '?'}`;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value as object).every((v) => v === null);
  return false;
}

/** A field's value for reading (not for editing): Swedish number and period forms, lists as lists. */
export function formatValue(field: string, value: unknown): Html {
  if (isEmpty(value)) return html`<span class="empty">—</span>`;
  // Flags carry bare parts of a field (a budget's total, a period's end): shown as they are.
  if (typeof value === 'number') return html`${field === 'participants_per_year' || field === 'staffing' ? String(value) : formatKronor(value)}`;
  if (typeof value === 'string' && field !== 'outcome') return html`${value}`;
  if (!isShaped(field, value)) return html`${JSON.stringify(value)}`;
  switch (field) {
    case 'amount_sek':
      return html`${typeof value === 'number' ? formatKronor(value) : String(value)}`;
    case 'period':
    case 'intake_end':
      return html`${typeof value === 'string' ? value : formatPeriod(value as { start: string | null; end: string | null })}`;
    case 'outcome':
      return html`<span title="${String(value)}">${OUTCOME_LABELS[String(value)] ?? String(value)}</span>`;
    case 'applied': {
      const a = value as { period: { start: string | null; end: string | null } | null; amount_sek: number | null };
      return html`${a.amount_sek === null ? '—' : formatKronor(a.amount_sek)}, ${formatPeriod(a.period)}`;
    }
    case 'partners':
    case 'municipalities':
      return html`${(value as string[]).join(', ')}`;
    case 'goals':
      return html`<ul>${(value as { kind: string; text: string }[]).map((g) => html`<li><em title="${g.kind}">${GOAL_LABELS[g.kind] ?? g.kind}:</em> ${g.text}</li>`)}</ul>`;
    case 'staffing':
      return html`<ul>${(value as { role: string; percent: number | null; count: number }[]).map((s) => html`<li>${s.count > 1 ? `${s.count} × ` : ''}${s.role}${s.percent === null ? '' : `, ${s.percent} %`}</li>`)}</ul>`;
    case 'budget': {
      const b = value as { total_sek: number | null; lines: { label: string; amount_sek: number }[] };
      return html`<table class="budget">${b.lines.map((l) => html`<tr><td>${l.label}</td><td class="num">${formatKronor(l.amount_sek)}</td></tr>`)}
        <tr class="total"><th>Totalt</th><td class="num">${b.total_sek === null ? '—' : formatKronor(b.total_sek)}</td></tr></table>`;
    }
    case 'signatories':
      return html`<ul>${(value as { name: string | null; role: string | null; organisation: string | null; date: string | null }[])
        .map((s) => html`<li>${[s.name, s.role, s.organisation, s.date].filter(Boolean).join(', ')}</li>`)}</ul>`;
    default:
      return html`${typeof value === 'string' ? value : JSON.stringify(value)}`;
  }
}

/** Whether a value has the shape formatValue expects for its field (a person's correction might not). */
function isShaped(field: string, value: unknown): boolean {
  switch (field) {
    case 'partners': case 'municipalities': return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'goals': case 'staffing': case 'signatories': return Array.isArray(value) && value.every((v) => v !== null && typeof v === 'object');
    case 'budget': return typeof value === 'object' && Array.isArray((value as { lines?: unknown }).lines);
    case 'period': case 'applied': return typeof value === 'object' && !Array.isArray(value);
    default: return true;
  }
}

/** Confidence 0..1 as a percentage badge; below the contract's 0.6 it reads "kontrollera". */
export function confidenceBadge(confidence: number | null, check: boolean): Html {
  if (confidence === null) return html`<span class="conf none" title="no evidence">–</span>`;
  const pct = `${Math.round(confidence * 100)} %`;
  return check
    ? html`<span class="conf low" title="confidence ${confidence.toFixed(2)} — below 0.6, check it">${pct} · kontrollera</span>`
    : html`<span class="conf" title="confidence ${confidence.toFixed(2)}">${pct}</span>`;
}
