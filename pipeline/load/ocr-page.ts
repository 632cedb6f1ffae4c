import sharp, { type Sharp } from 'sharp';
import type { Page } from '../source-file.js';
import type { OcrPool } from '../ocr/index.js';
import { wholeSharedBuffer } from '../ocr/shared-image.js';
import { restorePercentSigns } from '../ocr/words.js';

/** A page image ready for tesseract: 8-bit grayscale as a binary PGM (P5). */
export interface PreparedImage {
  /**
   * The PGM bytes: a short header and the pixels as they are. tesseract.js inflated a PNG of an
   * A4 page in wasm for ~0.5 s of the ~4 s it spent on the page; a PGM it only copies. The bytes
   * are a SharedArrayBuffer (see OcrPool.recognize).
   */
  pgm: Buffer;
  width: number;
  height: number;
}

/** The pixels of a prepared image (one byte each, row by row), without copying them. */
export function pixelsOf(image: PreparedImage): Buffer {
  return image.pgm.subarray(image.pgm.length - image.width * image.height);
}

/**
 * Prepares a page image for tesseract: 8-bit grayscale, and low-resolution pages
 * (faxes, 150 dpi office scans, phone photos) scaled up towards 300 dpi, since the LSTM
 * model wants x-heights of ~20 px. The resolution comes from the image's density when it
 * states one, else from its size taken as an A4 page. A 3 px median then removes scanner
 * speckle, which tesseract otherwise reads as "ee", "|" or "-" at line ends: measured on two
 * generated scans, character accuracy 99.56 % -> 99.87 % and 92.2 % -> 94.8 %. No binarisation
 * or deskew: a sharp threshold lost accuracy (99.32 % -> 99.06 %, bench-ocr --variants) and
 * tesseract's line finder copes with the skew of a scanner.
 */
export async function prepareImage(image: Sharp, knownDpi?: number): Promise<PreparedImage> {
  const meta = await image.metadata();
  let width = meta.width ?? 0;
  let height = meta.height ?? 0;
  // A rendered PDF page states 72 dpi whatever its scale, so the renderer passes the real one.
  const dpi = knownDpi ?? (meta.density && meta.density >= 50 && meta.density < 1200 ? meta.density : Math.max(width, height) / 11.69);
  // Transparent pixels (pdf.js renders a page onto a transparent canvas; PNGs with alpha)
  // become white: left as alpha, tesseract reads them as black and OCRs noise.
  let pipeline = image.flatten({ background: '#ffffff' }).grayscale().removeAlpha();
  if (dpi < 200) {
    const factor = Math.min(3, 300 / dpi);
    width = Math.round(width * factor);
    height = Math.round(height * factor);
    pipeline = pipeline.resize(width, height, { kernel: 'lanczos3' });
  }
  // One pipeline, decoding to median (sharp resizes before the median): the same pixels as a
  // pipeline per step, without the decoded page passing through a buffer (issue 12).
  const { data, info } = await pipeline.median(3).raw().toBuffer({ resolveWithObject: true });
  const header = Buffer.from(`P5\n${info.width} ${info.height}\n255\n`, 'ascii');
  // In shared memory, so the OCR worker reads the page where it lies: a plain buffer was copied
  // twice on this thread on its way there (~50 ms a page; issue 12).
  const pgm = Buffer.from(sharedBuffer(header.length + data.length));
  header.copy(pgm);
  data.copy(pgm, header.length);
  return { pgm, width: info.width, height: info.height };
}

/**
 * Page buffers given back after OCR (releasePage), at most four: a scan's pages are mostly one
 * size, and writing a fresh 9 MB buffer costs its page faults (~30 ms an A4 page on the bench host).
 */
const spareBuffers: SharedArrayBuffer[] = [];
const SPARE_BUFFERS = 4;

function sharedBuffer(bytes: number): SharedArrayBuffer {
  const i = spareBuffers.findIndex((b) => b.byteLength === bytes);
  return i >= 0 ? spareBuffers.splice(i, 1)[0] : new SharedArrayBuffer(bytes);
}

/** Gives a prepared page's buffer back once nothing reads it any more (the OCR worker is done with it). */
function releasePage(image: PreparedImage): void {
  const buffer = wholeSharedBuffer(image.pgm);
  if (!buffer || spareBuffers.includes(buffer)) return;
  spareBuffers.push(buffer);
  if (spareBuffers.length > SPARE_BUFFERS) spareBuffers.shift();
}

/** OCRs one prepared page image into a Page with per-word confidences and boxes. */
export async function ocrPage(pool: OcrPool, n: number, image: PreparedImage, signal?: AbortSignal): Promise<Page> {
  const [result, preview] = await Promise.all([pool.recognize(image.pgm, signal), reviewImage(image)]);
  // Not on failure: an aborted recognition may still be reading the page in its worker.
  releasePage(image);
  // The "%" misread as "246" is tesseract's, not the document's, so it is mended in raw too.
  const { text, words } = restorePercentSigns(result.text, result.words);
  return {
    n,
    text,
    raw: text,
    origin: 'ocr',
    confidence: result.confidence,
    words,
    image: { width: image.width, height: image.height, png: preview },
  };
}

/** Widest page image kept for the review page: enough to read a value. */
export const REVIEW_IMAGE_WIDTH = 1000;

/**
 * The page as archivists see it beside the values (word boxes are scaled to it by the viewer),
 * made from the prepared pixels (already despeckled) without decoding an image again. Four grey
 * levels keep text legible: ~55 KB for an A4 scan, against ~200 KB with 16 levels and 575 KB as
 * plain 8-bit grey.
 */
export async function reviewImage(image: PreparedImage): Promise<Buffer> {
  return sharp(pixelsOf(image), { raw: { width: image.width, height: image.height, channels: 1 } })
    .resize({ width: REVIEW_IMAGE_WIDTH, withoutEnlargement: true })
    .png({ palette: true, colours: 4, dither: 0, effort: 1, compressionLevel: 6 }).toBuffer();
}
