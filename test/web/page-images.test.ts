import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { openArchive } from '../../db/archive.js';
import type { PageImagesTable } from '../../db/migrations/004_page_images.js';
import { storeFile } from '../../db/queries/store-file.js';
import { ocrPage, prepareImage, reviewImage } from '../../pipeline/load/ocr-page.js';
import type { OcrPool } from '../../pipeline/ocr/index.js';
import type { SourceFile } from '../../pipeline/source-file.js';

// The page image behind the word boxes: kept by the OCR loader, stored by storeFile, and not lost
// when reprocess re-stores the pages from the archive (which holds no image bytes in Page).

const A4 = { width: 2480, height: 3508 };

async function scanLike(): Promise<Buffer> {
  return sharp({ create: { ...A4, channels: 3, background: { r: 255, g: 255, b: 255 } } })
    .composite([{ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="2480" height="300"><text x="200" y="200" font-size="80">maximalt 355 000 kronor</text></svg>`), top: 600, left: 0 }])
    .png().toBuffer();
}

it('keeps a small grey preview of an OCR\'d page, with the word boxes\' own size beside it', async () => {
  const png = await scanLike();
  const seen: Buffer[] = [];
  const pool = { recognize: async (image: Buffer) => (seen.push(image), { text: 'maximalt 355 000 kronor', confidence: 0.9, words: [] }) } as unknown as OcrPool;
  const prepared = await prepareImage(sharp(png));
  const page = await ocrPage(pool, 1, prepared);
  // tesseract gets the prepared grey pixels as a PGM, not a PNG to inflate again.
  expect(seen[0].subarray(0, 2).toString('ascii')).toBe('P5');
  expect(seen[0].length).toBe(prepared.pgm.length);
  expect(page.image).toMatchObject(A4);
  const meta = await sharp(Buffer.from(page.image!.png!)).metadata();
  expect(meta.width).toBe(1000);
  expect(meta.height).toBe(Math.round((1000 / A4.width) * A4.height));
  expect(page.image!.png!.length).toBeLessThan(png.length);
  expect((await reviewImage(prepared)).length).toBe(page.image!.png!.length);
});

it('stores the preview in page_images and keeps it when the same bytes are stored again without it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arende-web-img-'));
  const db = await openArchive(join(dir, 'a.db'));
  try {
    const preview = await reviewImage(await prepareImage(sharp(await scanLike())));
    const file = (png?: Buffer): SourceFile => ({
      path: 'scan.png', sha256: 'ab'.repeat(32), size: 1, mime: 'image/png', bytes: Buffer.alloc(0), messages: [], documents: [],
      pages: [{ n: 1, text: 'maximalt 355 000 kronor', raw: 'maximalt 355 000 kronor', origin: 'ocr', confidence: 0.9, words: [], image: { ...A4, png } }],
    });
    const images = () => db.withTables<{ page_images: PageImagesTable }>().selectFrom('page_images').selectAll().execute();
    await db.transaction().execute((trx) => storeFile(trx, file(preview)));
    expect(await images()).toEqual([expect.objectContaining({ n: 1, width: 1000, height: Math.round((1000 / A4.width) * A4.height) })]);
    await db.transaction().execute((trx) => storeFile(trx, file(undefined)));
    const kept = await images();
    expect(kept).toHaveLength(1);
    expect(Buffer.from(kept[0].png).equals(preview)).toBe(true);
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});
