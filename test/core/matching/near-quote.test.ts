import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Entry } from '../../../src/core/catalogue/catalogue.js';
import { flatText } from '../../../src/core/matching/quotes.js';
import { nearQuote } from '../../../src/core/matching/near-quote.js';
import { fixtureCatalogue } from '../../support/fixture-catalogue.js';

let entry: Entry;

beforeAll(async () => {
  const found = (await fixtureCatalogue()).entries.find((e) => e.id === 'netsuite/TokenBlocked');
  if (found === undefined) throw new Error('fixture entry netsuite/TokenBlocked is missing');
  entry = found;
});

function quotes(text: string): boolean {
  return nearQuote(entry, 0, flatText(text));
}

describe('nearQuote', () => {
  it.each([
    'Either access or refresh token is blocked, causing the access to be denied.',
    '{"error":"invalid_grant","error_description":"Either access or refresh token is blocked"}',
    'We got: refresh token is blocked, causing the access to be denied!!',
  ])('reads the message copied (wholly or in a long run) in %j', (text) => {
    expect(quotes(text)).toBe(true);
  });

  it("does not read the message's words scattered over prose as a quote", () => {
    expect(
      quotes('Access was denied, so either I refresh the token or the account is blocked.'),
    ).toBe(false);
  });
});

describe("nearQuote: an error body's keys and code", () => {
  const body: Entry = {
    id: 'acme/auth-failure',
    system: 'acme',
    systemTitle: 'Acme',
    slug: 'auth-failure',
    title: 'invalid_grant "authentication failure"',
    codes: [],
    surfacesAs: ['invalid_grant'],
    wordsInCodes: [],
    generic: false,
    failure: 'auth',
    status: [400],
    messages: ['{"error":"invalid_grant","error_description":"authentication failure"}'],
    phrases: [],
    reason: 'r',
    steps: ['s'],
    sources: [],
    related: [],
    refines: [],
  };

  it('reads the body with its own description as a quote', () => {
    expect(
      nearQuote(
        body,
        0,
        flatText('{"error":"invalid_grant","error_description":"authentication failure"}'),
      ),
    ).toBe(true);
  });

  it('does not read the same keys and code around another description as a quote', () => {
    expect(
      nearQuote(
        body,
        0,
        flatText(
          '{"error":"invalid_grant","error_description":"Token has been expired or revoked."}',
        ),
      ),
    ).toBe(false);
  });
});
