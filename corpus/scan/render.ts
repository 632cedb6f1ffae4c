// Renders a corpus text onto A4 page images that look like office scans: 300 dpi, a
// slight skew, speckle noise and a soft edge, all from a seeded generator so every run
// writes the same bytes.
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import sharp from 'sharp';
import { existsSync } from 'node:fs';
import { seededRandom } from '../../pipeline/repair/damage.js';

export const DPI = 300;
const A4 = { width: Math.round(8.27 * DPI), height: Math.round(11.69 * DPI) };
const MARGIN = Math.round(0.75 * DPI);
const FONT_PT = 10;
const FONT_PX = Math.round((FONT_PT / 72) * DPI);
const LINE_PX = Math.round(FONT_PX * 1.25);

const FONT_FILES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
];

let fontFamily: string | undefined;
/** Registers a system font once; the generator needs fonts-dejavu-core (Debian). */
function font(): string {
  if (fontFamily) return fontFamily;
  const path = FONT_FILES.find((p) => existsSync(p));
  if (!path) throw new Error('no DejaVuSans.ttf found: apt-get install fonts-dejavu-core');
  GlobalFonts.registerFromPath(path, 'ScanFont');
  fontFamily = 'ScanFont';
  return fontFamily;
}


/** Drops Markdown emphasis markers a printed page would not show; keeps form marks like "(*)". */
export function printable(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\*\*/g, '')
    .replace(/(?<![(\w])\*(?=[^\s)*])([^*\n]+?)(?<=\S)\*/g, '$1')
    .replace(/\r\n?/g, '\n');
}

/** Breaks text into page-sized lists of lines; a line is '' for a paragraph gap. */
export function layoutPages(text: string): string[][] {
  const canvas = createCanvas(10, 10);
  const ctx = canvas.getContext('2d');
  ctx.font = `${FONT_PX}px ${font()}`;
  const maxWidth = A4.width - 2 * MARGIN;
  const lines: string[] = [];
  for (const paragraph of printable(text).split('\n')) {
    if (!paragraph.trim()) {
      if (lines.length && lines[lines.length - 1] !== '') lines.push('');
      continue;
    }
    let line = '';
    // Thousands groups stay together ("355 000"), as a word processor's no-break space does.
    for (const word of paragraph.trim().split(/\s+(?!\d{3}\b)/)) {
      const next = line ? `${line} ${word}` : word;
      if (line && ctx.measureText(next).width > maxWidth) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line) lines.push(line);
  }
  while (lines[0] === '') lines.shift();
  const perPage = Math.floor((A4.height - 2 * MARGIN) / LINE_PX);
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += perPage) {
    const page = lines.slice(i, i + perPage);
    while (page[0] === '') page.shift();
    if (page.some((l) => l)) pages.push(page);
  }
  return pages;
}

export interface ScanOptions {
  seed: number;
  /** Rotation in degrees (a scanner's skew). */
  skew?: number;
  /** Fraction of pixels flipped to dark specks. */
  speckle?: number;
}

/** Draws one page of lines and returns a scanned-looking 8-bit grayscale PNG. */
export async function scanPage(lines: string[], options: ScanOptions): Promise<Buffer> {
  const canvas = createCanvas(A4.width, A4.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, A4.width, A4.height);
  ctx.fillStyle = '#111';
  ctx.font = `${FONT_PX}px ${font()}`;
  ctx.textBaseline = 'top';
  let y = MARGIN;
  for (const line of lines) {
    if (line) ctx.fillText(line, MARGIN, y);
    y += LINE_PX;
  }
  const clean = canvas.toBuffer('image/png');
  const random = seededRandom(options.seed);
  const { data, info } = await sharp(clean)
    .grayscale()
    .rotate(options.skew ?? 0.6, { background: '#ffffff' })
    .blur(0.7)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const speckle = options.speckle ?? 0.0015;
  for (let i = 0; i < data.length; i++) {
    if (random() < speckle) data[i] = 40 + Math.floor(random() * 80);
  }
  // The rotation grows the canvas; crop back to A4 around the centre.
  const left = Math.floor((info.width - A4.width) / 2);
  const top = Math.floor((info.height - A4.height) / 2);
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } })
    .extract({ left, top, width: A4.width, height: A4.height })
    .png({ palette: true, colours: 4, compressionLevel: 9, dither: 0 })
    .withMetadata({ density: DPI })
    .toBuffer();
}
