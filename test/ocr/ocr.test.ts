import sharp from 'sharp';
import { createOcrPool, type OcrPool } from '../../pipeline/ocr/index.js';
import { loadPages } from '../../pipeline/load/index.js';
import { ocrPage, prepareImage } from '../../pipeline/load/ocr-page.js';
import { RejectedInputError } from '../../pipeline/errors.js';
import { createServices } from '../../pipeline/services.js';
import { context, sourceFile } from '../load/fixtures.js';
import { scanTop } from './sample.js';

describe('OCR of a generated scan (Swedish model, offline)', () => {
  let pool: OcrPool;
  let top: Buffer;
  beforeAll(async () => {
    pool = await createOcrPool(1);
    top = await scanTop();
  });
  afterAll(() => pool.close());

  it('reads "Förslag till beslut" and the amount with å/ä/ö intact', async () => {
    const page = await pool.recognize(top);
    expect(page.text).toContain('Förslag till beslut');
    expect(page.text).toContain('Förbundsstyrelsen föreslås besluta');
    expect(page.text).toMatch(/maximalt 355 000 kronor/);
    expect(page.confidence).toBeGreaterThan(0.8);
  });

  it('keeps per-word confidence, box and the span of the word in the page text', async () => {
    const page = await pool.recognize(top);
    expect(page.words.length).toBeGreaterThan(20);
    for (const w of page.words) {
      expect(page.text.slice(w.span[0], w.span[1])).toBe(w.text);
      expect(w.confidence).toBeGreaterThanOrEqual(0);
      expect(w.confidence).toBeLessThanOrEqual(1);
      expect(w.bbox[2]).toBeGreaterThan(w.bbox[0]);
    }
    const beslut = page.words.find((w) => w.text === 'beslut');
    expect(beslut?.confidence).toBeGreaterThan(0.8);
  });

  it('reads a prepared page from shared memory as it reads a copy of it, and reuses the buffer once done', async () => {
    const prepared = await prepareImage(sharp(top));
    expect(prepared.pgm.buffer).toBeInstanceOf(SharedArrayBuffer);
    const shared = await pool.recognize(prepared.pgm);
    const copied = await pool.recognize(Buffer.from(prepared.pgm));
    expect(shared.text).toBe(copied.text);
    expect(shared.words).toEqual(copied.words);
    // After ocrPage the worker is done with the page: the next page of its size is written into the same memory.
    const page = await ocrPage(pool, 1, prepared);
    expect(page.text).toBe(shared.text);
    const next = await prepareImage(sharp(top));
    expect(next.pgm.buffer).toBe(prepared.pgm.buffer);
    // …and only once: the buffer is in use again until that page is done too.
    expect((await prepareImage(sharp(top))).pgm.buffer).not.toBe(prepared.pgm.buffer);
  });

  it('gives up waiting when the signal aborts', async () => {
    const controller = new AbortController();
    const job = pool.recognize(top, controller.signal);
    controller.abort(new Error('time limit'));
    await expect(job).rejects.toThrow('time limit');
  });
});

describe('loadPages on images', () => {
  const services = createServices();
  afterAll(() => services.close());

  it('OCRs a PNG named .txt into an ocr page with confidence and words, through the shared pool', async () => {
    const file = sourceFile('beslut.txt', await scanTop());
    await loadPages(file, context({ jobs: 1 }, services));
    expect(file.mime).toBe('image/png');
    expect(file.pages).toHaveLength(1);
    const [page] = file.pages;
    expect(page.origin).toBe('ocr');
    expect(page.raw).toBe(page.text);
    expect(page.text).toContain('Förslag till beslut');
    expect(page.image).toMatchObject({ width: 2480, height: 796 });
    expect(page.words?.length).toBeGreaterThan(20);
    expect(page.confidence).toBeGreaterThan(0.8);
  });

  it('reads a multi-page TIFF page by page and keeps a blank page as an empty page', async () => {
    const top = await scanTop();
    const blank = await sharp({ create: { width: 2480, height: 796, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const tiff = await sharp([top, blank], { join: { animated: true } }).tiff().toBuffer();
    const file = sourceFile('bunt.tif', tiff);
    await loadPages(file, context({ jobs: 1 }, services));
    expect(file.mime).toBe('image/tiff');
    expect(file.pages.map((p) => p.n)).toEqual([1, 2]);
    expect(file.pages[0].text).toContain('Förbundsstyrelsen föreslås besluta');
    expect(file.pages[1].text.trim()).toBe('');
  });

  it('rejects an image that holds only noise', async () => {
    const noise = Buffer.alloc(600 * 600);
    let x = 7;
    for (let i = 0; i < noise.length; i++) noise[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24 > 200 ? 0 : 255;
    const png = await sharp(noise, { raw: { width: 600, height: 600, channels: 1 } }).png().toBuffer();
    const error = await loadPages(sourceFile('noise.png', png), context({ jobs: 1 }, services)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RejectedInputError);
    expect((error as RejectedInputError).reason).toBe('image holds no readable text (OCR found only noise)');
  });
});
