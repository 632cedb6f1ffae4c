// npm run eval: ingests corpus/ into a fresh archive, compares the export with the ground truth
// in corpus/truth/ field by field, and prints per-field accuracy (tune and held-out apart), the
// OCR/PDF/DOCX paths against the text path, flags found/missed/false, and the repair figures.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openArchive } from '../db/archive.js';
import { exportArchive, type ExportDocument, type ExportObject } from '../db/queries/export.js';
import { matchKey } from '../db/queries/keys.js';
import { CONTRACT_FIELDS } from '../extractors/fields.js';
import { ingest } from '../pipeline/runner.js';

const root = resolve(fileURLToPath(import.meta.url), '../../corpus');

export interface TruthDocument extends Record<string, unknown> {
  pages?: [number, number];
  kind: string;
  flags?: { code: string; field: string; other: string | null }[];
  case_with?: string | null;
}

interface TruthFile {
  file: string;
  split: 'tune' | 'holdout';
  documents?: TruthDocument[];
  same_as?: string;
  same_as_pages?: { pages: [number, number]; same_as: string }[];
}

export interface LoadedTruth { name: string; file: string; split: 'tune' | 'holdout'; path: 'text' | 'ocr' | 'pdf' | 'docx'; variantOf: string | null; documents: TruthDocument[] }

/** Ground truth of every corpus file, with generated variants resolved to their text's truth. */
export function loadTruth(dir = join(root, 'truth')): LoadedTruth[] {
  const raw = new Map<string, TruthFile>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) raw.set(name.replace(/\.json$/, ''), JSON.parse(readFileSync(join(dir, name), 'utf8')));
  const docsOf = (name: string): TruthDocument[] => {
    const t = raw.get(name);
    if (!t) throw new Error(`truth ${name} not found`);
    if (t.documents) return t.documents;
    if (t.same_as) return docsOf(t.same_as);
    return (t.same_as_pages ?? []).flatMap((p) => docsOf(p.same_as).map((d) => ({ ...d, pages: p.pages })));
  };
  return [...raw.entries()].map(([name, t]) => {
    const variantOf = t.same_as ?? (t.same_as_pages ? t.same_as_pages.map((p) => p.same_as).join('+') : null);
    const ext = t.file.split('.').pop()!.toLowerCase();
    const path = ext === 'docx' ? 'docx' : ext === 'pdf' ? (/scan|englayer|image/.test(name) ? 'ocr' : 'pdf') : ['png', 'jpg', 'jpeg', 'tif', 'tiff'].includes(ext) ? 'ocr' : 'text';
    return { name, file: t.file, split: t.split, path, variantOf, documents: docsOf(name) };
  });
}

const norm = (s: unknown) => (typeof s === 'string' ? s.normalize('NFC').replace(/\s+/g, ' ').trim() : s);
const key = (s: unknown) => (typeof s === 'string' ? matchKey(s) : s);
const sortedJson = (items: unknown[]) => items.map((x) => JSON.stringify(x)).sort();

/** Whether an extracted value equals the truth, by the field's own notion of equality. */
export function fieldEquals(field: string, got: unknown, want: unknown, folded = false): boolean {
  const s = folded ? key : norm;
  switch (field) {
    case 'partners':
    case 'municipalities':
      return JSON.stringify(sortedJson(((got as string[]) ?? []).map(s))) === JSON.stringify(sortedJson(((want as string[]) ?? []).map(s)));
    case 'goals':
      return JSON.stringify(sortedJson(((got as any[]) ?? []).map((g) => [g.kind, key(g.text)]))) === JSON.stringify(sortedJson(((want as any[]) ?? []).map((g) => [g.kind, key(g.text)])));
    case 'staffing':
      return JSON.stringify(sortedJson(((got as any[]) ?? []).map((g) => [key(g.role), g.percent, g.count]))) === JSON.stringify(sortedJson(((want as any[]) ?? []).map((g) => [key(g.role), g.percent, g.count])));
    case 'signatories':
      return JSON.stringify(sortedJson(((got as any[]) ?? []).map((g) => [key(g.name), key(g.role), key(g.organisation), g.date]))) === JSON.stringify(sortedJson(((want as any[]) ?? []).map((g) => [key(g.name), key(g.role), key(g.organisation), g.date])));
    case 'budget': {
      const a = got as any; const b = want as any;
      if (!a || !b) return !a && !b;
      return a.total_sek === b.total_sek && JSON.stringify(sortedJson(a.lines.map((l: any) => [key(l.label), l.amount_sek]))) === JSON.stringify(sortedJson(b.lines.map((l: any) => [key(l.label), l.amount_sek])));
    }
    case 'title':
    case 'owner':
      return s(got ?? null) === s(want ?? null);
    default:
      return JSON.stringify(got ?? null) === JSON.stringify(want ?? null);
  }
}

