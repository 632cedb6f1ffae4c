import { sql } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import { ArendeError } from '../../pipeline/errors.js';
import type { Archive } from '../archive.js';

// Counts and totals per year, kommun, samverkanspart, outcome or insatsägare, from the effective
// (corrected) values that the triggers of 002_search.ts keep in document_facts and those of
// 009_analyst_tables.ts sum per group in stats_groups — a read of the groups, however large the archive.

export const STATS_DIMENSIONS = ['year', 'municipality', 'partner', 'outcome', 'owner', 'kind'] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

export interface StatsRow {
  /** The group's value; null where the documents do not state it. */
  key: string | null;
  documents: number;
  decisions: number;
  applications: number;
  /** Decisions with outcome granted, and the sum of their amounts (the maximum granted). */
  granted: number;
  granted_sek: number;
  /** Sum of the applications' amounts (total applied for from the förbund). */
  applied_sek: number;
}

export interface StatsTable {
  by: StatsDimension;
  rows: StatsRow[];
  /** Over all current documents once each (a document with two kommuner counts once here). */
  total: StatsRow;
}

/**
 * The groups of one dimension as the triggers of 009_analyst_tables.ts keep them: each current
 * document's contribution added to its groups (a document with two kommuner counts under both,
 * one naming none under null). A group whose documents all left (superseded, corrected) stays
 * behind with zero documents; it is not shown.
 */
async function groups(db: Archive, by: StatsDimension): Promise<StatsRow[]> {
  const rows = await sql<Record<string, unknown>>`
    select case when stated then key end as grp, documents, decisions, applications, granted, granted_sek, applied_sek
    from stats_groups where dimension = ${by} and documents <> 0`.execute(db).catch((cause: Error) => {
    // A read-only open runs no migrations: an archive no writer has opened since 009 lacks the table.
    throw /no such table/.test(cause.message) ? new ArendeError('the archive predates migration 009_analyst_tables: open it once with a writing command (ingest) to add it', undefined, undefined, { cause }) : cause;
  });
  return rows.rows.map(toRow);
}

function toRow(r: Record<string, unknown>): StatsRow {
  const n = (v: unknown) => Number(v ?? 0);
  return {
    key: r.grp === null || r.grp === undefined ? null : String(r.grp),
    documents: n(r.documents), decisions: n(r.decisions), applications: n(r.applications),
    granted: n(r.granted), granted_sek: n(r.granted_sek), applied_sek: n(r.applied_sek),
  };
}

const LISTS: StatsDimension[] = ['municipality', 'partner'];

export async function stats(db: Archive, by: StatsDimension): Promise<StatsTable> {
  if (!STATS_DIMENSIONS.includes(by)) throw new ArendeError(`cannot group by "${by}" (one of ${STATS_DIMENSIONS.join(', ')})`);
  const grouped = await groups(db, by);
  // A scalar grouping's groups partition the documents, so the total is their sum; a list
  // grouping counts a document once per element, so its total comes from the kind groups.
  const partition = LISTS.includes(by) ? await groups(db, 'kind') : grouped;
  const total = partition.reduce((t, r) => { for (const c of COLUMNS) t[c] += r[c]; return t; }, toRow({}));
  return { by, rows: mergeSpellings(grouped), total };
}

/**
 * One group per name however its letters are encoded (a DOCX or PDF layer may give "Ä" decomposed,
 * NFD, which SQLite groups apart from the composed form); sorted by key, the unstated last.
 */
function mergeSpellings(rows: StatsRow[]): StatsRow[] {
  const merged = new Map<string | null, StatsRow>();
  for (const r of rows) {
    const key = r.key === null ? null : r.key.normalize('NFC');
    const m = merged.get(key);
    if (!m) { merged.set(key, { ...r, key }); continue; }
    for (const c of COLUMNS) m[c] += r[c];
  }
  return [...merged.values()].sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.key.localeCompare(b.key, 'sv')));
}

const COLUMNS = ['documents', 'decisions', 'applications', 'granted', 'granted_sek', 'applied_sek'] as const;

/** Whole kronor grouped by thin spaces the Swedish way: 1 234 567. */
function kronor(n: number): string {
  return Math.round(n).toLocaleString('sv-SE').replace(/\s/g, ' ');
}

/** An aligned plain-text table: key left, numbers right, a total line last. */
export function formatStatsTable(t: StatsTable): string {
  const label = (k: string | null) => k ?? '(not stated)';
  const body = [...t.rows.map((r) => [label(r.key), ...COLUMNS.map((c) => kronor(r[c]))]), ['total', ...COLUMNS.map((c) => kronor(t.total[c]))]];
  const header = [t.by, ...COLUMNS];
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...body.slice(0, -1).map(line), rule, line(body[body.length - 1])].join('\n') + '\n';
}

export function formatStatsCsv(t: StatsTable, delimiter = ','): string {
  const records = [...t.rows, { ...t.total, key: 'total' }].map((r) => [r.key ?? '', ...COLUMNS.map((c) => r[c])]);
  return '\uFEFF' + stringify(records, { header: true, columns: [t.by, ...COLUMNS], delimiter });
}
