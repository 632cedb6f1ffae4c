import type { Page } from '../source-file.js';
import { hasUtf16Bom } from './detect.js';

/**
 * Decodes a text file: UTF-16 by BOM, else UTF-8 when valid, else Windows-1252 (old Swedish
 * Office exports). A leading BOM is dropped; line endings are kept as they are.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (hasUtf16Bom(bytes)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { text: stripBom(new TextDecoder(encoding).decode(bytes)), encoding };
  }
  try {
    return { text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** One page per form-feed-separated chunk, else the whole text as page 1. */
export function textPages(text: string): Page[] {
  return text.split('\f').map((chunk, i) => ({ n: i + 1, text: chunk, raw: chunk, origin: 'text', confidence: null }));
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
