import sharp, { type Sharp } from 'sharp';
import type { Page } from '../source-file.js';
import type { OcrPool } from '../ocr/index.js';
import { restorePercentSigns } from '../ocr/words.js';

/** A page image ready for tesseract: 8-bit grayscale as a binary PGM (P5). */
export interface PreparedImage {
  /**
   * The PGM bytes: a short header and the pixels as they are. tesseract.js inflated a PNG of an
   * A4 page in wasm for ~0.5 s of the ~4 s it spent on the page; a PGM it only copies.
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
  // Transparent pixels (pdf.js renders a page onto a transparent canvas; PNGs with alpha)
  // become white: left as alpha, tesseract reads them as black and OCRs noise.
  const { data, info } = await image.flatten({ background: '#ffffff' }).grayscale().removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let pipeline = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  let { width, height } = info;
  // A rendered PDF page states 72 dpi whatever its scale, so the renderer passes the real one.
  const dpi = knownDpi ?? (meta.density && meta.density >= 50 && meta.density < 1200 ? meta.density : Math.max(width, height) / 11.69);
  if (dpi < 200) {
    const factor = Math.min(3, 300 / dpi);
    width = Math.round(width * factor);
    height = Math.round(height * factor);
    pipeline = pipeline.resize(width, height, { kernel: 'lanczos3' });
  }
  const pixels = await pipeline.median(3).grayscale().raw().toBuffer();
  return { pgm: Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`, 'ascii'), pixels]), width, height };
}

/** OCRs one prepared page image into a Page with per-word confidences and boxes. */
export async function ocrPage(pool: OcrPool, n: number, image: PreparedImage, signal?: AbortSignal): Promise<Page> {
  const [result, preview] = await Promise.all([pool.recognize(image.pgm, signal), reviewImage(image)]);
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
