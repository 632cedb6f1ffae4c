import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive, type Archive } from '../../db/archive.js';
import { search } from '../../db/queries/search.js';
import { stats } from '../../db/queries/stats.js';
import { ingest } from '../../pipeline/runner.js';

// End to end on the corpus's text documents (no OCR, to stay fast): ingest, then give every
// document its ground-truth amount and outcome as a person's correction. Stats must then total
// exactly the ground truth — through the ingest's own writes and the correction triggers.

const CORPUS = join(process.cwd(), 'corpus');
const names = readdirSync(join(CORPUS, 'documents')).filter((f) => /\.(txt|md)$/.test(f)).sort();

interface TruthDocument { kind: string; amount_sek: number | null; outcome: string | null; pages: [number, number] }
function truthOf(name: string): TruthDocument[] {
  const t = JSON.parse(readFileSync(join(CORPUS, 'truth', name.replace(/\.(txt|md)$/, '.json')), 'utf8'));
  return t.documents ?? [];
}

describe('analysts on the corpus', () => {
  let dir: string;
  let db: Archive;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'arende-analysts-corpus-'));
    const path = join(dir, 'archive.db');
    await ingest(names.map((n) => join('corpus', 'documents', n)), { db: path, jobs: 1 });
    db = await openArchive(path);
  }, 300_000);
  afterAll(async () => { await db?.destroy(); rmSync(dir, { recursive: true, force: true }); });

  it('finds "Försäkringskassan" for "forsakringskassan" and "flerpartssamverkan" for "samverkan"', async () => {
    const hits = await search(db, 'forsakringskassan', { limit: 100 });
    // Every file that names it, with or without its diacritics (stripped and OCR-damaged texts too).
    const fold = (t: string) => t.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    const expected = names.filter((n) => fold(readFileSync(join(CORPUS, 'documents', n), 'utf8')).includes('forsakringskassan'));
    // At least those; the repair may restore it in more (OCR-damaged files).
    expect([...new Set(hits.map((h) => h.file.split('/').pop()))]).toEqual(expect.arrayContaining(expected));
    expect(hits.every((h) => /«Försäkringskassan/i.test(h.snippet))).toBe(true);
    const compound = await search(db, 'samverkan', { limit: 200 });
    expect(compound.map((h) => h.file)).toContain('corpus/documents/000_bf5909d8c7ddf687.txt');
    const forbund = await search(db, 'samordningsforbundet', { limit: 200 });
    expect(forbund.length).toBeGreaterThan(0);
    expect(forbund.every((h) => /«samordningsförbund/i.test(h.snippet))).toBe(true);
  });

  it('totals granted and applied equal the ground truth once the truth is entered as corrections', async () => {
    let granted = 0;
    let applied = 0;
    for (const name of names) {
      const docs = await db.selectFrom('documents as d').innerJoin('files as f', 'f.sha256', 'd.sha256')
        .select(['d.id', 'd.first_page']).where('f.path', '=', join('corpus', 'documents', name)).orderBy('d.first_page').orderBy('d.start_offset').execute();
      const truth = truthOf(name);
      docs.forEach((d, i) => {
        const t = truth[i];
        if (!t) return;
        if (t.kind === 'decision' && t.outcome === 'granted') granted += t.amount_sek ?? 0;
        if (t.kind === 'application') applied += t.amount_sek ?? 0;
      });
      for (const [i, d] of docs.entries()) {
        // A document the split found beyond the truth's count carries no amount of its own.
        const t = truth[i] ?? { kind: 'other', amount_sek: null, outcome: null };
        await db.updateTable('documents').set({ kind: t.kind }).where('id', '=', d.id).execute();
        for (const [field, value] of [['amount_sek', t.amount_sek], ['outcome', t.outcome]] as const) {
          await db.insertInto('corrections').values({ document_id: d.id, field, value_json: JSON.stringify(value), previous_json: null, by: 'truth', at: '2026-01-01T00:00:00Z', note: null }).execute();
        }
      }
    }
    const table = await stats(db, 'year');
    expect(table.total.granted_sek).toBe(granted);
    expect(table.total.applied_sek).toBe(applied);
    expect(granted).toBeGreaterThan(0);
  });
});
