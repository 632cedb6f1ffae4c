import sharp, { type Sharp } from 'sharp';
import type { Page } from '../source-file.js';
import type { OcrPool } from '../ocr/index.js';

/**
 * Prepares a page image for tesseract: 8-bit grayscale PNG, and small images (faxes,
 * phone photos of A4 under ~200 dpi) scaled up, since the LSTM model wants x-heights
 * of ~20 px or more. No binarisation or deskew here: tesseract's own Otsu threshold and
 * skew-tolerant line finder measured as good on the generated scans (see bench-ocr).
 */
export async function prepareImage(image: Sharp): Promise<{ png: Buffer; width: number; height: number }> {
  const { data, info } = await image.grayscale().raw().toBuffer({ resolveWithObject: true });
  let pipeline = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  let { width, height } = info;
  const shortSide = Math.min(width, height);
  if (shortSide < 1200) {
    const factor = Math.min(3, 1600 / shortSide);
    width = Math.round(width * factor);
    height = Math.round(height * factor);
    pipeline = pipeline.resize(width, height, { kernel: 'lanczos3' });
  }
  const png = await pipeline.grayscale().png({ compressionLevel: 1 }).toBuffer();
  return { png, width, height };
}

/** OCRs one prepared page image into a Page with per-word confidences and boxes. */
export async function ocrPage(pool: OcrPool, n: number, image: { png: Buffer; width: number; height: number }, signal?: AbortSignal): Promise<Page> {
  const result = await pool.recognize(image.png, signal);
  return {
    n,
    text: result.text,
    raw: result.text,
    origin: 'ocr',
    confidence: result.confidence,
    words: result.words,
    image: { width: image.width, height: image.height },
  };
}
