import type { Migration, MigrationProvider } from 'kysely';
import * as m001 from './001_initial.js';
import * as m002 from './002_search.js';
import * as m003 from './003_views.js';
import * as m004 from './004_page_images.js';
import * as m005 from './005_scale_indexes.js';
import * as m006 from './006_superseded_index.js';
import * as m007 from './007_link_covering_indexes.js';
import * as m008 from './008_facts_per_field.js';
import * as m009 from './009_analyst_tables.js';
import * as m010 from './010_search_prefixes.js';
import * as m011 from './011_trigram_words.js';
import * as m012 from './012_search_index_deferred.js';
import * as m013 from './013_facts_deferred.js';
import * as m014 from './014_search_merge.js';
import * as m015 from './015_owner_cover_period.js';
import * as m016 from './016_link_title_lengths.js';
import * as m017 from './017_evidence_in_field_values.js';

/** Numbered migrations, bundled statically so the archive opens without touching the file system. */
export const migrations: Record<string, Migration> = {
  '001_initial': m001,
  '002_search': m002,
  '003_views': m003,
  '004_page_images': m004,
  '005_scale_indexes': m005,
  '006_superseded_index': m006,
  '007_link_covering_indexes': m007,
  '008_facts_per_field': m008,
  '009_analyst_tables': m009,
  '010_search_prefixes': m010,
  '011_trigram_words': m011,
  '012_search_index_deferred': m012,
  '013_facts_deferred': m013,
  '014_search_merge': m014,
  '015_owner_cover_period': m015,
  '016_link_title_lengths': m016,
  '017_evidence_in_field_values': m017,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
