// Bad input never stops the batch: each kind gets a rejection row with a clear reason and the
// file's sha, the good files of the same run are stored, and the run exits 3.
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { ingest } from '../../pipeline/runner.js';
import { ingestCommand } from '../../scripts/commands/ingest.js';
import type { ExportObject } from '../../db/queries/export.js';
import { DECISION, textPdf, zipFile } from '../load/fixtures.js';
import { captureStdout, corpusDocuments, exportOf, tempDir } from './fixtures.js';

const GOOD = ['000_bf5909d8c7ddf687.txt', 'app-01_steg-mot-arbete.txt'];
const MAX_BYTES = 100_000;
const MAX_PAGES = 5;

/** A one-page PDF whose page tree claims 2^31-1 pages. */
async function pageCountBomb(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  const lines = [...DECISION, ...DECISION];
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 14, size: 10, font }));
  const bytes = Buffer.from(await pdf.save({ useObjectStreams: false })).toString('latin1');
  if (!/\/Count 1\b/.test(bytes)) throw new Error('fixture: page tree /Count not found');
  return Buffer.from(bytes.replace(/\/Count 1\b/, '/Count 2147483647'), 'latin1');
}

/** An image-only page of 200 × 200 inches (the PDF maximum): rendering it at scan resolution cannot work. */
async function pageSizeBomb(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage([14400, 14400]);
  return Buffer.from(await pdf.save());
}

async function noisePng(): Promise<Buffer> {
  const pixels = randomBytes(500 * 700).map((b) => (b > 200 ? 0 : 255));
  return sharp(pixels, { raw: { width: 500, height: 700, channels: 1 } }).png().toBuffer();
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Root reads files whatever their mode, so chmod 000 blocks nothing there. */
function permissionsBlockReads(path: string): boolean {
  try {
    readFileSync(path);
    return false;
  } catch {
    return true;
  }
}

describe('a run over good files mixed with every kind of bad input', () => {
  let dir: string;
  let input: string;
  let out: ExportObject;
  let exitCode: number;
  let summary: string;
  let blocked: boolean;
  const path = (name: string) => join(input, name);
  const rejection = (name: string) => out.rejected.find((r) => r.file === path(name));

  beforeAll(async () => {
    dir = tempDir('bad');
    input = join(dir, 'in');
    mkdirSync(input);
    for (const name of GOOD) copyFileSync(join(corpusDocuments, name), path(name));
    const pdf = Buffer.from(await textPdf([DECISION]));
    writeFileSync(path('corrupt.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\n'), randomBytes(3000)]));
    writeFileSync(path('truncated.pdf'), pdf.subarray(0, Math.floor(pdf.length * 0.6)));
    writeFileSync(path('encrypted.pdf'), await textPdf([DECISION], true));
    writeFileSync(path('empty.txt'), '');
    writeFileSync(path('too-big.txt'), readFileSync(join(corpusDocuments, GOOD[0]), 'utf8').repeat(Math.ceil((MAX_BYTES * 1.5) / 3000)));
    writeFileSync(path('too-many-pages.pdf'), await textPdf(Array.from({ length: MAX_PAGES + 1 }, () => DECISION)));
    writeFileSync(path('random.bin'), randomBytes(8192));
    writeFileSync(path('bilagor.zip'), zipFile('budget.csv', 'post;belopp\nlöner;100000\n'));
    writeFileSync(path('noise.png'), await noisePng());
    writeFileSync(path('bomb-count.pdf'), await pageCountBomb());
    writeFileSync(path('bomb-size.pdf'), await pageSizeBomb());
    copyFileSync(join(corpusDocuments, '002_338f5d121b4b992d.txt'), path('locked.txt'));
    chmodSync(path('locked.txt'), 0o000);
    blocked = permissionsBlockReads(path('locked.txt'));

    const run = await captureStdout(() => ingestCommand([input], { db: join(dir, 'a.db'), maxBytes: MAX_BYTES, maxPages: MAX_PAGES, quiet: true }));
    exitCode = run.result;
    summary = run.stdout;
    out = await exportOf(join(dir, 'a.db'));
  }, 180000);
  afterAll(() => {
    chmodSync(path('locked.txt'), 0o644);
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 3 and stores the good files of the same run', () => {
    expect(exitCode).toBe(3);
    expect(summary).toMatch(/rejected .*corrupt\.pdf/);
    for (const name of GOOD) expect(out.documents.map((d) => d.file)).toContain(path(name));
  });

  it.each([
    ['corrupt.pdf', /^(corrupt|unreadable) PDF/],
    ['truncated.pdf', /^(corrupt|unreadable) PDF/],
    ['encrypted.pdf', /^encrypted PDF \(password required\)$/],
    ['empty.txt', /^empty file/],
    ['too-big.txt', new RegExp(`^file too large: \\d+ bytes \\(limit ${MAX_BYTES}, see --max-bytes\\)$`)],
    ['too-many-pages.pdf', new RegExp(`^too many pages \\(${MAX_PAGES + 1} > ${MAX_PAGES}\\)$`)],
    ['random.bin', /^unsupported type/],
    ['bilagor.zip', /^unsupported type: ZIP archive/],
    ['noise.png', /no readable text/],
    ['bomb-size.pdf', /PDF/],
  ])('rejects %s with a reason and the file\'s sha', (name, reason) => {
    const row = rejection(name);
    expect(row?.reason).toMatch(reason);
    expect(row?.sha256).toBe(sha(path(name)));
    expect(out.documents.some((d) => d.file === path(name))).toBe(false);
  });

  it('survives a PDF whose page tree declares 2^31-1 pages: read as the one page it has, or rejected with a reason', () => {
    const stored = out.documents.filter((d) => d.file === path('bomb-count.pdf'));
    if (stored.length) expect(stored.every((d) => d.pages[1] === 1)).toBe(true);
    else expect(rejection('bomb-count.pdf')?.reason).toMatch(/\w/);
  });

  it('rejects an unreadable file (chmod 000) as "cannot read", or reads it where permissions do not apply (root)', () => {
    if (blocked) {
      expect(rejection('locked.txt')?.reason).toBe('cannot read file: EACCES');
      expect(rejection('locked.txt')?.sha256).toBeNull();
    } else {
      console.log('running as root: chmod 000 does not block reads, so locked.txt is an ordinary good file here');
      expect(rejection('locked.txt')).toBeUndefined();
      expect(out.documents.find((d) => d.file === path('locked.txt'))?.kind).toBe('decision');
    }
  });

  it('does not redo a rejected file on the next run, and still exits 3 for it', async () => {
    const again = await captureStdout(() => ingestCommand([input], { db: join(dir, 'a.db'), maxBytes: MAX_BYTES, maxPages: MAX_PAGES, quiet: true }));
    expect(again.result).toBe(3);
    expect(again.stdout).toMatch(/ — 0 new, /);
    expect((await exportOf(join(dir, 'a.db'))).rejected).toEqual(out.rejected);
  }, 60000);
});

