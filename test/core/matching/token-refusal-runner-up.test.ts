import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Entry } from '../../../src/core/catalogue/catalogue.js';
import { decide } from '../../../src/core/matching/decide.js';
import { entryRequests } from '../../../src/core/matching/entry-requests.js';
import type { Query } from '../../../src/core/matching/query.js';
import { readRegister } from '../../../src/core/matching/register.js';
import { fixtureEntries, scoredReading } from '../../support/scored.js';

// The fixture catalogue's entries, in ranking order: invalid_grant (the token endpoint's refusal),
// invalid_token (an API's), invalid_client (the token endpoint's).
let entries: Entry[] = [];

beforeAll(async () => {
  entries = await fixtureEntries([
    'oauth2/invalid_grant',
    'oauth2/invalid_token',
    'oauth2/invalid_client',
  ]);
});

const text = [
  'getting invalid token when calling any API',
  '{"error":"invalid_token","error_description":"access token is expired"}',
  'then when trying to refresh token getting error as refresh_token is revoked',
  '{"error": "invalid_grant", "error_description": "refresh_token is revoked"}',
].join('\n');

/** Each of `named` named by its code in an error field. */
const queryOf = (named: readonly number[]): Query =>
  ({
    flat: text.toLowerCase(),
    codeHits: named.map((entry) => ({
      entry,
      code: entries[entry]?.codes[0] ?? '',
      strength: 1,
      inErrorField: true,
      vendorUnique: false,
    })),
    foreignCodes: [],
    explained: new Map(),
    explainedCodes: new Set(),
  }) as unknown as Query;

/** The decision with the best reading 0.15 above a runner-up, both named by their codes. */
const decided = (runnerUp: number) =>
  decide(
    [
      scoredReading(0, 4.71, { code: 1, phrase: 0.94, overlap: 1 }),
      scoredReading(runnerUp, 4.56, { code: 0.96, phrase: 1, overlap: 1 }),
    ],
    queryOf([0, runnerUp]),
    { entries, requests: entryRequests(entries, new Set()).map((r) => r ?? undefined) },
    readRegister(text),
    () => true,
    true,
  );

describe('decide: an API’s refusal of a token beside the token endpoint’s refusal', () => {
  it('answers the token endpoint’s code: the API’s refusal follows from it', () => {
    expect(decided(1)).toMatchObject({ confident: true, held: [] });
  });

  it('still holds beside a second refusal of the token endpoint', () => {
    expect(decided(2).held).toEqual(['margin']);
  });
});
