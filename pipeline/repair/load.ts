import { loadFrequencies } from './frequencies.js';
import { loadLexicon } from './lexicon.js';
import { SwedishRepairer, type Repairer } from './repairer.js';

let loading: Promise<Repairer> | undefined;

/** The process-wide repairer: lexicon and counts are loaded once (memoised). */
export function loadRepairer(): Promise<Repairer> {
  loading ??= (async () => new SwedishRepairer(await loadLexicon(), loadFrequencies()))();
  return loading;
}
