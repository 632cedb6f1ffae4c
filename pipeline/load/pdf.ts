import { PDFParse, PasswordException, InvalidPDFException, FormatError } from 'pdf-parse';
import sharp from 'sharp';
import type { Message, Page } from '../source-file.js';
import { RejectedInputError } from '../errors.js';
import type { OcrPool } from '../ocr/index.js';
import { judgeLayer } from './english-layer.js';
import { ocrPage, prepareImage } from './ocr-page.js';
import { hasReadableText, isUsableLayer } from './text-quality.js';

export interface PdfLoadOptions {
  file: string;
  maxPages: number;
  signal: AbortSignal;
  badLayer: 'reocr' | 'repair';
  pool: () => Promise<OcrPool>;
  /** Collects notes on how each page was read (stage messages). */
  note: (reason: string, page: number, level?: Message['level']) => void;
}

/** Pages are rendered at scan resolution for OCR: PDF user space is 72 units per inch. */
const RENDER_DPI = 300;

/**
 * Reads a PDF page by page: the text layer where it is usable, otherwise the page rendered
 * at 300 dpi and OCR'd. A layer that an English OCR model left on Swedish text is re-OCR'd
 * (badLayer 'reocr', pages with an image) and kept as `replacedLayer`. Page numbers are the
 * PDF's own 1-based indices.
 */
export async function pdfPages(bytes: Buffer, options: PdfLoadOptions): Promise<Page[]> {
  // pdfjs transfers (detaches) the buffer it is given; hand it a copy.
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0 } as ConstructorParameters<typeof PDFParse>[0]);
  try {
    const layers = await guard(() => parser.getText({ pageJoiner: '', lineEnforce: true }), options.file);
    if (layers.total > options.maxPages) throw new RejectedInputError(`too many pages (${layers.total} > ${options.maxPages})`, options.file);
    if (layers.total === 0) throw new RejectedInputError('PDF has no pages', options.file);
    const plans = await Promise.all(
      layers.pages.map(async ({ num, text }) => {
        if (!isUsableLayer(text)) return { num, text, ocr: true as const, replaced: false };
        const verdict = judgeLayer(text);
        if (!verdict.englishModel) return { num, text, ocr: false as const, replaced: false };
        if (options.badLayer === 'reocr' && (await hasImage(parser, num, options.file))) {
          options.note(`text layer looks like English-model OCR (${verdict.reason}); re-OCR with the Swedish model`, num, 'info');
          return { num, text, ocr: true as const, replaced: true };
        }
        options.note(`text layer looks like English-model OCR (${verdict.reason}); kept for repair`, num, 'info');
        return { num, text, ocr: false as const, replaced: false };
      }),
    );
    const pages = await Promise.all(
      plans.map(async (plan): Promise<Page> => {
        if (!plan.ocr) return { n: plan.num, text: plan.text, raw: plan.text, origin: 'pdf-text', confidence: null };
        options.signal.throwIfAborted();
        const pool = await options.pool();
        const png = await render(parser, plan.num, options.file);
        const page = await ocrPage(pool, plan.num, await prepareImage(sharp(png), RENDER_DPI), options.signal);
        if (plan.replaced) page.replacedLayer = plan.text;
        else if (plan.text.trim()) options.note('text layer unusable (garbage or too little text); page OCR\'d', plan.num, 'info');
        return page;
      }),
    );
    if (!pages.some((p) => hasReadableText(p.text, p.confidence))) throw new RejectedInputError('PDF holds no readable text', options.file);
    return pages;
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

async function hasImage(parser: PDFParse, page: number, file: string): Promise<boolean> {
  const result = await guard(() => parser.getImage({ partial: [page], imageDataUrl: false, imageBuffer: false, imageThreshold: 200 }), file, page);
  return (result.pages[0]?.images.length ?? 0) > 0;
}

async function render(parser: PDFParse, page: number, file: string): Promise<Buffer> {
  const shot = await guard(() => parser.getScreenshot({ partial: [page], scale: RENDER_DPI / 72, imageDataUrl: false, imageBuffer: true }), file, page);
  const data = shot.pages[0]?.data;
  if (!data?.length) throw new RejectedInputError('page could not be rendered for OCR', file, page);
  return Buffer.from(data);
}

/** Maps pdf.js/pdf-parse failures to rejections with a reason a person understands. */
async function guard<T>(run: () => Promise<T>, file: string, page?: number): Promise<T> {
  try {
    return await run();
  } catch (cause) {
    if (cause instanceof RejectedInputError) throw cause;
    const name = (cause as { name?: string })?.name;
    const message = cause instanceof Error ? cause.message : String(cause);
    if (cause instanceof PasswordException || name === 'PasswordException')
      throw new RejectedInputError('encrypted PDF (password required)', file, page, { cause });
    if (cause instanceof InvalidPDFException || cause instanceof FormatError || name === 'InvalidPDFException' || name === 'FormatError')
      throw new RejectedInputError(`corrupt PDF: ${message}`, file, page, { cause });
    throw new RejectedInputError(`unreadable PDF: ${message}`, file, page, { cause });
  }
}
