// Archives for the review page's tests, filled by the real ingest (seeds, a linked decision and
// application pair, optionally the top of the generated scan so one decision is OCR'd).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { openArchive, type Archive } from '../../db/archive.js';
import { ingest } from '../../pipeline/runner.js';
import { startReviewServer, type ReviewServer } from '../../web/index.js';

export const CORPUS = join(process.cwd(), 'corpus', 'documents');

/** The five seed texts and one decision/application pair of the corpus (linked, one flag). */
export function textInputs(): string[] {
  const names = readdirSync(CORPUS).filter((n) => /^00\d_.*\.txt$/.test(n) || /^(dec|app)-02_.*\.txt$/.test(n)).sort();
  return names.map((n) => join(CORPUS, n));
}

/** The top of the generated 300 dpi scan of seed 000 (heading, proposal, amount): OCR'd in seconds. */
export async function scanTop(dir: string): Promise<string> {
  const out = join(dir, 'scan-000-top.png');
  await sharp(join(CORPUS, 'scan-000_bf5909d8c7ddf687.png')).extract({ left: 0, top: 0, width: 2480, height: 900 }).png().toFile(out);
  return out;
}

export interface ServedArchive { db: Archive; path: string; dir: string; server: ReviewServer; close: () => Promise<void> }

export async function servedArchive(options: { scan?: boolean; by?: string } = {}): Promise<ServedArchive> {
  const dir = mkdtempSync(join(tmpdir(), 'arende-web-'));
  const path = join(dir, 'archive.db');
  const inputs = textInputs();
  if (options.scan) inputs.push(await scanTop(dir));
  const summary = await ingest(inputs, { db: path, jobs: 2 });
  if (summary.rejected) throw new Error(`fixture ingest rejected: ${JSON.stringify(summary.rejections)}`);
  const db = await openArchive(path);
  const server = await startReviewServer({ db, port: 0, by: options.by ?? 'testare' });
  return {
    db, path, dir, server,
    close: async () => {
      await server.close();
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Folded for comparisons the way search folds ("Försäkringskassan" → "forsakringskassan"). */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
