/**
 * The SharedArrayBuffer `image` is the whole of, if it is one: such a page goes to the OCR worker
 * without a copy (a view of part of one is copied like any buffer). Its own module, so that
 * preparing pages does not load tesseract.js, which the runner imports only once a scan comes.
 */
export function wholeSharedBuffer(image: Buffer): SharedArrayBuffer | null {
  const { buffer } = image;
  return buffer instanceof SharedArrayBuffer && image.byteOffset === 0 && image.byteLength === buffer.byteLength ? buffer : null;
}
