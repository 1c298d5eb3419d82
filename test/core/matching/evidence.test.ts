import { describe, expect, it } from '@jest/globals';
import { toEntry, type Entry } from '../../../src/core/catalogue/catalogue.js';
import type { FailureKind } from '../../../src/core/catalogue/schema.js';
import {
  aboutAuthentication,
  kindAllowsUnasked,
  outputShowsEntry,
  quotesMessage,
  reportedWords,
} from '../../../src/core/matching/evidence.js';
import { flatText } from '../../../src/core/matching/quotes.js';
import { readRegister } from '../../../src/core/matching/register.js';
import type { Scored } from '../../../src/core/matching/score.js';

function entry(failure: FailureKind, messages: string[] = []): Entry {
  return toEntry(
    {
      id: 'netsuite/concurrency-limit',
      title: 'Concurrency limit',
      codes: ['WS_CONCUR_SESSION_DISALLWD'],
      surfacesAs: [],
      wordsInCodes: [],
      generic: false,
      failure,
      status: [],
      messages,
      phrases: [],
      reason: 'Too many requests at once.',
      steps: ['Send fewer requests in parallel.'],
      sources: [],
      related: [],
      refines: [],
    },
    'netsuite',
    'NetSuite',
    [],
  );
}

function scored(over: Partial<Scored> = {}): Scored {
  return {
    entry: 0,
    score: 3,
    code: 0,
    phrase: 0.8,
    verbatim: false,
    overlap: 0.2,
    vendor: 0.8,
    status: 0,
    statusUnique: false,
    vendorSpecific: true,
    vendorMissing: false,
    ownMessage: false,
    why: [],
    commonWords: 0,
    ...over,
  };
}

describe('kindAllowsUnasked', () => {
  it('lets an authentication entry through on the usual evidence', () => {
    expect(kindAllowsUnasked(entry('auth'), scored(), false)).toBe(true);
  });

  it.each<FailureKind>(['server', 'limit'])(
    'asks a %s entry for its own code or its vendor’s own message',
    (kind) => {
      expect(kindAllowsUnasked(entry(kind), scored(), false)).toBe(false);
      expect(kindAllowsUnasked(entry(kind), scored(), true)).toBe(true);
      expect(kindAllowsUnasked(entry(kind), scored({ ownMessage: true }), false)).toBe(true);
      // A message of vendor-neutral OAuth (the RFC's server_error sentence) reads like any 500 page.
      expect(
        kindAllowsUnasked(entry(kind), scored({ ownMessage: true, vendorSpecific: false }), false),
      ).toBe(false);
    },
  );
});

describe('quotesMessage', () => {
  const e = entry('auth', ['The integration record is blocked.', 'Invalid login.']);

  it('finds a message quoted whole, in any case and spacing, without its full stop', () => {
    expect(
      quotesMessage(e, flatText('audit trail:  "the integration record\nis blocked" again')),
    ).toBe(true);
  });

  it('does not count a short message or a partial one', () => {
    expect(quotesMessage(e, flatText('Invalid login. The integration record'))).toBe(false);
  });
});

describe('aboutAuthentication', () => {
  it.each([
    'token endpoint answered 403',
    'the login fails',
    'client_id rejected',
    'OAuth callback',
    "I'm getting a `400 BAD_REFRESH_TOKEN` error message",
  ])('reads %s as about authentication', (text) => {
    expect(aboutAuthentication(flatText(text))).toBe(true);
  });

  it('reads a storage permission error as not about authentication', () => {
    expect(
      aboutAuthentication(
        flatText('An error occurred (AccessDenied) when calling the GetObject operation'),
      ),
    ).toBe(false);
  });
});

describe('outputShowsEntry', () => {
  const trace = readRegister('Traceback (most recent call last):\nKeyError: Response_Data');

  it('asks error output to carry the entry’s code, message or status', () => {
    expect(outputShowsEntry(scored(), trace)).toBe(false);
    expect(outputShowsEntry(scored({ code: 1 }), trace)).toBe(true);
    expect(outputShowsEntry(scored({ status: 0.4 }), trace)).toBe(true);
    expect(outputShowsEntry(scored({ verbatim: true }), trace)).toBe(true);
    // A message only its vendor prints, quoted whole however few words it has.
    expect(outputShowsEntry(scored({ ownMessage: true }), trace)).toBe(true);
  });

  it('takes the failure described in the entry’s own terms, not loose phrase words', () => {
    expect(outputShowsEntry(scored({ phrase: 1 }), trace)).toBe(true);
    expect(outputShowsEntry(scored({ phrase: 0.6 }), trace)).toBe(false);
  });

  it('asks nothing of prose', () => {
    expect(outputShowsEntry(scored(), readRegister('our sync fails since Monday'))).toBe(true);
  });
});

describe('reportedWords', () => {
  // Handed on as a system's answer, or the poster's own words about one.
  it.each([
    ['it still says invalid token when i call the api', 'invalid token', true],
    ['connection status: connection failed: invalid access token.', 'invalid access token', true],
    ['error #01: invalid client secret', 'invalid client', true],
    ['the api returned "invalid grant" again', 'invalid grant', true],
    // A single curly opening quote opens a quote as a double one does.
    ['the app says ‘invalid token’ every time', 'invalid token', true],
    ['when calling the get endpoint with an invalid client id', 'invalid client', false],
    ['known issues: - [dex oauth: "invalid client credentials"]', 'invalid client', false],
    [
      'pc: new response of invalid grant causes oauth to become invalidated',
      'invalid grant',
      false,
    ],
    ['the docs say invalid token is returned', 'invalid token', false],
    // An error body's message field, an error page's message label, an error line's head.
    [
      'api error: 401 {"type":"error","error":{"type":"authentication_error","message":"oauth token has expired. please refresh"}}',
      'oauth token has expired',
      true,
    ],
    ['<p><b>message</b> oauthtoken is invalid</p>', 'oauthtoken is invalid', true],
    [
      'tokenerror: authorization code not found for code=****',
      'authorization code not found',
      true,
    ],
    [
      'exception: http 400: error in call to api function "files/list_folder": the given oauth 2 access token is malformed.',
      'the given oauth 2 access token is malformed',
      true,
    ],
    // A list of errors is no error line.
    ['the docs list these errors: invalid token, expired token', 'invalid token', false],
    // What a call failed with is what the system answered; what it is expected to fail with is not.
    ['oauth refresh fails with bad_refresh_token for my app', 'bad_refresh_token', true],
    ['all tests fail with an invalid client error', 'invalid client', true],
    ['i expect the refresh to fail with invalid grant', 'invalid grant', false],
  ])('%j → %j: %s', (flat, words, handedOn) => {
    expect(reportedWords(flat, words)).toBe(handedOn);
  });
});
