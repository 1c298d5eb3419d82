import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Diagnoser } from '../../../src/core/matching/types.js';
import { extractCodeTokens } from '../../../src/core/matching/signals.js';
import { rawTokens } from '../../../src/core/matching/tokens.js';
import { fixtureDiagnoser } from '../../support/fixture-catalogue.js';

let diagnoser: Diagnoser;

beforeAll(async () => {
  diagnoser = await fixtureDiagnoser();
});

const whys = (text: string): string[] =>
  diagnoser.diagnose(text).matches.flatMap((m) => m.why.map((w) => `${m.id} ${w}`));

describe('rawTokens: what stands between two words', () => {
  it('marks a token parted from the one before by anything but spaces or a hyphen', () => {
    const apart: boolean[] = [];
    expect(rawTokens('401 Unauthorized]: Client id - secret\nnext', apart)).toEqual([
      '401',
      'Unauthorized',
      'Client',
      'id',
      'secret',
      'next',
    ]);
    expect(apart).toEqual([false, false, true, false, false, true]);
  });

  it('reads a no-break or thin space between two words as a space', () => {
    const apart: boolean[] = [];
    rawTokens('401\u00a0Unauthorized\u202fclient\u2009id\u3000x', apart);
    expect(apart).toEqual([false, false, false, false, false]);
  });

  it('leaves the tokens as they were without the array', () => {
    expect(rawTokens("don't / stop")).toEqual(["don't", 'stop']);
  });

  it('gives the letters after an apostrophe to the word before, the digits after them to the next', () => {
    const apart: boolean[] = [];
    expect(rawTokens("don't2go user's_id abc'9 o’", apart)).toEqual([
      "don't",
      '2go',
      "user's",
      '_id',
      'abc',
      '9',
      'o',
    ]);
    expect(apart).toEqual([false, false, false, false, false, true, false]);
  });

  it('reads each text afresh when another was read in between', () => {
    const first = rawTokens("it's a-b");
    expect(extractCodeTokens('other words here').map((t) => t.token)).toEqual([
      'other',
      'words',
      'here',
    ]);
    expect(rawTokens("it's a-b")).toEqual(first);
    expect(first).toEqual(["it's", 'a', 'b']);
  });
});

describe('diagnose: a code written as words stands within one phrase', () => {
  it('does not read "401 Unauthorized]: Client ID …" as unauthorized_client', () => {
    const text =
      'Error login to the forge [401 Unauthorized]: Client ID and client secret do not match.';
    expect(whys(text)).not.toContain('oauth2/unauthorized_client code unauthorized_client');
  });

  it('does not read "Unauthorized / Client authentication failed" as unauthorized_client', () => {
    const d = diagnoser.diagnose(
      'Error redeeming code: Unauthorized / Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method).',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_client');
    expect(whys('Error redeeming code: Unauthorized / Client')).not.toContain(
      'oauth2/unauthorized_client code unauthorized_client',
    );
  });

  it('still reads the code written as words with spaces or a hyphen between them', () => {
    expect(
      diagnoser.diagnose('we keep getting unauthorized - client from the token endpoint').matches[0]
        ?.id,
    ).toBe('oauth2/unauthorized_client');
  });

  it('reads the code written as words with a no-break space between them as with a space', () => {
    const spaced = 'we keep getting unauthorized client from the token endpoint';
    expect(whys(spaced.replace('unauthorized ', 'unauthorized\u00a0'))).toEqual(whys(spaced));
  });
});

describe('diagnose: a phrase needs more of its words than field names', () => {
  it('does not read grant_type in a request body as "Missing grant_type parameter" or an unknown grant type', () => {
    const found = whys(
      'POST /oauth/token body grant_type=client_credentials&client_id=abc, the server answered HTTP 400',
    );
    expect(found).not.toContain('oauth2/invalid_request message "Missing grant_type parameter"');
    expect(found).not.toContain(
      'oauth2/unsupported_grant_type phrase "grant type unknown to the authorization server"',
    );
  });

  it('still reads the phrase where the text says what failed beside the field name', () => {
    const d = diagnoser.diagnose(
      'our job sends grant_type=refresh_token and the refresh token has expired',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_grant');
  });

  it('reads a snake_case name as the subject of a sentence as the value it is about', () => {
    const d = diagnoser.diagnose(
      'Oauth error invalid_request: The redirect_uri is not whitelisted',
    );
    expect(d.matches[0]?.id).toBe('oauth2/redirect_uri_mismatch');
    expect(d.matches[0]?.why).toContain('message "Invalid parameter: redirect_uri"');
  });

  it('reads a long paste of field names and punctuation quickly', () => {
    const text = `${'grant_type=a_b&ClientId:x/'.repeat(20_000)}]`;
    const started = performance.now();
    diagnoser.diagnose(text);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('diagnose: a token endpoint’s 401 read through Spring’s invalid_token_response', () => {
  it('reads invalid_token_response as a token response, not invalid_token written as words', () => {
    const d = diagnoser.diagnose(
      '[invalid_token_response] An error occurred while attempting to retrieve the OAuth 2.0 Access Token Response: 401 Unauthorized',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_client');
    expect(d.matches[0]?.why).toContain('401 from the token endpoint');
    expect(d.matches.flatMap((m) => m.why)).not.toContain('code invalid_token');
  });

  it('still reads a code followed by a word for the error in one identifier', () => {
    const d = diagnoser.diagnose('the API call failed: invalid_token_error, please sign in again');
    expect(d.matches[0]?.id).toBe('oauth2/invalid_token');
  });
});

describe('diagnose: an HTTP reason phrase is the status’s name', () => {
  it('does not read a Rails app’s own "500 Internal Server Error" as OAuth’s server_error', () => {
    const d = diagnoser.diagnose(
      '12:07:13 web.1  | Completed 500 Internal Server Error in 465ms\n12:07:13 web.1  | AppleID::Client::Error (invalid_client):\n12:07:13 web.1  | app/controllers/apple_signin_controller.rb:41',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_client');
    expect(d.matches.flatMap((m) => m.why)).not.toContain('code server_error');
  });

  it('still reads server_error written as words by the poster', () => {
    const d = diagnoser.diagnose('the token endpoint answered server error and the retry worked');
    expect(d.matches[0]?.id).toBe('oauth2/server_error');
  });
});

describe('diagnose: a code no entry knows says what failed', () => {
  it('does not hold a reading for an exception class in the error line (HttpError)', () => {
    const d = diagnoser.diagnose(
      'I have been trying to execute the API in a VM but I get this error:\n\n> HttpError 403 when requesting https://www.googleapis.com/x returned "Insufficient Permission: Request had insufficient authentication scopes.',
      { explain: true },
    );
    expect(d.matches[0]?.id).toBe('oauth2/insufficient_scope');
    expect(d.held ?? []).not.toContain('unknown code');
  });

  it('answers an unknown code whose own message states a catalogued failure', () => {
    const d = diagnoser.diagnose(
      'com.example.idp.model.NotAuthorizedException: Invalid Refresh Token. (Service: ExampleIdp; Status Code: 400; Error Code: NotAuthorizedException; Request ID: 42)',
      { explain: true },
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_grant');
    expect(d).toMatchObject({ confident: true, held: [] });
  });

  it('still holds a reading beside another system’s code (S3’s AccessDenied)', () => {
    const d = diagnoser.diagnose(
      'botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation: Access Denied',
    );
    expect(d.confident).toBe(false);
  });
});
