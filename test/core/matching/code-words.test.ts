import { beforeAll, describe, expect, it } from '@jest/globals';
import { buildIndex, type MatchIndex } from '../../../src/core/matching/match-index.js';
import { buildQuery, clearQuery } from '../../../src/core/matching/query.js';
import type { Diagnoser } from '../../../src/core/matching/types.js';
import { fixtureCatalogue, fixtureDiagnoser } from '../../support/fixture-catalogue.js';

let diagnoser: Diagnoser;
let index: MatchIndex;

beforeAll(async () => {
  diagnoser = await fixtureDiagnoser();
  index = buildIndex(await fixtureCatalogue());
});

/** The strongest hit of one entry's code in the text, 0 when none. */
function codeStrength(text: string, id: string): number {
  const query = buildQuery(text, index);
  const entry = index.entryIndex.get(id);
  const best = Math.max(
    0,
    ...query.codeHits.filter((h) => h.entry === entry).map((h) => h.strength),
  );
  clearQuery(query);
  return best;
}

describe('diagnose: the words of a code used in passing do not write the code', () => {
  it('reads a 401 about an access token as invalid_token, not as "unauthorized … client"', () => {
    const d = diagnoser.diagnose(
      'HTTP error 401 (401 Unauthorized) from the API, the client library says the access token validation failed',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_token');
  });

  it.each([
    'The client gets the access token, then GET /v1/contacts fails with HTTP 401 Unauthorized.',
    'Using the client library I get 401 Unauthorized on every data call although the token is valid',
  ])('reads "401 Unauthorized" beside a client as the status, not the code: %j', (text) => {
    const d = diagnoser.diagnose(text);
    expect(d.matches[0]?.id).not.toBe('oauth2/unauthorized_client');
    expect(d.matches.flatMap((m) => m.why)).not.toContain('code "unauthorized client"');
  });

  it('still reads the code written as words', () => {
    const d = diagnoser.diagnose('we keep getting unauthorized client from the token endpoint');
    expect(d.matches[0]?.id).toBe('oauth2/unauthorized_client');
  });
});

describe('diagnose: "Access Denied" is every refusal, not OAuth access_denied', () => {
  it('does not read a proxy page titled Access Denied as the code', () => {
    const d = diagnoser.diagnose(
      "the call returns False and\n<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>You don't have permission to access this server.</BODY></HTML>",
    );
    expect(d.matches[0]?.why ?? []).not.toContain('code access_denied');
    expect(d.confident).toBe(false);
  });

  it('still reads access_denied written as the code', () => {
    const d = diagnoser.diagnose(
      'GET /callback?error=access_denied&state=xyz after the consent screen',
    );
    expect(d.matches[0]?.id).toBe('oauth2/access_denied');
  });
});

describe('diagnose: a code the catalogue does not list, read by its words', () => {
  it('reads LinkedIn’s unauthorized_scope_error in an error field as invalid_scope, unasked', () => {
    const d = diagnoser.diagnose(
      'GET /callback -> 400 {"error":"unauthorized_scope_error","error_description":"Scope \\"r_liteprofile\\" is not authorized for your application"}',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_scope');
    expect(d.matches[0]?.why[0]).toMatch(/unauthorized_scope_error/);
    expect(d.confident).toBe(true);
  });

  it('lets the most words win: BAD_REFRESH_TOKEN is a dead refresh token, not a bad access token', () => {
    const d = diagnoser.diagnose('OAuth refresh fails with BAD_REFRESH_TOKEN for our own app');
    expect(d.matches[0]?.id).toBe('oauth2/invalid_grant');
  });

  it('reads a code in an error field of JSON quoted inside a log line', () => {
    const d = diagnoser.diagnose(
      'Failed to query drives: HTTP error 401 (401 Unauthorized) returned body: "{\\r\\n  \\"error\\": {\\r\\n    \\"code\\": \\"InvalidAuthenticationToken\\",\\r\\n    \\"message\\": \\"Access token validation failure.\\"\\r\\n  }\\r\\n}"',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_token');
    expect(d.confident).toBe(true);
  });

  it('reads Spring’s invalid_token_response as a token response, not a token an API refused', () => {
    const d = diagnoser.diagnose(
      '[invalid_token_response] An error occurred while attempting to retrieve the OAuth 2.0 Access Token Response: 401 Unauthorized: [no body]',
    );
    expect(d.matches.some((m) => m.why.some((w) => w.includes('invalid_token_response')))).toBe(
      false,
    );
    expect(d.matches.find((m) => m.id === 'oauth2/invalid_client')?.why).toContain(
      '401 from the token endpoint',
    );
  });

  it('does not read a field name without a failure word (refresh_token in a token response)', () => {
    const d = diagnoser.diagnose(
      '200 OK {"access_token":"****","token_type":"Bearer","refresh_token":"****","scope":"read write"}',
    );
    expect(d.confident).toBe(false);
    expect(d.matches.some((m) => m.why.some((w) => w.includes('not listed')))).toBe(false);
  });
});

describe('diagnose: a short error message where no listed code is', () => {
  it.each([
    ['{"status":400,"message":"Invalid refresh token"}', 'oauth2/invalid_grant'],
    [
      '401 {"error":"Unauthorized","status":401,"message":"Invalid OAuth token"}',
      'oauth2/invalid_token',
    ],
    [
      '400 {"message":"Bad Request","errors":[{"resource":"RefreshToken","field":"refresh_token","code":"invalid"}]}',
      'oauth2/invalid_grant',
    ],
    [
      '{"message":"Bad Request","errors":[{"resource":"Authorize","field":"scope","code":"invalid"}]}',
      'oauth2/invalid_scope',
    ],
    [
      'returned code 401: {"message":"Authorization Error","errors":[{"resource":"AccessToken","field":"activity:read_permission","code":"missing"}]}',
      'oauth2/insufficient_scope',
    ],
    [
      "stdClass::__set_state(array( 'message' => 'Authorization Error', 'errors' => array ( 0 => stdClass::__set_state(array( 'resource' => 'Application', 'field' => '', 'code' => 'invalid', )), ), ))",
      'oauth2/invalid_client',
    ],
    [
      "getToken fails with { message: 'Authorization Error', errors: [ { resource: 'Application', field: '', code: 'invalid' } ] }",
      'oauth2/invalid_client',
    ],
  ])('reads %s by the words beside its failure word', (text, id) => {
    expect(diagnoser.diagnose(text).matches[0]?.id).toBe(id);
  });

  it('leaves the reading to a listed code in the error field', () => {
    const d = diagnoser.diagnose(
      '{"error":"invalid_grant","error_description":"Token has been expired or revoked."}',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_grant');
    expect(d.matches[0]?.why.some((w) => w.startsWith('error message'))).toBe(false);
  });
});

describe('diagnose: the explanation beats a code the provider used loosely', () => {
  it.each([
    [
      'Error while refreshing tokens: 403 (Forbidden)\n{"error":"unauthorized_client","error_description":"refresh_token is invalid"}',
      'oauth2/invalid_grant',
    ],
    [
      '{"error":"invalid_client","error_description":"Refresh token could not be mapped to the original authorization request. User must re-authenticate."}',
      'oauth2/invalid_grant',
    ],
    [
      'Error in login response: unauthorized_client - Invalid client secret.',
      'oauth2/invalid_client',
    ],
    // What is wrong may come late in the explanation's first sentence.
    [
      "{ error: 'invalid_request', error_description: 'The value sent for the authorization code was invalid.' }",
      'oauth2/invalid_grant',
    ],
    // RFC 7636: a code_verifier that does not match the challenge is invalid_grant.
    [
      "{ error: 'invalid_request', error_description: 'The code verifier sent did not match the code challenge.' }",
      'oauth2/invalid_grant',
    ],
    // One word right after a failure word names what failed, also in Spring's key="value" pairs.
    [
      'error="invalid_grant", error_description="Invalid redirect: https://app.example.org/cb does not match one of the registered values."',
      'oauth2/redirect_uri_mismatch',
    ],
    // No failure word: the explanation reads as another entry's catalogue line ("scope not allowed for this client").
    [
      'invalid_request This client application is not allowed to use the specified scope.',
      'oauth2/invalid_scope',
    ],
    // invalid_request's one word "parameter" does not restate it: the parameter said wrong decides.
    [
      "invalid_request: The provided value for the input parameter 'redirect_uri' is not valid.",
      'oauth2/redirect_uri_mismatch',
    ],
  ])('reads %j by its explanation', (text, id) => {
    expect(diagnoser.diagnose(text).matches[0]?.id).toBe(id);
  });

  it.each([
    [
      '{"error":"unauthorized_client","error_description":"Client is unauthorized to retrieve access tokens using this method."}',
      'oauth2/unauthorized_client',
    ],
    // At a token endpoint a token is the grant: invalid_token is a resource server's answer (another status).
    [
      '{"error":"invalid_grant","error_description":"Invalid access token"}',
      'oauth2/invalid_grant',
    ],
    [
      '{"error":"invalid_request","error_description":"The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed."}',
      'oauth2/invalid_request',
    ],
    ['error="invalid_grant", error_description="Invalid code"', 'oauth2/invalid_grant'],
    // An absent value is no other failure, however close to invalid_request's line.
    [
      '{"error":"invalid_client","error_description":"The request body must contain the following parameter: client_assertion or client_secret."}',
      'oauth2/invalid_client',
    ],
    // Closer to the code's own RFC sentence than to the failure its words seem to name.
    [
      "unauthorized_client: Grant type 'urn:example:custom' not allowed for the client.",
      'oauth2/unauthorized_client',
    ],
  ])(
    'keeps the code where the explanation agrees or names another endpoint’s failure: %j',
    (text, id) => {
      expect(diagnoser.diagnose(text).matches[0]?.id).toBe(id);
    },
  );
});

describe('diagnose: a vendor code written as words needs that vendor', () => {
  it('reads "invalid signature" as NetSuite InvalidSignature where the text shows NetSuite', () => {
    const d = diagnoser.diagnose(
      'NetSuite Login Audit Trail shows invalid signature for our integration',
    );
    expect(d.matches[0]?.id).toBe('netsuite/InvalidSignature');
  });

  it.each([
    ['another vendor named', 'Okta rejects the client assertion: invalid signature'],
    ['another vendor’s code shape', 'E0000011: client assertion has an invalid signature'],
  ])('does not read the words as NetSuite’s code with %s', (_, text) => {
    const d = diagnoser.diagnose(text);
    expect(d.matches[0]?.id).not.toBe('netsuite/InvalidSignature');
    const netsuite = d.matches.find((m) => m.id === 'netsuite/InvalidSignature');
    expect(netsuite?.why ?? []).not.toContain('code InvalidSignature');
  });

  it('reads a CamelCase code’s words as plain English, naming no code, where the text shows no system', () => {
    const words = 'the audit says scope mismatched and the token call says invalid client_id';
    // As weak as a snake_case code written as words: below what names a code (0.6).
    expect(codeStrength(words, 'netsuite/ScopeMismatched')).toBe(0.55);
    const signature = 'jwt.io says invalid signature and the token call says invalid client_id';
    // Words a vendor-neutral entry says too ("invalid signature": invalid_token) name no vendor code.
    expect(codeStrength(signature, 'netsuite/InvalidSignature')).toBe(0);
    expect(codeStrength(`NetSuite: ${signature}`, 'netsuite/InvalidSignature')).toBe(0.75);
    expect(codeStrength('Login Audit Trail: InvalidSignature', 'netsuite/InvalidSignature')).toBe(
      1,
    );
  });

  it('reads a CamelCase code spelt in snake_case as its words: oauthlib’s (token_expired) is no NetSuite code', () => {
    const trace =
      'oauthlib.oauth2.rfc6749.errors.InvalidClientError: (invalid_client)\n' +
      'During handling of the above exception, another exception occurred:\n' +
      'oauthlib.oauth2.rfc6749.errors.TokenExpiredError: (token_expired)';
    expect(diagnoser.diagnose(trace).matches[0]?.id).toBe('oauth2/invalid_client');
    // "token expired" is also invalid_token's and invalid_grant's words: no NetSuite code at all.
    expect(codeStrength('(token_expired)', 'netsuite/TokenExpired')).toBe(0);
    // Where the text shows NetSuite, the other spelling still names its code.
    expect(codeStrength('NetSuite: (token_expired)', 'netsuite/TokenExpired')).toBeCloseTo(0.85);
  });

  it('reads a CamelCase code whose words a vendor-neutral entry says too as that entry’s words', () => {
    // RFC 6749's "Client authentication failed" (invalid_client), printed by any OAuth server.
    expect(
      codeStrength('error: Client authentication failed', 'netsuite/ClientAuthenticationFailed'),
    ).toBe(0);
    // Written in its own casing, or where the text shows NetSuite, it is still NetSuite's code.
    expect(
      codeStrength('Detail: ClientAuthenticationFailed', 'netsuite/ClientAuthenticationFailed'),
    ).toBe(1);
    expect(
      codeStrength('NetSuite: Client authentication failed', 'netsuite/ClientAuthenticationFailed'),
    ).toBeGreaterThan(0.55);
  });

  it('does not read a snake_case code as a typo of a CamelCase one (invalid_code is not InvalidScope)', () => {
    const d = diagnoser.diagnose('Receiving invalid_code error while copying code from docs');
    expect(d.matches[0]?.id).toBe('oauth2/invalid_grant');
  });
});

describe('diagnose: typos and spent codes', () => {
  it('reads an ambiguous typo as the word of a code (token blicked is TokenBlocked, not "clicked")', () => {
    const d = diagnoser.diagnose('NetSuite login audit trail detail: token blicked');
    expect(d.matches[0]?.id).toBe('netsuite/TokenBlocked');
  });

  it('reads a code saying a one-time value was spent by its words (Slack’s code_already_used)', () => {
    const d = diagnoser.diagnose("oauth.access returns { ok: false, error: 'code_already_used' }");
    expect(d.matches[0]?.id).toBe('oauth2/invalid_grant');
    expect(d.matches[0]?.why[0]).toMatch(/code_already_used/);
  });
});

describe('diagnose: a code spelled like another system’s, in a text that shows its vendor', () => {
  it('reads NetSuite’s InvalidScope beside INVALID_LOGIN as the Login Audit Trail code', () => {
    const d = diagnoser.diagnose(
      'our RESTlet calls fail with 401 INVALID_LOGIN; the NetSuite audit trail detail says InvalidScope',
    );
    expect(d.matches[0]?.id).toBe('netsuite/InvalidScope');
  });
});

describe('decide: a first-person report naming a code in its words', () => {
  it('counts "invalid client" as named however many entries share the code', () => {
    const d = diagnoser.diagnose(
      'Support asked me to regenerate the client secret, I did it twice but I still get an invalid client error.',
      { explain: true },
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_client');
    expect(d.held ?? []).not.toContain('evidence');
    expect(d.held ?? []).not.toContain('margin');
  });
});
