export { loadPages, ocrService } from './load-pages.js';
export { detectType, looksLikeText, type DetectedType, type InputKind } from './detect.js';
export { decodeText, textPages } from './text.js';
export { judgeLayer, type LayerVerdict } from './english-layer.js';
export { isUsableLayer, hasReadableText } from './text-quality.js';
export { pixelsOf, prepareImage, type PreparedImage } from './ocr-page.js';
