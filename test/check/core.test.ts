import { describe, expect, it } from '@jest/globals';
import { classifyAddress, isAllowedAddress } from '../../src/adapters/http/address-policy.js';
import { basicAuthorization, maskRequest } from '../../src/core/check/mask.js';
import { accountHostLabel, netsuiteTokenUrl } from '../../src/core/check/netsuite-account.js';
import { checkAssertion, planAssertion } from '../../src/core/check/netsuite-assertion.js';
import { checkNetsuiteKey } from '../../src/core/check/netsuite-key.js';
import { rankLatCandidates } from '../../src/core/check/netsuite-lat.js';
import { parseExpiresIn, parseTokenReply } from '../../src/core/check/token-reply.js';
import { cleanPasted } from '../../src/core/check/values.js';
import { preflightWorkday } from '../../src/core/check/workday-preflight.js';
import { tenantFromApiPath } from '../../src/core/check/workday-url.js';

const policy = { allowLocalTargets: false };
const wd = (tokenUrl: string, extra = {}) =>
  preflightWorkday(
    { system: 'workday', tokenUrl, clientId: 'c', clientSecret: 's', refreshToken: 'r', ...extra },
    policy,
  );
const codes = (r: { findings: readonly { code: string }[] }) => r.findings.map((f) => f.code);

describe('Workday token URL preflight', () => {
  it.each([
    ['https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token', []],
    ['https://services1.wd103.myworkday.com/ccx/oauth2/acme_prod/token', []],
    ['https://wd104-services1.myworkdaygov.com/ccx/oauth2/agency/token', []],
    ['http://wd2-impl-services1.workday.com/ccx/oauth2/acme/token', ['preflight.url.not-https']],
    ['https://wd2-impl-services1.workday.com/oauth2/acme/token', ['preflight.token-url.no-ccx']],
    ['https://wd2-impl-services1.workday.com/ccx/oauth2/token', ['preflight.token-url.no-tenant']],
    [
      'https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token/',
      ['preflight.token-url.trailing-slash'],
    ],
    ['https://wd2-impl-services1.workday.com/ccx/api/v1/acme', ['preflight.token-url.rest-url']],
    [
      'https://wd2-impl-services1.workday.com/ccx/service/customreport2/acme/isu/Report',
      ['preflight.token-url.raas-url'],
    ],
    [
      'https://wd2-impl-services1.workday.com/ccx/service/acme/Human_Resources/v42.0',
      ['preflight.token-url.soap-url'],
    ],
    [
      'https://wd5-impl.workday.com/acme/authorize',
      ['preflight.token-url.authorize-url', 'preflight.token-url.host-not-services'],
    ],
    [
      'https://impl.workday.com/wday/authgwy/acme/login.htmld',
      ['preflight.token-url.login-url', 'preflight.token-url.host-not-services'],
    ],
    [
      'https://api.workday.com.attacker.io/ccx/oauth2/acme/token',
      ['preflight.url.host-not-allowed'],
    ],
    ['https://notworkday.com/ccx/oauth2/acme/token', ['preflight.url.host-not-allowed']],
  ])('%s', (url, expected) => {
    expect(codes(wd(url))).toEqual(expected);
  });

  it('names whitespace, quotes and newlines as a warning and keeps the trimmed value', () => {
    const r = cleanPasted('clientSecret', ' "abc"\n');
    expect(r.value).toBe('abc');
    expect(r.findings[0]).toMatchObject({
      severity: 'warning',
      title: expect.stringMatching(/quotes and whitespace or a newline/),
    });
  });

  it('flags a JWT where the client secret belongs', () => {
    expect(
      codes(
        wd('https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token', {
          clientSecret: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.sig',
        }),
      ),
    ).toEqual(['preflight.secret.jwt-as-secret']);
  });

  it('reads the tenant of REST, versioned service and RaaS URLs', () => {
    expect(tenantFromApiPath('/ccx/api/v1/acme/workers')).toBe('acme');
    expect(tenantFromApiPath('/ccx/api/staffing/v6/acme/jobs')).toBe('acme');
    expect(tenantFromApiPath('/ccx/service/customreport2/acme/isu/R')).toBe('acme');
  });
});