describe('the per-file time limit', () => {
  it('rejects a file that takes longer than the limit and stores the quick one of the same run', async () => {
    const dir = tempDir('timeout');
    try {
      const input = join(dir, 'in');
      mkdirSync(input);
      copyFileSync(join(corpusDocuments, GOOD[0]), join(input, 'a-quick.txt'));
      // A full-page scan: OCR takes seconds, far beyond the limit.
      copyFileSync(join(corpusDocuments, 'scan-000_bf5909d8c7ddf687.png'), join(input, 'b-slow-scan.png'));
      const started = Date.now();
      const summary = await ingest([input], { db: join(dir, 'a.db'), fileTimeoutMs: 2000, repair: false });
      expect(summary.rejections).toEqual([{ file: join(input, 'b-slow-scan.png'), reason: 'time limit of 2 s per file exceeded' }]);
      expect(summary.new).toBe(1);
      const out = await exportOf(join(dir, 'a.db'));
      expect(out.documents.map((d) => d.file)).toEqual([join(input, 'a-quick.txt')]);
      // The run did not wait for the OCR of the slow file to finish.
      expect(Date.now() - started).toBeLessThan(30000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60000);
});

describe('rejections that depend on the run\'s limits', () => {
  it('stores a file rejected as too large once a later run allows its size (the cached rejection is not reused)', async () => {
    const dir = tempDir('limits');
    try {
      const input = join(dir, 'in');
      mkdirSync(input);
      copyFileSync(join(corpusDocuments, GOOD[0]), join(input, 'beslut.txt'));
      const db = join(dir, 'a.db');
      const first = await ingest([input], { db, maxBytes: 1000, repair: false });
      expect(first.rejections[0].reason).toMatch(/^file too large/);
      const second = await ingest([input], { db, repair: false });
      expect(second).toMatchObject({ new: 1, rejected: 0 });
      const out = await exportOf(db);
      expect(out.rejected).toEqual([]);
      expect(out.documents.map((d) => d.file)).toEqual([join(input, 'beslut.txt')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60000);
});
