// Fault injection for the nightly batch (issue 9): `npx tsx scripts/fault-inject.ts [N] [--copies C] [--kills K] [--seed S]`.
// Builds a corpus copy (corpus/documents text files, C copies with varied names and bytes, plus a
// few bad inputs), makes one clean uninterrupted archive, then runs N rounds: a fresh archive,
// 1..K `arende ingest` child processes each SIGKILLed after a random delay (anywhere from start-up
// and migration to the last commit), then a resumed run to the end. Each round's archive is compared with the
// clean one: documents lost, rows duplicated, export differences. Exit 0 only when all are zero.
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openArchive } from '../db/archive.js';
import { exportArchive, type ExportObject } from '../db/queries/export.js';

const repo = resolve(fileURLToPath(import.meta.url), '../..');
/** The arende the rounds run: a frozen copy of the sources (see snapshotSources). */
let bin = join(repo, 'bin/arende.js');

/**
 * Every run of the comparison must be the same program: the sources are copied once (node_modules
 * linked), so edits to the working tree during a long fault run cannot pass for a lost or changed row.
 */
function snapshotSources(into: string): string {
  cpSync(repo, into, { recursive: true, filter: (src) => !/\/(node_modules|\.git|corpus\/(scan|restore-eval))$/.test(src) && !src.includes('/.scratch') });
  symlinkSync(join(repo, 'node_modules'), join(into, 'node_modules'), 'dir');
  return join(into, 'bin/arende.js');
}

/** Natural keys per table: more rows than distinct keys is a duplicate. */
const KEYS: Record<string, string> = {
  files: 'sha256',
  pages: "sha256 || '/' || n",
  documents: 'id',
  field_values: "document_id || '/' || field",
  evidence: "document_id || '/' || field || '/' || ord",
  flags: "code || '/' || document_id || '/' || coalesce(other_document_id, '') || '/' || field",
  cases: 'id',
  rejections: 'path',
};

interface ArchiveState { export: ExportObject; rows: Record<string, number>; duplicateKeys: number; documentsInSeveralCases: number }

async function readArchive(dbPath: string): Promise<ArchiveState> {
  const db = await openArchive(dbPath, { readonly: true });
  try {
    const rows: Record<string, number> = {};
    let duplicateKeys = 0;
    for (const [table, key] of Object.entries(KEYS)) {
      const r = await sql<{ n: number; k: number }>`select count(*) as n, count(distinct ${sql.raw(key)}) as k from ${sql.table(table)}`.execute(db);
      rows[table] = Number(r.rows[0].n);
      duplicateKeys += Number(r.rows[0].n) - Number(r.rows[0].k);
    }
    for (const table of ['messages', 'file_paths']) {
      const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
      rows[table] = Number(r.rows[0].n);
    }
    const several = await sql<{ n: number }>`select count(*) as n from (
      select id from (select decision_id as id from cases union all select application_id from cases) where id is not null group by id having count(*) > 1)`.execute(db);
    return { export: await exportArchive(db), rows, duplicateKeys, documentsInSeveralCases: Number(several.rows[0].n) };
  } finally {
    await db.destroy();
  }
}

