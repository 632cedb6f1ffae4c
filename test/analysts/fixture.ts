import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive, type Archive } from '../../db/archive.js';
import { storeFile } from '../../db/queries/store-file.js';
import type { Fields } from '../../extractors/fields.js';
import type { DocumentKind, Page, SourceFile } from '../../pipeline/source-file.js';

// Archives filled through the same storeFile the ingest uses, from the seed texts, with fields
// given by the test (so these tests do not depend on the extractors' accuracy).

export const CORPUS = join(process.cwd(), 'corpus', 'documents');

export function seedText(prefix: string): string {
  const name = ['000_bf5909d8c7ddf687.txt', '001_298873f16eb6f028.txt', '002_338f5d121b4b992d.txt', '003_d550e0da5d25c526.txt', '004_21163c449da429ab.txt']
    .find((n) => n.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return readFileSync(join(CORPUS, name), 'utf8');
}

export interface FixtureDocument {
  path: string;
  kind: DocumentKind;
  /** One string per page. */
  pages: string[];
  fields?: Fields;
  ocrConfidence?: number;
}

export function sourceFile(doc: FixtureDocument, index = 0): SourceFile {
  const bytes = Buffer.from(doc.pages.join('\f'));
  const sha256 = createHash('sha256').update(bytes).update(String(index)).digest('hex');
  const pages: Page[] = doc.pages.map((text, i) => ({
    n: i + 1, text, raw: text, origin: doc.ocrConfidence === undefined ? 'text' : 'ocr', confidence: doc.ocrConfidence ?? null,
  }));
  const text = doc.pages.join('\n\f\n');
  return {
    path: doc.path, sha256, size: bytes.length, mime: 'text/plain', bytes, pages, messages: [],
    documents: [{
      id: `${sha256.slice(0, 12)}-p1-${pages.length}`, kind: doc.kind, language: 'swe', pages: [1, pages.length],
      startOffset: 0, endOffset: doc.pages[doc.pages.length - 1].length, text, fields: doc.fields,
    }],
  };
}

export interface TestArchive { db: Archive; path: string; ids: string[]; close: () => Promise<void> }

export async function archiveWith(docs: FixtureDocument[]): Promise<TestArchive> {
  const dir = mkdtempSync(join(tmpdir(), 'arende-analysts-'));
  const path = join(dir, 'archive.db');
  const db = await openArchive(path);
  const ids: string[] = [];
  for (const [i, doc] of docs.entries()) {
    ids.push(...await db.transaction().execute((trx) => storeFile(trx, sourceFile(doc, i))));
  }
  return { db, path, ids, close: async () => { await db.destroy(); rmSync(dir, { recursive: true, force: true }); } };
}

/** An extracted value with one piece of evidence. */
export function value<T>(v: T, raw: string, confidence = 0.9, page = 1, extractor = 'test'): { value: T; evidence: { page: number; span: [number, number]; raw: string; confidence: number; extractor: string }[] } {
  return { value: v, evidence: [{ page, span: [0, raw.length], raw, confidence, extractor }] };
}
