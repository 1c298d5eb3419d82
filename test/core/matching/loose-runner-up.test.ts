import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Entry } from '../../../src/core/catalogue/catalogue.js';
import { decide } from '../../../src/core/matching/decide.js';
import type { Query } from '../../../src/core/matching/query.js';
import { readRegister } from '../../../src/core/matching/register.js';
import type { Scored } from '../../../src/core/matching/score.js';
import { fixtureEntries, scoredReading } from '../../support/scored.js';

const scored = (entry: number, score: number, code: number, phrase: number): Scored =>
  scoredReading(entry, score, { code, phrase });

// The fixture catalogue's two entries, in ranking order: invalid_client, then invalid_grant.
let entries: Entry[] = [];

beforeAll(async () => {
  entries = await fixtureEntries(['oauth2/invalid_client', 'oauth2/invalid_grant']);
});

// The poster names invalid_client in words; invalid_grant is reached only by prose words.
const text = 'I am getting an invalid client error. I need to get my refresh token somehow.';
const query = {
  flat: text.toLowerCase(),
  codeHits: [
    {
      entry: 0,
      code: 'invalid_client',
      strength: 0.55,
      inErrorField: false,
      vendorUnique: false,
      asWords: true,
    },
  ],
  foreignCodes: [],
  explained: new Map(),
  explainedCodes: new Set(),
} as unknown as Query;

/** The decision beside a runner-up with no code of its own and its best phrase covered `phrase`. */
const beside = (phrase: number) =>
  decide(
    [scored(0, 1.98, 0.45, 0.23), scored(1, 1.7, 0, phrase)],
    query,
    { entries, requests: [] },
    readRegister(text),
    () => true,
    true,
  );

describe('decide: a runner-up with a phrase covered under two thirds is loose words', () => {
  it('answers beside a runner-up whose best phrase is covered 0.6, with no code of its own', () => {
    expect(beside(0.6)).toMatchObject({ confident: true, held: [] });
  });

  it('still holds beside a runner-up whose phrase is covered two thirds or more', () => {
    expect(beside(0.7).held).toEqual(['margin']);
  });
});

describe('decide: a runner-up held up by words most entries share is no rival', () => {
  /** The decision beside a runner-up whose phrase owes `commonWords` of its score to such words. */
  const near = (commonWords: number) =>
    decide(
      [scored(0, 1.98, 0.45, 0.23), scoredReading(1, 1.7, { phrase: 0.7, commonWords })],
      query,
      { entries, requests: [] },
      readRegister(text),
      () => true,
      true,
    );

  it('holds beside a runner-up whose phrase is its failure described', () => {
    expect(near(0).held).toEqual(['margin']);
  });

  it('answers when the runner-up stands close only by words most entries share', () => {
    expect(near(0.4)).toMatchObject({ confident: true, held: [] });
  });
});
