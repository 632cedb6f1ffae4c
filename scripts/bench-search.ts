// Search and stats latency on a generated archive (default 100 000 documents).
//   npx tsx scripts/bench-search.ts [--docs N] [--db FILE] [--keep]
// Documents are made from the corpus texts with varied titles, kommuner, years and amounts and
// written with bulk SQL in one transaction; the triggers of 002_search.ts, 008 and 009 index and sum
// them exactly as they do for an ingest. Latencies go through the same search() and stats() the CLI
// calls. An existing archive (--db) is first opened writable, so newer migrations are applied (timed).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openArchive } from '../db/archive.js';
import { search } from '../db/queries/search.js';
import { stats, type StatsDimension } from '../db/queries/stats.js';

const args = process.argv.slice(2);
const arg = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const N = Number(arg('--docs') ?? 100_000);
const dbPath = arg('--db') ?? join(tmpdir(), `arende-bench-${N}.db`);
const keep = args.includes('--keep');

const corpus = join(process.cwd(), 'corpus');
const texts = readdirSync(join(corpus, 'documents')).filter((f) => /\.(txt|md)$/.test(f)).map((f) => readFileSync(join(corpus, 'documents', f), 'utf8'));
const kommuner = readFileSync(join(corpus, 'lexicon', 'kommuner.txt'), 'utf8').split('\n').map((s) => s.trim()).filter((s) => s && !s.startsWith('#'));
const partners = ['Försäkringskassan', 'Arbetsförmedlingen', 'Region Uppsala', 'Region Gävleborg', 'Region Västmanland'];
const heads = ['Samverkan', 'Vägen vidare', 'Steg mot arbete', 'Lotsen', 'Nya vägar', 'Gemensam väg', 'Unga vuxna', 'Studievägledning', 'Processledare', 'Arbetsförberedande insats'];
const tails = ['för unga', 'i samverkan', 'mot egen försörjning', 'med stöd', 'för flerpartssamverkan', 'och hälsa', 'till arbete', ''];

/** A small deterministic PRNG, so two runs build the same archive. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

function generate(db: Database.Database): void {
  const rand = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const insFile = db.prepare(`insert into files (sha256, path, size, mime, page_count, pipeline_version, ingested_at, superseded_by) values (?, ?, ?, 'text/plain', 1, 'bench', ?, null)`);
  const insPage = db.prepare(`insert into pages (sha256, n, text, raw, origin) values (?, 1, ?, ?, 'text')`);
  const insDoc = db.prepare(`insert into documents (id, sha256, first_page, last_page, start_offset, end_offset, kind, language, text, ocr_used, pipeline_version) values (?, ?, 1, 1, 0, ?, ?, 'swe', ?, 0, 'bench')`);
  const insField = db.prepare(`insert into field_values (document_id, field, value_json) values (?, ?, ?)`);
  const now = new Date().toISOString();
  db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const kommun = pick(kommuner);
      const year = 2010 + Math.floor(rand() * 16);
      const amount = Math.round(50 + rand() * 5000) * 1000;
      const kind = rand() < 0.55 ? 'decision' : 'application';
      const title = `${pick(heads)} ${pick(tails)} ${kommun}`.replace(/\s+/g, ' ').trim();
      const parts = partners.filter(() => rand() < 0.5);
      // The corpus text with this document's own title, kommun, year and amount stitched in.
      const body = pick(texts).replace(/\b20[12]\d\b/g, String(year)).replace(/Älvkarleby|Knivsta|Tierp|Östhammar|Heby|Enköping|Håbo/g, kommun);
      const text = `${title}\n\n${body}\n\nSamverkande parter: ${parts.join(', ') || 'inga'}. Belopp ${amount.toLocaleString('sv-SE')} kronor. Dnr ${year}-${i}.`;
      const sha = createHash('sha256').update(`${i}`).digest('hex');
      const id = `${sha.slice(0, 12)}-p1-1`;
      insFile.run(sha, `bench/${year}/${i}.txt`, text.length, now);
      insPage.run(sha, text, text);
      insDoc.run(id, sha, text.length, kind, text);
      const fields: Record<string, unknown> = {
        title, owner: `${kommun} kommun`, partners: parts, municipalities: [kommun],
        period: { start: `${year}-01-01`, end: `${year}-12-31` }, amount_sek: amount,
      };
      if (kind === 'decision') fields.outcome = rand() < 0.85 ? 'granted' : 'rejected';
      for (const [field, value] of Object.entries(fields)) insField.run(id, field, JSON.stringify(value));
    }
  })();
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median wall-clock and CPU milliseconds (CPU time is the fairer figure on a shared, loaded machine). */
async function time(fn: () => Promise<unknown>, runs = 15): Promise<{ wall: number; cpu: number }> {
  await fn(); // warm the page cache once
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const c = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(c);
    wall.push(Number(process.hrtime.bigint() - t) / 1e6);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

const fmt = (t: { wall: number; cpu: number }) => `median ${t.wall.toFixed(1).padStart(6)} ms wall, ${t.cpu.toFixed(1).padStart(6)} ms CPU`;

async function main(): Promise<void> {
  if (!existsSync(dbPath)) {
    const t0 = Date.now();
    const archive = await openArchive(dbPath);
    await archive.destroy();
    const raw = new Database(dbPath);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    generate(raw);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    console.log(`generated ${N} documents in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  } else {
    const t0 = Date.now();
    await (await openArchive(dbPath)).destroy();
    console.log(`opened writable (migrations applied if any) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const size = statSync(dbPath).size + (existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0);
  const { loadavg, cpus } = await import('node:os');
  console.log(`load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
  console.log(`archive ${dbPath}: ${(size / 1e6).toFixed(0)} MB on disk`);

  const db = await openArchive(dbPath, { readonly: true });
  const queries: [string, Parameters<typeof search>[2]][] = [
    ['forsakringskassan', {}],
    ['samordningsforbundet', {}],
    ['flerpartssamverkan', {}],
    ['alvkarleby processledare', {}],
    ['"till beslut" insats', { kind: 'decision', year: 2021 }],
    ['samverkan', { municipality: 'Östhammar' }],
    ['partssamverkan', {}],
    ['lokussamordnare', { year: 2018 }],
  ];
  for (const [q, options] of queries) {
    const hits = await search(db, q, options);
    const ms = await time(() => search(db, q, options));
    console.log(`search ${JSON.stringify(q).padEnd(28)} ${JSON.stringify(options).padEnd(38)} ${fmt(ms)}  (${hits.length} hits shown)`);
  }
  for (const by of ['year', 'municipality', 'partner', 'outcome', 'owner'] as StatsDimension[]) {
    const ms = await time(() => stats(db, by), 9);
    console.log(`stats --by ${by.padEnd(13)} ${fmt(ms)}`);
  }
  await db.destroy();
  if (!keep && !arg('--db')) for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true });
}

await main();
