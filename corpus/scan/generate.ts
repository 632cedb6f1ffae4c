// Generates the scanned / PDF / DOCX variants of corpus text documents, with truth files
// that point at the text's truth ("same_as"), so every input path is judged on the same
// facts. Run: npx tsx corpus/scan/generate.ts   (needs fonts-dejavu-core for the renderer)
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState, type PDFFont } from 'pdf-lib';
import sharp from 'sharp';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { createOcrPool } from '../../pipeline/ocr/index.js';
import { DPI, layoutPages, printable, scanPage } from './render.js';

const corpus = join(dirname(fileURLToPath(import.meta.url)), '..');
const documents = join(corpus, 'documents');
const truth = join(corpus, 'truth');

/** The text document whose base name starts with this seed number ("000" → 000_bf59….txt). */
function seed(prefix: string): { base: string; text: string } {
  const name = readdirSync(documents).find((f) => f.startsWith(`${prefix}_`) && f.endsWith('.txt'));
  if (!name) throw new Error(`no corpus/documents/${prefix}_*.txt`);
  return { base: name.replace(/\.txt$/, ''), text: readFileSync(join(documents, name), 'utf8') };
}

function writeTruth(base: string, body: Record<string, unknown>): void {
  writeFileSync(join(truth, `${base}.json`), JSON.stringify({ split: 'tune', ...body }, null, 2) + '\n');
}

/** Scanned pages of a text: one PNG per page, each with its own seeded skew and noise. */
async function scans(text: string, seedNo: number): Promise<Buffer[]> {
  const pages = layoutPages(text);
  return Promise.all(pages.map((lines, i) => scanPage(lines, { seed: seedNo * 100 + i, skew: i % 2 ? -0.5 : 0.7 })));
}

/**
 * An image-only PDF: every page a 300 dpi grayscale scan, A4, no text layer. The image is
 * written as an 8-bit DeviceGray Flate stream by hand: pdf-lib's embedPng re-encodes as RGB,
 * tripling the file.
 */
async function imagePdf(pngs: Buffer[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (const [i, png] of pngs.entries()) {
    const { data, info } = await sharp(png).grayscale().raw().toBuffer({ resolveWithObject: true });
    const stream = pdf.context.flateStream(data, {
      Type: 'XObject', Subtype: 'Image', Width: info.width, Height: info.height, ColorSpace: 'DeviceGray', BitsPerComponent: 8,
    });
    const ref = pdf.context.register(stream);
    const page = pdf.addPage([(info.width * 72) / DPI, (info.height * 72) / DPI]);
    const name = page.node.newXObject(`Scan${i}`, ref);
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(page.getWidth(), 0, 0, page.getHeight(), 0, 0), drawObject(name), popGraphicsState());
  }
  fixDates(pdf);
  return pdf.save({ useObjectStreams: true });
}

/** A born-digital PDF: Helvetica (WinAnsi covers å/ä/ö), 10 pt, A4, real text layer. */
async function textPdf(text: string): Promise<{ bytes: Uint8Array; pages: number }> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const size = 10;
  const lineHeight = 13;
  const margin = 56;
  const [width, height] = [595.28, 841.89];
  let page = pdf.addPage([width, height]);
  let y = height - margin;
  const newLineAt = () => {
    if (y < margin) {
      page = pdf.addPage([width, height]);
      y = height - margin;
    }
  };
  for (const paragraph of printable(text).split('\n')) {
    if (!paragraph.trim()) {
      y -= lineHeight / 2;
      continue;
    }
    for (const line of wrap(winAnsi(paragraph.trim(), font), font, size, width - 2 * margin)) {
      newLineAt();
      page.drawText(line, { x: margin, y, size, font });
      y -= lineHeight;
    }
  }
  fixDates(pdf);
  return { bytes: await pdf.save({ useObjectStreams: true }), pages: pdf.getPageCount() };
}

function wrap(paragraph: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+(?!\d{3}\b)/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Replaces characters the standard fonts cannot encode (WinAnsi) so pdf-lib does not throw. */
function winAnsi(text: string, font: PDFFont): string {
  return [...text].map((ch) => {
    try {
      font.encodeText(ch);
      return ch;
    } catch {
      return '?';
    }
  }).join('');
}

function fixDates(pdf: PDFDocument): void {
  const when = new Date('2021-01-01T00:00:00Z');
  pdf.setCreationDate(when);
  pdf.setModificationDate(when);
  pdf.setProducer('arende corpus/scan');
  pdf.setCreator('arende corpus/scan');
}

async function docx(text: string): Promise<Buffer> {
  const paragraphs = printable(text).split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] }));
  const doc = new Document({ creator: 'arende corpus/scan', sections: [{ children: paragraphs }] });
  return Packer.toBuffer(doc);
}

async function main(): Promise<void> {
  const s000 = seed('000');
  const s001 = seed('001');
  const s002 = seed('002');
  const s003 = seed('003');
  const s004 = seed('004');
  const source = (s: { base: string }) => `generated by corpus/scan/generate.ts from ${s.base}.txt`;

  // 1. A scanned PNG of one decision.
  const [png000] = await scans(s000.text, 0);
  writeFileSync(join(documents, `scan-${s000.base}.png`), png000);
  writeTruth(`scan-${s000.base}`, { file: `documents/scan-${s000.base}.png`, source: source(s000), same_as: s000.base });

  // 2. An image-only PDF holding two decisions, each starting on a new page.
  const a = await scans(s002.text, 2);
  const b = await scans(s004.text, 4);
  const bundle = `pdf-scan-${s002.base.slice(0, 3)}-${s004.base.slice(0, 3)}`;
  writeFileSync(join(documents, `${bundle}.pdf`), await imagePdf([...a, ...b]));
  writeTruth(bundle, {
    file: `documents/${bundle}.pdf`,
    source: `generated by corpus/scan/generate.ts from ${s002.base}.txt and ${s004.base}.txt (image only)`,
    same_as_pages: [
      { pages: [1, a.length], same_as: s002.base },
      { pages: [a.length + 1, a.length + b.length], same_as: s004.base },
    ],
  });

  // 3. A scanned PDF whose text layer came from the English OCR model (as old archives have).
  const eng = await createOcrPool(1, { language: 'eng' });
  try {
    const [page] = await scans(s004.text, 14);
    const layered = await eng.recognizePdf(page);
    writeFileSync(join(documents, `pdf-englayer-${s004.base}.pdf`), layered);
    writeTruth(`pdf-englayer-${s004.base}`, { file: `documents/pdf-englayer-${s004.base}.pdf`, source: `${source(s004)} (scan with an English-model OCR layer)`, same_as: s004.base });
  } finally {
    await eng.close();
  }

  // 4. A born-digital PDF of the application (several pages).
  const digital = await textPdf(s003.text);
  writeFileSync(join(documents, `pdf-text-${s003.base}.pdf`), digital.bytes);
  writeTruth(`pdf-text-${s003.base}`, { file: `documents/pdf-text-${s003.base}.pdf`, source: `${source(s003)} (born-digital)`, same_as: s003.base, pages: [1, digital.pages] });

  // 5. A DOCX of a decision.
  writeFileSync(join(documents, `docx-${s001.base}.docx`), await docx(s001.text));
  writeTruth(`docx-${s001.base}`, { file: `documents/docx-${s001.base}.docx`, source: source(s001), same_as: s001.base });
}

await main();
