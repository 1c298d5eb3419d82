import { fileURLToPath } from 'node:url';
import { loadCatalogue } from '../../src/adapters/catalogue-files.js';
import type { Catalogue } from '../../src/core/catalogue/catalogue.js';
import { createDiagnoser } from '../../src/core/matching/diagnose.js';
import { compileIndex, fitTerms } from '../../src/core/matching/index-compile.js';
import type { Diagnoser } from '../../src/core/matching/types.js';

/**
 * A frozen excerpt of the catalogue (test/fixtures/knowledge-matcher): the matcher's unit tests run
 * on it, so an entry added to knowledge/ cannot break a test about another entry.
 */
export const MATCHER_FIXTURE_DIR = fileURLToPath(
  new URL('../fixtures/knowledge-matcher', import.meta.url),
);

export function fixtureCatalogue(): Promise<Catalogue> {
  return loadCatalogue(MATCHER_FIXTURE_DIR);
}

/** The fixture's diagnoser, its term weights fitted on the fixture itself (not on knowledge/). */
export async function fixtureDiagnoser(): Promise<Diagnoser> {
  const catalogue = await fixtureCatalogue();
  return createDiagnoser(catalogue, compileIndex(catalogue, fitTerms(catalogue)));
}
