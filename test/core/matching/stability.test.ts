import { beforeAll, describe, expect, it } from '@jest/globals';
import { probeEntry, withEntry } from '../../../src/bench/catalogue-variants.js';
import type { Catalogue } from '../../../src/core/catalogue/catalogue.js';
import { createDiagnoser } from '../../../src/core/matching/diagnose.js';
import { compileIndex, fitTerms } from '../../../src/core/matching/index-compile.js';
import type { FittedTerms } from '../../../src/core/matching/term-weights.js';
import type { Diagnoser } from '../../../src/core/matching/types.js';
import { fixtureCatalogue } from '../../support/fixture-catalogue.js';

let catalogue: Catalogue;
let fit: FittedTerms;
let before: Diagnoser;

beforeAll(async () => {
  catalogue = await fixtureCatalogue();
  fit = fitTerms(catalogue);
  before = createDiagnoser(catalogue, compileIndex(catalogue, fit));
});

function reading(diagnoser: Diagnoser, text: string): unknown {
  const d = diagnoser.diagnose(text);
  return {
    confident: d.confident,
    matches: d.matches.map((m) => ({ id: m.id, confidence: m.confidence, why: m.why })),
  };
}

describe('a reading does not move when another system gains an entry', () => {
  // With weights recomputed from the live catalogue, the Okta entry below took the second text's
  // `confident` away: its words (session, expired, password, token) changed every term's weight.
  it.each([
    [
      'okta',
      'NetSuite REST call: 401 INVALID_LOGIN. The access token has expired, we refreshed it yesterday',
    ],
    [
      'okta',
      'Our NetSuite RESTlet calls fail since this morning: 401, the Login Audit Trail says the token expired (TokenExpired)',
    ],
    [
      'workday',
      'we get invalid_grant: the refresh token is invalid or expired when calling the token endpoint',
    ],
    [
      'netsuite',
      'Workday token endpoint returns 401 invalid_client for our API client since the secret was rotated',
    ],
  ])('an entry added to %s leaves "%s" as it was', (system, text) => {
    const changed = withEntry(catalogue, probeEntry(catalogue, system));
    const after = createDiagnoser(changed, compileIndex(changed, fit));
    expect(reading(after, text)).toEqual(reading(before, text));
  });
});

describe('a reading does not depend on the pastes read before it', () => {
  // Token readings are kept between pastes (query.ts); the cache is emptied when full, and neither
  // a warm nor a just-emptied cache may change an answer (12 × 2,500 new tokens pass its 20,000).
  it('reads a text alike in a fresh diagnoser and after pastes that fill the token cache', () => {
    const text = 'POST /oauth2/token -> 401 {"error":"invalid_client"} since this morning';
    const fresh = reading(createDiagnoser(catalogue, compileIndex(catalogue, fit)), text);
    const busy = createDiagnoser(catalogue, compileIndex(catalogue, fit));
    const first = reading(busy, text);
    for (let p = 0; p < 12; p++) {
      const words = Array.from({ length: 2_500 }, (_, i) => `w${p}x${i.toString(36)}`);
      busy.diagnose(words.join(' '));
      expect(reading(busy, text)).toEqual(fresh);
    }
    expect(first).toEqual(fresh);
  });
});