const EVAL_FIELDS = ['kind', ...CONTRACT_FIELDS] as const;

interface Tally { right: number; total: number }
type Table = Map<string, Map<string, Tally>>; // column → field → tally

function tally(table: Table, column: string, field: string, ok: boolean) {
  if (!table.has(column)) table.set(column, new Map());
  const col = table.get(column)!;
  const t = col.get(field) ?? { right: 0, total: 0 };
  t.total++; if (ok) t.right++;
  col.set(field, t);
}

function docsByFile(out: ExportObject): Map<string, ExportDocument[]> {
  const byFile = new Map<string, ExportDocument[]>();
  for (const d of out.documents) {
    const name = basename(d.file).replace(/\.[^.]+$/, '');
    byFile.set(name, [...(byFile.get(name) ?? []), d]);
  }
  return byFile;
}

/** Matches truth documents to exported ones: by page range where given, else by order. */
function matchDocuments(truth: TruthDocument[], got: ExportDocument[]): (ExportDocument | null)[] {
  const taken = new Set<ExportDocument>();
  return truth.map((t, i) => {
    const byPages = t.pages ? got.filter((d) => !taken.has(d) && d.pages[0] === t.pages![0] && d.pages[1] === t.pages![1] && d.kind === t.kind) : [];
    const d = byPages[0] ?? got.filter((x) => !taken.has(x) && x.kind === t.kind)[0] ?? got.filter((x) => !taken.has(x))[i] ?? null;
    if (d) taken.add(d);
    return d;
  });
}

export interface EvalResult { table: Table; flags: { found: number; missed: string[]; false: string[] }; cases: { linked: number; expected: number; wrong: string[] } }

/** Scores one export against the truth; `folded` compares names without diacritics (raw OCR runs). */
export function score(out: ExportObject, truths: LoadedTruth[], opts: { folded?: boolean; column?: (t: LoadedTruth, d: TruthDocument) => string } = {}): EvalResult {
  const table: Table = new Map();
  const byFile = docsByFile(out);
  const idOf = new Map<string, ExportDocument[]>();
  const expectedFlags: string[] = [];
  const cases = { linked: 0, expected: 0, wrong: [] as string[] };
  for (const t of truths) {
    const got = byFile.get(t.name) ?? [];
    const matched = matchDocuments(t.documents, got);
    idOf.set(t.name, matched.filter(Boolean) as ExportDocument[]);
    t.documents.forEach((want, i) => {
      const column = opts.column?.(t, want) ?? `${want.kind}/${t.split}`;
      const d = matched[i];
      for (const field of EVAL_FIELDS) {
        if (field !== 'kind' && want.kind === 'other') continue;
        const ok = d ? fieldEquals(field, (d as any)[field], want[field] ?? null, opts.folded) : false;
        tally(table, column, field, ok);
      }
    });
  }
  // Flags and cases only for the text path (variants would count the same facts twice).
  const actual = new Set(out.flags.map((f) => `${f.code}|${f.document}|${f.other_document ?? ''}|${f.field}`));
  const seen = new Set<string>();
  for (const t of truths.filter((x) => x.path === 'text')) {
    t.documents.forEach((want, i) => {
      const d = idOf.get(t.name)?.[i];
      for (const f of want.flags ?? []) {
        const other = f.other ? idOf.get(f.other)?.find((x) => x.kind !== want.kind) ?? null : null;
        const k = `${f.code}|${d?.id}|${other?.id ?? ''}|${f.field}`;
        expectedFlags.push(k);
      }
      if (want.case_with !== undefined && (want.kind === 'decision' || want.kind === 'application')) {
        const c = out.cases.find((x) => x.decision === d?.id || x.application === d?.id);
        const partner = c ? (c.decision === d?.id ? c.application : c.decision) : null;
        const wantPartner = want.case_with ? idOf.get(want.case_with)?.find((x) => x.kind !== want.kind)?.id ?? 'missing' : null;
        if (want.case_with) cases.expected++;
        if (partner === wantPartner) { if (want.case_with) cases.linked++; } else cases.wrong.push(`${t.name}: linked to ${partner ?? 'nothing'}, expected ${want.case_with ?? 'nothing'}`);
      }
    });
    for (const d of idOf.get(t.name) ?? []) seen.add(d.id);
  }
  const found = expectedFlags.filter((k) => actual.has(k)).length;
  const missed = expectedFlags.filter((k) => !actual.has(k));
  const falseFlags = out.flags.filter((f) => seen.has(f.document)).map((f) => `${f.code}|${f.document}|${f.other_document ?? ''}|${f.field}`).filter((k) => !expectedFlags.includes(k));
  return { table, flags: { found, missed, false: falseFlags }, cases };
}

