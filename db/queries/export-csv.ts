import { stringify } from 'csv-stringify/sync';
import { LOW_CONFIDENCE } from '../../extractors/fields.js';
import type { Archive } from '../archive.js';
import { exportArchive, type ExportDocument, type ExportFlag } from './export.js';

// CSV for spreadsheets: the contract's JSON flattened, one row per document (or case, or flag).
// UTF-8 with a BOM so Excel reads å, ä, ö; delimiter ";" for Swedish Excel, whose decimal comma
// makes "," the list separator's rival.

export type CsvTable = 'documents' | 'cases' | 'flags';

export interface CsvOptions {
  table: CsvTable;
  delimiter?: string;
  /** Prefix the UTF-8 byte order mark (default true: Excel needs it to read UTF-8). */
  bom?: boolean;
}

const LIST_SEPARATOR = '; ';

export const DOCUMENT_COLUMNS = [
  'id', 'file', 'sha256', 'first_page', 'last_page', 'kind', 'language', 'title', 'owner', 'partners', 'municipalities',
  'period_start', 'period_end', 'amount_sek', 'outcome', 'applied_period_start', 'applied_period_end', 'applied_amount_sek',
  'goals_count', 'goals', 'staffing', 'participants_per_year', 'budget_total_sek', 'budget_lines', 'signatories',
  'ocr_used', 'ocr_mean_confidence', 'check_fields', 'corrected_fields', 'flags',
] as const;

type Cell = string | number | null;

export function documentRecord(d: ExportDocument, flags: ExportFlag[] = []): Record<(typeof DOCUMENT_COLUMNS)[number], Cell> {
  const join = (items: (string | null | undefined)[]) => items.filter((s): s is string => Boolean(s)).join(LIST_SEPARATOR);
  const provenance = Object.entries(d.provenance);
  return {
    id: d.id, file: d.file, sha256: d.sha256, first_page: d.pages[0], last_page: d.pages[1], kind: d.kind, language: d.language,
    title: d.title, owner: d.owner, partners: join(d.partners), municipalities: join(d.municipalities),
    period_start: d.period.start, period_end: d.period.end, amount_sek: d.amount_sek, outcome: d.outcome,
    applied_period_start: d.applied?.period?.start ?? null, applied_period_end: d.applied?.period?.end ?? null,
    applied_amount_sek: d.applied?.amount_sek ?? null,
    goals_count: d.goals.length,
    goals: join(d.goals.map((g) => `${g.kind}: ${g.text}`)),
    staffing: join(d.staffing.map((s) => `${s.role}${s.percent === null ? '' : ` ${s.percent} %`}${s.count === 1 ? '' : ` × ${s.count}`}`)),
    participants_per_year: d.participants_per_year,
    budget_total_sek: d.budget?.total_sek ?? null,
    budget_lines: join((d.budget?.lines ?? []).map((l) => `${l.label}: ${l.amount_sek}`)),
    signatories: join(d.signatories.map((s) => [s.name, s.role, s.organisation, s.date].filter(Boolean).join(', '))),
    ocr_used: d.ocr.used ? 1 : 0, ocr_mean_confidence: d.ocr.mean_confidence,
    // Fields a person should look at: any evidence under the contract's 0.6.
    check_fields: join(provenance.filter(([, ev]) => ev.some((e) => e.confidence < LOW_CONFIDENCE && !e.corrected)).map(([f]) => f)),
    corrected_fields: join(provenance.filter(([, ev]) => ev.some((e) => e.corrected)).map(([f]) => f)),
    flags: join(flags.filter((f) => f.document === d.id || f.other_document === d.id).map((f) => f.code)),
  };
}

/** A flag's values as cells: scalars as they are, lists and objects as JSON. */
function cell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  return JSON.stringify(v);
}

export async function exportCsv(db: Archive, options: CsvOptions): Promise<string> {
  const out = await exportArchive(db);
  let columns: readonly string[];
  let records: Record<string, Cell>[];
  if (options.table === 'cases') {
    const byId = new Map(out.documents.map((d) => [d.id, d]));
    columns = ['id', 'title', 'decision', 'application', 'owner', 'outcome', 'granted_sek', 'applied_sek', 'period_start', 'period_end', 'flags'];
    records = out.cases.map((c) => {
      const dec = c.decision ? byId.get(c.decision) : undefined;
      const app = c.application ? byId.get(c.application) : undefined;
      return {
        id: c.id, title: c.title, decision: c.decision, application: c.application,
        owner: dec?.owner ?? app?.owner ?? null, outcome: dec?.outcome ?? null,
        granted_sek: dec?.outcome === 'granted' ? dec.amount_sek : null, applied_sek: app?.amount_sek ?? null,
        period_start: dec?.period.start ?? app?.period.start ?? null, period_end: dec?.period.end ?? app?.period.end ?? null,
        flags: out.flags.filter((f) => [c.decision, c.application].includes(f.document)).map((f) => f.code).join(LIST_SEPARATOR),
      };
    });
  } else if (options.table === 'flags') {
    const titles = new Map(out.documents.map((d) => [d.id, d.title]));
    columns = ['code', 'document', 'other_document', 'field', 'value_document', 'value_other', 'message', 'title'];
    records = out.flags.map((f) => ({
      code: f.code, document: f.document, other_document: f.other_document, field: f.field,
      value_document: cell(f.values[0]), value_other: cell(f.values[1]), message: f.message, title: titles.get(f.document) ?? null,
    }));
  } else {
    columns = DOCUMENT_COLUMNS;
    const flagsOf = new Map<string, ExportFlag[]>();
    for (const f of out.flags) {
      for (const id of new Set([f.document, f.other_document])) if (id) flagsOf.set(id, [...(flagsOf.get(id) ?? []), f]);
    }
    records = out.documents.map((d) => documentRecord(d, flagsOf.get(d.id)));
  }
  const csv = stringify(records, { header: true, columns: [...columns], delimiter: options.delimiter ?? ',', record_delimiter: 'windows' });
  return (options.bom === false ? '' : '\uFEFF') + csv;
}
