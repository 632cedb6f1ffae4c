import sharp from 'sharp';
import type { Page } from '../source-file.js';
import { RejectedInputError } from '../errors.js';
import type { OcrPool } from '../ocr/index.js';
import { ocrPage, prepareImage } from './ocr-page.js';
import { hasReadableText } from './text-quality.js';

export interface ImageLoadOptions {
  file: string;
  maxPages: number;
  signal: AbortSignal;
  pool: () => Promise<OcrPool>;
}

/** OCRs every page of a raster image (multi-page TIFFs page by page, in parallel on the pool). */
export async function imagePages(bytes: Buffer, options: ImageLoadOptions): Promise<Page[]> {
  let count: number;
  try {
    count = (await sharp(bytes).metadata()).pages ?? 1;
  } catch (cause) {
    throw new RejectedInputError(`unreadable image: ${cause instanceof Error ? cause.message : String(cause)}`, options.file, undefined, { cause });
  }
  if (count > options.maxPages) throw new RejectedInputError(`too many pages (${count} > ${options.maxPages})`, options.file);
  const pool = await options.pool();
  const pages = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      options.signal.throwIfAborted();
      let prepared;
      try {
        prepared = await prepareImage(sharp(bytes, { page: i }));
      } catch (cause) {
        throw new RejectedInputError(`unreadable image page: ${cause instanceof Error ? cause.message : String(cause)}`, options.file, i + 1, { cause });
      }
      return ocrPage(pool, i + 1, prepared, options.signal);
    }),
  );
  if (!pages.some((p) => hasReadableText(p.text, p.confidence)))
    throw new RejectedInputError('image holds no readable text (OCR found only noise)', options.file);
  return pages;
}
