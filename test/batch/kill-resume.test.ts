// The nightly batch killed and stopped mid-run: the archive stays consistent and the next run
// finishes it to exactly what an uninterrupted run builds.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ingestCommand } from '../../scripts/commands/ingest.js';
import type { ExportObject } from '../../db/queries/export.js';
import { captureStdout, copyCorpusTexts, exportOf, rowCounts, startArende, storedLines, tempDir, waitForCommitted, withoutTimestamps } from './fixtures.js';

// Enough files that the run is still going when the kill lands, however fast ingest gets.
const FILES = 40;
const filesIn = (out: ExportObject) => new Set(out.documents.map((d) => d.file)).size;

describe('a batch killed or stopped mid-run', () => {
  let dir: string;
  let input: string;
  let reference: ExportObject;
  let referenceCounts: Record<string, number>;

  beforeAll(async () => {
    dir = tempDir('kill');
    input = join(dir, 'in');
    copyCorpusTexts(input, FILES);
    const { result } = await captureStdout(() => ingestCommand([input], { db: join(dir, 'reference.db'), quiet: true }));
    expect(result).toBe(0);
    reference = await exportOf(join(dir, 'reference.db'));
    referenceCounts = await rowCounts(join(dir, 'reference.db'));
    expect(reference.documents.length).toBeGreaterThanOrEqual(FILES);
  }, 120000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('SIGKILL after some files, then a resumed run, builds exactly the uninterrupted archive; a third run stores nothing', async () => {
    const db = join(dir, 'killed.db');
    // One commit per file, so the kill lands between commits, not after one group holding them all.
    const child = startArende(['ingest', input, '--db', db, '--jobs', '2', '--commit-every', '1']);
    // Killed once two files are committed: with group commits, a file's log line may precede its commit.
    await waitForCommitted(child, db, 2);
    child.process.kill('SIGKILL');
    const { signal } = await child.exit;
    expect(signal).toBe('SIGKILL');

    // Killed runs leave their lock behind; its pid is dead, so the next run takes it over.
    expect(existsSync(`${db}.lock`)).toBe(true);
    expect(Number(readFileSync(`${db}.lock`, 'utf8'))).toBe(child.process.pid);
    const stored = filesIn(await exportOf(db));
    expect(stored).toBeGreaterThanOrEqual(2);
    expect(stored).toBeLessThan(FILES);

    const resumed = await captureStdout(() => ingestCommand([input], { db, quiet: true }));
    expect(resumed.result).toBe(0);
    expect(resumed.stdout).toMatch(new RegExp(`${FILES} files .* — ${FILES - stored} new, ${stored} unchanged, 0 rejected`));
    expect(withoutTimestamps(await exportOf(db))).toEqual(withoutTimestamps(reference));
    expect(await rowCounts(db)).toEqual(referenceCounts);
    expect(existsSync(`${db}.lock`)).toBe(false);

    const again = await captureStdout(() => ingestCommand([input], { db, quiet: true }));
    expect(again.result).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`${FILES} files .* — 0 new, ${FILES} unchanged, 0 rejected`));
    expect(await rowCounts(db)).toEqual(referenceCounts);
  }, 120000);

  it('a second run on a busy archive exits 1 with a clear message; SIGTERM stops the first after its files in flight (exit 130)', async () => {
    const db = join(dir, 'stopped.db');
    const first = startArende(['ingest', input, '--db', db, '--jobs', '2', '--commit-every', '1']);
    await waitForCommitted(first, db, 1);

    const second = await captureStdout(() => ingestCommand([input], { db, quiet: true }));
    expect(second.result).toBe(1);
    expect(second.stderr).toMatch(/being written by another arende run \(pid \d+\)/);

    first.process.kill('SIGTERM');
    const { code } = await first.exit;
    expect(first.stderr()).toMatch(/stopping after the files in flight/);
    // Discovery streams, so after one stored file most of the folder is still ahead: a real stop.
    expect(code).toBe(130);
    expect(first.stdout()).toMatch(/\(stopped early\)/);
    expect(existsSync(`${db}.lock`)).toBe(false);
    // Every file the stopped run reported as stored is whole in the archive.
    expect(filesIn(await exportOf(db))).toBe(storedLines(first.lines));

    const next = await captureStdout(() => ingestCommand([input], { db, quiet: true }));
    expect(next.result).toBe(0);
    expect(withoutTimestamps(await exportOf(db))).toEqual(withoutTimestamps(reference));
    expect(await rowCounts(db)).toEqual(referenceCounts);
  }, 120000);
});
