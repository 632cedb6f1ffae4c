// Cheap measures of whether a page's text is worth keeping, shared by the image and PDF loaders.

const LETTER = /\p{L}/u;

/** Enough letters, mostly in word-like runs, and (for OCR) a confidence that is not noise. */
export function hasReadableText(text: string, confidence: number | null = null): boolean {
  if (confidence !== null && confidence < 0.35) return false;
  const words = text.match(/\p{L}{3,}/gu) ?? [];
  return words.length >= 5;
}

/**
 * A PDF text layer is usable when it has real words and is not mostly symbols, replacement
 * characters or private-use glyphs (fonts without a ToUnicode map extract as such garbage).
 */
export function isUsableLayer(text: string): boolean {
  let letters = 0;
  let visible = 0;
  let junk = 0;
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    visible++;
    if (LETTER.test(ch)) letters++;
    const cp = ch.codePointAt(0)!;
    if (cp === 0xfffd || (cp >= 0xe000 && cp <= 0xf8ff) || cp < 0x20) junk++;
  }
  if (visible === 0) return false;
  if (junk / visible > 0.05 || letters / visible < 0.5) return false;
  // Real prose has vowels in its words; glyph soup from a broken encoding rarely does.
  const words = text.match(/\p{L}{3,}/gu) ?? [];
  if (words.length < 5) return false;
  const voweled = words.filter((w) => /[aeiouyåäöéü]/i.test(w)).length;
  return voweled / words.length > 0.6;
}