export function formatTable(table: Table): string {
  const columns = [...table.keys()].sort();
  const fields = [...new Set(columns.flatMap((c) => [...table.get(c)!.keys()]))];
  const cell = (t?: Tally) => (t ? `${((100 * t.right) / t.total).toFixed(1)}% (${t.right}/${t.total})` : '—');
  const rows = [['field', ...columns], ...fields.map((f) => [f, ...columns.map((c) => cell(table.get(c)!.get(f)))])];
  const totals = columns.map((c) => [...table.get(c)!.values()].reduce((a, t) => ({ right: a.right + t.right, total: a.total + t.total }), { right: 0, total: 0 }));
  rows.push(['ALL', ...totals.map((t) => cell(t))]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r, j) => r.map((c, i) => c.padEnd(widths[i])).join('  ') + (j === 0 ? '\n' + widths.map((w) => '-'.repeat(w)).join('  ') : '')).join('\n');
}

export async function runIngest(paths: string[], options: { repair?: boolean } = {}): Promise<ExportObject> {
  const tmp = mkdtempSync(join(tmpdir(), 'arende-eval-'));
  const db = join(tmp, 'archive.db');
  try {
    await ingest(paths, { db, repair: options.repair });
    const archive = await openArchive(db, { readonly: true });
    try { return await exportArchive(archive); } finally { await archive.destroy(); }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function main() {
  const truths = loadTruth();
  const started = Date.now();
  const out = await runIngest([root]);
  const textTruths = truths.filter((t) => t.path === 'text');
  const main = score(out, textTruths);
  console.log(`# arende eval — ${out.documents.length} documents from corpus/ (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  console.log('## Fields, text path (tune vs held-out)\n');
  console.log(formatTable(main.table));

  const variants = truths.filter((t) => t.path !== 'text');
  if (variants.length) {
    const v = score(out, variants, { column: (t) => t.path });
    const sameDocs = textTruths.filter((t) => variants.some((x) => x.variantOf?.split('+').includes(t.name)));
    const base = score(out, sameDocs, { column: () => 'text' });
    const merged: Table = new Map([...base.table, ...v.table]);
    console.log('\n## The same documents through OCR, PDF and DOCX (vs their text versions)\n');
    console.log(formatTable(merged));
  }

  const apps = textTruths.filter((t) => t.documents.some((d) => d.kind === 'application'));
  const raw = await runIngest(apps.map((t) => join(root, t.file)), { repair: false });
  const rawScore = score(raw, apps, { folded: true, column: (t, d) => `${d.kind}/raw-ocr-text` });
  const repairedScore = score(out, apps, { column: (t, d) => `${d.kind}/repaired` });
  console.log('\n## Applications on the raw text (no repair; names compared folded) and after repair\n');
  console.log(formatTable(new Map([...rawScore.table, ...repairedScore.table].filter(([k]) => k.startsWith('application')))));

  console.log(`\n## Flags: ${main.flags.found} found, ${main.flags.missed.length} missed, ${main.flags.false.length} false`);
  for (const m of main.flags.missed) console.log(`  missed ${m}`);
  for (const f of main.flags.false) console.log(`  false  ${f}`);
  console.log(`## Cases: ${main.cases.linked}/${main.cases.expected} expected links made, ${main.cases.wrong.length} wrong`);
  for (const w of main.cases.wrong) console.log(`  ${w}`);
  if (out.rejected.length) console.log(`\n## Rejected: ${out.rejected.map((r) => `${r.file}: ${r.reason}`).join('; ')}`);

  try {
    const { evalRestore, formatRestoreTable } = await import('./eval-restore.js');
    console.log('\n## Text repair (scripts/eval-restore.ts)\n\n' + formatRestoreTable(await evalRestore()));
  } catch (e) {
    console.log(`\n## Text repair: not measured (${(e as Error).message})`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => { console.error(e); process.exit(1); });
}
