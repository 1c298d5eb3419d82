import type { Catalogue } from '../catalogue/catalogue.js';
import type { Diagnoser, Diagnosis, DiagnoseOptions } from './types.js';

/** Placeholder until the matcher lands: answers nothing, never confident. */
export function createDiagnoser(_catalogue: Catalogue): Diagnoser {
  return {
    diagnose(text: string, _options?: DiagnoseOptions): Diagnosis {
      return { matches: [], confident: false, truncated: false, inputLength: text.length };
    },
  };
}
