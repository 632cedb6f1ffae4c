// The per-document cost of ingest must not grow with the archive (issue 12): every lookup the
// link step and the per-file writes make is answered by an index, never by a scan of a table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Compilable } from 'kysely';
import { openArchive, type Archive } from '../../db/archive.js';
import { Migrator } from 'kysely';
import { migrateToLatest } from '../../db/archive.js';
import { migrationProvider } from '../../db/migrations/index.js';
import { candidateQueries } from '../../pipeline/link.js';
import { memoryArchive } from './memory-archive.js';

/** The plan of a compiled Kysely query, its parameters inlined (EXPLAIN binds none). */
async function plan(db: Archive, query: Compilable): Promise<string[]> {
  const { sql: text, parameters } = query.compile();
  let i = 0;
  const inlined = text.replace(/\?/g, () => {
    const p = parameters[i++];
    return typeof p === 'number' ? String(p) : `'${String(p).replace(/'/g, "''")}'`;
  });
  return (await sql<{ detail: string }>`explain query plan ${sql.raw(inlined)}`.execute(db)).rows.map((r) => r.detail);
}

describe('indexed lookups', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arende-scale-'));
  let db: Archive;
  beforeAll(async () => {
    db = await openArchive(join(dir, 'a.db'));
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds link candidates by folded title, owner and period start through covering indexes', async () => {
    const queries = candidateQueries(db, 'decision', 'stegmotarbete', 'tierpskommun', '2022-01-01');
    expect(queries).toHaveLength(3);
    for (const { query } of queries) {
      const detail = await plan(db, query);
      expect(detail).toEqual(expect.arrayContaining([expect.stringMatching(/^SEARCH d USING COVERING INDEX documents_(title|owner|period)_cover/)]));
      expect(detail.filter((d) => d.startsWith('SCAN'))).toEqual([]);
    }
    // The owner and period lookups seek to the title lengths that could link (016_link_title_lengths.ts).
    for (const { query } of queries.slice(1)) expect((await plan(db, query)).join('\n')).toMatch(/owner_key=\? AND <expr>>\? AND <expr><\?|period_start=\? AND <expr>>\? AND <expr><\?/);
  });

  it.each([
    ['a document\'s flags (recomputeFlags)', "select id from flags where document_id = 'x'", /flags_document/],
    ['older contents seen at a path (storeFile, makeCurrent)', "select sha256 from files where path = 'p' and sha256 != 'x'", /files_path/],
    ['documents of superseded files (makeCurrent)', "select d.id from documents d join files f on f.sha256 = d.sha256 where f.superseded_by = 'x'", /files_superseded/],
    ['a rejection of the same bytes (storeFile)', "select path from rejections where path = 'p' or sha256 = 'x'", /rejections_sha/],
  ])('looks up %s by index', async (_, query, index) => {
    const detail = (await sql<{ detail: string }>`explain query plan ${sql.raw(query)}`.execute(db)).rows.map((r) => r.detail);
    expect(detail.join('\n')).toMatch(index);
    expect(detail.filter((d) => d.startsWith('SCAN'))).toEqual([]);
  });
});

describe('title lengths in the link indexes (016)', () => {
  it('are added by up and taken out by down, the lookups using the indexes either way', async () => {
    const db = memoryArchive();
    try {
      await migrateToLatest(db);
      const owner = () => candidateQueries(db as unknown as Archive, 'decision', 'stegmotarbete', 'tierpskommun', null)[1].query;
      expect((await plan(db as unknown as Archive, owner())).join()).toMatch(/documents_owner_cover \(kind=\? AND owner_key=\? AND <expr>>\? AND <expr><\?\)/);
      const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo('015_owner_cover_period');
      expect(error).toBeUndefined();
      expect((await plan(db as unknown as Archive, owner())).join()).toMatch(/documents_owner_cover \(kind=\? AND owner_key=\?\)/);
      await migrateToLatest(db);
      expect((await plan(db as unknown as Archive, owner())).join()).toMatch(/AND <expr>>\?/);
    } finally {
      await db.destroy();
    }
  });
});
