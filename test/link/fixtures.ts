// Temp archives built from the corpus pairs through the real pipeline (text files only: fast).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { openArchive, type Archive } from '../../db/archive.js';
import { exportArchive, type ExportDocument, type ExportObject } from '../../db/queries/export.js';
import { ingest } from '../../pipeline/runner.js';

export const corpusDocuments = resolve(process.cwd(), 'corpus/documents');

export class TempArchive {
  readonly root = mkdtempSync(join(tmpdir(), 'arende-link-'));
  readonly db = join(this.root, 'archive.db');
  private batch = 0;

  /** A new batch folder holding copies of the named corpus files and any extra texts. */
  folder(names: string[], extra: Record<string, string> = {}): string {
    const dir = join(this.root, `batch-${++this.batch}`);
    mkdirSync(dir);
    for (const name of names) copyFileSync(join(corpusDocuments, name), join(dir, name));
    for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
    return dir;
  }

  /** One ingest run, as the nightly job does it. */
  async ingest(names: string[], extra: Record<string, string> = {}) {
    return ingest([this.folder(names, extra)], { db: this.db, jobs: 1 });
  }

  async open<T>(work: (db: Archive) => Promise<T>): Promise<T> {
    const db = await openArchive(this.db);
    try { return await work(db); } finally { await db.destroy(); }
  }

  export(): Promise<ExportObject> {
    return this.open(exportArchive);
  }

  remove() {
    rmSync(this.root, { recursive: true, force: true });
  }
}

export function corpusText(name: string): string {
  return readFileSync(join(corpusDocuments, name), 'utf8');
}

/** The exported document read from the file of that base name. */
export function docOf(out: ExportObject, name: string): ExportDocument {
  const d = out.documents.find((x) => basename(x.file) === name);
  if (!d) throw new Error(`${name} not in the export`);
  return d;
}

/** Flags as comparable strings "code field document→other" with file names for ids. */
export function flagList(out: ExportObject): string[] {
  const name = (id: string | null) => (id ? basename(out.documents.find((d) => d.id === id)?.file ?? id) : '-');
  return out.flags.map((f) => `${f.code} ${f.field} ${name(f.document)}→${name(f.other_document)}`).sort();
}
