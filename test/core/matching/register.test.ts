import { describe, expect, it } from '@jest/globals';
import { readRegister } from '../../../src/core/matching/register.js';

describe('readRegister: error output', () => {
  it.each([
    ['a status line', 'HTTP/1.1 401 Unauthorized'],
    ['an error body', '{"error":"invalid_client","error_description":"bad secret"}'],
    ['a bearer challenge', 'WWW-Authenticate: Bearer error="invalid_token"'],
    ['a Java frame', 'java.io.IOException: boom\n\tat com.acme.Client.call(Client.java:12)'],
    ['a log line', '2025-11-14T02:00:09Z ERROR token refresh failed'],
    ['a SOAP fault', '<faultcode>SOAP-ENV:Client.authenticationError</faultcode>'],
    [
      "a SOAP status detail's code element",
      '<platformCore:statusDetail type="ERROR"><platformCore:code>INSUFFICIENT_PERMISSION</platformCore:code>',
    ],
    ['an audit trail row', '11/02/2025 09:14 am | Failure | TokenRejected | Storefront'],
    ['a coded message', 'AADSTS700016: Application with identifier x was not found'],
    ['a coded message in Markdown emphasis', '_AADSTS50173: The provided grant has expired._'],
    ["Google's sign-in error line", 'Access blocked\nError 400: redirect_uri_mismatch'],
    ['a Serilog line', '2020-06-07 23:18:31.385 +07:00 [ERR] Client not authorized'],
    [
      'a request and its status',
      '[14:05] POST https://idp.example.com/oauth2/token -> 401 invalid_client',
    ],
    ['an error message field', 'Error Message: client.refresh_access_token failed, code: 20001'],
    [
      'an error message field after a library sentence',
      'Please check your Access Token to fix this. Error Message: invalid_grant',
    ],
    ['a Dart frame', '#0      Token.fromMap (package:aad_oauth/model/token.dart:72:7)'],
    [
      'Node frames without a class',
      'invalid_grant: expired access/refresh token\n    at /srv/app/node_modules/jsforce/lib/oauth2.js:198:19\n    at tryCallOne (/srv/app/node_modules/promise/lib/core.js:37:12)',
    ],
    ["Serilog's console line", "**[10:50:11 ERR] No client with id 'webapi' found. aborting**"],
    [
      'an audit trail detail quoted',
      'every login shows Detail "IntegrationBlocked" in the audit trail',
    ],
    [
      'an audit trail row with the detail before its status',
      '11/05/2025 02:00  m2m@example.com  TokenNotAcceptable  Failure',
    ],
    ['an error code as a class name', 'AuthenticationErrorGeneral: SRV-110-Authentication Failure'],
    ['an error page naming where it was thrown', 'DropboxClientException in Client.php line 59:'],
    [
      'an error summary field',
      '{"error_summary": "invalid_access_token/..", "error": {".tag": "x"}}',
    ],
    ['a Ruby hash error body', '{"error"=>{"errors"=>[{"reason"=>"authError"}]}}'],
    ["requests' HTTPError", '401 Client Error: Unauthorized for url: https://example.com/userinfo'],
    ['an error line in inline code', '`Error: User denied consent`'],
    [
      'an error code and its message after words',
      'it fails with Error: unauthorised_client: Unknown',
    ],
    ['a PHP fatal error', 'PHP Fatal error:  Uncaught Exception: invalid_grant in /app/a.php:12'],
    ['an unhandled .NET exception', 'Unhandled exception. System.Exception: invalid_client'],
  ])('reads %s as output', (_name, text) => {
    expect(readRegister(text).output.length).toBeGreaterThan(0);
  });

  it("does not take a masked value ('<elided>') for a template's placeholder", () => {
    expect(readRegister("The specified kid '<elided>' is not found").discussion).toEqual([]);
  });

  it.each([
    'The Error: prefix is dropped from the message',
    'See the Error: invalid_grant section of the docs',
    'AuthenticationError is raised in the client',
  ])('does not read a mention of an error as output: %s', (text) => {
    expect(readRegister(text).output).toEqual([]);
  });

  it('does not take a mention of the Login Audit Trail for a row of it', () => {
    expect(readRegister('The wiki lists the Login Audit Trail detail codes.').output).toEqual([]);
  });
});

