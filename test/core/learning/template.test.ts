import { beforeAll, describe, expect, it } from '@jest/globals';
import { MAX_MASKED_CHARS, MAX_RAW_CHARS } from '../../../src/core/learning/mask-credentials.js';
import {
  createTemplater,
  MAX_TEMPLATE_TOKENS,
  type Templater,
} from '../../../src/core/learning/template.js';
import { vocabularyOf } from '../../../src/core/learning/vocabulary.js';
import { fixtureCatalogue } from '../../support/fixture-catalogue.js';

let templater: Templater;

beforeAll(async () => {
  templater = createTemplater(vocabularyOf(await fixtureCatalogue()));
});

const template = (text: string): string => templater.templateOf(text).template;

describe('templateOf: variable parts masked', () => {
  it.each([
    [
      'Workday tenant and data-centre host',
      'POST https://wd5-impl-services1.workday.com/ccx/oauth2/acme_impl/token -> 401',
      'POST https://<HOST>.workday.com/ccx/oauth2/<TENANT>/token -> 401',
    ],
    [
      'Workday REST API path',
      'GET https://wd2-impl-services1.workday.com/ccx/api/v1/globex/workers failed',
      'GET https://<HOST>.workday.com/ccx/api/v1/<TENANT>/workers failed',
    ],
    [
      'NetSuite account in the host and in the realm',
      'https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/customer realm="1234567_SB1"',
      'https://<ACCOUNT>.suitetalk.api.netsuite.com/services/rest/record/v1/customer realm="<ACCOUNT>"',
    ],
    ['NetSuite test drive account', 'account TSTDRV1234567 locked', 'account <ACCOUNT> locked'],
    ['email', 'user jane.doe+ops@acme-corp.com cannot sign in', 'user <EMAIL> cannot sign in'],
    [
      'UUID and Entra trace ids',
      'Trace ID: 0b6f3c2e-1a5d-4c7e-9f10-2b3c4d5e6f70 Correlation ID: 7d4e5f60-8a9b-4cde-8f01-23456789abcd',
      'Trace ID: <UUID> Correlation ID: <UUID>',
    ],
    [
      'ISO timestamp',
      'Timestamp: 2024-05-14 10:00:03Z AADSTS700016',
      'Timestamp: <TIME> AADSTS700016',
    ],
    ['HTTP date header', 'Date: Tue, 14 May 2024 10:00:00 GMT', 'Date: <TIME>'],
    [
      'Login Audit Trail row',
      '5/14/2024 10:03 am | integration@acme.com | TokenRejected',
      '<TIME> | <EMAIL> | TokenRejected',
    ],
    ['hex id', 'request 9f86d081884c7d65 rejected', 'request <HEX> rejected'],
    [
      'numbers but not the status',
      'HTTP/1.1 401 Unauthorized after 3 retries',
      'HTTP/<NUM>.<NUM> 401 Unauthorized after <NUM> retries',
    ],
    ['JSON status field', '{"status":403,"code":"E0000011"}', '{"status":403,"code":"E0000011"}'],
    ['quoted tenant name', "Invalid tenant 'acme_impl'", "Invalid tenant '<TENANT>'"],
    ['quoted value in prose', 'The user "jdoe" is locked', 'The user "<USER>" is locked'],
    ['quoted word', 'Unexpected value "pineapple" in field', 'Unexpected value "<STR>" in field'],
    [
      'query values, not error values',
      'https://app.example.org/cb?state=xyz&error=access_denied',
      'https://<HOST>/cb?state=<STR>&error=access_denied',
    ],
    [
      'unknown host',
      'connect ECONNREFUSED idp.internal.example.com:443',
      'connect ECONNREFUSED <HOST>:<NUM>',
    ],
    ['IP address', 'refused by 10.2.3.4 firewall', 'refused by <IP> firewall'],
    ['line number, not a status', 'at client.go:403: refused', 'at client.go:<NUM>: refused'],
    ['issue number, not a status', 'same as #404 and line 500', 'same as #<NUM> and line <NUM>'],
    ['length, not a status', 'Content-Length: 404', 'Content-Length: <NUM>'],
  ])('%s', (_name, paste, expected) => {
    expect(template(paste)).toBe(expected);
  });
});

