import { beforeAll, describe, expect, it } from '@jest/globals';
import { extractCodeTokens } from '../../../src/core/matching/signals.js';
import type { Diagnoser } from '../../../src/core/matching/types.js';
import { fixtureDiagnoser } from '../../support/fixture-catalogue.js';

let diagnoser: Diagnoser;

beforeAll(async () => {
  diagnoser = await fixtureDiagnoser();
});

describe('diagnose: a code followed by an explanation naming another failure', () => {
  it('reads "INVALID_CLIENT: Insecure redirect URI" as the redirect URI', () => {
    const d = diagnoser.diagnose(
      'after login I am redirected to a page that says: "INVALID_CLIENT: Insecure redirect URI".',
    );
    expect(d.matches[0]?.id).toBe('oauth2/redirect_uri_mismatch');
    expect(d.matches[0]?.why).toContain('error message "Insecure redirect URI"');
  });

  it('reads a code and a capitalised explanation after it without a separator', () => {
    const d = diagnoser.diagnose(
      'This results in an error page: An OpenID Connect error has occurred invalid_client Invalid redirect_uri',
    );
    expect(d.matches[0]?.id).toBe('oauth2/redirect_uri_mismatch');
    expect(d.matches[0]?.why).toContain('error message "Invalid redirect_uri"');
  });

  it('reads the explanation on the line after the code', () => {
    const d = diagnoser.diagnose('[500]   unauthorized_client\n\nInvalid redirect_uri');
    expect(d.matches[0]?.id).toBe('oauth2/redirect_uri_mismatch');
  });

  it("does not read the poster's own next line as the code's explanation", () => {
    const d = diagnoser.diagnose(
      'Sorry, there was an error : unauthorized_client\n\nI tried again and the invalid redirect_uri stays in my settings',
    );
    expect(d.matches.flatMap((m) => m.why).some((w) => w.startsWith('error message'))).toBe(false);
  });
});

