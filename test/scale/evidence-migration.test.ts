// 017 moves evidence into its field value's row (issue 12): an archive written before it must
// come through with every piece of evidence, in order, with its types, and its facts triggers.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { Migrator, sql, type Kysely } from 'kysely';
import { ArchiveSchemaError, migrateArchive, migrateToLatest, openArchive, type Archive } from '../../db/archive.js';
import { migrationProvider } from '../../db/migrations/index.js';
import { effectiveFields } from '../../db/queries/fields.js';
import { memoryArchive } from './memory-archive.js';

const RAW = 'Förslag: "bevilja" 355 000 kr\n– med \\ och 😀';

async function migrateTo(db: Kysely<any>, name: string): Promise<void> {
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo(name);
  expect(error).toBeUndefined();
}

const evidenceRows = async (db: Kysely<any>) => (await sql<Record<string, unknown>>`select document_id, field, ord, page, span_start, span_end, raw,
  confidence, typeof(confidence) as t, typeof(page) as tp, extractor from evidence order by document_id, field, ord`.execute(db)).rows;
const triggersOn = async (db: Kysely<any>) => (await sql<{ name: string }>`select name from sqlite_schema
  where type = 'trigger' and tbl_name = 'field_values' order by name`.execute(db)).rows.map((r) => r.name);
const tableSql = async (db: Kysely<any>) => (await sql<{ sql: string }>`select sql from sqlite_schema where name = 'field_values'`.execute(db)).rows[0].sql;

/** A file, two documents, three field values and their evidence, as an archive at 016 held them. */
async function fillOlderArchive(db: Kysely<any>): Promise<void> {
  await sql`insert into files (sha256, path, size, mime, page_count, pipeline_version, ingested_at) values ('f1', 'a.txt', 1, 'text/plain', 2, 'v', 't')`.execute(db);
  for (const id of ['d1', 'd2']) {
    await sql`insert into documents (id, sha256, first_page, last_page, start_offset, end_offset, kind, language, text, ocr_used, pipeline_version)
      values (${id}, 'f1', 1, 2, 0, 10, 'decision', 'swe', 'text', 0, 'v')`.execute(db);
  }
  await sql`insert into field_values (document_id, field, value_json) values
    ('d1', 'amount_sek', '355000'), ('d1', 'partners', '["Försäkringskassan","Region Uppsala"]'), ('d2', 'title', '"Steg mot arbete"')`.execute(db);
  // Inserted out of order: ord, not insertion order, is the evidence's order.
  await sql`insert into evidence (document_id, field, ord, page, span_start, span_end, raw, confidence, extractor) values
    ('d1', 'partners', 1, 2, 40, 54, 'Region Uppsala', 0.55, 'common/organisations'),
    ('d1', 'amount_sek', 0, 2, 0, ${RAW.length}, ${RAW}, 1.0, 'decision/amount'),
    ('d1', 'partners', 0, 1, 0, 17, 'Försäkringskassan', 1, 'common/organisations')`.execute(db);
}

describe('evidence stored with its field value (017)', () => {
  it('carries an older archive\'s evidence over and back, in order and with its types, keeping the field triggers', async () => {
    const db = memoryArchive();
    try {
      await migrateTo(db, '016_link_title_lengths');
      await fillOlderArchive(db);
      const before = await evidenceRows(db);
      const triggers = await triggersOn(db);
      expect(triggers.length).toBeGreaterThan(10);

      await migrateToLatest(db);
      expect(await tableSql(db)).toMatch(/"evidence_json" text not null/);
      expect(await evidenceRows(db)).toEqual(before);
      expect(await triggersOn(db)).toEqual(triggers);
      const fields = await effectiveFields(db as unknown as Archive, ['d1', 'd2']);
      expect(fields.get('d1')!.partners!.evidence).toEqual([
        { page: 1, span: [0, 17], raw: 'Försäkringskassan', confidence: 1, extractor: 'common/organisations' },
        { page: 2, span: [40, 54], raw: 'Region Uppsala', confidence: 0.55, extractor: 'common/organisations' },
      ]);
      expect(fields.get('d1')!.amount_sek).toEqual({ value: 355000, evidence: [{ page: 2, span: [0, RAW.length], raw: RAW, confidence: 1, extractor: 'decision/amount' }], corrected: null });
      expect(fields.get('d2')!.title).toEqual({ value: 'Steg mot arbete', evidence: [], corrected: null });
      // The facts triggers came back with the table: a new value still reaches document_facts.
      await sql`insert into field_values (document_id, field, value_json) values ('d2', 'owner', '"Tierps kommun"')`.execute(db);
      expect((await sql<{ owner: string }>`select owner from document_facts where document_id = 'd2'`.execute(db)).rows).toEqual([{ owner: 'Tierps kommun' }]);

      await migrateTo(db, '016_link_title_lengths');
      expect(await tableSql(db)).not.toMatch(/evidence_json/);
      expect(await evidenceRows(db)).toEqual(before);
      expect(await triggersOn(db)).toEqual(triggers);
    } finally {
      await db.destroy();
    }
  });
});

describe('an archive written by an older arende', () => {
  const repo = resolve(fileURLToPath(import.meta.url), '../../..');
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'arende-older-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is not read until migrated (readers cannot migrate), and `arende migrate` brings it up with its evidence', async () => {
    const path = join(dir, 'a.db');
    const older = await openArchive(path);
    await migrateTo(older, '016_link_title_lengths');
    await fillOlderArchive(older);
    await older.destroy();

    await expect(openArchive(path, { readonly: true })).rejects.toThrow(ArchiveSchemaError);
    await expect(openArchive(path, { readonly: true })).rejects.toThrow(`arende migrate --db ${path}`);
    const { stdout } = await promisify(execFile)('node', [join(repo, 'bin/arende.js'), 'migrate', '--db', path], { cwd: repo, env: { ...process.env, CI: 'true' } });
    expect(stdout).toBe('arende migrate: applied 017_evidence_in_field_values\n');
    expect(await migrateArchive(path)).toEqual([]);

    const db = await openArchive(path, { readonly: true });
    try {
      expect((await effectiveFields(db, ['d1'])).get('d1')!.amount_sek!.evidence).toEqual([{ page: 2, span: [0, RAW.length], raw: RAW, confidence: 1, extractor: 'decision/amount' }]);
    } finally {
      await db.destroy();
    }
  }, 30_000);

  it('says so when the file is not an arende archive at all', async () => {
    const path = join(dir, 'other.db');
    const other = new Database(path);
    other.exec('create table notes (text text)');
    other.close();
    await expect(openArchive(path, { readonly: true })).rejects.toThrow('not an arende archive');
    await expect(migrateArchive(path)).rejects.toThrow('not an arende archive');
  });
});
