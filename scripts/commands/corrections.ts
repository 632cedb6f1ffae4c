import { openArchive } from '../../db/archive.js';
import { correctField, correctionHistory, parseCorrectionValue } from '../../db/queries/corrections.js';
import { reprocess } from '../../pipeline/reprocess.js';

export async function correctCommand(document: string, field: string, value: string, opts: { db: string; by: string; note?: string }): Promise<number> {
  const db = await openArchive(opts.db);
  try {
    const parsed = parseCorrectionValue(value);
    const { previous } = await correctField(db, { document, field, value: parsed, by: opts.by, note: opts.note });
    process.stdout.write(`${document} ${field}: ${JSON.stringify(previous)} → ${JSON.stringify(parsed)} (by ${opts.by})\n`);
    return 0;
  } finally {
    await db.destroy();
  }
}

export async function historyCommand(document: string, opts: { db: string }): Promise<number> {
  const db = await openArchive(opts.db, { readonly: true });
  try {
    const rows = await correctionHistory(db, document);
    if (!rows.length) process.stdout.write(`${document}: no corrections\n`);
    for (const r of rows) {
      process.stdout.write(`${r.at}\t${r.by}\t${r.field}\t${r.previous_json} → ${r.value_json}${r.note ? `\t${r.note}` : ''}\n`);
    }
    return 0;
  } finally {
    await db.destroy();
  }
}

export async function reprocessCommand(opts: { db: string; all?: boolean; jobs?: number }): Promise<number> {
  const s = await reprocess(opts.db, { all: opts.all, jobs: opts.jobs });
  process.stdout.write(`arende reprocess: ${s.files} files — ${s.reextracted} re-extracted from stored pages, ${s.reloaded} re-loaded, ${s.failed.length} failed\n`);
  for (const f of s.failed) process.stdout.write(`  failed ${f.file}: ${f.reason}\n`);
  return s.failed.length ? 3 : 0;
}
