import { beforeAll, describe, expect, it } from '@jest/globals';
import { compileIndex, fitTerms } from '../../../src/core/matching/index-compile.js';
import { hydrateIndex, type MatchIndex } from '../../../src/core/matching/match-index.js';
import { normalise } from '../../../src/core/matching/normalise.js';
import { phraseEvidence } from '../../../src/core/matching/phrases.js';
import { buildQuery, clearQuery } from '../../../src/core/matching/query.js';
import { fixtureCatalogue } from '../../support/fixture-catalogue.js';

let index: MatchIndex;

beforeAll(async () => {
  const catalogue = await fixtureCatalogue();
  index = hydrateIndex(
    catalogue.entries,
    catalogue.systems,
    compileIndex(catalogue, fitTerms(catalogue)),
  );
});

/** unauthorized_client's phrase evidence in `text`. */
function evidenceOf(text: string): { value: number; informative: number } {
  const query = buildQuery(normalise(text), index);
  try {
    return phraseEvidence(index.entryIndex.get('oauth2/unauthorized_client') ?? -1, query, index);
  } finally {
    clearQuery(query);
  }
}

describe('phrase evidence: words most entries share say little', () => {
  it('counts a message found through its common words for less than its value', () => {
    // "client", "authorized", "request" and "code" of "The client is not authorized to request an
    // authorization code using this method.": words of dozens of entries.
    const { value, informative } = evidenceOf(
      'The client sent the request with the code and it was not authorized.',
    );
    expect(value).toBeGreaterThan(0);
    expect(informative).toBeLessThan(0.75 * value);
  });

  it('counts a phrase found through its rare words for about its value', () => {
    const { value, informative } = evidenceOf('authorization code grant not ticked in the app');
    expect(value).toBeGreaterThan(0);
    expect(informative).toBeGreaterThan(0.9 * value);
  });
});
