import sharp from 'sharp';
import { pixelsOf, prepareImage } from '../../pipeline/load/index.js';

async function page(width: number, height: number, density?: number) {
  const image = sharp({ create: { width, height, channels: 3, background: '#ffffff' } }).png();
  return sharp(await (density ? image.withMetadata({ density }) : image).toBuffer());
}

describe('prepareImage', () => {
  it('hands tesseract a binary PGM of the grey pixels, white where the page was transparent', async () => {
    const transparent = sharp(await sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer());
    const prepared = await prepareImage(transparent, 300);
    expect(prepared.pgm.subarray(0, 13).toString('ascii')).toBe('P5\n40 30\n255\n');
    const pixels = pixelsOf(prepared);
    expect(pixels.length).toBe(40 * 30);
    expect(Math.min(...pixels)).toBe(255);
  });
  it('keeps a 300 dpi A4 page at its size', async () => {
    expect(await prepareImage(await page(2480, 3508))).toMatchObject({ width: 2480, height: 3508 });
  });
  it('scales a 150 dpi A4 page up to 300 dpi', async () => {
    const { width, height } = await prepareImage(await page(1240, 1754));
    expect(Math.abs(width - 2480)).toBeLessThanOrEqual(2);
    expect(Math.abs(height - 3508)).toBeLessThanOrEqual(2);
  });
  it('trusts the renderer\'s dpi over the 72 dpi a rendered PDF page claims', async () => {
    expect(await prepareImage(await page(2480, 3508, 72), 300)).toMatchObject({ width: 2480, height: 3508 });
  });
});
