import { fileTypeFromBuffer } from 'file-type';

export type InputKind = 'text' | 'pdf' | 'docx' | 'image' | 'unsupported';

export interface DetectedType {
  mime: string;
  kind: InputKind;
}

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Raster formats sharp decodes (TIFF possibly multi-page); tesseract gets PNG from them. */
const IMAGE_MIMES = new Set(['image/png', 'image/jpeg', 'image/tiff', 'image/webp', 'image/gif']);

/**
 * The input's type from its bytes, never its name: magic bytes first (file-type), then
 * text when the bytes decode as UTF-8/UTF-16 or look like Windows-1252 prose.
 */
export async function detectType(bytes: Uint8Array): Promise<DetectedType> {
  if (bytes.length === 0) return { mime: 'application/x-empty', kind: 'unsupported' };
  // A UTF-16 BOM is text even though file-type may claim the first bytes for a binary format.
  if (hasUtf16Bom(bytes)) return { mime: 'text/plain', kind: 'text' };
  const sniffed = await fileTypeFromBuffer(bytes);
  if (sniffed) {
    if (sniffed.mime === 'application/pdf') return { mime: sniffed.mime, kind: 'pdf' };
    if (sniffed.mime === DOCX_MIME) return { mime: sniffed.mime, kind: 'docx' };
    if (IMAGE_MIMES.has(sniffed.mime)) return { mime: sniffed.mime, kind: 'image' };
    // file-type also "recognises" some text (e.g. XML, SVG); those are not documents we read.
    return { mime: sniffed.mime, kind: 'unsupported' };
  }
  // PDFs with junk before the header (mail gateways, some scanners) still open in pdfjs.
  if (indexOfAscii(bytes.subarray(0, 1024), '%PDF-') >= 0) return { mime: 'application/pdf', kind: 'pdf' };
  if (looksLikeText(bytes)) return { mime: 'text/plain', kind: 'text' };
  return { mime: 'application/octet-stream', kind: 'unsupported' };
}

/** Text: a UTF-16 BOM, or no NUL and few control bytes (random or binary data has plenty). */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (hasUtf16Bom(bytes)) return true;
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return false;
    // \t \n \v \f \r and ESC-free prose; 0x7f DEL is control too.
    if ((b < 0x20 && !(b >= 0x09 && b <= 0x0d)) || b === 0x7f) control++;
  }
  return control / sample.length < 0.01;
}

export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

function indexOfAscii(bytes: Uint8Array, needle: string): number {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}
