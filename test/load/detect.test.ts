import { detectType } from '../../pipeline/load/index.js';
import { blankPng, docxFile, noiseBytes, textPdf, zipFile } from './fixtures.js';

describe('detectType reads the content, not the name', () => {
  it('knows a PNG by its magic bytes', async () => {
    expect(await detectType(await blankPng())).toEqual({ mime: 'image/png', kind: 'image' });
  });
  it('knows a PDF, and a PDF with junk before %PDF-', async () => {
    const pdf = await textPdf([['Förslag till beslut']]);
    expect((await detectType(pdf)).kind).toBe('pdf');
    const prefixed = Buffer.concat([Buffer.from('X-Mailer junk\r\n'), Buffer.from(pdf)]);
    expect((await detectType(prefixed)).kind).toBe('pdf');
  });
  it('tells a DOCX from another ZIP', async () => {
    expect((await detectType(await docxFile(['Ansökan']))).kind).toBe('docx');
    expect(await detectType(zipFile('budget.csv', 'a;b\n1;2\n'))).toEqual({ mime: 'application/zip', kind: 'unsupported' });
  });
  it('takes UTF-8, Windows-1252 and UTF-16 prose as text', async () => {
    expect((await detectType(Buffer.from('Förbundsstyrelsen föreslås besluta\n'))).kind).toBe('text');
    expect((await detectType(Buffer.from('Förbundsstyrelsen föreslås besluta\n', 'latin1'))).kind).toBe('text');
    expect((await detectType(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Ärendet', 'utf16le')]))).kind).toBe('text');
  });
  it('calls random bytes and an empty file unsupported', async () => {
    expect((await detectType(noiseBytes(4096))).kind).toBe('unsupported');
    expect((await detectType(new Uint8Array())).kind).toBe('unsupported');
  });
});