/** Deterministic pseudo-random numbers, so a failing round can be replayed with --seed. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function buildCorpus(dir: string, copies: number): number {
  mkdirSync(dir, { recursive: true });
  const source = join(repo, 'corpus/documents');
  const names = readdirSync(source).filter((n) => /\.(txt|md)$/.test(n)).sort();
  for (let c = 0; c < copies; c++) {
    const sub = c === 0 ? dir : join(dir, `kopia-${c}`);
    mkdirSync(sub, { recursive: true });
    for (const name of names) {
      if (c === 0) copyFileSync(join(source, name), join(sub, name));
      // Varied names and bytes: each copy is a file of its own, not a duplicate of the first.
      else writeFileSync(join(sub, `${c}-${name}`), readFileSync(join(source, name), 'utf8') + '\n'.repeat(c));
    }
  }
  writeFileSync(join(dir, 'tom.txt'), '');
  writeFileSync(join(dir, 'brus.bin'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
  return names.length * copies + 2;
}

function runChild(args: string[], killAfterMs: number | null): Promise<{ code: number | null; signal: string | null; ms: number }> {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn('node', [bin, ...args], { cwd: resolve(bin, '../..'), stdio: 'ignore', env: { ...process.env, CI: 'true' } });
    const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      done({ code, signal, ms: Date.now() - started });
    });
  });
}

/** What differs between two exports, in a few words per difference (at most `limit`). */
function differences(a: ExportObject, b: ExportObject, limit = 5): string[] {
  const out: string[] = [];
  const byId = new Map(b.documents.map((d) => [d.id, d]));
  for (const d of a.documents) {
    const other = byId.get(d.id);
    if (!other) continue;
    for (const key of Object.keys(d) as (keyof typeof d)[]) {
      if (JSON.stringify(d[key]) !== JSON.stringify(other[key])) out.push(`${d.id} ${String(key)}`);
    }
  }
  for (const key of ['cases', 'flags', 'rejected'] as const) if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) out.push(key);
  if (a.documents.length !== b.documents.length || a.documents.some((d, i) => d.id !== b.documents[i]?.id)) out.push('document order/ids');
  return out.slice(0, limit);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args.splice(i, 2)[1]) : fallback;
  };
  const copies = option('--copies', 1);
  const maxKills = option('--kills', 1);
  const seed = option('--seed', Date.now() % 1_000_000);
  const rounds = Number(args[0] ?? 20);
  const next = random(seed);
  const work = mkdtempSync(join(tmpdir(), 'arende-fault-'));
  try {
    bin = snapshotSources(join(work, 'arende'));
    const input = join(work, 'in');
    const files = buildCorpus(input, copies);
    console.log(`fault-inject: ${files} files (${copies} cop${copies === 1 ? 'y' : 'ies'} of the corpus texts + 2 bad), ${rounds} rounds, up to ${maxKills} kills each, seed ${seed}`);

    // The clean run, as a child like the killed ones: its time bounds the random kill delays.
    const clean = await runChild(['ingest', input, '--db', join(work, 'clean.db'), '--quiet'], null);
    if (clean.code !== 3) throw new Error(`the clean run exited ${clean.code} (expected 3: two bad inputs)`);
    const reference = await readArchive(join(work, 'clean.db'));
    console.log(`clean run: ${clean.ms} ms, ${reference.export.documents.length} documents, ${reference.export.rejected.length} rejected`);

    let lost = 0;
    let duplicated = 0;
    let differing = 0;
    let kills = 0;
    for (let round = 1; round <= rounds; round++) {
      const db = join(work, `round-${round}.db`);
      const delays: number[] = [];
      const n = 1 + Math.floor(next() * maxKills);
      for (let k = 0; k < n; k++) {
        const delay = Math.round(next() * clean.ms);
        const killed = await runChild(['ingest', input, '--db', db, '--quiet'], delay);
        delays.push(delay);
        if (killed.signal === 'SIGKILL') kills++;
      }
      // The resume: the next night's run, a child like the killed ones (same code, same migrations).
      const resumed = await runChild(['ingest', input, '--db', db, '--quiet'], null);
      if (resumed.code !== 3) throw new Error(`round ${round}: the resume exited ${resumed.code} (expected 3: two bad inputs)`);
      const state = await readArchive(db);
      const ids = new Set(state.export.documents.map((d) => d.id));
      const roundLost = reference.export.documents.filter((d) => !ids.has(d.id)).length
        + reference.export.rejected.filter((r) => !state.export.rejected.some((s) => s.file === r.file)).length;
      const extraRows = Object.entries(state.rows).reduce((s, [t, c]) => s + Math.max(0, c - (reference.rows[t] ?? 0)), 0);
      const roundDuplicated = state.duplicateKeys + state.documentsInSeveralCases + extraRows;
      const diff = differences(state.export, reference.export);
      lost += roundLost;
      duplicated += roundDuplicated;
      if (diff.length) differing++;
      console.log(`round ${round}: killed at ${delays.map((d) => `${d} ms`).join(', ')} — ${roundLost} lost, ${roundDuplicated} duplicated${diff.length ? `, export differs: ${diff.join('; ')}` : ', export identical'}`);
      rmSync(db, { force: true });
      rmSync(`${db}-wal`, { force: true });
      rmSync(`${db}-shm`, { force: true });
    }
    console.log(`${rounds} runs, ${lost} lost, ${duplicated} duplicated (${kills} SIGKILLs landed; ${rounds - differing}/${rounds} exports identical to the clean run)`);
    return lost || duplicated || differing ? 1 : 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().then((code) => { process.exitCode = code; }, (e: Error) => {
  console.error(`fault-inject: ${e.message}`);
  process.exitCode = 1;
});
