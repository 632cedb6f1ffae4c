// Shared helpers for the batch proofs: temp folders, corpus copies, the CLI as a child process,
// exports without timestamps and archive row counts.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { openArchive } from '../../db/archive.js';
import { exportArchive, type ExportObject } from '../../db/queries/export.js';

export const repo = resolve(process.cwd());
export const bin = join(repo, 'bin/arende.js');
export const corpusDocuments = join(repo, 'corpus/documents');

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `arende-${prefix}-`));
}

/** The corpus text files (fast: no OCR), copied into `dir`, at most `limit` of them in name order. */
export function copyCorpusTexts(dir: string, limit = Infinity): string[] {
  mkdirSync(dir, { recursive: true });
  const names = readdirSync(corpusDocuments).filter((n) => /\.(txt|md)$/.test(n)).sort().slice(0, limit);
  for (const name of names) copyFileSync(join(corpusDocuments, name), join(dir, name));
  return names;
}

export interface Child {
  process: ChildProcess;
  /** stderr lines seen so far (one per file outside a TTY). */
  lines: string[];
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `arende ARGS` as a child process (not a TTY: plain per-file lines on stderr). */
export function startArende(args: string[]): Child {
  const child = spawn('node', [bin, ...args], { cwd: repo, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const lines: string[] = [];
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    lines.splice(0, lines.length, ...err.split('\n').filter(Boolean));
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('close', (code, signal) => done({ code, signal })));
  return { process: child, lines, stdout: () => out, stderr: () => err, exit };
}

export const storedLines = (lines: string[]) => lines.filter((l) => l.startsWith('new\t')).length;

/** Committed files in the archive, read as another process would (0 while it does not exist yet). */
export function committedFiles(dbPath: string): number {
  if (!existsSync(dbPath)) return 0;
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(dbPath, { readonly: true, fileMustExist: true });
    return (sqlite.prepare('select count(*) as n from files').get() as { n: number }).n;
  } catch {
    return 0; // created but not yet migrated
  } finally {
    sqlite?.close();
  }
}

/** Resolves once the child's archive holds at least `n` committed files; rejects if the child ends first. */
export async function waitForCommitted(child: Child, dbPath: string, n: number, timeoutMs = 120000): Promise<void> {
  const started = Date.now();
  let ended = false;
  void child.exit.then(() => { ended = true; });
  while (committedFiles(dbPath) < n) {
    if (ended) throw new Error(`child ended before ${n} files were committed:\n${child.stderr()}\n${child.stdout()}`);
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${n} committed files:\n${child.stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The export, read in this process. */
export async function exportOf(dbPath: string): Promise<ExportObject> {
  const db = await openArchive(dbPath, { readonly: true });
  try {
    return await exportArchive(db);
  } finally {
    await db.destroy();
  }
}

/** The export with correction timestamps blanked, so two archives built at different times compare equal. */
export function withoutTimestamps(out: ExportObject): ExportObject {
  const copy = JSON.parse(JSON.stringify(out)) as ExportObject;
  for (const d of copy.documents) {
    for (const list of Object.values(d.provenance)) for (const e of list) if (e.corrected) e.corrected.at = '';
  }
  return copy;
}

export const ARCHIVE_TABLES = ['files', 'pages', 'documents', 'field_values', 'evidence', 'messages', 'flags', 'cases', 'rejections', 'corrections'] as const;

/** Row counts per table: an archive with a duplicate row differs here even if the export hides it. */
export async function rowCounts(dbPath: string): Promise<Record<string, number>> {
  const db = await openArchive(dbPath, { readonly: true });
  try {
    const counts: Record<string, number> = {};
    for (const table of ARCHIVE_TABLES) {
      const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      counts[table] = Number(row.n);
    }
    return counts;
  } finally {
    await db.destroy();
  }
}

/** Captures what `work` writes to stdout (the CLI commands print their summaries there). */
export async function captureStdout<T>(work: () => Promise<T>): Promise<{ result: T; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => { stdout += chunk.toString(); return true; }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => { stderr += chunk.toString(); return true; }) as typeof process.stderr.write;
  try {
    return { result: await work(), stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}
