import { beforeAll, describe, expect, it } from '@jest/globals';
import { failedRequest } from '../../../src/core/matching/failed-request.js';
import type { Diagnoser } from '../../../src/core/matching/types.js';
import { fixtureDiagnoser } from '../../support/fixture-catalogue.js';

let diagnoser: Diagnoser;

beforeAll(async () => {
  diagnoser = await fixtureDiagnoser();
});

describe('failedRequest', () => {
  it.each([
    ['The given OAuth 2 access token is malformed.', 'api', 'invalid_token'],
    ['{"message":"Invalid OAuth token"}', 'api', 'invalid_token'],
    ['error_summary: expired_access_token/', 'api', 'invalid_token'],
    ['Auth failed: access token specified in the settings rejected', 'api', 'invalid_token'],
    ['Token is not active', 'api', undefined],
    ['curl -H "Authorization: Bearer abc" https://api.example.com/v1/me', 'api', undefined],
    ['Error in call to API function "files/list_folder"', 'api', undefined],
    [
      'An error occurred while attempting to retrieve the UserInfo Resource: 401 null',
      'api',
      undefined,
    ],
    [
      '[API] Invalid API key or access token (unrecognized login or wrong password)',
      'api',
      undefined,
    ],
    ['POST https://login.example.com/oauth2/token returned 401', 'token', undefined],
    [
      '401 Client Error: Unauthorized for url: https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer',
      'token',
      undefined,
    ],
    ['grant_type=refresh_token&refresh_token=abc', 'token', undefined],
    ['attempts to refresh the token are failing', 'token', undefined],
    ['The client assertion provided in the request is invalid', 'token', 'invalid_client'],
    ['Error: An API error occurred: invalid_code', 'token', 'invalid_grant'],
    [
      'the access_token request says: invalid code, hints: [ req_id: abc ]',
      'token',
      'invalid_grant',
    ],
    ['the authorization code has already been used', 'token', 'invalid_grant'],
    [
      'The API answers 401 Token invalid; it seems the scope of the request is not right.',
      'api',
      'insufficient_scope',
    ],
    [
      '{"resource":"AccessToken","field":"repo:write_permission","code":"missing"}',
      'api',
      'insufficient_scope',
    ],
    [
      'The call is refused because the token is missing the required admin scope',
      'api',
      'insufficient_scope',
    ],
  ])('reads %j as a failed %s request stating %j', (text, request, states) => {
    expect(failedRequest(text)).toEqual({
      request,
      seen: expect.any(String) as unknown,
      ...(states === undefined ? {} : { states }),
    });
  });

  it('reads a refresh failing after an API refused the expired access token as the refresh', () => {
    const side = failedRequest(
      'The access token expired after an hour, and the attempts to refresh the token are failing.',
    );
    expect(side?.request).toBe('token');
  });

  it("reads an API's code for a refused access token over a token request the text tells of", () => {
    for (const text of [
      'My handler posts to the MSGraph `/token` endpoint for a new access_token, yet the call to the API gets 401 InvalidAuthenticationToken',
      'Refreshed at https://api.dropbox.com/oauth2/token, then files/list_folder says expired_access_token',
    ])
      expect(failedRequest(text)).toEqual({
        request: 'api',
        seen: expect.any(String) as unknown,
        states: 'invalid_token',
      });
  });

  it.each([
    'Once the token expires, the app does not refresh it, which causes the API to fail.',
    'Token not refreshed: after an hour every call returns 401',
    'I think the token is not refreshed before the request, so it gets 401',
    'The access token is never refreshed and the API call fails',
    'After an hour the API fails with 401 Unauthorized',
    'The server is responding with a 401 to that refreshed token',
    'My access token expires every 10 minutes and after that every call fails with 401',
    'the token expires every 24h and then the sync stops with Unauthorized',
    'it works again if I retry after 1 hour (token expiration time) passes',
    'when I run a job it says token expiered',
    'Google oauth token expiring and the workflow gets authentication problems',
    'ExpiredCredentials 401: Unable to refresh access token without refresh token and app key',
    'after the token refresh the requests are still unauthorized',
    '{"statusCode":403,"path":"/v2/orders?take=3","message":"no client found for access token"}',
  ])(
    'reads a token left unrefreshed or expired, or an API failing, as a failed API call: %j',
    (text) => {
      expect(failedRequest(text)?.request).toBe('api');
    },
  );

  it('does not read an API failing with an error of its own as a refused token', () => {
    expect(
      failedRequest('all tests relating to the account API fail with an invalid client error')
        ?.request,
    ).not.toBe('api');
  });

  it('reads a refresh that failed as the token request, not as a token left unrefreshed', () => {
    expect(
      failedRequest('The token was not refreshed: refreshing the token failed with 400 Bad Request')
        ?.request,
    ).toBe('token');
  });

  it('does not read an access token a token request was for as refused', () => {
    expect(failedRequest('When I try to get an access token, I get "invalid_grant".')).toBe(
      undefined,
    );
  });

  it('does not read a failure supposed or asked about as stated', () => {
    for (const text of [
      'Your access token might be expired or revoked, please reconnect.',
      'How do I tell if the access token is invalid?',
    ])
      expect(failedRequest(text)?.states).toBe(undefined);
  });

  it('does not read a refresh token, an ID token or the token endpoint as an access token', () => {
    for (const text of [
      'the refresh token is invalid',
      'id_token is invalid',
      'invalid token endpoint',
    ])
      expect(failedRequest(text)?.request).not.toBe('api');
  });
});

