import { beforeAll, describe, expect, it } from '@jest/globals';
import { withoutTokenEndpointMisreadings } from '../../../src/core/matching/bare-status.js';
import { buildIndex, type MatchIndex } from '../../../src/core/matching/match-index.js';
import { extractSignals } from '../../../src/core/matching/signals.js';
import type { Diagnoser } from '../../../src/core/matching/types.js';
import { fixtureCatalogue, fixtureDiagnoser } from '../../support/fixture-catalogue.js';

let diagnoser: Diagnoser;

beforeAll(async () => {
  diagnoser = await fixtureDiagnoser();
});

describe('diagnose: a bare 401 is read by the endpoint that answered it', () => {
  it('reads a 401 without a body from a token endpoint as client authentication (RFC 6749 5.2)', () => {
    const d = diagnoser.diagnose(
      'HTTPError: 401 Unauthorized on POST /api/v9/oauth2/token\n    at OAuth.tokenRequest (node_modules/oauth/lib/oauth.js:110:15)',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_client');
    expect(d.matches[0]?.why).toContain('401 from the token endpoint');
  });

  it('reads a token endpoint answering a bare "Unauthorized" as client authentication', () => {
    for (const text of [
      "whenever I make a post request to http://localhost:3000/oauth/token to get a token I get 'Unauthorized' as response",
      'groovyx.net.http.HttpResponseException: Unauthorized at https://api.example.com/token?grant_type=refresh_token&client_id=null',
    ]) {
      const d = diagnoser.diagnose(text);
      expect(d.matches[0]?.id).toBe('oauth2/invalid_client');
    }
  });

  it('reads a 401 from an API called with a token as the token refused (RFC 6750 3.1)', () => {
    const d = diagnoser.diagnose(
      "I get ClientResponseError: 401, message='Unauthorized', url=URL('https://api.example.com/v0/user/devices')",
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_token');
  });

  it('reads a 401 from an API under a path segment named auth as the token refused', () => {
    for (const text of [
      'GET https://sso.example.com/auth/realms/acme/protocol/openid-connect/userinfo returned 401 Unauthorized',
      'fetch("https://app.example.com/api/auth/session") fails with 401 Unauthorized after the upgrade',
    ]) {
      const d = diagnoser.diagnose(text);
      expect(d.matches[0]?.id).toBe('oauth2/invalid_token');
      expect(d.matches[0]?.why).toContain('401 from an API called with a token');
    }
  });

  it('leaves a 401 from a login page unread (Keycloak 16 `…/openid-connect/auth?…`)', () => {
    const d = diagnoser.diagnose(
      'GET https://sso.example.com/auth/realms/acme/protocol/openid-connect/auth?client_id=web returned 401 Unauthorized',
    );
    expect(d.matches[0]?.why ?? []).not.toContain('401 from an API called with a token');
  });

  it('leaves a 401 from a sign-in page unread: a password refused, not a token', () => {
    const d = diagnoser.diagnose(
      'requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://sso.example.com/sso/signin?id=widget&embed=true',
    );
    expect(d.matches[0]?.why ?? []).not.toContain('401 from an API called with a token');
  });

  it('reads a token asked for in words, or the token_url setting, as the token endpoint', () => {
    for (const text of [
      'oauth2: cannot fetch token: 401 Unauthorized',
      'Our login plugin fails with 401 when trying to get token with the code',
      'The POST to token_url leaves out client_id and client_secret, so the provider returns 401.',
    ]) {
      const d = diagnoser.diagnose(text);
      expect(d.matches[0]?.id).toBe('oauth2/invalid_client');
      expect(d.matches[0]?.why).toContain('401 from the token endpoint');
    }
  });

  it('lets a code in the response decide over the endpoint', () => {
    const d = diagnoser.diagnose(
      'POST https://idp.example.com/oauth2/token -> 401 {"error":"invalid_grant","error_description":"Refresh token expired"}',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_grant');
  });
});

describe('diagnose: a bare 401 that names no request', () => {
  const readings = ['oauth2/invalid_token', 'oauth2/invalid_client'];

  it.each(['401 Unauthorized', 'HTTP/1.1 401 Unauthorized', '401'])(
    'offers both RFC readings of %j, unsure, and asks which request answered',
    (text) => {
      const d = diagnoser.diagnose(text);
      expect(
        d.matches
          .slice(0, 2)
          .map((m) => m.id)
          .sort(),
      ).toEqual([...readings].sort());
      expect(d.confident).toBe(false);
      expect(d.ask?.question).toMatch(/^Which request answered 401: the token request/);
      expect([...(d.ask?.alternatives ?? [])].sort()).toEqual([...readings].sort());
    },
  );

  it("puts a named vendor's reading of the status first, the request still to decide", () => {
    const d = diagnoser.diagnose('Okta returns 401 Unauthorized');
    expect(d.matches[0]?.id).toBe('okta/invalid-client');
    expect(d.confident).toBe(false);
    expect(d.ask?.question).toMatch(/^Which request answered 401/);
    expect(d.ask?.alternatives[0]).toBe('okta/invalid-client');
    expect(d.ask?.alternatives).toEqual(expect.arrayContaining(readings));
  });

  it('never answers it unasked, even reported in the first person', () => {
    const d = diagnoser.diagnose('I keep getting 401 Unauthorized', { explain: true });
    expect(d.matches[0]?.why).toContain('401 with no request named');
    expect(d.confident).toBe(false);
    expect(d.held).toContain('evidence');
  });

  it('offers both readings of a bare 403 and asks which request answered', () => {
    const d = diagnoser.diagnose('HTTP/1.1 403 Forbidden');
    expect(
      d.matches
        .slice(0, 2)
        .map((m) => m.id)
        .sort(),
    ).toEqual(['oauth2/access_denied', 'oauth2/insufficient_scope']);
    expect(d.confident).toBe(false);
    expect(d.ask?.question).toMatch(/^Which request answered 403: an API call with the token/);
  });

  it('leaves a 401 read by the words of the paste as it was', () => {
    const d = diagnoser.diagnose(
      'I was receiving 401 in response with message: The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
    );
    expect(d.matches.length).toBeGreaterThan(0);
    expect(d.matches.flatMap((m) => m.why)).not.toContain('401 with no request named');
    expect(d.ask?.question ?? '').not.toMatch(/^Which request answered 401/);
  });

  it('leaves the reading of a 401 whose request the text names as it was', () => {
    for (const text of [
      'oauth2: cannot fetch token: 401 Unauthorized',
      'After an hour the API fails with 401 Unauthorized',
    ]) {
      const d = diagnoser.diagnose(text);
      expect(d.ask?.question ?? '').not.toMatch(/^Which request answered 401/);
      expect(d.matches.flatMap((m) => m.why)).not.toContain('401 with no request named');
    }
  });
});

describe('diagnose: a bare 400 to a refresh-token request', () => {
  it('reads it as the refresh token refused (invalid_grant, RFC 6749 5.2)', () => {
    const d = diagnoser.diagnose(
      'El refresh token me tira una excepción por status 400. Qué está pasando?',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_grant');
    expect(d.matches[0]?.why).toContain('400 to a refresh-token request');
  });

  it('does not read a callback named on_token_refresh as a refresh request', () => {
    const d = diagnoser.diagnose(
      'even if i dont send the on_token_refresh the error will be: HTTP 400: Error in call to API function "files/list_folder": The given OAuth 2 access token is malformed.',
    );
    expect(d.matches[0]?.why ?? []).not.toContain('400 to a refresh-token request');
  });
});

describe('diagnose: a bare 400 from the token endpoint', () => {
  it('reads it as the grant refused (invalid_grant, RFC 6749 5.2)', () => {
    for (const text of [
      'ETHON: performed EASY effective_url=https://account-d.example.com/oauth/token response_code=400 return_code=ok',
      'Exchanging the code at https://idp.example.com/oauth2/token returns HTTP 400 and an empty body',
    ]) {
      const d = diagnoser.diagnose(text);
      expect(d.matches[0]?.id).toBe('oauth2/invalid_grant');
      expect(d.matches[0]?.why).toContain('400 from the token endpoint');
    }
  });

  it('lets a code in the response decide over the endpoint', () => {
    const d = diagnoser.diagnose(
      'POST https://idp.example.com/oauth2/token -> 400 {"error":"invalid_request","error_description":"Missing grant_type parameter"}',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_request');
  });

  it('does not read a 400 from an API as the token endpoint', () => {
    const d = diagnoser.diagnose(
      'HTTPError: 400 Client Error: Bad Request for url: https://api.example.com/v1/users',
    );
    expect(d.matches[0]?.why ?? []).not.toContain('400 from the token endpoint');
  });
});

describe('decide: a bare status the RFC reads one way at its endpoint is evidence', () => {
  it('answers unasked a token endpoint 401 and a refresh request 400', () => {
    for (const text of [
      'I keep getting DiscordHTTPError: 401 Unauthorized on POST /api/v9/oauth2/token\n    at OAuth.tokenRequest (node_modules/discord-oauth2/lib/oauth.js:110:15)',
      'El refresh token me tira una excepción por status 400. Qué está pasando? Estoy usando el SDK de python.',
    ]) {
      const d = diagnoser.diagnose(text, { explain: true });
      expect(d.held ?? []).not.toContain('evidence');
      expect(d.held ?? []).not.toContain('margin');
    }
  });

  it('does not take an API 401 for a named code: its modest score still holds it', () => {
    const d = diagnoser.diagnose(
      "I get ClientResponseError: 401, message='Unauthorized', url=URL('https://api.example.com/v0/user/devices')",
      { explain: true },
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_token');
    expect(d.confident).toBe(false);
    expect(d.held).toContain('margin');
  });

  it('holds an API 401 beside a token the request did not carry', () => {
    for (const text of [
      'My form posts fail: 401 Client Error: Unauthorized for url: https://api.example.com/v2/items, the CSRF token is in the form',
      'I get 401 Client Error: Unauthorized for url: https://api.example.com/v2/items with basic auth, no tokens involved',
    ]) {
      expect(diagnoser.diagnose(text).confident).toBe(false);
    }
  });

  it('answers an API 401 the poster hit with a token sent (RFC 6750 3.1)', () => {
    for (const text of [
      'After I generate the access token, every call fails: "401 Client Error: Unauthorized for url: https://api.example.com/v3/userinfo"',
      "My bearer token is sent on every call, yet the sync logs ClientResponseError: 401, message='Unauthorized', url='https://api.example.com/v2/items'",
    ]) {
      const d = diagnoser.diagnose(text, { explain: true });
      expect(d.matches[0]?.id).toBe('oauth2/invalid_token');
      expect(d.held ?? []).not.toContain('evidence');
      expect(d.held ?? []).not.toContain('margin');
    }
  });
});

describe("withoutTokenEndpointMisreadings: a token endpoint's 401 is not the resource server's refusal", () => {
  let index: MatchIndex;
  beforeAll(async () => {
    index = buildIndex(await fixtureCatalogue());
  });
  const hits = (): { entry: number; code: string }[] => {
    const entry = index.entryIndex.get('oauth2/invalid_token') ?? -1;
    return [
      { entry, code: 'JWT is Invalid' },
      { entry, code: 'invalid_token' },
    ];
  };

  it('drops invalid_token read from words at the token endpoint, keeps the code as written', () => {
    const text =
      'Client request(POST https://auth.example.org/oauth/jwt/token) invalid: 401 Unauthorized. {"Error": "JWT is Invalid"}';
    expect(
      withoutTokenEndpointMisreadings(hits(), text, extractSignals(text), index).map((h) => h.code),
    ).toEqual(['invalid_token']);
  });

  it('keeps a provider code that names the refusal, written as a code: the API sent it', () => {
    const entry = index.entryIndex.get('oauth2/invalid_token') ?? -1;
    const text =
      'Our handler posts to the /token endpoint for a new access_token, yet the next call still gets 401 InvalidAuthenticationToken';
    const found = withoutTokenEndpointMisreadings(
      [
        { entry, code: 'InvalidAuthenticationToken' },
        { entry, code: 'expired_access_token' },
        { entry, code: 'invalid authentication token', asWords: true },
        { entry, code: 'JWT is Invalid' },
      ],
      text,
      extractSignals(text),
      index,
    );
    expect(found.map((h) => h.code)).toEqual([
      'InvalidAuthenticationToken',
      'expired_access_token',
    ]);
  });

  it('keeps every reading of an API 401 or of a token endpoint answering another status', () => {
    for (const text of [
      'GET https://api.example.org/v1/me -> 401 {"Error": "JWT is Invalid"}',
      'POST https://auth.example.org/oauth/token -> 400 {"Error": "JWT is Invalid"}',
      // The token endpoint only named beside the API that answered 401.
      'We get a token from https://auth.example.org/oauth/token fine, but GET https://api.example.org/v1/me returns 401 {"Error": "JWT is Invalid"}',
    ])
      expect(
        withoutTokenEndpointMisreadings(hits(), text, extractSignals(text), index),
      ).toHaveLength(2);
  });
});
