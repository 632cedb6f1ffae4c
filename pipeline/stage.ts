import type { SourceFile } from './source-file.js';

/** What the runner hands every stage besides the file. */
export interface StageContext {
  /** Aborted when the per-file time limit runs out or the run is stopped. */
  signal: AbortSignal;
  options: PipelineOptions;
  /** Shared, lazily created services (OCR worker pool, lexicon); owned by the runner. */
  services: Services;
}

export interface PipelineOptions {
  /** Parallel files / OCR workers. */
  jobs: number;
  maxBytes: number;
  maxPages: number;
  /** Per-file time limit in milliseconds. */
  fileTimeoutMs: number;
  /** How to treat a PDF text layer that looks like an English-model OCR: re-OCR the page image or repair the text. */
  badLayer: 'reocr' | 'repair';
  /** Run the diacritics/OCR repair stage (off only to measure extraction on raw text). */
  repair: boolean;
}

export const defaultPipelineOptions: PipelineOptions = {
  jobs: 2,
  maxBytes: 200 * 1024 * 1024,
  maxPages: 500,
  fileTimeoutMs: 10 * 60 * 1000,
  badLayer: 'reocr',
  repair: true,
};

/** Services are created on first use and closed by the runner at the end. */
export interface Services {
  get<T>(key: string, create: () => T | Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A stage is a plain async function that enriches the file. */
export type Stage = (file: SourceFile, ctx: StageContext) => Promise<void>;
