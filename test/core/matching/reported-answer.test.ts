import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Entry } from '../../../src/core/catalogue/catalogue.js';
import { decide } from '../../../src/core/matching/decide.js';
import type { Query } from '../../../src/core/matching/query.js';
import { readRegister } from '../../../src/core/matching/register.js';
import type { Scored } from '../../../src/core/matching/score.js';
import { fixtureEntries, scoredReading } from '../../support/scored.js';

/** A reading named by a failure stated in words (code 0.4), its words all in the text. */
const scored = (entry: number, score: number, phrase: number, status = 0): Scored =>
  scoredReading(entry, score, { code: 0.4, phrase, overlap: 1, status });

// The fixture catalogue's two entries, in ranking order: invalid_grant, then invalid_token.
let entries: Entry[] = [];

beforeAll(async () => {
  entries = await fixtureEntries(['oauth2/invalid_grant', 'oauth2/invalid_token']);
});

const account = 'After 1 hr the access_token is expired and I generated a new access_token';

/** Each reading named by a failure stated in words (strength 0.4), as stated-failures.ts reads them. */
const queryOf = (text: string): Query =>
  ({
    flat: text.toLowerCase(),
    codeHits: [
      { entry: 0, code: 'Invalid refresh token', strength: 0.4, inErrorField: false },
      { entry: 1, code: account, strength: 0.4, inErrorField: false },
    ].map((h) => ({ ...h, vendorUnique: false })),
    foreignCodes: [],
    explained: new Map(),
    explainedCodes: new Set(),
  }) as unknown as Query;

/** The decision on `text`, invalid_grant ranked 0.17 above invalid_token. */
const decided = (text: string, runnerUpStatus = 0) =>
  decide(
    [scored(0, 2.9, 0.79), scored(1, 2.73, 0.69, runnerUpStatus)],
    queryOf(text),
    { entries, requests: [] },
    readRegister(text),
    () => true,
    true,
  );

describe('decide: beside the failure a system is reported to have answered', () => {
  const reported = `${account}. After a few hours the API says "Request failed: Invalid refresh token"`;

  it('answers: a runner-up only the poster’s own account reaches is no rival', () => {
    expect(decided(reported)).toMatchObject({ confident: true, held: [] });
  });

  it('holds where the best reading is not handed on as an answer either', () => {
    const told = `${account}. After a few hours I think the refresh token is invalid`;
    expect(decided(told).held).toEqual(['margin']);
  });

  it('holds where the runner-up’s failure is handed on as an answer too', () => {
    expect(decided(`${reported}. Then it says ${account}`).held).toEqual(['margin']);
  });

  it('holds where the runner-up documents a status the text shows and the best reading does not', () => {
    expect(decided(reported, 0.4).held).toEqual(['margin']);
  });
});

/** A query whose only code hit is `hit` (entry, code, strength), read from `text`. */
const queryWith = (text: string, entry: number, code: string, strength: number): Query =>
  ({
    flat: text.toLowerCase(),
    codeHits: [{ entry, code, strength, inErrorField: false, vendorUnique: false }],
    foreignCodes: [],
    explained: new Map(),
    explainedCodes: new Set(),
  }) as unknown as Query;

/** The decision on `text` over `ranked`, its best reading named only by `code` at `strength`. */
const decidedWith = (ranked: Scored[], text: string, code: string, strength: number) =>
  decide(
    ranked,
    queryWith(text, ranked[0]?.entry ?? 0, code, strength),
    { entries, requests: [] },
    readRegister(text),
    () => true,
    true,
  );

describe('decide: an unlisted code handed on as what a call failed with', () => {
  /** invalid_grant named only by an unlisted code whose words name it (strength 0.6). */
  const decidedOn = (text: string) =>
    decidedWith(
      [
        scoredReading(0, 2.47, { code: 0.6, phrase: 0.31, overlap: 1 }),
        scoredReading(1, 1.95, { code: 0, phrase: 0.75, overlap: 1 }),
      ],
      text,
      'BAD_REFRESH_TOKEN',
      0.6,
    );

  it('answers where the code as written is what the call failed with', () => {
    const text = '[source-hubspot] OAuth refresh fails with BAD_REFRESH_TOKEN for our own app';
    expect(decidedOn(text)).toMatchObject({ confident: true, held: [] });
  });

  it('holds where the code is only written about', () => {
    const text = 'The connector maps BAD_REFRESH_TOKEN to a re-authentication prompt';
    expect(decidedOn(text).held).toEqual(['evidence']);
  });
});

describe("decide: a failure stated in the system's words, not the poster's", () => {
  const sentence = 'OAuth token is likely expired';
  const trace = [
    'Traceback (most recent call last):',
    '  File "app.py", line 5, in <module>',
    "    client = Client('token').init()",
    'app.exceptions.UnauthorizedError: Unauthorized',
  ].join('\n');
  /** invalid_token named only by the stated sentence (strength 0.4), as stated-failures.ts reads it. */
  const decidedOn = (text: string) =>
    decidedWith(
      [
        scoredReading(1, 2.01, { code: 0.4, phrase: 0.39, overlap: 1 }),
        scoredReading(0, 1.66, { code: 0, phrase: 0.59, overlap: 1 }),
      ],
      text,
      sentence,
      0.4,
    );

  it('answers where the sentence is quoted above error output', () => {
    expect(decidedOn(`"Your ${sentence}" when logging in\n\n${trace}`)).toMatchObject({
      confident: true,
      held: [],
    });
  });

  it('holds where the sentence is the poster’s own account', () => {
    expect(decidedOn(`Your ${sentence}, I think, when logging in\n\n${trace}`).held).toEqual([
      'evidence',
    ]);
  });

  it('holds where nothing beside the quote is error output', () => {
    expect(decidedOn(`Could you help with "your ${sentence}" please?`).held).toEqual(['evidence']);
  });
});

describe("decide: a code short of the entry's own, printed by the system", () => {
  /** invalid_token named only by an unlisted code whose words name it (strength 0.6). */
  const ranked = () => [
    scoredReading(1, 2.3, { code: 0.6, phrase: 0.3, overlap: 1 }),
    scoredReading(0, 1.7, { code: 0, phrase: 0.3, overlap: 1 }),
  ];
  const body =
    '{"error_summary": "invalid_access_token/..", "error": {".tag": "invalid_access_token"}}';

  it('answers where the code is in the error output only', () => {
    const text = `${body}\n\nDropboxClientException in DropboxGuzzleHttpClient.php line 59:\n${body}.`;
    expect(decidedWith(ranked(), text, 'invalid_access_token', 0.6).held).not.toContain('evidence');
  });

  it('holds where the poster writes the code in their own words', () => {
    const text = `${body}\n\nWhy would invalid_access_token come back here?`;
    expect(decidedWith(ranked(), text, 'invalid_access_token', 0.6).held).toContain('evidence');
  });

  it('holds where the client library raised it as an exception of the same words', () => {
    const text = 'MissingTokenError: (missing_token) Missing access token parameter.';
    const query = queryWith(text, 1, 'missing_token', 0.6);
    const hits = [...query.codeHits, { ...query.codeHits[0]!, code: 'MissingTokenError' }];
    const decision = decide(
      ranked(),
      { ...query, codeHits: hits },
      { entries, requests: [] },
      readRegister(text),
      () => true,
      true,
    );
    expect(decision.held).toContain('evidence');
  });
});
