import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { exportSchema } from '../../db/queries/contract-schema.js';
import type { ExportObject } from '../../db/queries/export.js';

const run = promisify(execFile);
const repo = resolve(fileURLToPath(import.meta.url), '../../..');
const bin = join(repo, 'bin/arende.js');

async function arende(args: string[], cwd = repo) {
  try {
    const { stdout, stderr } = await run('node', [bin, ...args], { cwd, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CI: 'true' } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** The seeds only (text files): the fast path, copied so tests never write into corpus/. */
function seedFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'arende-seeds-'));
  mkdirSync(join(dir, 'in'));
  for (const name of readdirSync(join(repo, 'corpus/documents')).filter((n) => /^\d{3}_.*\.txt$/.test(n))) {
    copyFileSync(join(repo, 'corpus/documents', name), join(dir, 'in', name));
  }
  return dir;
}

describe('arende ingest + export on the seeds', () => {
  let dir: string;
  let out: ExportObject;
  beforeAll(async () => {
    dir = seedFolder();
    const ingest = await arende(['ingest', join(dir, 'in'), '--db', join(dir, 'a.db')]);
    expect(ingest.stderr).not.toMatch(/failed/);
    expect(ingest.code).toBe(0);
    expect(ingest.stdout).toMatch(/5 files .* 5 new, 0 unchanged, 0 rejected/);
    const exported = await arende(['export', '--db', join(dir, 'a.db')]);
    expect(exported.code).toBe(0);
    out = JSON.parse(exported.stdout);
  }, 120000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one JSON object that validates against the contract schema', () => {
    const parsed = exportSchema.safeParse(out);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues.slice(0, 5), null, 2));
    expect(out.schema).toBe('arende.export/1');
    expect(out.documents).toHaveLength(5);
  });

  it('reads the kind, title, period, amount and outcome of each seed decision', () => {
    const bySeed = (n: string) => out.documents.find((d) => d.file.includes(`/${n}_`))!;
    expect(bySeed('000')).toMatchObject({ kind: 'decision', outcome: 'granted', amount_sek: 355000, period: { start: '2021-04-01', end: '2021-12-31' } });
    expect(bySeed('000').title).toBe('Samverkan - implementering av rutin för flerpartssamverkan, Älvkarleby');
    expect(bySeed('001')).toMatchObject({ kind: 'decision', outcome: 'granted', amount_sek: 5900000, title: 'En väg in – flera vägar ut Knivsta', period: { start: '2018-01-01', end: '2021-12-31' } });
    expect(bySeed('002')).toMatchObject({ kind: 'decision', outcome: 'granted', amount_sek: 150000, title: 'Lokussamordnare Älvkarleby', period: { start: '2018-01-01', end: '2018-12-31' } });
    expect(bySeed('004')).toMatchObject({ kind: 'decision', outcome: 'granted', amount_sek: 1050000, title: 'Nya vägar för samverkan', period: { start: '2020-10-01', end: '2021-12-31' } });
    expect(bySeed('003')).toMatchObject({ kind: 'application', language: 'swe' });
  });

  it('keeps evidence for every non-null field, pointing into the page text', () => {
    for (const d of out.documents) {
      for (const [field, value] of Object.entries(d)) {
        if (['id', 'file', 'sha256', 'pages', 'kind', 'language', 'ocr', 'text', 'provenance'].includes(field)) continue;
        const empty = value === null || (Array.isArray(value) && !value.length) || (field === 'period' && !(value as any).start && !(value as any).end);
        if (empty) continue;
        expect({ field, evidence: d.provenance[field]?.length ?? 0 }).toEqual({ field, evidence: expect.any(Number) });
        expect(d.provenance[field].length).toBeGreaterThan(0);
      }
      // Single-page documents: the span indexes the document's (repaired) text; raw is the same place before repair.
      for (const e of d.provenance.amount_sek ?? []) {
        const digits = (s: string) => s.replace(/\D/g, '');
        expect(digits(d.text.slice(e.span[0], e.span[1]))).toBe(digits(e.raw));
        expect(digits(e.raw)).toContain(String(d.amount_sek));
        expect(e.extractor).toMatch(/amount/);
      }
    }
  });

  it('gives the same document ids when the same files go into a new archive, and a second run stores nothing', async () => {
    const again = await arende(['ingest', join(dir, 'in'), '--db', join(dir, 'a.db')]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 new, 5 unchanged/);
    await arende(['ingest', join(dir, 'in'), '--db', join(dir, 'b.db')]);
    const other: ExportObject = JSON.parse((await arende(['export', '--db', join(dir, 'b.db')])).stdout);
    expect(other.documents.map((d) => d.id).sort()).toEqual(out.documents.map((d) => d.id).sort());
  }, 120000);

  it('exits 3 and records a reason when an input is rejected, storing the good files', async () => {
    const bad = join(dir, 'bad');
    mkdirSync(bad);
    copyFileSync(join(dir, 'in', readdirSync(join(dir, 'in'))[0]), join(bad, 'good.txt'));
    writeFileSync(join(bad, 'empty.txt'), '');
    const r = await arende(['ingest', bad, '--db', join(dir, 'c.db')]);
    expect(r.code).toBe(3);
    const o: ExportObject = JSON.parse((await arende(['export', '--db', join(dir, 'c.db')])).stdout);
    expect(o.documents).toHaveLength(1);
    expect(o.rejected).toEqual([{ file: join(bad, 'empty.txt'), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), reason: 'empty file (0 bytes)' }]);
  }, 120000);
});
