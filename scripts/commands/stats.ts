import { openArchive } from '../../db/archive.js';
import { formatStatsCsv, formatStatsTable, stats, type StatsDimension } from '../../db/queries/stats.js';

export interface StatsCommandOptions { db: string; by: StatsDimension; format: 'table' | 'csv' | 'json'; delimiter: string }

export async function statsCommand(opts: StatsCommandOptions): Promise<number> {
  const db = await openArchive(opts.db, { readonly: true });
  try {
    const table = await stats(db, opts.by);
    if (opts.format === 'json') process.stdout.write(JSON.stringify(table, null, 2) + '\n');
    else if (opts.format === 'csv') process.stdout.write(formatStatsCsv(table, opts.delimiter));
    else process.stdout.write(formatStatsTable(table));
    return 0;
  } finally {
    await db.destroy();
  }
}
