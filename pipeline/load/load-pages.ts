import type { Stage, StageContext } from '../stage.js';
import { addMessage, type SourceFile } from '../source-file.js';
import { RejectedInputError } from '../errors.js';
import type { OcrPool } from '../ocr/index.js';
import { detectType } from './detect.js';
import { decodeText, textPages } from './text.js';

const STAGE = 'load';

/** The shared OCR pool: created on first use, reused across files, closed by the runner. */
export function ocrService(ctx: StageContext): () => Promise<OcrPool> {
  return () => ctx.services.get<OcrPool>('ocr', async () => (await import('../ocr/index.js')).createOcrPool(ctx.options.jobs));
}

/**
 * Detects the file's type from its bytes and fills `file.pages` (text, raw, origin,
 * confidence, OCR words). Anything that cannot become text is a RejectedInputError with a
 * reason and, where it applies, the page.
 */
export const loadPages: Stage = async (file, ctx) => {
  ctx.signal.throwIfAborted();
  if (file.bytes.length === 0) throw new RejectedInputError('empty file', file.path);
  const type = await detectType(file.bytes);
  file.mime = type.mime;
  switch (type.kind) {
    case 'text': {
      const { text, encoding } = decodeText(file.bytes);
      if (!text.trim()) throw new RejectedInputError('empty file (whitespace only)', file.path);
      if (/\.(md|markdown)$/i.test(file.path)) file.mime = 'text/markdown';
      if (encoding !== 'utf-8') addMessage(file, STAGE, `decoded as ${encoding}`, { level: 'info' });
      file.pages = textPages(text);
      if (file.pages.length > ctx.options.maxPages)
        throw new RejectedInputError(`too many pages (${file.pages.length} > ${ctx.options.maxPages})`, file.path);
      break;
    }
    case 'docx': {
      // Loaders of the heavy kinds load on first use: a nightly run over text only starts fast.
      const { docxPages } = await import('./docx.js');
      file.pages = await docxPages(file.bytes, file.path);
      if (!file.pages.some((p) => p.text.trim())) throw new RejectedInputError('DOCX holds no text', file.path);
      break;
    }
    case 'image': {
      const { imagePages } = await import('./image.js');
      file.pages = await imagePages(file.bytes, { file: file.path, maxPages: ctx.options.maxPages, signal: ctx.signal, pool: ocrService(ctx) });
      break;
    }
    case 'pdf': {
      const { pdfPages } = await import('./pdf.js');
      file.pages = await pdfPages(file.bytes, {
        file: file.path,
        maxPages: ctx.options.maxPages,
        signal: ctx.signal,
        badLayer: ctx.options.badLayer,
        pool: ocrService(ctx),
        note: (reason, page, level = 'info') => addMessage(file, STAGE, reason, { page, level }),
      });
      break;
    }
    default:
      throw new RejectedInputError(unsupportedReason(type.mime), file.path);
  }
  ctx.signal.throwIfAborted();
};

function unsupportedReason(mime: string): string {
  if (mime === 'application/zip') return 'unsupported type: ZIP archive that is not a DOCX';
  if (mime === 'application/octet-stream') return 'unsupported type: binary data of no known format';
  return `unsupported type: ${mime}`;
}
