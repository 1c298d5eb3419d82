import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Entry } from '../../../src/core/catalogue/catalogue.js';
import { decide } from '../../../src/core/matching/decide.js';
import type { Query } from '../../../src/core/matching/query.js';
import { readRegister } from '../../../src/core/matching/register.js';
import type { Scored } from '../../../src/core/matching/score.js';
import { fixtureEntries, scoredReading } from '../../support/scored.js';

// The fixture catalogue's entries: invalid_client, redirect_uri_mismatch.
let entries: Entry[] = [];

beforeAll(async () => {
  entries = await fixtureEntries(['oauth2/invalid_client', 'oauth2/redirect_uri_mismatch']);
});

type Hit = Query['codeHits'][number];

const queryOf = (text: string, codeHits: readonly Hit[]): Query =>
  ({
    flat: text.toLowerCase(),
    codeHits,
    foreignCodes: [],
    explained: new Map(),
    explainedCodes: new Set(),
  }) as unknown as Query;

/** The checks that held the one reading of `text`. */
const held = (text: string, top: Scored, codeHits: readonly Hit[] = []) =>
  decide(
    [top],
    queryOf(text, codeHits),
    { entries, requests: [] },
    readRegister(text),
    () => true,
    true,
  ).held;

describe('decide: a text whose only words of authentication are the failure’s own', () => {
  it('answers a message of the entry’s own quoted nearly whole', () => {
    const text =
      "Got message 'redirect uri included is not valid\n\nplease help, i tried to set up gollum";
    const top = scoredReading(1, 3.5, { code: 0.4, phrase: 1, verbatim: true, ownMessage: true });
    expect(held(text, top)).toEqual([]);
  });

  it('answers the entry’s code words handed on as an exception’s message', () => {
    const text = 'ERROR: SpotifyWebApiException\nBadRequestException: Invalid client';
    const top = scoredReading(0, 1.97, { code: 0.45, phrase: 0.41 });
    const hit = { entry: 0, code: 'invalid_client', strength: 0.55, asWords: true };
    expect(held(text, top, [{ ...hit, inErrorField: false, vendorUnique: false }])).toEqual([]);
  });

  it('still holds the same words in the poster’s own account', () => {
    const text = 'I think this music plugin treats me as an invalid client';
    const top = scoredReading(0, 1.97, { code: 0.45, phrase: 0.41 });
    const hit = { entry: 0, code: 'invalid_client', strength: 0.55, asWords: true };
    expect(held(text, top, [{ ...hit, inErrorField: false, vendorUnique: false }])).toContain(
      'about authentication',
    );
  });
});
