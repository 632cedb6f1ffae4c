import { readFile } from 'node:fs/promises';
import { openArchive } from '../db/archive.js';
import { storeFile } from '../db/queries/store-file.js';
import { relinkDocuments } from './link.js';
import { acquireArchiveLock } from './lock.js';
import { processFile, STAGES } from './runner.js';
import { createServices } from './services.js';
import { createSourceFile, type OcrWord, type Page, type PageOrigin } from './source-file.js';
import { defaultPipelineOptions, type PipelineOptions, type StageContext } from './stage.js';
import { LOAD_VERSION, PIPELINE_VERSION, loadVersionOf } from './version.js';

export interface ReprocessSummary { files: number; reextracted: number; reloaded: number; failed: { file: string; reason: string }[] }

/**
 * Brings stored files up to the current pipeline version. When only the extractors changed, the
 * stored pages (with their OCR) are re-split and re-extracted: no OCR pass. When loading changed,
 * the file is read again from its path. Corrections are keyed by document id and stay in force.
 */
export async function reprocess(dbPath: string, options: Partial<PipelineOptions> & { all?: boolean } = {}): Promise<ReprocessSummary> {
  const opts: PipelineOptions = { ...defaultPipelineOptions, ...options };
  const release = acquireArchiveLock(dbPath);
  const db = await openArchive(dbPath);
  const services = createServices();
  const summary: ReprocessSummary = { files: 0, reextracted: 0, reloaded: 0, failed: [] };
  try {
    let q = db.selectFrom('files').selectAll().where('superseded_by', 'is', null);
    if (!options.all) q = q.where('pipeline_version', '!=', PIPELINE_VERSION);
    for (const f of await q.orderBy('path').execute()) {
      summary.files++;
      const file = createSourceFile({ path: f.path, sha256: f.sha256, size: f.size, bytes: Buffer.alloc(0), mime: f.mime });
      try {
        if (loadVersionOf(f.pipeline_version) === LOAD_VERSION) {
          const pages = await db.selectFrom('pages').selectAll().where('sha256', '=', f.sha256).orderBy('n').execute();
          file.pages = pages.map((p): Page => ({
            n: p.n, raw: p.raw, text: p.raw, origin: p.origin as PageOrigin, confidence: p.confidence,
            words: p.words_json ? (JSON.parse(p.words_json) as OcrWord[]) : undefined,
            image: p.width && p.height ? { width: p.width, height: p.height } : undefined,
            replacedLayer: p.replaced_layer ?? undefined,
          }));
          const ctx: StageContext = { signal: new AbortController().signal, options: opts, services };
          for (const [name, stage] of STAGES) if (name !== 'load' && (name !== 'repair' || opts.repair)) await stage(file, ctx);
          summary.reextracted++;
        } else {
          file.bytes = await readFile(f.path);
          await processFile(file, opts, services, new AbortController().signal);
          summary.reloaded++;
        }
        await db.transaction().execute(async (trx) => {
          const ids = await storeFile(trx, file);
          await relinkDocuments(trx, ids, file.documents);
        });
      } catch (e) {
        summary.failed.push({ file: f.path, reason: (e as Error).message });
      }
    }
  } finally {
    await services.close();
    await db.destroy();
    release();
  }
  return summary;
}
