// In-memory inputs for the loader tests, made with npm packages only (no qpdf/tesseract CLI).
import { PDFDocument, PDFHexString, StandardFonts } from 'pdf-lib';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { createSourceFile, type SourceFile } from '../../pipeline/source-file.js';
import { defaultPipelineOptions, type PipelineOptions, type StageContext } from '../../pipeline/stage.js';
import { createServices } from '../../pipeline/services.js';

export const DECISION = [
  'Förslag till beslut',
  'Förbundsstyrelsen föreslås besluta',
  'att bevilja finansiellt stöd enligt ansökan Nya vägar för samverkan för perioden 1 oktober 2020',
  'fram till 31 december 2021, maximalt 1 050 000 kronor',
];

export function sourceFile(path: string, bytes: Uint8Array): SourceFile {
  const buffer = Buffer.from(bytes);
  return createSourceFile({ path, sha256: '', size: buffer.length, bytes: buffer });
}

export function context(options: Partial<PipelineOptions> = {}, services = createServices()): StageContext {
  return { signal: new AbortController().signal, options: { ...defaultPipelineOptions, ...options }, services };
}

/** A born-digital PDF, one page per entry, each page the given lines in Helvetica. */
export async function textPdf(pages: string[][], encrypt = false): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 14, size: 10, font }));
  }
  if (encrypt) {
    // Standard security handler whose /U does not match the empty password: pdf.js asks for one.
    const ctx = pdf.context;
    ctx.trailerInfo.Encrypt = ctx.register(ctx.obj({ Filter: 'Standard', V: 1, R: 2, Length: 40, P: -4, O: PDFHexString.of('ab'.repeat(32)), U: PDFHexString.of('cd'.repeat(32)) }));
    ctx.trailerInfo.ID = ctx.obj([PDFHexString.of('01'.repeat(16)), PDFHexString.of('01'.repeat(16))]);
  }
  return pdf.save({ useObjectStreams: !encrypt });
}

export async function docxFile(paragraphs: string[]): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })) }] });
  return Packer.toBuffer(doc);
}

/** A one-entry ZIP (stored, no compression): a ZIP that is not a DOCX. */
export function zipFile(name: string, content: string): Buffer {
  const data = Buffer.from(content);
  const fileName = Buffer.from(name);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const end = Buffer.alloc(22);
  const centralOffset = local.length + fileName.length + data.length;
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

/** A tiny PNG (white square) for detection tests; not meant for OCR. */
export function blankPng(size = 64): Promise<Buffer> {
  return sharp({ create: { width: size, height: size, channels: 3, background: '#ffffff' } }).png().toBuffer();
}

/** Deterministic noise bytes (no magic number, NULs included). */
export function noiseBytes(length: number): Buffer {
  let x = 12345;
  return Buffer.from(Array.from({ length }, () => ((x = (x * 1103515245 + 12345) >>> 0) >>> 16) & 0xff));
}