describe('readRegister: who is speaking', () => {
  it.each([
    'I am getting invalid_grant when refreshing',
    'we keep getting 401 from the token endpoint',
    'our nightly job fails with invalid_client',
    'the sync started failing since this morning',
    '## Steps to reproduce\n1. refresh the token',
    'Updated the client id as instructed; sign-in works but then get AADSTS50011 on the popup',
    'the new refresh token setting is giving me Error invalid_grant : refresh token is malformed',
    'POST to token_url does not contain the client_id, causing me to receive a 401 from the provider',
    'invalid scpoe from auth server when requesting api://payments/.default',
    'invalid_grant from the token endpoint since the secret rotation',
    // The report told without "I get": unable to, won't let me, receiving the error, it says.
    'I am unable to create a backup without receiving the error: token is malformed',
    'it wont allow me to login\nsays the code is invalid',
    'we had a peculiar issue with the client config',
    'I have the following error on refresh',
    'Tried both endpoints and still receiving the same error',
    'then it still says invalid token when I send a request',
    // Told in the past, without a subject, or by what the thing threw.
    'We were getting an error when trying to connect via the client',
    'Recently began receiving the error below',
    'after few hours it throws following error',
    // An adverb other than "-ly" between the poster and the verb; "Im" and "iam" for "I'm".
    'when I try to exchange it I always get invalid_client',
    'Im getting the following error when trying to refresh the token',
    'iam getting this error while calling the token endpoint',
    'The program said grant type not supported',
    // The present tense, with what it fails with; a report continued without its subject.
    'With no change in my code, all tests fail with an invalid client error.',
    'A request to the token endpoint fails with a 400 status with a valid refresh token.',
    'OAuth2 exchange of code to access token fails on:',
    'I am trying to add a package from GitLab and am getting the following error',
    '## Got this error when used personal account to login',
    'I did a post to the token endpoint with my old client ID and got the error: `x`',
    'I am keep getting the "invalid client error" since the upgrade',
    'I am trying to use the library but keep getting 401 when using it.',
  ])('reads a report of a failure: %s', (text) => {
    expect(readRegister(text).firstPerson).toBe(true);
  });

  it.each([
    ['commit or PR', 'fix(oauth2): respond with invalid_grant when the refresh token is revoked'],
    ['commit or PR', 'This PR maps AADSTS700082 to a re-login prompt. Fixes #24419'],
    ['change description', 'Added retry for INSUFFICIENT_PERMISSION in the e2e suite'],
    ['change description', 'fixed "The requested scope is invalid" error while refreshing'],
    ['docs or KB', 'What it means\nThe bearer token is no longer valid.'],
    ['hypothetical', 'If you get invalid_scope, check the scopes of the client.'],
    ['specification', 'RFC 6750 section 3.1 defines insufficient_scope.'],
    ['code handling an error', 'if ($err -match "AADSTS53003") { warn }'],
    ['condition', 'When a Bearer token is invalid, the API answers 401 with a challenge.'],
    ['diff', '-Refresh tokens last 24 hours.\n+Refresh tokens last 24 hours, not sliding.'],
    ['proposal', 'The insufficient_scope description is misleading and should be reworded.'],
    [
      'error handling',
      'The access_denied callback was not handled explicitly, so it became a 500.',
    ],
    [
      'hypothetical',
      "You don't need the token, but you could also be getting this error due to IP ranges.",
    ],
    [
      'commit or PR',
      'I lost an hour on {"error": "invalid_request"}. This change will make it clearer.',
    ],
    ['docs or KB', 'If you send an old refresh_token an invalid_grant error is returned.'],
    ['hypothetical', 'This can also happen when the realm is lower case; 12345_sb1 will cause it.'],
    ['template', "SOAP authentication failed for API '<apiName>' on tenant '<tenantName>'."],
    [
      'docs table',
      '| Error String | Configs to Check | Root Cause |\n|---|---|---|\n| `invalid_client` | 1, 2 | wrong secret |',
    ],
    [
      'glossary',
      'MSALErrorInvalidParameter = A required parameter was not provided.\ninvalid_scope - The requested scope is invalid.',
    ],
    [
      'code comment',
      '# Faultstrings the probe matches.\n# Source: an incident where\n# "The task submitted is not authorized" came back.',
    ],
    ['reply', 'If you can provide a video of the behaviour you are seeing, we will look.'],
    ['proposal', 'A 401 for an expired token should include information the client can act on.'],
    ['proposal', 'The error codes page is missing AADSTS90002 and its meaning.'],
    ['proposal', 'The README is missing the need to change the AUTHORITY_URL.'],
    ['proposal', 'The docs however state that both error and state are returned.'],
    ['docs or KB', '### Error: "Invalid login attempt"\n**Cause:** the token was revoked'],
    ['docs or KB', 'The issue typically stems from a clock that drifts.'],
    ['docs or KB', "You're getting this error because tokens expire after two hours."],
    ['hypothetical', 'When the refresh token is revoked the server will reply with invalid_grant.'],
    ['condition', 'If the nightly publish failed with `invalid_grant`, check the consent screen.'],
    ['condition', 'If a request is made with an expired token, the API ignores it.'],
    [
      'hypothetical',
      'In the case the STS returns an error with an extra parameter, can we read it?',
    ],
    ['diff', '+        if status == 401:\n+            raise AuthError(body)'],
    ['diff', '```diff\n+| AADSTS50149 | Invalid Code_Challenge_method parameter. |\n```'],
    ['change description', 'Made a change to the AADSTS50079 message.'],
    ['change description', 'Document the client-callback requirement and the AADSTS50011 pitfall.'],
    ['proposal', 'It would be much more useful if the error message said which scope it was.'],
    ['proposal', 'Suggested improvement to help developers: say that the token expired.'],
    ['how-to', 'Is there a way to handle an `invalid_grant` error, specifically `invalid_code`?'],
    ['docs or KB', '报错原因：\n缺少必填参数 client_secret\n处理方式：\n填写 clientSecret'],
  ])('reads %s as written about errors', (marker, text) => {
    expect(readRegister(text).discussion).toContain(marker);
  });

  it('reads a line printed between an exception and its stack frames as output, not prose', () => {
    const text =
      'javax.xml.ws.soap.SOAPFaultException: INVALID_SESSION_ID: Invalid Session ID found in SessionHeader\n' +
      'This error usually occurs after a session expires or a user logs out.\n' +
      '\tat org.apache.cxf.jaxws.JaxWsClientProxy.invoke(JaxWsClientProxy.java:161)';
    expect(readRegister(text).discussion).toEqual([]);
    expect(readRegister('This error usually occurs after a session expires.').discussion).toContain(
      'docs or KB',
    );
  });

  it("does not read a quote cut off before it closed as the poster's words", () => {
    const text =
      'Message I\'m receiving is "Application was not found. This can happen if the application has not been installed.';
    expect(readRegister(text).prose).not.toContain('This can happen');
    expect(readRegister(text).prose).toContain('receiving');
  });

  it("does not read a vendor's own message, quoted or on an error line, as discussion", () => {
    const text =
      "AADSTS90002: Tenant 'x' not found. This may happen if there are no active subscriptions.\n" +
      'We see this "It could be due to an invalid Client" message every night.';
    expect(readRegister(text).discussion).toEqual([]);
  });
});

