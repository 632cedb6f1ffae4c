import { openArchive } from '../../db/archive.js';
import { exportArchive } from '../../db/queries/export.js';

export interface ExportCommandOptions { db: string; format: 'json' | 'csv'; cases?: boolean; flags?: boolean; delimiter: string }

export async function exportCommand(opts: ExportCommandOptions): Promise<number> {
  const db = await openArchive(opts.db, { readonly: true });
  try {
    if (opts.format === 'csv') {
      const { exportCsv } = await import('../../db/queries/export-csv.js');
      process.stdout.write(await exportCsv(db, { table: opts.cases ? 'cases' : opts.flags ? 'flags' : 'documents', delimiter: opts.delimiter }));
      return 0;
    }
    const out = await exportArchive(db);
    await new Promise<void>((resolve, reject) => process.stdout.write(JSON.stringify(out, null, 2) + '\n', (e) => (e ? reject(e) : resolve())));
    return 0;
  } finally {
    await db.destroy();
  }
}