describe('templateOf: what tells failures apart is kept', () => {
  it.each([
    ['OAuth code', '{"error":"invalid_client"}', 'invalid_client'],
    ['Entra code', 'AADSTS7000215: Invalid client secret provided.', 'AADSTS7000215'],
    ['NetSuite Login Audit Trail code', 'Detail: TokenRejected', 'TokenRejected'],
    ['Workday audit code', 'Authentication failed: S22', 'S22'],
    [
      'vendor host',
      'https://login.microsoftonline.com/common/oauth2/v2.0/token',
      'login.microsoftonline.com',
    ],
    ['status', 'HTTP 503 Service Unavailable', '503'],
  ])('%s', (_name, paste, kept) => {
    expect(template(paste)).toContain(kept);
  });
});

describe('templateOf: credentials never reach the template or the masked text', () => {
  const CANARIES = [
    'client_secret=CanarySecret9f8e7d6c5b4a39281706',
    'Authorization: Bearer CanaryBearerToken0123456789abcdefZZ',
    'refresh_token: "CanaryRefresh-2b9d0e4f6a8c1e3g5i7k"',
    'password=hunter2canary',
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYW5hcnkifQ.Q2FuYXJ5U2lnbmF0dXJlMDEyMzQ1Njc4OQ',
    'https://example.org/callback?code=CanaryCode77x&state=abc',
  ];

  it.each(CANARIES)('%s', (secret) => {
    const value = secret.replace(/^.*?(?:=|: "|: Bearer |\?code=)/, '').replace(/["&].*$/, '');
    const paste = `POST /oauth2/token failed 401 invalid_client\n${secret}\nplease help`;
    const result = templater.templateOf(paste);
    expect(value.length).toBeGreaterThan(6);
    expect(result.maskedText).not.toContain(value);
    expect(result.template).not.toContain(value);
    expect(result.maskedText).toContain('invalid_client');
  });

  it.each([
    [
      'an OAuth 1.0 (NetSuite TBA) header',
      'Authorization: OAuth realm="1234567_SB1",oauth_consumer_key="CanaryConsumerKey0451",oauth_token="CanaryTokenId0451",oauth_signature_method="HMAC-SHA256",oauth_signature="CanarySignature0451%3D"',
      ['CanaryConsumerKey0451', 'CanaryTokenId0451', 'CanarySignature0451'],
    ],
    [
      'the password of curl -u',
      'curl -u my-client:CanaryCurlPass0451 https://example.org/token',
      ['CanaryCurlPass0451'],
    ],
    [
      'a WS-Security password (Workday SOAP)',
      '<wsse:UsernameToken><wsse:Username>isu_acme@acme</wsse:Username><wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">CanaryWsse0451</wsse:Password></wsse:UsernameToken>',
      ['CanaryWsse0451'],
    ],
    [
      'a typed password in a SOAP passport (NetSuite)',
      '<platformMsgs:passport><platformCore:email>a@b.c</platformCore:email><platformCore:password>hunter2canary</platformCore:password><platformCore:role>changeme</platformCore:role><platformCore:password>letmein</platformCore:password></platformMsgs:passport>',
      ['hunter2canary', 'letmein'],
    ],
    [
      'the password in a URL',
      'GET https://isu_acme:CanaryUrlPass0451@wd2-impl-services1.workday.com/ccx/api',
      ['CanaryUrlPass0451'],
    ],
  ])('%s', (_shape, line, values) => {
    const result = templater.templateOf(`401 invalid_client\n${line}`);
    for (const value of values) {
      expect(result.maskedText).not.toContain(value);
      expect(result.template).not.toContain(value);
    }
    expect(result.maskedText).toContain('[redacted');
    // One mask per value: a mask is never masked again into `[redacted value] basic-pair]`.
    expect(result.maskedText).not.toMatch(/\] [a-z-]+\]/);
  });
});

describe('templateOf: bounded', () => {
  it('cuts the masked text to 4 KB and says so', () => {
    const long = `invalid_client ${'noise line without much in it\n'.repeat(2000)}`;
    const result = templater.templateOf(long);
    expect(result.maskedText.length).toBeLessThanOrEqual(MAX_MASKED_CHARS);
    expect(result.truncated).toBe(true);
    expect(result.template.split(' ').length).toBeLessThanOrEqual(MAX_TEMPLATE_TOKENS);
  });

  it('masks a secret that sits across the raw cap', () => {
    const secret = 'client_secret=Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LmNbVc';
    const pad = 'x '.repeat(MAX_RAW_CHARS / 2 - 10);
    const result = templater.templateOf(`${pad}${secret}`);
    expect(result.maskedText).not.toContain('Zx9Qw8Er7Ty6');
  });

  it('is deterministic', () => {
    const paste = 'POST https://wd5-impl-services1.workday.com/ccx/oauth2/acme/token -> 401';
    expect(templater.templateOf(paste)).toEqual(templater.templateOf(paste));
  });
});
