// Ingest reads a small file with blocking calls and a large one (over 1 MiB) through async reads:
// either way the archive holds the file's exact sha256 and its text.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openArchive } from '../../db/archive.js';
import { ingest } from '../../pipeline/runner.js';
import { corpusDocuments, tempDir } from './fixtures.js';

it('stores small and large text files under the sha256 of their bytes', async () => {
  const dir = tempDir('arende-reading-');
  const decision = readFileSync(join(corpusDocuments, '000_bf5909d8c7ddf687.txt'), 'utf8');
  const small = join(dir, 'small.txt');
  const large = join(dir, 'large.txt');
  writeFileSync(small, decision);
  // The decision followed by ~1.2 MiB of minutes (plain Swedish prose) in one text file.
  writeFileSync(large, decision + '\n\n' + 'Protokollet justerades och lades till handlingarna utan anmärkning.\n'.repeat(18_000));
  const summary = await ingest([small, large], { db: join(dir, 'a.db'), repair: false });
  expect(summary.rejected).toBe(0);
  const db = await openArchive(join(dir, 'a.db'), { readonly: true });
  try {
    const files = await db.selectFrom('files').select(['path', 'sha256', 'size']).orderBy('path').execute();
    const expected = [large, small].map((path) => {
      const bytes = readFileSync(path);
      return { path, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
    });
    expect(expected[0].size).toBeGreaterThan(1 << 20);
    expect(files).toEqual(expected);
    const pages = await db.selectFrom('pages').select(['sha256', 'text']).execute();
    expect(pages.find((p) => p.sha256 === expected[0].sha256)?.text.length).toBeGreaterThan(1 << 20);
  } finally {
    await db.destroy();
  }
}, 60_000);
