import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { ArendeError } from '../errors.js';

/** OCR models arende ships through npm (@tesseract.js-data/*); never downloaded at run time. */
export type OcrLanguage = 'swe' | 'eng';

const require = createRequire(import.meta.url);

/**
 * The folder holding `<lang>.traineddata.gz` inside node_modules. `best_int` is the
 * accurate LSTM model quantised to 8 bit: the same accuracy as `best` at a fraction of the
 * time, and what the native CLI's Debian package ships.
 */
export function modelPath(lang: OcrLanguage): string {
  let folder: string;
  try {
    folder = join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), '4.0.0_best_int');
  } catch (cause) {
    throw new ArendeError(`OCR model for "${lang}" is not installed (npm package @tesseract.js-data/${lang})`, undefined, undefined, { cause });
  }
  if (!existsSync(join(folder, `${lang}.traineddata.gz`))) {
    throw new ArendeError(`OCR model file missing: ${join(folder, `${lang}.traineddata.gz`)}`);
  }
  return folder;
}
