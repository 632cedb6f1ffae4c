import type { Migration, MigrationProvider } from 'kysely';
import * as m001 from './001_initial.js';
import * as m002 from './002_search.js';
import * as m003 from './003_views.js';

/** Numbered migrations, bundled statically so the archive opens without touching the file system. */
export const migrations: Record<string, Migration> = {
  '001_initial': m001,
  '002_search': m002,
  '003_views': m003,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
