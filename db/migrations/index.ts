import type { Migration, MigrationProvider } from 'kysely';
import * as m001 from './001_initial.js';

/** Numbered migrations, bundled statically so the archive opens without touching the file system. */
export const migrations: Record<string, Migration> = {
  '001_initial': m001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