describe('diagnose: a code its explanation shows was used loosely', () => {
  it('ranks the code below the failure the explanation names, not tied with it', () => {
    const d = diagnoser.diagnose(
      'Request to exchange_refresh_token endpoint failed: ServerResponse(StandardErrorResponse { error: invalid_request, error_description: Some("Errors.User.RefreshToken.Invalid"), error_uri: None })',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_grant');
    expect(d.matches[1]?.id).toBe('oauth2/invalid_request');
  });
});

describe('diagnose: invalid_request whose description quotes the refused value', () => {
  it('reads what the description says is wrong, not the quoted value', () => {
    const d = diagnoser.diagnose(
      `{"error":"invalid_request","error_description":"Redirect URI 'https://app.example.com/cb' does not match the registered redirect_uris."}`,
    );
    expect(d.matches[0]?.id).toBe('oauth2/redirect_uri_mismatch');
    expect(d.matches[1]?.id).toBe('oauth2/invalid_request');
  });
});

describe('diagnose: another code spelt in known words is no misspelling', () => {
  it("does not read Zod's invalid_type as a misspelt invalid_token", () => {
    const d = diagnoser.diagnose(
      'Error during auth completion: HTTP 401: Invalid OAuth error response: ZodError: [{"expected": "object", "code": "invalid_type", "path": []}]',
    );
    expect(d.matches.flatMap((m) => m.why)).not.toContain('code invalid_token');
  });
});

describe('diagnose: Go’s oauth2 error, code and description each quoted', () => {
  it('reads `oauth2: "unauthorized_client" "invalid empty client secret"` as the client secret', () => {
    const d = diagnoser.diagnose(
      'level=error msg="cannot authenticate user" error="oauth2: \\"unauthorized_client\\" \\"invalid empty client secret\\""',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_client');
    expect(d.matches[0]?.why).toContain('error message "invalid empty client secret"');
  });

  it('reads a long line of quoted codes quickly', () => {
    const text = `oauth2: ${'"invalid_client" \\"'.repeat(20_000)}\\"\\"`;
    const started = performance.now();
    diagnoser.diagnose(text);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('keeps a code its quoted description restates', () => {
    const d = diagnoser.diagnose('oauth2: "invalid_grant" "Token has been expired or revoked."');
    expect(d.matches[0]?.id).toBe('oauth2/invalid_grant');
  });
});

describe('diagnose: an explanation that restates its code keeps the code', () => {
  it('keeps invalid_request beside a parameter said to be missing (RFC 6749 5.2)', () => {
    const d = diagnoser.diagnose(
      'I get following error {"error":"invalid_request","error_description":"Missing grant type"}',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_request');
    expect(d.matches.flatMap((m) => m.why)).not.toContain('error message "Missing grant type"');
  });

  it('reads "The grant type is unauthorized for this client_id" as unauthorized_client', () => {
    const d = diagnoser.diagnose(
      'the server rejects the refresh:\n{"error":"unauthorized_client","error_description":"The grant type is unauthorized for this client_id"}',
    );
    expect(d.matches[0]?.id).toBe('oauth2/unauthorized_client');
  });

  it('reads AppAuth’s "error: …, description: …" pair as the code and its explanation', () => {
    const d = diagnoser.diagnose(
      'PlatformException(Failed to authorize: [error: unauthorized_client, description: Invalid client or Invalid client credentials], null, null)',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_client');
    expect(d.matches[0]?.why).toContain(
      'error message "Invalid client or Invalid client credentials"',
    );
  });

  it('reads the explanation in an object literal a client printed, keys bare', () => {
    const d = diagnoser.diagnose(
      "in response I get the following error message:\n{ error: 'invalid_request', error_description: 'Invalid Authorization Code', error_reason: 'auth_code_not_found' }",
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_grant');
  });

  it('does not read a catalogue message quoted whole in a message field by its words', () => {
    const d = diagnoser.diagnose(
      "errors: [{ domain: 'global', reason: 'insufficientPermissions', message: 'Insufficient Permission: Request had insufficient authentication scopes.' }]",
    );
    expect(d.matches[0]?.id).toBe('oauth2/insufficient_scope');
  });
});

describe('extractCodeTokens: an errorType field holds the error code', () => {
  it('reads Fitbit’s "errorType": "invalid_grant" as an error field, not as a category', () => {
    const tokens = extractCodeTokens('{"errors": [{"errorType": "invalid_grant"}]}');
    expect(tokens.find((t) => t.token === 'invalid_grant')).toEqual({
      token: 'invalid_grant',
      inErrorField: true,
    });
  });

  it('still reads a "type" field as a category', () => {
    const tokens = extractCodeTokens('{"type": "OAuthException", "code": 190}');
    expect(tokens.find((t) => t.token === 'OAuthException')?.inCategoryField).toBe(true);
  });
});

describe('diagnose: an errmsg beside an errcode (WeChat and other platforms’ bodies)', () => {
  it('reads "invalid code" with its appended request id as the authorization code refused', () => {
    const d = diagnoser.diagnose(
      '获取token报错：{"errcode":40029,"errmsg":"invalid code, hints: [ req_id: AwanVA0259s113 ]"}',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_grant');
    expect(d.matches[0]?.why).toContain('error message "invalid code"');
  });

  it('reads a long errmsg of brackets quickly', () => {
    const text = `{"errcode":1,"errmsg":"invalid code${', hints: [ req_id'.repeat(40)}"} `.repeat(
      2_000,
    );
    const started = performance.now();
    diagnoser.diagnose(text);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('diagnose: an explanation stating the client authentication the server requires', () => {
  it('reads invalid_request with "client_secret must be provided …" as the client failing to authenticate', () => {
    const d = diagnoser.diagnose(
      '{"error":"invalid_request","error_description":"client_secret must be provided in the Authorization header"}',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_client');
    expect(d.matches[1]?.id).toBe('oauth2/invalid_request');
  });

  it('reads unauthorized_client with "must be authenticated using … client credentials" so too', () => {
    const d = diagnoser.diagnose(
      '{"error_description": "Requests must be authenticated using OAuth client credentials", "error": "unauthorized_client"}',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_client');
  });

  it('keeps invalid_request where the client secret is only reported missing', () => {
    const d = diagnoser.diagnose(
      'Token exchange failed: { "error": "invalid_request", "error_description": "client_secret is missing." }',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_request');
  });
});

describe('diagnose: the explanation of a code beats a conflicting category word', () => {
  it('reads oauthlib’s "(invalid_grant) explanation" as what the explanation names', () => {
    const d = diagnoser.diagnose(
      'oauthlib.oauth2.rfc6749.errors.InvalidGrantError: (invalid_grant) redirect uri does not match',
    );
    expect(d.matches[0]?.id).toBe('oauth2/redirect_uri_mismatch');
    expect(d.matches[1]?.id).toBe('oauth2/invalid_grant');
  });

  it('reads "Unregistered redirect_uri" beside invalid_request as the redirect URI', () => {
    const d = diagnoser.diagnose(
      '{"error":"invalid_request","error_description":"Unregistered redirect_uri"}',
    );
    expect(d.matches[0]?.id).toBe('oauth2/redirect_uri_mismatch');
    expect(d.matches[0]?.why).toContain('error message "Unregistered redirect_uri"');
  });

  it('reads the description of a redirect’s query string beside its code', () => {
    const d = diagnoser.diagnose(
      'Sent back to http://localhost:3000/cb?error=invalid_grant&error_description=redirect+uri+does+not+match&state=xyz',
    );
    expect(d.matches[0]?.id).toBe('oauth2/redirect_uri_mismatch');
    expect(d.matches[0]?.why).toContain('error message "redirect uri does not match"');
  });

  it('reads a code reported in prose with its message quoted after it', () => {
    const d = diagnoser.diagnose(
      'The token call always returns `invalid_request` along with hint message "redirect uri does not match".',
    );
    expect(d.matches[0]?.id).toBe('oauth2/redirect_uri_mismatch');
    expect(d.matches[1]?.id).toBe('oauth2/invalid_request');
  });

  it('keeps unauthorized_client where the description says the client is not allowed', () => {
    const d = diagnoser.diagnose(
      'https://app.example.com/cb?error=unauthorized_client&error_description=Client+is+not+allowed+to+use+response_type%3Dtoken&state=1',
    );
    expect(d.matches[0]?.id).toBe('oauth2/unauthorized_client');
  });
});
