import type { Fields } from '../extractors/fields.js';

// The object that travels through the stages (unified/vfile style): each stage reads it and
// adds to it; problems become messages with a position instead of exceptions.

/** Where a page's text came from. */
export type PageOrigin = 'text' | 'pdf-text' | 'ocr' | 'docx';

/** One OCR'd word with its box on the page image (pixels) and its offsets in `Page.raw`. */
export interface OcrWord {
  text: string;
  confidence: number; // 0..1
  bbox: [x0: number, y0: number, x1: number, y1: number];
  span: [start: number, end: number];
}

/** One replacement made by the repair stage, located in both the raw and the repaired text. */
export interface Repair {
  span: [start: number, end: number]; // in Page.text (repaired)
  rawSpan: [start: number, end: number]; // in Page.raw
  from: string;
  to: string;
  confidence: number;
}

export interface Page {
  /** 1-based page number in the source file (the PDF's own numbering). */
  n: number;
  /** The text after repair; spans of evidence point into this. */
  text: string;
  /** The text as the loader produced it, before repair. */
  raw: string;
  origin: PageOrigin;
  /** Mean OCR confidence 0..1, null when the page was not OCR'd. */
  confidence: number | null;
  /** OCR words (origin 'ocr' only). */
  words?: OcrWord[];
  /** Size of the image the words' boxes refer to. */
  image?: { width: number; height: number; png?: Uint8Array };
  /** Changes made by the repair stage, in order. */
  repairs?: Repair[];
  /** A text layer that was replaced (e.g. an English-model OCR layer before Swedish re-OCR). */
  replacedLayer?: string;
}

export type MessageLevel = 'info' | 'warning' | 'error';

export interface Message {
  file: string;
  page?: number;
  span?: [number, number];
  reason: string;
  stage: string;
  level: MessageLevel;
  /** Document id when the message concerns one document. */
  document?: string;
}

export type DocumentKind = 'decision' | 'application' | 'other';

/** A logical document inside a source file, found by the split stage. */
export interface DocumentPart {
  id: string;
  kind: DocumentKind;
  language: string;
  /** First and last page, 1-based, inclusive. */
  pages: [first: number, last: number];
  /** Offset of the document's start within its first page's text (several documents may share a page). */
  startOffset: number;
  /** Offset of the document's end within its last page's text (exclusive). */
  endOffset: number;
  /** The document's repaired text (pages joined), set by the split stage. */
  text: string;
  /** Its distinct long words for compound search (db/search-words.ts), made with the text, in a stage thread when there is one. */
  searchWords?: string;
  /** Filled by the extract stage. */
  fields?: Fields;
}

export interface SourceFile {
  /** The path as given to ingest. */
  path: string;
  sha256: string;
  size: number;
  mime: string;
  bytes: Buffer;
  pages: Page[];
  documents: DocumentPart[];
  messages: Message[];
}

export function createSourceFile(init: Pick<SourceFile, 'path' | 'sha256' | 'size' | 'bytes'> & { mime?: string }): SourceFile {
  return { mime: 'application/octet-stream', ...init, pages: [], documents: [], messages: [] };
}

export function addMessage(file: SourceFile, stage: string, reason: string, where: Partial<Pick<Message, 'page' | 'span' | 'document' | 'level'>> = {}): Message {
  const message: Message = { file: file.path, stage, reason, level: where.level ?? 'warning', ...where };
  file.messages.push(message);
  return message;
}