describe('failedRequest: which token expired, what failed', () => {
  it('does not read a refresh token living for days as an access token expiring', () => {
    expect(failedRequest('the refresh token expires every 30 days')).toBe(undefined);
  });

  it('reads a URL field naming the token endpoint as no API call', () => {
    expect(failedRequest('{"url":"https://oauth2.example.com/token","status":401}')?.request).toBe(
      'token',
    );
  });

  it('does not read a PKCE code verifier as an authorization code', () => {
    expect(failedRequest('invalid code verifier for the token')?.states).toBe(undefined);
  });

  it('does not read a scope stated invalid as short', () => {
    expect(failedRequest('the requested scope is invalid')?.states).not.toBe('insufficient_scope');
  });
});

describe('diagnose: the request the text shows failing decides between its readings', () => {
  it.each([
    'API Error: 401 {"type":"error","message":"OAuth token has expired. Please obtain a new token or refresh your existing token."}',
    'HTTP Status 401 - Unauthorized. Message: OAuthToken is invalid. Description: The request lacks valid authentication credentials for the target resource.',
    'A request to the Calendar API was sent without valid credentials: {"reason":"authError","message":"Invalid Credentials","location":"Authorization"}',
    'My access token expires every 10 minutes; after that every call fails with 401 Unauthorized.',
    'The token is refreshed, yet the downloads are still unauthorized.',
  ])('reads an API refusing its access token as invalid_token: %j', (text) => {
    expect(diagnoser.diagnose(text).matches[0]?.id).toBe('oauth2/invalid_token');
  });

  it('says which request it read as failed', () => {
    const d = diagnoser.diagnose(
      'A request to the Calendar API was sent without valid credentials: {"reason":"authError","message":"Invalid Credentials","location":"Authorization"}',
    );
    expect(d.matches[0]?.why).toContain('API call refused: "request to the Calendar API"');
  });

  it('reads an API refusing its access token or another credential as invalid_token', () => {
    const d = diagnoser.diagnose(
      'Received an error response (401 Unauthorized) from the shop: [API] Invalid API key or access token (unrecognized login or wrong password)',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_token');
    expect(d.matches[0]?.why).toContain('API call refused: "Invalid API key or access token"');
  });

  it('states the failure of an access token refused in words', () => {
    const d = diagnoser.diagnose(
      'Sync job: Auth failed: access token from the config file rejected',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_token');
    expect(d.matches[0]?.why).toContain('stated "access token from the config file rejected"');
  });

  it.each([
    'Hi, I keep getting invalid client_id in my response, and jwt.io says invalid signature when I paste the secret',
    'The access token expired after an hour, and now the attempts to refresh the token are failing with 401.',
  ])('reads a failed token request as the token endpoint’s refusal, not an API’s: %j', (text) => {
    expect(diagnoser.diagnose(text).matches[0]?.id).not.toBe('oauth2/invalid_token');
  });

  it.each([
    'When they invoke `platform.refresh()` to get a new auth token, they are getting an error regarding an invalid client iD.',
    'I did a post to https://login.example.com/v2/oauth/token with my old/invalid client ID and got the error: `Grant type refresh_token is not supported.`',
  ])('reads the client stated refused at the token request as invalid_client: %j', (text) => {
    expect(diagnoser.diagnose(text).matches[0]?.id).toBe('oauth2/invalid_client');
  });

  it('reads an API failing once the client left its token unrefreshed as invalid_token', () => {
    const d = diagnoser.diagnose(
      'Once the access token expires after an hour, the client does not refresh the token, which causes the API to fail.',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_token');
  });

  it('keeps the code the server answered with, whichever request the text shows', () => {
    const d = diagnoser.diagnose(
      'When calling the reports API I get {"error":"invalid_grant"} although the access token is expired',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_grant');
  });

  it.each([
    ['Error: An API error occurred: invalid_code', 'oauth2/invalid_grant'],
    [
      'GET https://api.example.com/v3/athlete/activities resulted in a `401 Unauthorized` response: {"message":"Authorization Error","errors":[{"resource":"AccessToken","field":"activity:read_permission","code":"missing"}]}',
      'oauth2/insufficient_scope',
    ],
  ])('reads the code or the scope stated refused in %j as %s', (text, id) => {
    expect(diagnoser.diagnose(text).matches[0]?.id).toBe(id);
  });
});

describe('failedRequest: a data call answered Unauthorized', () => {
  it.each([
    "raise_error.rb:13:in `on_complete': INVALID_AUTH_HEADER: INVALID_HEADER_TYPE (Restforce::UnauthorizedError)",
    'Listing the repositories fails with Octokit::Unauthorized',
    'org.springframework.web.client.HttpClientErrorException$Unauthorized: 401 Unauthorized',
    'The SDK throws hubspot.exceptions.UnauthorizedException when it lists the contacts',
    'tweepy.errors.Unauthorized: 401 Unauthorized',
    'The API client throws an error when I make a request with the access token: 401',
    'every call using my bearer token comes back 401',
  ])('reads a client library’s 401 or a request carrying the token as an API call: %j', (text) => {
    expect(failedRequest(text)?.request).toBe('api');
  });

  it.each([
    'UnauthorizedClientException: unauthorized_client',
    'UnauthorizedError: Invalid authentication\n    at AuthenticationError (/opt/app/build/server/errors.js:35:34)',
    'I request an access token with the client credentials and get 401 Unauthorized',
    'POST https://login.example.com/oauth2/token fails with HttpClientErrorException$Unauthorized',
  ])('does not read the code or a token request as an API call: %j', (text) => {
    expect(failedRequest(text)?.request).not.toBe('api');
  });
});

describe('diagnose: an API call answered 401 with no code is the token refused', () => {
  it.each([
    "When I run this I get the following error:\n/Library/Ruby/Gems/2.3.0/gems/restforce-3.1.0/lib/restforce/middleware/raise_error.rb:13:in `on_complete': INVALID_AUTH_HEADER: INVALID_HEADER_TYPE (Restforce::UnauthorizedError)",
    'The API client throws UnauthorizedException: 401 Unauthorized when I make a request with the access token',
  ])('reads it as invalid_token, not unauthorized_client: %j', (text) => {
    expect(diagnoser.diagnose(text).matches[0]?.id).toBe('oauth2/invalid_token');
  });

  it('still reads unauthorized_client written out beside an API call', () => {
    const d = diagnoser.diagnose(
      'Calling the API fails: 401 {"error":"unauthorized_client","error_description":"The client is not authorized to use the provided grant type."}',
    );
    expect(d.matches[0]?.id).toBe('oauth2/unauthorized_client');
  });
});