describe('NetSuite preflight pieces', () => {
  it('maps account ids to hosts', () => {
    expect(accountHostLabel('1234567_SB1')).toBe('1234567-sb1');
    expect(accountHostLabel('TSTDRV1234567')).toBe('tstdrv1234567');
    expect(accountHostLabel('1234567_RP')).toBe('1234567-rp');
    expect(accountHostLabel('12 34')).toBeNull();
    expect(netsuiteTokenUrl('1234567_SB1')).toBe(
      'https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token',
    );
  });

  it.each([
    [{ kty: 'RSA', n: 'x'.repeat(512), d: 'd' }, undefined, 'PS256', []],
    [
      { kty: 'RSA', n: 'x'.repeat(342), d: 'd' },
      undefined,
      'PS256',
      ['preflight.private-key.rsa-small'],
    ],
    [{ kty: 'EC', crv: 'P-384', d: 'd' }, undefined, 'ES384', []],
    [{ kty: 'EC', crv: 'secp256k1', d: 'd' }, undefined, null, ['preflight.private-key.curve']],
    [{ kty: 'RSA', n: 'x'.repeat(512), d: 'd' }, 'RS256', 'RS256', ['preflight.assertion.alg']],
    [{ kty: 'EC', crv: 'P-256', d: 'd' }, 'PS256', null, ['preflight.private-key.alg-key']],
    [{ kty: 'OKP', crv: 'Ed25519', d: 'd' }, undefined, null, ['preflight.private-key.type']],
    [{ kty: 'EC', crv: 'P-256' }, undefined, null, ['preflight.private-key.public']],
  ])('key %j with alg %s → %s', (jwk, alg, expectedAlg, expectedCodes) => {
    const r = checkNetsuiteKey(jwk, alg);
    expect(r.algorithm).toBe(expectedAlg);
    expect(codes(r)).toEqual(expectedCodes);
  });

  it('checks the assertion it will send: lifetime, iat, kid, iss, aud', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const ok = planAssertion({
      clientId: 'c',
      tokenUrl: 'https://t',
      scopes: ['restlets'],
      algorithm: 'ES256',
      certificateId: 'k',
      now,
    });
    expect(checkAssertion(ok, { clientId: 'c', tokenUrl: 'https://t', now })).toEqual([]);
    expect(ok.claims.exp - ok.claims.iat).toBe(300);
    const bad = planAssertion({
      clientId: 'x',
      tokenUrl: 'https://other',
      scopes: [],
      algorithm: 'ES256',
      certificateId: undefined,
      now: new Date(now.getTime() + 600_000),
      lifetime: 7200,
    });
    const ids = checkAssertion(bad, { clientId: 'c', tokenUrl: 'https://t', now }).map(
      (f) => f.id ?? f.code,
    );
    expect(ids).toEqual([
      'netsuite/MissingKeyId',
      'netsuite/TokenValidityTooBroad',
      'netsuite/TokenNotAcceptable',
      'netsuite/InvalidIssuer',
      'preflight.assertion.aud',
    ]);
  });

  it('puts preflight predictions first, then codes typical of the error, then the rest', () => {
    expect(
      rankLatCandidates('client_credentials', 'invalid_client', ['UnsupportedAlgo']).slice(0, 3),
    ).toEqual(['UnsupportedAlgo', 'MissingKey', 'SignatureValidation']);
    expect(rankLatCandidates('refresh_token', 'invalid_grant', []).slice(0, 2)).toEqual([
      'RefreshTokenExpired',
      'TokenBlocked',
    ]);
  });
});

describe('token answers', () => {
  it('accepts expires_in as a number or a string', () => {
    expect(parseExpiresIn(3600)).toBe(3600);
    expect(parseExpiresIn('3600')).toBe(3600);
    expect(parseExpiresIn('-1')).toBe(-1);
    expect(parseExpiresIn('soon')).toBeUndefined();
    expect(parseTokenReply(200, {}, '{"access_token":"a","expires_in":"3600"}').expiresIn).toBe(
      3600,
    );
  });
});

describe('masking', () => {
  it('form-encodes id and secret before Base64 (RFC 6749 §2.3.1)', () => {
    expect(basicAuthorization('id', 'p+s:w/rd% x')).toBe(`Basic ${btoa('id:p%2Bs%3Aw%2Frd%25+x')}`);
  });

  it('shows the request with secrets masked and the rest verbatim', () => {
    const m = maskRequest(
      {
        method: 'POST',
        url: 'https://t',
        headers: { authorization: 'Basic abc', accept: 'application/json' },
        body: 'grant_type=refresh_token&refresh_token=xyz&client_id=c',
      },
      'c',
    );
    expect(m.headers).toEqual({
      authorization: 'Basic base64(form-encoded "c" : ••••)',
      accept: 'application/json',
    });
    expect(m.form).toEqual({
      grant_type: 'refresh_token',
      refresh_token: '•••• (3 chars)',
      client_id: 'c',
    });
  });
});

describe('address policy (ipaddr.js ranges, unicast only)', () => {
  it.each([
    ['93.184.216.34', 'unicast', true, true],
    ['2606:2800:220:1:248:1893:25c8:1946', 'unicast', true, true],
    ['127.0.0.1', 'loopback', false, true],
    ['127.10.20.30', 'loopback', false, true],
    ['::1', 'loopback', false, true],
    ['::ffff:127.0.0.1', 'loopback', false, true],
    ['10.0.0.1', 'private', false, false],
    ['172.16.0.1', 'private', false, false],
    ['192.168.1.1', 'private', false, false],
    ['169.254.169.254', 'linkLocal', false, false],
    ['::ffff:169.254.169.254', 'linkLocal', false, false],
    ['100.64.0.1', 'carrierGradeNat', false, false],
    ['0.0.0.0', 'unspecified', false, false],
    ['::', 'unspecified', false, false],
    ['fd00::1', 'uniqueLocal', false, false],
    ['fe80::1', 'linkLocal', false, false],
    ['224.0.0.1', 'multicast', false, false],
    ['255.255.255.255', 'broadcast', false, false],
    ['64:ff9b::7f00:1', 'rfc6052', false, false],
    ['not-an-ip', 'invalid', false, false],
  ])('%s is %s', (address, range, strict, local) => {
    expect(classifyAddress(address)).toBe(range);
    expect(isAllowedAddress(address, { allowLoopback: false })).toBe(strict);
    expect(isAllowedAddress(address, { allowLoopback: true })).toBe(local);
  });
});
