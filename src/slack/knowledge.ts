import type { Catalogue } from '../core/catalogue/catalogue.js';
import { catalogueVersion } from '../core/learning/catalogue-version.js';
import { createTemplater, type Templater } from '../core/learning/template.js';
import { vocabularyOf } from '../core/learning/vocabulary.js';
import type { Diagnoser } from '../core/matching/types.js';

/**
 * One loaded catalogue with everything derived from it, replaced as a whole on reload. The version
 * and the templater are computed on first use: start-up needs neither.
 */
export interface Knowledge {
  readonly catalogue: Catalogue;
  readonly diagnoser: Diagnoser;
  /** catalogueVersion(catalogue): shown in answers, stored with each diagnosis. */
  version(): string;
  /** Masks and templates pastes with this catalogue's codes and vendor hosts kept. */
  templater(): Templater;
}

export function knowledgeOf(catalogue: Catalogue, diagnoser: Diagnoser): Knowledge {
  let version: string | undefined;
  let templater: Templater | undefined;
  return {
    catalogue,
    diagnoser,
    version: () => (version ??= catalogueVersion(catalogue)),
    templater: () => (templater ??= createTemplater(vocabularyOf(catalogue))),
  };
}
