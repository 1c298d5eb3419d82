import { beforeAll, describe, expect, it } from '@jest/globals';
import { answerMatch } from '../../../src/core/matching/answer-bar.js';
import { MAX_INPUT_CHARS } from '../../../src/core/matching/normalise.js';
import type { Diagnoser } from '../../../src/core/matching/types.js';
import { fixtureDiagnoser } from '../../support/fixture-catalogue.js';

let diagnoser: Diagnoser;

beforeAll(async () => {
  diagnoser = await fixtureDiagnoser();
});

describe('diagnose: the same code read by its vendor', () => {
  it('reads 401 invalid_client from a Workday token endpoint as workday/invalid-credentials', () => {
    const d = diagnoser.diagnose(
      'POST https://wd5-impl-services1.workday.com/ccx/oauth2/acme_impl/token -> 401 {"error":"invalid_client"}',
    );
    expect(d.matches[0]?.id).toBe('workday/invalid-credentials');
    expect(d.confident).toBe(true);
    expect(d.matches[0]?.why).toEqual(
      expect.arrayContaining([
        'code invalid_client',
        'host wd5-impl-services1.workday.com',
        'status 401',
      ]),
    );
  });

  it('reads the same answer from an unnamed provider as oauth2/invalid_client', () => {
    const d = diagnoser.diagnose(
      'POST https://auth.example.org/oauth/token -> 401 {"error":"invalid_client"}',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_client');
    expect(d.confident).toBe(true);
  });
});

describe("diagnose: NetSuite's OAuth 2.0 resource-call rejection", () => {
  // Oracle, "RESTlets and REST Web Services Authentication Errors": a rejected access token answers
  // 401 with RFC 6750's invalid_token and NetSuite's own description.
  const challenge =
    'WWW-Authenticate: Bearer realm="1234567", error="invalid_token", error_description="Invalid login attempt."';

  it('reads the challenge from a NetSuite REST call as netsuite/InvalidLogin, not the vendor-neutral code', () => {
    const d = diagnoser.diagnose(
      `GET https://1234567.suitetalk.api.netsuite.com/services/rest/record/v1/customer -> 401\n${challenge}`,
    );
    expect(d.matches[0]?.id).toBe('netsuite/InvalidLogin');
    expect(d.matches.map((m) => m.id)).toContain('oauth2/invalid_token');
  });

  it("reads NetSuite in its description alone, and leaves another provider's invalid_token to oauth2", () => {
    expect(diagnoser.diagnose(`HTTP/1.1 401 Unauthorized\n${challenge}`).matches[0]?.id).toBe(
      'netsuite/InvalidLogin',
    );
    const other = diagnoser.diagnose(
      'WWW-Authenticate: Bearer error="invalid_token", error_description="The access token expired"',
    );
    expect(other.matches[0]?.id).toBe('oauth2/invalid_token');
  });
});

describe('diagnose: a Login Audit Trail code that TBA and OAuth 2.0 share', () => {
  it('reads the TBA wording of FeatureDisabled as netsuite/FeatureDisabled, whose steps enable TBA', () => {
    const { matches, confident } = diagnoser.diagnose(
      'NetSuite login audit trail: The Token-based Authentication feature in NetSuite is not enabled.',
    );
    const steps = matches[0]?.entry.steps ?? [];
    expect({
      id: matches[0]?.id,
      confident,
      tba: steps.some((s) => s.includes('Token-Based')),
    }).toEqual({ id: 'netsuite/FeatureDisabled', confident: true, tba: true });
  });
});

describe('diagnose: what people paste', () => {
  it.each([
    [
      'HTTP dump with a bearer challenge',
      'GET /ccx/api/v1/acme/workers HTTP/1.1\nHost: wd2-impl-services1.workday.com\n\nHTTP/1.1 403 Forbidden\nWWW-Authenticate: Bearer error="insufficient_scope"',
      'workday/insufficient-scope',
    ],
    [
      'NetSuite REST body plus the audit trail detail',
      '{"type":"https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2","title":"Unauthorized","status":401,"o:errorDetails":[{"detail":"Invalid login attempt.","o:errorCode":"INVALID_LOGIN"}]}\nLogin Audit Trail detail: TokenBlocked',
      'netsuite/TokenBlocked',
    ],
    [
      'Login Audit Trail row',
      'Date: 11/02/2025 04:10 | User: svc-sync@example.com | Role: Integration | Status: Failure | Detail: ScopeMismatched',
      'netsuite/ScopeMismatched',
    ],
    [
      'log line with timestamp and request id',
      '2025-11-14T02:00:09.118Z ERROR [req 4f1c2a9e-07b3-4d58-9e6f-2a1b3c4d5e6f] token refresh failed: {"error":"invalid_grant","error_description":"Refresh token expired"}',
      'oauth2/invalid_grant',
    ],
    [
      'Java stack trace around a Workday 404',
      'java.io.IOException: Server returned HTTP response code: 404 for URL: https://wd3-impl-services1.workday.com/ccx/oauth2/token\n\tat sun.net.www.protocol.http.HttpURLConnection.getInputStream(HttpURLConnection.java:1997)\n\tat com.acme.wd.TokenClient.fetch(TokenClient.java:57)',
      'workday/invalid-token-url',
    ],
    [
      'Slack formatting around a code',
      '>>> our restlet calls fail :sob: — audit trail says *IntegrationBlocked* <@U0A1B2C3D> did someone block <https://1234567.app.netsuite.com/app/common/integration/integrapp.nl|the record>?',
      'netsuite/IntegrationBlocked',
    ],
    ['a code alone, lower case', 'tokenvaliditytoobroad', 'netsuite/TokenValidityTooBroad'],
    [
      'a code written as words with a typo',
      'netsuite audit trail: invalid isuer for our m2m app',
      'netsuite/InvalidIssuer',
    ],
    [
      'another language around an English code',
      'Hola, el Login Audit Trail de NetSuite muestra MissingKeyId para nuestra integración M2M. ¿Qué falta?',
      'netsuite/MissingKeyId',
    ],
    [
      'a Workday 503 on the token URL',
      'Invoke-RestMethod : (503) Server Unavailable. POST https://wd5-impl-services1.workday.com/ccx/oauth2/AcmeCorp/token',
      'workday/invalid-tenant-name',
    ],
  ])('%s', (_label, text, id) => {
    const d = diagnoser.diagnose(text);
    expect(d.matches[0]?.id).toBe(id);
  });
});

describe('diagnose: stays quiet', () => {
  it.each([
    [
      'nginx 502',
      '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.25.3</center></body></html>',
    ],
    [
      'a NullPointerException',
      'Exception in thread "main" java.lang.NullPointerException: Cannot invoke "String.length()" because "token" is null\n\tat com.acme.App.main(App.java:14)',
    ],
    [
      'gpg',
      'gpg: Signature made Tue 04 Nov 2025 10:12:01 UTC\ngpg: BAD signature from "Release Key <release@example.org>"',
    ],
    [
      'CORS',
      "Access to fetch at 'https://api.example.com/token' from origin 'https://app.example.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    ],
    [
      'chatter with the words',
      'reminder: the new client onboarding call is at 3, bring the tenant list and the refresh plan for the role review, scope is still TBD',
    ],
    [
      'a question about codes',
      'what is the difference between invalid_grant and invalid_client? writing docs',
    ],
    [
      'a working config',
      'Workday API client for payroll (all working): Token Endpoint https://wd5-services1.myworkday.com/ccx/oauth2/acme/token, Refresh Token Timeout 180 days',
    ],
  ])('%s', (_label, text) => {
    expect(diagnoser.diagnose(text).confident).toBe(false);
  });
});

describe('diagnose: the result', () => {
  it('ranks at most five matches, best first, with confidences in [0, 1]', () => {
    const d = diagnoser.diagnose('401 Unauthorized invalid token expired scope client');
    expect(d.matches.length).toBeLessThanOrEqual(5);
    for (const m of d.matches) {
      expect(m.confidence).toBeGreaterThanOrEqual(0);
      expect(m.confidence).toBeLessThanOrEqual(1);
    }
    const confidences = d.matches.map((m) => m.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
  });

  it('answers nothing for an empty or blank text', () => {
    expect(diagnoser.diagnose('')).toMatchObject({ matches: [], confident: false });
    expect(diagnoser.diagnose(' \n\t ').confident).toBe(false);
  });

  it('reads the head and tail of a huge paste and says it was truncated', () => {
    const noise = '2025-10-01 03:00:01 INFO worker heartbeat ok\n'.repeat(25_000);
    const text = `${noise}Login Audit Trail detail: TokenRejected\n`;
    const d = diagnoser.diagnose(text);
    expect(d.truncated).toBe(true);
    expect(d.inputLength).toBeLessThanOrEqual(MAX_INPUT_CHARS + 3);
    expect(d.matches[0]?.id).toBe('netsuite/TokenRejected');
  });

  it('copes with binary bytes and broken surrogates', () => {
    const junk = String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 65535));
    expect(() => diagnoser.diagnose(junk)).not.toThrow();
  });
});

describe('diagnose: answers unasked only when a failure happened', () => {
  it.each([
    [
      'a commit title naming the code',
      'fix(oauth2): respond with invalid_grant when the refresh token is invalid',
    ],
    [
      'a PR description quoting a bearer challenge',
      'This PR sets WWW-Authenticate: Bearer error="invalid_token" on 401 answers. Fixes #12',
    ],
    [
      'docs explaining a code',
      'invalid_grant on a refresh means the refresh token itself was rejected; the most common cause is a rotated token.',
    ],
    [
      'a quoted specification',
      'See RFC 6750 section 3.1: insufficient_scope - The request requires higher privileges than provided by the access token.',
    ],
    ['a TLS failure', 'curl: (60) SSL certificate problem: unable to get local issuer certificate'],
    [
      "another product's permission error",
      '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>',
    ],
  ])('stays quiet on %s', (_label, text) => {
    expect(diagnoser.diagnose(text).confident).toBe(false);
  });

  it.each([
    [
      'a first-person report',
      'we keep getting invalid_grant from the token endpoint since this morning',
    ],
    [
      'an error body',
      'POST /oauth/token -> 400 {"error":"invalid_grant","error_description":"expired"}',
    ],
  ])('answers %s', (_label, text) => {
    const d = diagnoser.diagnose(text);
    expect(d.matches[0]?.id).toBe('oauth2/invalid_grant');
    expect(d.confident).toBe(true);
  });
});

describe('diagnose: explain names the checks that held a reading', () => {
  it('reports none for a confident reading, and leaves them out unless asked', () => {
    const text = 'POST /oauth/token -> 400 {"error":"invalid_grant","error_description":"expired"}';
    expect(diagnoser.diagnose(text, { explain: true })).toMatchObject({
      confident: true,
      held: [],
    });
    expect(diagnoser.diagnose(text).held).toBeUndefined();
  });

  it('names the gate for a commit title', () => {
    const d = diagnoser.diagnose(
      'fix(oauth2): respond with invalid_grant when the refresh token is invalid',
      { explain: true },
    );
    expect(d).toMatchObject({ confident: false, held: ['gate'] });
  });

  it('names every failed check, not only the first', () => {
    // Plain words, no code and no output: too little evidence, and no clear lead over the others.
    const d = diagnoser.diagnose('the token is invalid', { explain: true });
    expect(d).toMatchObject({ confident: false, held: ['evidence', 'margin'] });
  });

  it('counts a code the error output prints as words as evidence, not the same words in prose', () => {
    const printed = diagnoser.diagnose(
      'Traceback (most recent call last):\n  File "sync.py", line 12, in <module>\nsheets.errors.ApiError: 401, Invalid token: credential has expired',
      { explain: true },
    );
    expect(printed.matches[0]?.id).toBe('oauth2/invalid_token');
    expect(printed.held).not.toContain('evidence');
    const prose = diagnoser.diagnose('the docs call it an invalid token when it has expired', {
      explain: true,
    });
    expect(prose.held).toContain('evidence');
  });

  it('explains without changing the answer', () => {
    const text = 'invalid_grant or invalid_client? which one should my server send';
    const plain = diagnoser.diagnose(text);
    const { held, ...explained } = diagnoser.diagnose(text, { explain: true });
    expect(explained).toEqual(plain);
    expect(held?.length).toBeGreaterThan(0);
  });
});

describe('diagnose: a runner-up reached only by loose words is no second reading', () => {
  it('answers a token endpoint 401 though unauthorized_client shares its words', () => {
    const d = diagnoser.diagnose(
      'I followed the guide, but while attempting to retrieve the OAuth 2.0 Access Token Response: 401 Unauthorized',
      { explain: true },
    );
    // "401 Unauthorized" is the status's name: it no longer reaches unauthorized_client at all.
    expect(d.matches[0]?.id).toBe('oauth2/invalid_client');
    expect(d).toMatchObject({ confident: true, held: [] });
  });
});

describe('diagnose: a failure handed on as what a system answered', () => {
  it.each([
    'When opening the settings page the following is shown:\nConnection status: Connection failed: Invalid access token.',
    'I have pulled the access token but then it still says invalid token when i try to send a request',
    'pocket-id-1  | [GIN] 2025/05/29 - 15:48:54 | 400 | POST "/api/oidc/token"\npocket-id-1  | Error #01: invalid client secret',
    // A camelCase code's words (TokenRejected) are handed on as a snake_case code's are.
    'NetSuite connection failed: token rejected',
  ])('answers %j', (text) => {
    expect(diagnoser.diagnose(text, { explain: true })).toMatchObject({
      confident: true,
      held: [],
    });
  });

  it('stays quiet on the same words in an account of what a server sends', () => {
    const d = diagnoser.diagnose(
      'The docs say invalid token is returned when the token has expired.',
    );
    expect(d.confident).toBe(false);
  });
});

describe('diagnose: failures that are not authentication', () => {
  it('answers server_error when the provider sent the OAuth code', () => {
    const d = diagnoser.diagnose(
      'POST https://auth.example.org/oauth/token -> 500 {"error":"server_error","error_description":"upstream store failed"}',
    );
    expect(d.matches[0]?.id).toBe('oauth2/server_error');
    expect(d.confident).toBe(true);
  });

  it('stays quiet on a web server 500 page, but shows the reading when asked', () => {
    const d = diagnoser.diagnose(
      'When trying to log in the browser shows:\nHTTP Status 500 – Internal Server Error\nThe server encountered an unexpected condition that prevented it from fulfilling the request.',
    );
    expect(d.matches[0]?.id).toBe('oauth2/server_error');
    expect(d.confident).toBe(false);
    expect(answerMatch(d, 'command')?.id).toBe('oauth2/server_error');
  });

  it("answers the auth failure a 500 wraps when the error body beside it carries the entry's words", () => {
    const d = diagnoser.diagnose(
      'I put the client_id and client_secret in the clients table, but after submitting I get this response\n{"message":"Client authentication failed.","status_code":500}',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_client');
    expect(d.confident).toBe(true);
  });

  it('stays quiet on a storage permission error that never speaks of authentication', () => {
    const d = diagnoser.diagnose(
      'botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation: Access Denied',
    );
    expect(d.confident).toBe(false);
  });

  it('stays quiet when the pasted error output is another failure than the prose suggests', () => {
    const d = diagnoser.diagnose(
      'Our NetSuite integration record sync fails:\nFatal error: Uncaught SoapFault exception: [HTTP] Unable to parse URL in /srv/vendor/netsuite-php/src/NetSuiteClient.php:194\nStack trace:\n#0 [internal function]: SoapClient->__doRequest()',
    );
    expect(d.confident).toBe(false);
  });
});

describe('diagnose: a quoted message decides between close readings', () => {
  it('answers the entry whose message is quoted whole', () => {
    const d = diagnoser.diagnose(
      '"The value of the kid parameter in a token header does not match any valid certificate." The NetSuite M2M certificate expired last week.',
    );
    expect(d.matches[0]?.id).toBe('netsuite/MissingKey');
    expect(d.confident).toBe(true);
    // Answered unasked, it is not shown as less likely than not.
    expect(d.matches[0]?.confidence).toBeGreaterThanOrEqual(0.6);
  });
});

describe('diagnose: says what would decide', () => {
  it('asks which system answered when the code is also a vendor code and no system is named', () => {
    const d = diagnoser.diagnose('POST /oauth/token -> 401 {"error":"invalid_client"}');
    expect(d.matches[0]?.id).toBe('oauth2/invalid_client');
    expect(d.ask?.question).toMatch(/^Which system answered with invalid_client\?/);
    expect(d.ask?.alternatives[0]).toBe('oauth2/invalid_client');
    expect(d.ask?.alternatives).toEqual(
      expect.arrayContaining([
        'workday/invalid-credentials',
        'netsuite/ClientAuthenticationFailed',
      ]),
    );
  });

  it('asks the question the close readings name as deciding between them', () => {
    const d = diagnoser.diagnose(
      'Workday token step returns 401 since someone regenerated the client secret; or was the refresh token generated in another tenant?',
    );
    expect(d.ask?.alternatives.slice(0, 2)).toEqual([
      'workday/invalid-credentials',
      'workday/wrong-tenant-client',
    ]);
    expect(d.ask?.question).toBe(
      'In the tenant named in the token URL, is your client listed under View API Clients?',
    );
  });

  it("falls back to the system's question (NetSuite's Login Audit Trail Detail)", () => {
    const d = diagnoser.diagnose(
      'netsuite M2M client credentials token call fails: the kid in the JWT header does not match a certificate, or is the kid missing?',
    );
    expect(d.ask?.alternatives).toEqual(
      expect.arrayContaining(['netsuite/MissingKey', 'netsuite/MissingKeyId']),
    );
    expect(d.ask?.question).toBe(
      'What does the Detail column of the Login Audit Trail show for the failed login?',
    );
  });

  it('asks nothing when the vendor is named and the reading stands clear', () => {
    const d = diagnoser.diagnose(
      'POST https://wd5-impl-services1.workday.com/ccx/oauth2/acme_impl/token -> 401 {"error":"invalid_client"}',
    );
    expect(d.matches[0]?.id).toBe('workday/invalid-credentials');
    expect(d.ask).toBeUndefined();
  });
});

describe("diagnose: the error's own explanation beats a category word", () => {
  it('reads error_category="invalid_grant" beside the insufficient_scope sentence as insufficient_scope', () => {
    const d = diagnoser.diagnose(
      'token request failed: error_category="invalid_grant" error_description="The request requires higher privileges than provided by the access token."',
    );
    expect(d.matches[0]?.id).toBe('oauth2/insufficient_scope');
  });

  it('still reads invalid_grant given as the error itself', () => {
    const d = diagnoser.diagnose('token request failed: error="invalid_grant"');
    expect(d.matches[0]?.id).toBe('oauth2/invalid_grant');
  });
});

describe('diagnose: a reading that refines another wins when its own evidence is there', () => {
  const body =
    '{"title":"Unauthorized","status":401,"o:errorDetails":[{"detail":"Invalid login attempt.","o:errorCode":"INVALID_LOGIN"}]}';

  it('reads INVALID_LOGIN with an OAuth 1.0 header as the TBA rejection, saying why', () => {
    const d = diagnoser.diagnose(
      `RESTlet call with Authorization: OAuth oauth_consumer_key="****", oauth_token="****", oauth_signature="****"\n${body}`,
    );
    expect(d.matches.map((m) => m.id).slice(0, 2)).toEqual([
      'netsuite/tba-token-rejected',
      'netsuite/InvalidLogin',
    ]);
    expect(d.confident).toBe(true);
    expect(d.matches[0]?.why).toEqual(
      expect.arrayContaining([
        'code INVALID_LOGIN',
        'token-based authentication (OAuth 1.0): "oauth_consumer_key"',
      ]),
    );
  });

  it('finds the context by its words too, in any case and with - or _', () => {
    const d = diagnoser.diagnose(
      `we call netsuite with TBA (Consumer-Key and token secret)\n${body}`,
    );
    expect(d.matches[0]?.id).toBe('netsuite/tba-token-rejected');
  });

  it("takes the vendor its parent's own message showed", () => {
    const d = diagnoser.diagnose('Our TBA job now fails with: Invalid login attempt.');
    expect(d.matches[0]?.id).toBe('netsuite/tba-token-rejected');
    expect(d.confident).toBe(true);
  });

  it('refines a misspelt code in its setting, but not a code the text names exactly', () => {
    const typo = diagnoser.diagnose(
      'InvalidSignture on a netsuite RESTlet called with TBA, HMAC-SHA256',
    );
    expect(typo.matches[0]?.id).toBe('netsuite/tba-invalid-signature');
    const named = diagnoser.diagnose(
      'RESTlet via TBA, oauth_consumer_key="****" -> 401, Login Audit Trail detail: InvalidSignature',
    );
    expect(named.matches[0]?.id).toBe('netsuite/InvalidSignature');
  });

  it('ranks the wrapper below an entry of its system that the text names by its own code', () => {
    const d = diagnoser.diagnose(
      'Our RESTlet returns 401 invalid login: INVALID_LOGIN on a NetSuite REST call. The Login Audit Trail Detail column says TokenBlocked.',
    );
    expect(d.matches.map((m) => m.id).slice(0, 2)).toEqual([
      'netsuite/TokenBlocked',
      'netsuite/InvalidLogin',
    ]);
    expect(d.confident).toBe(true);
  });

  it('reads a TBA header whose realm is not the account ID as NetSuite writes it as a signature failure, saying why', () => {
    const d = diagnoser.diagnose(
      `RESTlet call with Authorization: OAuth realm="1234567_sb1", oauth_consumer_key="****", oauth_token="****", oauth_nonce="q1w2e3r4t5", oauth_signature="****"\n${body}`,
    );
    expect(d.matches[0]?.id).toBe('netsuite/tba-invalid-signature');
    expect(d.matches[0]?.why).toContain(
      'realm "1234567_sb1" is not the account ID as NetSuite writes it (1234567_SB1)',
    );
    expect(d.confident).toBe(true);
  });

  it('keeps the broader reading when nothing shows the setting', () => {
    const d = diagnoser.diagnose(`netsuite REST call\n${body}`);
    expect(d.matches[0]?.id).toBe('netsuite/InvalidLogin');
  });

  it("reads a vendor's own sentence as that vendor's case of the generic code", () => {
    const d = diagnoser.diagnose(
      '{"error":"invalid_client","error_description":"Client authentication failed. Either the client or the client credentials are invalid."}',
    );
    expect(d.matches[0]?.id).toBe('okta/invalid-client');
    expect(d.matches[1]?.id).toBe('oauth2/invalid_client');
  });

  it("reads a Workday 401 invalid_client for one tenant, with a client of another, as that tenant's client", () => {
    const token = 'POST https://wd3-impl-services1.workday.com/ccx/oauth2/kinetic_emea/token';
    const reply = 'HTTP/1.1 401 Unauthorized\n{"error":"invalid_client"}';
    const after = diagnoser.diagnose(
      `${token}\nclient id from View API Clients in kinetic_us\n${reply}`,
    );
    expect(after.matches.map((m) => m.id).slice(0, 2)).toEqual([
      'workday/wrong-tenant-client',
      'workday/invalid-credentials',
    ]);
    expect(after.matches[0]?.why).toContain('a tenant other than the token URL\'s: "kinetic_us"');
    // The other tenant named before the token URL.
    const before = diagnoser.diagnose(`client registered in kinetic_us\n${token}\n${reply}`);
    expect(before.matches[0]?.id).toBe('workday/wrong-tenant-client');
    // The same tenant again (or an ISU named after it) is not another tenant.
    const same = diagnoser.diagnose(`${token} as kinetic_emea_isu on kinetic_emea\n${reply}`);
    expect(same.matches[0]?.id).toBe('workday/invalid-credentials');
  });

  it.each([
    [
      'a specific cause of a Workday 401 invalid_client over the catch-all reading',
      'POST https://wd5-impl-services1.workday.com/ccx/oauth2/acme_impl/token -> 401 {"error":"invalid_client"}; every API client gets invalid_client at once since the tenant refresh',
      ['workday/api-clients-disabled', 'workday/invalid-credentials'],
    ],
    [
      "the vendor's reading of the RFC's code in a text that names the vendor over the RFC's",
      'NetSuite token call fails with invalid_client: client authentication failed',
      ['netsuite/ClientAuthenticationFailed', 'oauth2/invalid_client'],
    ],
  ])('ranks %s', (_, text, ids) => {
    const d = diagnoser.diagnose(text);
    expect(d.matches.map((m) => m.id).slice(0, 2)).toEqual(ids);
    expect(d.confident).toBe(true);
  });

  it('keeps the generic reading when no vendor is shown', () => {
    const d = diagnoser.diagnose(
      'POST https://auth.example.org/oauth/token -> 401 {"error":"invalid_client"}',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_client');
  });
});

describe('diagnose: what names a vendor', () => {
  it("reads a vendor's text shape (a NetSuite sandbox account id) as its vendor, saying so", () => {
    const d = diagnoser.diagnose(
      'Since the sandbox refresh our M2M job against 3377001_SB1 fails: the kid we send is the certificate ID that was mapped before the refresh.',
    );
    expect(d.matches[0]?.id).toBe('netsuite/MissingKey');
    expect(d.matches[0]?.why).toContain('shows 3377001_SB1');
  });

  it("reads a vendor-neutral message quoted in a text that shows no vendor as the generic failure, not the vendor's case of it", () => {
    expect(diagnoser.diagnose('the refresh token expired').matches.map((m) => m.id)).toEqual(
      expect.arrayContaining(['oauth2/invalid_grant', 'netsuite/RefreshTokenExpired']),
    );
    expect(diagnoser.diagnose('the refresh token expired').matches[0]?.id).toBe(
      'oauth2/invalid_grant',
    );
    expect(diagnoser.diagnose('NetSuite: the refresh token expired').matches[0]?.id).toBe(
      'netsuite/RefreshTokenExpired',
    );
  });

  it("does not take a vendor's code in the protocol's style (token_rejected) alone as its vendor", () => {
    const bare = diagnoser.diagnose(
      'Our OAuth 1.0 calls keep returning token_rejected since Monday.',
    );
    expect(bare.matches[0]?.id).toBe('netsuite/tba-token-rejected');
    expect(bare.confident).toBe(false);
    const named = diagnoser.diagnose(
      'Our NetSuite OAuth 1.0 calls keep returning token_rejected since Monday.',
    );
    expect(named.matches[0]?.id).toBe('netsuite/tba-token-rejected');
    expect(named.confident).toBe(true);
  });

  it('does not read a code the text names as what the error is not', () => {
    const d = diagnoser.diagnose(
      'The NetSuite audit trail shows MissingKey (not MissingKeyId) for the M2M token call.',
    );
    expect(d.matches[0]?.id).toBe('netsuite/MissingKey');
    expect(d.matches.find((m) => m.id === 'netsuite/MissingKeyId')?.why ?? []).not.toContain(
      'code MissingKeyId',
    );
  });

  it("reads a vendor's name of several words only with its words side by side", () => {
    const scattered = diagnoser.diagnose(
      'The refresh token expired. The integration runs as a system user; we view its API client in the admin UI.',
    );
    expect(scattered.matches[0]?.why.some((w) => w.startsWith('mentions '))).toBe(false);
    const named = diagnoser.diagnose(
      'The refresh token of our Integration System Users expired; View API Clients shows the client.',
    );
    expect(named.matches[0]?.id.startsWith('workday/')).toBe(true);
    expect(named.matches[0]?.why).toContain('mentions integration system user');
  });

  it("keeps a vendor's code written as words when the generic reading has no evidence of its own", () => {
    expect(diagnoser.diagnose('scope mismatched').matches[0]?.id).toBe('netsuite/ScopeMismatched');
  });
});

describe("diagnose: a vendor message quoted whole is output, not the poster's register", () => {
  it('answers the Workday wrapper message unasked although it says "could be" and "please"', () => {
    const d = diagnoser.diagnose(
      '401: Invalid Credentials - We were unable to validate and add the service. It could be due to an invalid Client, Client Secret or Refresh Token provided. Please enter the appropriate Client ID, Client Secret or Refresh token and try again.',
    );
    expect(d.matches[0]?.id).toBe('workday/invalid-credentials');
    expect(d.confident).toBe(true);
  });
});

describe('diagnose: pastes made of whitespace', () => {
  // Line-anchored patterns scanned a run of blank lines once per line inside it: 16,000 newlines took
  // 1.7 s, 16,000 spaces 1 s. An upper bound far above the few milliseconds they take now.
  it.each([
    // A bare "401 Unauthorized" names no failure (the status's name is no word of the paste): the
    // challenge says which.
    [
      'blank lines',
      `HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error="invalid_token"${'\n'.repeat(MAX_INPUT_CHARS)}`,
    ],
    ['spaces', `{"error":"invalid_grant"}${' '.repeat(MAX_INPUT_CHARS)}`],
    ['blank lines with spaces', `error: invalid_client${'\n  '.repeat(MAX_INPUT_CHARS / 3)}`],
    // The gate's section headings: "**Summary" and 200 spaces took 2 s to reject, once per line.
    [
      'spaces after headings',
      `{"error":"invalid_grant"}\n${`**Summary${' '.repeat(200)}x\n`.repeat(70)}`,
    ],
  ])('answers a paste padded with %s within a second', (_name, text) => {
    const started = performance.now();
    const d = diagnoser.diagnose(text);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(d.matches.length).toBeGreaterThan(0);
  });
});