describe('readRegister: headings and quotes', () => {
  it('reads an issue template heading as a report, not a line that starts with the same words', () => {
    expect(readRegister('### Error message\n`invalid_grant`').firstPerson).toBe(true);
    expect(
      readRegister('Error Message 401: Invalid Credentials - check the client.').firstPerson,
    ).toBe(false);
  });

  it("reads a field's quoted value over several lines as the program's words", () => {
    const text =
      "exceptionMessage='Invalid Session ID found in SessionHeader: Illegal Session.\nThis error usually occurs after a session expires.'";
    expect(readRegister(text).discussion).toEqual([]);
  });

  it('does not take the apostrophes of contractions for a quote around the words between them', () => {
    const text =
      "You don't need the security token; you could also be getting this error. Check the user's history.";
    expect(readRegister(text).discussion).toContain('hypothetical');
  });
});

describe('readRegister: a summary heading', () => {
  it('reads a Summary or Description heading as docs, but not beside the sections of a bug report', () => {
    expect(
      readRegister('## Summary\nThe token endpoint now answers invalid_grant.').discussion,
    ).toContain('docs or KB');
    const report =
      '### Summary\nAfter login the session keeps a stale refresh token.\n\n### Expected behavior\nFresh credentials.\n\n### Observed behavior\nCalls fail.';
    expect(readRegister(report).discussion).not.toContain('docs or KB');
    const described = '**Description**\nLogin fails.\n\n**Steps to reproduce**\n1. Open the app';
    expect(readRegister(described).discussion).not.toContain('docs or KB');
  });
});

