import { migrateArchive } from '../../db/archive.js';

export interface MigrateCommandOptions { db: string }

/** Brings an archive written by an older arende up to this version's schema (readers never migrate). */
export async function migrateCommand(opts: MigrateCommandOptions): Promise<number> {
  const applied = await migrateArchive(opts.db);
  process.stdout.write(applied.length ? `arende migrate: applied ${applied.join(', ')}\n` : 'arende migrate: the archive is up to date\n');
  return 0;
}
