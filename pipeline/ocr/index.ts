export { createOcrPool, type OcrPool, type OcrPage, type OcrPoolOptions } from './pool.js';
export { modelPath, type OcrLanguage } from './model.js';
export { placeWords, meanConfidence } from './words.js';