describe('readRegister: failures that are not authentication', () => {
  it.each([
    ['TLS', 'unable to verify the first certificate (UNABLE_TO_VERIFY_LEAF_SIGNATURE)'],
    [
      'TLS',
      'Get https://idp.example.com/.well-known/openid-configuration: x509: certificate signed by unknown authority',
    ],
    ['TLS', 'The remote certificate is invalid according to the validation procedure.'],
    ['TLS', 'curl: (60) unable to get local issuer certificate'],
    ['DNS', 'getaddrinfo ENOTFOUND login.example.com'],
    ['network', 'connect ECONNREFUSED 10.0.0.4:443'],
    [
      'network',
      'Failed to exchange authorization code for tokens: request to      │\n│   https://oauth2.googleapis.com/token failed, reason:',
    ],
    [
      'network',
      'openid authentication failure; msg=Failed to contact token endpoint: Request failed',
    ],
    ['network', 'array(1) { ["http_request_failed"]=> string(21) "URL was incorrect." }'],
    ['network', 'fails post-OAuth with "Couldn\'t reach the MCP server"'],
    [
      'client library',
      'oauthlib.oauth2.rfc6749.errors.MissingTokenError: (missing_token) Missing access token parameter.',
    ],
    ['client library', '    raise TokenExpiredError()'],
    ['rate limit', 'HTTP 429 Too Many Requests'],
    ['server error', '502 Bad Gateway'],
    ['CORS', "blocked by CORS policy: No 'Access-Control-Allow-Origin' header"],
    ['parse', 'A popup shows the error message: "Could not decode access_token: InvalidToken".'],
    // A token response that was not JSON (an HTML page), as Go, Node and Python print it.
    [
      'parse',
      "Failed to exchange oauth code into token: invalid character '<' looking for beginning of value",
    ],
    ['parse', 'SyntaxError: Unexpected token < in JSON at position 0'],
    ['parse', 'json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)'],
  ])('reads %s', (kind, text) => {
    expect(readRegister(text).otherFailure).toContain(kind);
  });

  it.each([
    ['a token endpoint that answered', 'Failed to contact token endpoint: invalid_client'],
    ['a server verifying a JWT', 'TokenExpiredError: jwt expired'],
  ])('reads no failure of another kind in %s', (_, text) => {
    expect(readRegister(text).otherFailure).toEqual([]);
  });

  it('reads a long run of box borders after "request to" within a second', () => {
    const text = `request to ${'│ '.repeat(20_000)}x`;
    const started = performance.now();
    readRegister(text);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('readRegister: impersonal descriptions are not reports', () => {
  it.each([
    'reusing an older refresh token then fails with invalid_grant',
    'the endpoint will return the below error if you try this',
    'your sync will fail when the password changes',
    'you could also be getting this error due to IP ranges',
    'feel free to reopen it if you keep getting this error',
    'In the spec it says that clients must authenticate',
    'When receiving the error, the client should refresh the token.',
    'The exchange should fail with an invalid_grant error.',
    'A reused code is expected to fail with a 400.',
    'The request then fails with an invalid_client error.',
  ])('%s', (text) => {
    expect(readRegister(text).firstPerson).toBe(false);
  });

  it('does not read "we receive" under a stated cause as a report', () => {
    const text = 'When the NetSuite credentials are invalid, we receive the following payload.';
    expect(readRegister(text).firstPerson).toBe(false);
    expect(readRegister('When I call the token endpoint, we receive a 401.').firstPerson).toBe(
      true,
    );
  });

  it('reads "led me to" as what the poster found, not a failure', () => {
    expect(readRegister('Reading the RFC led me to the token endpoint docs.').firstPerson).toBe(
      false,
    );
  });

  it('reads "it worked for me" as no failure', () => {
    expect(
      readRegister('I tried my test app just now, and it worked for me.').discussion,
    ).toContain('works for me');
  });
});

describe('readRegister: which error a server ought to send', () => {
  it.each([
    'Token endpoint returns invalid_request instead of invalid_grant for used codes',
    'According to the spec the correct error for a reused code is `invalid_grant`, not `invalid_request`.',
    'Please return a 401 if the provided OAuth access token is invalid',
    'Better invalid_redirect_uri error message: the current one is not very helpful.',
    'auth: 400 instead of panics on invalid tokens passed to oauth userinfo',
    'The refresh methods now raise the proper exception. For example, instead of',
    // The line ends there and the example follows on the next lines.
    'It should answer with a clear code instead of:\n\n    {"error":"server_error"}\n',
  ])('reads %s as about the error', (text) => {
    expect(readRegister(text).discussion).toContain('error choice');
  });

  it.each([
    'We get invalid_grant when refreshing since this morning.',
    'HTTP/1.1 400 Bad Request {"error":"invalid_scope"}',
  ])('does not read a report as about the error: %s', (text) => {
    expect(readRegister(text).discussion).not.toContain('error choice');
  });
});

describe('readRegister: a kind of error written as words opening a line', () => {
  it.each([
    'Authentication error: Refresh Token has expired',
    'Client error: `POST https://zoom.us/oauth/token` resulted in a `400 Bad Request` response',
  ])('reads it as output: %s', (text) => {
    expect(readRegister(text).output).toContain('exception');
  });

  it.each(['This error: invalid_grant shows up after a day.', 'the usual error: nothing happens'])(
    "does not read a sentence's error and colon as output: %s",
    (text) => {
      expect(readRegister(text).output).not.toContain('exception');
    },
  );

  it('reads a long line of capitalised words within a second', () => {
    const text = `${'Client '.repeat(10_000)}error`;
    const started = performance.now();
    readRegister(text);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('readRegister: an exception class named in source code', () => {
  it.each([
    'if (code.isExpired()) { throw new OAuth2AuthenticationException(new OAuth2Error(INVALID_GRANT)); }',
    'raise InvalidGrantError(description="Refresh token expired")',
    'except InvalidGrantError:\n    refresh()',
    'was changed to `throw OAuthServerException::invalidGrant()` and `throw Auth.TokenError(msg)`',
  ])('does not read code that would raise it as output: %s', (text) => {
    expect(readRegister(text).output).not.toContain('exception');
  });

  it.each([
    'oauthlib.oauth2.rfc6749.errors.InvalidGrantError: (invalid_grant) Bad Request',
    'Unhandled exception. OAuthException: invalid_grant',
    'new token requested, then TokenResponseException: Error:"invalid_grant"',
  ])('still reads a printed exception as output: %s', (text) => {
    expect(readRegister(text).output).toContain('exception');
  });
});

describe('readRegister: a reproduction is not a hypothetical', () => {
  it.each([
    'After implementing Discord auth you will receive the following error.',
    'If you click on Login with Spotify you will see this.',
    "I changed nothing on my side, so I'm wondering what could cause this issue?",
  ])('does not read "you will get", or asking what could cause it, as hypothetical: %s', (text) => {
    expect(readRegister(text).discussion).not.toContain('hypothetical');
  });

  it.each([
    'In those rare cases, you may see errors like this one although your configuration is correct.',
    'A type mismatch can cause NetSuite to reject the token exchange.',
  ])('still reads a hedged possibility as hypothetical: %s', (text) => {
    expect(readRegister(text).discussion).toContain('hypothetical');
  });
});

describe('readRegister: a page said to be missing something', () => {
  it.each([
    'I followed the quickstart guide and the refresh token is missing from the response',
    'I followed the tutorial, but the access token is missing in the callback',
    'Following the docs page when I call /token the scope is missing',
  ])('does not read another subject missing something as a proposal: %s', (text) => {
    expect(readRegister(text).discussion).not.toContain('proposal');
  });

  it('still reads the page itself missing something as a proposal', () => {
    expect(readRegister('The table on this page does not list AADSTS90002.').discussion).toContain(
      'proposal',
    );
  });
});

describe("readRegister: the poster's words in front of output", () => {
  it('reads a few words before a coded message on the same line as prose', () => {
    const register = readRegister(
      'This page is missing AADSTS7000215: Invalid client secret is provided.',
    );
    expect(register.prose).toContain('This page is missing');
    expect(register.discussion).toContain('proposal');
  });

  it("does not read a library's long sentence before the cause as the poster's", () => {
    const register = readRegister(
      'A configuration issue is preventing authentication - check the error message from the server for details. Original exception: AADSTS7000218: The request body must contain client_secret.',
    );
    expect(register.prose).toBe('');
  });
});

describe("readRegister: the program's text spread over lines", () => {
  it('does not read inline code that runs over lines as the poster writing', () => {
    const text =
      "Can someone help me?\n`errors: [\n  {\n    reason: 'insufficientPermissions',\n  }\n]`";
    const register = readRegister(text);
    expect(register.prose).not.toContain('reason');
    expect(register.discussion).toEqual([]);
  });

  it("does not read a field's cut-off quoted value as the poster's words", () => {
    const text =
      "Caused by: ApiFault exceptionCode='INVALID_SESSION_ID'\n exceptionMessage='Invalid Session ID found in SessionHeader: Illegal Session\nThis error usually occurs after a";
    expect(readRegister(text).discussion).toEqual([]);
  });

  it.each([
    'The 401 is coming from the identity provider, you will need to check it.',
    'client_id = the one from the API clients page',
  ])('does not read an explanation or a setting as a headline report: %s', (text) => {
    expect(readRegister(text).firstPerson).toBe(false);
  });
});

describe('readRegister: lines read before', () => {
  // Lines are remembered between pastes (output-rules.ts); neither a remembered line nor a just-emptied
  // memory may change a reading.
  it('reads a text alike before and after pastes that fill the line memory', () => {
    const text =
      'we keep getting error: invalid_grant\n2025-11-14T02:00:09Z ERROR token refresh failed\nany idea?';
    const first = readRegister(text);
    for (let p = 0; p < 3; p++) {
      const lines = Array.from({ length: 2_000 }, (_, i) => `line ${p}-${i} ERROR: x${i}`);
      readRegister(lines.join('\n'));
      expect(readRegister(text)).toEqual(first);
    }
    expect(first.output).toContain('log line');
    expect(first.prose).toContain('we keep getting');
  });
});

describe('readRegister: an error message mid-line', () => {
  it('is output only before a code', () => {
    expect(
      readRegister('Please check your Access Token. Error Message: invalid_grant').output,
    ).toContain('error line');
    expect(readRegister('The error message: please sign in again').output).not.toContain(
      'error line',
    );
  });
});

describe('readRegister: a receipt under a condition', () => {
  it('is no first-person report', () => {
    const text = 'If we are getting invalid_client on the token exchange, we can stop retrying.';
    expect(readRegister(text).firstPerson).toBe(false);
    expect(readRegister('We are getting invalid_client on the token exchange.').firstPerson).toBe(
      true,
    );
  });

  // What the poster gets under the condition must be an error: "if I get a new token" is a step.
  it.each([
    'If I get a new token with Postman it works, but from our app I get invalid_grant when refreshing.',
    'If we receive a refresh token in the authorization response we use it to get a new access token.',
  ])('reads no condition where nothing received is an error: %s', (text) => {
    expect(readRegister(text).discussion).not.toContain('condition');
  });
});

describe('readRegister: texts that discuss an error they name without having it', () => {
  it.each([
    [
      'docs or KB',
      'The unsupported_scope error is returned when the client asks for a scope it was never granted.',
    ],
    ['docs or KB', 'invalid_grant 最常见的原因是授权码已经用过一次。'],
    [
      'docs or KB',
      'Token Endpoint Error Responses\n\nEach response below carries a code and a description.',
    ],
    ['docs or KB', 'This typically happens when the clock of the signing host drifts.'],
    [
      'error choice',
      'The server reaches the consent screen rather than sending an early invalid_scope.',
    ],
    ['error choice', 'When a client presents a revoked refresh token, return invalid_grant.'],
    ['error choice', 'The 400 is indistinguishable from a dead refresh token.'],
    ['error handling', 'The mobile client fails to report errors from the login page.'],
    ['error handling', 'To handle this, the SDK would have to look at the error body first.'],
    ['error handling', 'Add an error handler for the consent callback.'],
    ['reply', 'LGTM. Agree with handling the expired session in the middleware.'],
    ['reply', 'I looked up your request id and the call fails at the token exchange step.'],
    ['reply', 'Would you mind trying the steps in the linked answer?'],
    [
      'spec linked',
      'Per https://datatracker.ietf.org/doc/html/rfc6750#section-3.1 the code means the token expired.',
    ],
    ['condition', 'If an invalid `client_id` is provided, the SDK logs a null message.'],
    ['condition', 'If you provide an expired code, the server answers with a 400.'],
    ['hypothetical', 'The tenant id is needed in the authority to avoid the error.'],
    [
      'change description',
      'A scope outside the list is now invalid_scope for every client, a small behaviour change.',
    ],
    ['docs or KB', 'The invalid_grant here is usually the callback being consumed twice.'],
    ['docs or KB', 'The provider sends an odd error code returned when the user lacks a role.'],
    ['hypothetical', 'In case a user cancels the consent, the callback carries access_denied.'],
    ['condition', 'It answers with a bare 400 when an invalid refresh token is used.'],
    // The words a rule is scanned for are found in any case where the rule reads any case.
    ['change description', 'BREAKING CHANGE: an expired code is now answered with invalid_grant.'],
    ['condition', 'IT ANSWERS WITH A BARE 400 WHEN AN INVALID REFRESH TOKEN IS USED.'],
    ['commit or PR', 'The change fixes the issue where an expired refresh token hangs the client.'],
    [
      'change description',
      '**Token refresh on start** — When the stored token has expired, it refreshes it first.',
    ],
    [
      'condition',
      'If we are getting invalid_client on the token exchange, the registration was deleted.',
    ],
  ])('reads %s in: %s', (rule, text) => {
    expect(readRegister(text).discussion).toContain(rule);
  });

  it.each([
    'We get invalid_grant when we refresh, see the logs below.',
    'Our token call keeps returning 400 invalid_scope since this morning.',
    '{"error":"invalid_client","error_description":"see https://tools.ietf.org/html/rfc6749#section-5.2"}',
    'No error messages at all in the console, the page just reloads.',
    // A poster telling how they looked at their own failure is no maintainer tracing it for them.
    'I looked into the sign-in logs and found AADSTS50173 for this user.',
    'I traced it with Fiddler: the token endpoint answers 401 invalid_client.',
    // Which value the poster sends is no choice of error, and code is not the poster's prose.
    'We get invalid_client when we send the secret in the body rather than the client_secret_basic header.',
    'Our token call fails with invalid_client:\n\n    def token():\n        resp = post(url)\n        return access_token',
  ])('reads none of them in a report: %s', (text) => {
    const discussion = readRegister(text).discussion;
    for (const rule of ['docs or KB', 'error choice', 'error handling', 'reply', 'spec linked'])
      expect(discussion).not.toContain(rule);
  });

  // A change the poster made to their own setup is no change under review.
  it.each([
    'I rotated the client secret yesterday, but the change makes no difference: I still get invalid_client.',
    'Not sure the change will take effect at once; right now I get redirect_uri_mismatch on login.',
  ])('reads no commit or PR in: %s', (text) => {
    expect(readRegister(text).discussion).not.toContain('commit or PR');
  });

  it('reads no condition in a poster telling what they sent ("if we send …")', () => {
    const text =
      'We get invalid_grant if we send an expired refresh token to the token endpoint, since this morning.';
    expect(readRegister(text).discussion).not.toContain('condition');
  });
});

describe('readRegister: a blanked text read beside the register it was blanked from', () => {
  const plain = (r: ReturnType<typeof readRegister>) => ({
    firstPerson: r.firstPerson,
    discussion: r.discussion,
    otherFailure: r.otherFailure,
    prose: r.prose,
  });
  it.each([
    [
      'the same prose',
      'We keep getting this since the update:\nHTTP/1.1 401 Unauthorized\n{"error":"invalid_client"} timed out',
      'We keep getting this since the update:\nHTTP/1.1 401 Unauthorized\n{"error":"xxxxxxx_xxxxxx"} timed out',
    ],
    [
      'a prose that differs',
      'If you get invalid_grant, the refresh token is expired. See this PR.',
      'If you get xxxxxxx_xxxxx, the refresh token is expired. See this PR.',
    ],
  ])('reads as the text read alone (%s)', (_, text, blanked) => {
    const alone = readRegister(blanked);
    const beside = readRegister(blanked, readRegister(text));
    expect(plain(beside)).toEqual(plain(alone));
  });
});

describe('readRegister: a reference of error codes', () => {
  it('reads three or more codes, each on its own line with its own description, as a glossary', () => {
    const list = [
      '- `invalid_request`: The request is missing a required parameter or is malformed.',
      '- `unauthorized_client`: The client is not allowed to use this grant type.',
      '- `E0000011`: An API token or access token that is not valid was provided.',
    ].join('\n');
    expect(readRegister(list).discussion).toContain('glossary');
    const table = [
      '| Code | Meaning |',
      '|---|---|',
      '| AADSTS50058 | A silent sign-in request was sent but no user is signed in. |',
      '| AADSTS65001 | The user or administrator has not consented to use the application. |',
      '| TokenExpired | The token has passed its expiry time and must be refreshed. |',
    ].join('\n');
    expect(readRegister(table).discussion).toContain('glossary');
    const headed = [
      '### invalid_grant',
      'The refresh token is expired, revoked or was issued to another client.',
      '### invalid_client',
      'Client authentication failed because the secret does not match.',
      '### INVALID_LOGIN',
      'The user name or password of the integration user is wrong.',
    ].join('\n');
    expect(readRegister(headed).discussion).toContain('glossary');
  });

  it('does not read two codes, one code repeated, or output lines as a reference', () => {
    const two = [
      '- invalid_grant: The refresh token is expired or revoked by the user.',
      '- invalid_client: The client secret does not match the registered one.',
    ].join('\n');
    expect(readRegister(two).discussion).not.toContain('glossary');
    const printed = [
      'error_description: AADSTS70008: The provided authorization code or refresh token has expired.',
      'error_description: AADSTS70008: The provided authorization code or refresh token has expired.',
      'error_codes: [70008]',
      'trace_id: 0b5f6f47-3c1a-4a7e-9c1a-2f4c1c2d0e00',
      'client_id: 4a1c2d3e',
    ].join('\n');
    expect(readRegister(printed).discussion).not.toContain('glossary');
    const trace = [
      'TokenExpiredError: jwt expired at the time given in the token',
      'JsonWebTokenError: invalid signature for the token given here',
      'NotBeforeError: jwt not active until the time given in nbf',
    ].join('\n');
    expect(readRegister(trace).discussion).not.toContain('glossary');
  });

  it('reads a long line of code-shaped words within a second', () => {
    const long = `${'- invalid_grant_a: '.repeat(2000)}\n${'A_B '.repeat(5000)}`;
    const start = performance.now();
    readRegister(long);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
