import mammoth from 'mammoth';
import type { Page } from '../source-file.js';
import { RejectedInputError } from '../errors.js';

/** A DOCX's text as one page (Word keeps no fixed pagination in the file). */
export async function docxPages(bytes: Buffer, file: string): Promise<Page[]> {
  let text: string;
  try {
    ({ value: text } = await mammoth.extractRawText({ buffer: bytes }));
  } catch (cause) {
    throw new RejectedInputError(`corrupt DOCX: ${message(cause)}`, file, undefined, { cause });
  }
  return [{ n: 1, text, raw: text, origin: 'docx', confidence: null }];
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
