import sharp from 'sharp';
import { fileURLToPath } from 'node:url';

/** The committed generated scan (corpus/scan): a 300 dpi page of seed 000 with skew and speckles. */
export const SCAN = fileURLToPath(new URL('../../corpus/documents/scan-000_bf5909d8c7ddf687.png', import.meta.url));

/** The top of the scan: heading, "Förslag till beslut" and the first att-sats (OCR in ~1 s). */
export function scanTop(): Promise<Buffer> {
  return sharp(SCAN).extract({ left: 0, top: 0, width: 2480, height: 796 }).png().toBuffer();
}
