import { parseSwedishAmount, parseSwedishDate } from '../extractors/common/index.js';
import { CONTRACT_FIELDS } from '../extractors/fields.js';
import { documentSchema } from '../db/queries/contract-schema.js';
import { parseCorrectionValue } from '../db/queries/corrections.js';
import { ArendeError } from '../pipeline/errors.js';

// What an archivist types into the correction box, read as the contract's value: Swedish forms
// for the simple fields ("355 000 kr", "Knivsta, Heby", "2021-01-01 – 2021-12-31"), JSON for
// the structured ones. Checked against the contract's schema before anything is written.

export class CorrectionInputError extends ArendeError {}

const OUTCOMES: Record<string, string> = { granted: 'granted', beviljas: 'granted', bevilja: 'granted', beviljad: 'granted', rejected: 'rejected', 'avslås': 'rejected', 'avslå': 'rejected', avslag: 'rejected' };

export function parseCorrectionInput(field: string, text: string, document?: string): unknown {
  const input = text.trim();
  if (!input) return null;
  const fail = (why: string): never => { throw new CorrectionInputError(`${field}: ${why}`, document); };
  let value: unknown;
  switch (field) {
    case 'title':
    case 'owner':
      value = input.replace(/\s+/g, ' ');
      break;
    case 'amount_sek':
    case 'participants_per_year':
      value = /^-?\d+$/.test(input) ? Number(input) : parseSwedishAmount(input) ?? fail(`"${input}" är inget belopp/tal`);
      break;
    case 'outcome':
      value = OUTCOMES[input.toLowerCase()] ?? fail('skriv "beviljas" eller "avslås"');
      break;
    case 'partners':
    case 'municipalities':
      value = input.startsWith('[') ? parseCorrectionValue(input) : input.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);
      break;
    case 'period':
      value = input.startsWith('{') ? parseCorrectionValue(input) : parsePeriodInput(input) ?? fail('skriv "ÅÅÅÅ-MM-DD – ÅÅÅÅ-MM-DD"');
      break;
    case 'intake_end':
      value = parseSwedishDate(input) ?? fail(`"${input}" är inget datum`);
      break;
    default:
      value = parseCorrectionValue(input);
      if (typeof value === 'string') fail('ange värdet som JSON');
  }
  if ((CONTRACT_FIELDS as readonly string[]).includes(field)) {
    const schema = documentSchema.shape[field as (typeof CONTRACT_FIELDS)[number]];
    const checked = schema.safeParse(value);
    if (!checked.success) fail(`stämmer inte med kontraktet: ${checked.error.issues.map((i) => `${i.path.join('.') || 'värdet'} ${i.message}`).join('; ')}`);
  }
  return value;
}

/** Two dates joined by a dash or "till"; either end may be "?" (unknown). */
function parsePeriodInput(input: string): { start: string | null; end: string | null } | null {
  const parts = input.split(/\s*(?:–|—|\s-\s|\btill\b|\bto\b)\s*/);
  if (parts.length !== 2) return null;
  const end = (s: string) => (s === '?' || s === '' ? null : parseSwedishDate(s) ?? undefined);
  const start = end(parts[0]);
  const stop = end(parts[1]);
  if (start === undefined || stop === undefined) return null;
  return { start, end: stop };
}

/** The current value as the correction box shows it, in the same forms parseCorrectionInput reads. */
export function editableText(field: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (field) {
    case 'title':
    case 'owner':
    case 'outcome':
    case 'intake_end':
      return String(value);
    case 'amount_sek':
    case 'participants_per_year':
      return String(value);
    case 'partners':
    case 'municipalities':
      return (value as string[]).join(', ');
    case 'period': {
      const p = value as { start: string | null; end: string | null };
      return p.start === null && p.end === null ? '' : `${p.start ?? '?'} – ${p.end ?? '?'}`;
    }
    default:
      return (Array.isArray(value) && !value.length) ? '' : JSON.stringify(value, null, 2);
  }
}

/** Fields edited in a multi-line box (JSON). */
export function isStructured(field: string): boolean {
  return ['applied', 'goals', 'staffing', 'budget', 'signatories'].includes(field);
}
