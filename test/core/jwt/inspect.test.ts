import { describe, expect, it } from '@jest/globals';
import { inspectToken, hasErrors } from '../../../src/core/jwt/inspect.js';
import type { Inspection } from '../../../src/core/jwt/types.js';
import {
  assertion,
  b64,
  CLIENT_ID,
  mint,
  netsuiteAccess,
  netsuiteRefresh,
  NOW_S,
  options,
  TOKEN_URL,
} from '../../support/mint.js';

const ids = (i: Inspection) => i.findings.map((f) => f.id).filter((id) => id !== null);
const errorIds = (i: Inspection) =>
  i.findings.filter((f) => f.severity === 'error').map((f) => f.id ?? f.code);
const inspect = (token: string, extra = {}) => inspectToken(token, options(extra));

describe('inspectToken: what the token is', () => {
  it.each([
    ['a NetSuite access token', netsuiteAccess, 'netsuite-access'],
    ['a NetSuite refresh token (jti .r.)', netsuiteRefresh, 'netsuite-refresh'],
    [
      'a NetSuite refresh token (7-day span, no jti)',
      () => netsuiteAccess({ jti: undefined, iat: NOW_S - 60, exp: NOW_S - 60 + 604800 }),
      'netsuite-refresh',
    ],
    ['a NetSuite client-credentials assertion', () => assertion(), 'netsuite-assertion'],
    [
      'a Workday access token',
      () =>
        mint(
          { iss: 'https://wd2-impl-services1.workday.com', exp: NOW_S + 600 },
          { typ: 'at+JWT' },
        ),
      'workday-access',
    ],
    [
      'a Workday JWT bearer assertion',
      () => mint({ iss: 'abc', aud: 'wd', exp: NOW_S + 60 }),
      'workday-assertion',
    ],
    ['anything else', () => mint({ iss: 'https://login.example.com', exp: NOW_S + 60 }), 'generic'],
  ])('recognises %s', async (_, make, kind) => {
    const result = inspect(await make());
    expect(result.decoded).toBe(true);
    expect(result.kind).toBe(kind);
    expect(result.kindLabel).toMatch(/^an? /);
  });

  it('accepts a valid assertion with no error and says the signature was not checked', async () => {
    const result = inspect(await assertion({}, { alg: 'ES256' }));
    expect(errorIds(result)).toEqual([]);
    expect(hasErrors(result)).toBe(false);
    expect(result.findings.map((f) => f.code)).toContain('token.unverified');
    expect(result.header).toMatchObject({ alg: 'ES256', kid: 'Jp7tX2qL9wRb' });
    expect(result.claims).toMatchObject({ iss: CLIENT_ID, aud: TOKEN_URL });
  });

  it('shows time claims as absolute UTC and relative to the injected clock', async () => {
    const token = await netsuiteAccess({
      iat: NOW_S - 3 * 3600 - 12 * 60 - 3600,
      exp: NOW_S - 3 * 3600 - 12 * 60,
    });
    const times = inspect(token).times;
    expect(times.find((t) => t.claim === 'exp')).toEqual({
      claim: 'exp',
      value: NOW_S - 11520,
      utc: '2025-09-16T06:48:00Z',
      relative: 'expired 3 h 12 min ago',
    });
    expect(times.find((t) => t.claim === 'iat')?.relative).toBe('issued 4 h 12 min ago');
    const future = inspect(await assertion({ exp: NOW_S + 90 })).times.find(
      (t) => t.claim === 'exp',
    );
    expect(future?.relative).toBe('expires in 1 min 30 s');
  });

  it('identifies the token by the injected fingerprint and never carries the token itself', async () => {
    const token = await netsuiteAccess();
    const result = inspect(token);
    expect(result.fingerprint).toMatch(/^sha256:[0-9a-f]{12}$/);
    const json = JSON.stringify(result);
    expect(json).not.toContain(token.split('.')[2]);
    expect(json).not.toContain(token);
  });
});

describe('inspectToken: findings', () => {
  it.each([
    [
      'an expired NetSuite access token',
      () => netsuiteAccess({ exp: NOW_S - 10 }),
      'netsuite/AccessTokenExpired',
    ],
    [
      'an expired NetSuite refresh token',
      () => netsuiteRefresh({ iat: NOW_S - 800000, exp: NOW_S - 195200 }),
      'netsuite/RefreshTokenExpired',
    ],
    [
      'an expired assertion',
      () => assertion({ iat: NOW_S - 4000, exp: NOW_S - 400 }),
      'netsuite/TokenExpired',
    ],
    [
      'an expired Workday token',
      () => mint({ iss: 'https://wd5-services1.workday.com', exp: NOW_S - 1 }),
      'workday/invalid-access-token',
    ],
    [
      'an expired generic token',
      () => mint({ iss: 'https://idp.example.com', exp: NOW_S - 1 }),
      'oauth2/invalid_token',
    ],
    [
      'an assertion issued 9 minutes ahead',
      () => assertion({ iat: NOW_S + 540, exp: NOW_S + 840 }),
      'netsuite/TokenNotAcceptable',
    ],
    [
      'an assertion with nbf ahead',
      () => assertion({ nbf: NOW_S + 600 }),
      'netsuite/TokenNotAcceptable',
    ],
    [
      'a NetSuite token issued ahead',
      () => netsuiteAccess({ iat: NOW_S + 300 }),
      'netsuite/TokenNotAcceptable',
    ],
    [
      'a generic token with nbf ahead',
      () => mint({ nbf: NOW_S + 300, exp: NOW_S + 900 }),
      'oauth2/invalid_token',
    ],
    [
      'a 24 h assertion',
      () => assertion({ iat: NOW_S - 60, exp: NOW_S - 60 + 86400 }),
      'netsuite/TokenValidityTooBroad',
    ],
    ['an assertion without kid', () => assertion({}, { kid: undefined }), 'netsuite/MissingKeyId'],
    ['an assertion with kid ""', () => assertion({}, { kid: '' }), 'netsuite/MissingKeyId'],
    ['an RS256 assertion', () => assertion({}, { alg: 'RS256' }), 'netsuite/UnsupportedAlgo'],
    ['an HS256 assertion', () => assertion({}, { alg: 'HS256' }), 'netsuite/UnsupportedAlgo'],
    ['an EdDSA assertion', () => assertion({}, { alg: 'EdDSA' }), 'netsuite/UnsupportedAlgo'],
    ['an assertion with scope ""', () => assertion({ scope: '' }), 'netsuite/InvalidScope'],
    ['an assertion with scope []', () => assertion({ scope: [] }), 'netsuite/InvalidScope'],
    ['an assertion with scope [""]', () => assertion({ scope: [''] }), 'netsuite/InvalidScope'],
    ['an assertion without scope', () => assertion({ scope: undefined }), 'netsuite/InvalidScope'],
    [
      'a NetSuite token with empty scope',
      () => netsuiteAccess({ scope: [] }),
      'netsuite/InvalidScope',
    ],
    [
      'an assertion with a misspelt scope',
      () => assertion({ scope: 'rest_webservice' }),
      'netsuite/ScopeMismatched',
    ],
    [
      'an assertion whose iss is a URL',
      () => assertion({ iss: 'https://system.netsuite.com' }),
      'netsuite/InvalidIssuer',
    ],
    ['an assertion without iss', () => assertion({ iss: undefined }), 'netsuite/InvalidIssuer'],
    [
      'a NetSuite token from another issuer',
      () => netsuiteAccess({ iss: 'https://system.sandbox.netsuite.com' }),
      'netsuite/InvalidIssuer',
    ],
    [
      'a NetSuite-shaped token with a runbox issuer',
      () => netsuiteAccess({ iss: 'https://runbox.internal' }),
      'netsuite/InvalidIssuer',
    ],
    ['a refresh token (may be sent as Bearer)', () => netsuiteRefresh(), 'netsuite/TokenRejected'],
    ['a refresh token (wrong type)', () => netsuiteRefresh(), 'netsuite/InvalidTokenType'],
  ])('reports %s as %s', async (_, make, id) => {
    expect(ids(inspect(await make()))).toContain(id);
  });

  it('puts the expiry first and says how long ago in the evidence', async () => {
    const result = inspect(await netsuiteAccess({ exp: NOW_S - 11520 }));
    expect(result.findings[0]).toMatchObject({
      id: 'netsuite/AccessTokenExpired',
      severity: 'error',
      source: 'token',
      evidence: 'exp 2025-09-16T06:48:00Z, expired 3 h 12 min ago',
    });
    expect(result.findings[0]?.confirmAt).toMatch(/Login Audit Trail/);
  });

  it('names the accepted algorithms and the RS256 cut-off', async () => {
    const f = inspect(await assertion({}, { alg: 'RS256' })).findings.find(
      (x) => x.id === 'netsuite/UnsupportedAlgo',
    );
    expect(f?.evidence).toMatch(/PS256, PS384, PS512, ES256, ES384, ES512/);
    expect(f?.evidence).toMatch(/1 March 2025/);
    expect(f?.fields).toEqual(['algorithm']);
  });

  it('accepts exactly 60 minutes of assertion lifetime and a comma-separated scope string', async () => {
    const result = inspect(
      await assertion({ iat: NOW_S - 10, exp: NOW_S + 3590, scope: 'restlets,rest_webservices' }),
    );
    expect(errorIds(result)).toEqual([]);
    expect(ids(result)).toEqual([]);
  });

  it('tolerates a minute of clock difference for iat', async () => {
    expect(ids(inspect(await assertion({ iat: NOW_S + 30 })))).toEqual([]);
  });

  it('compares the assertion iss with a given client id', async () => {
    const token = await assertion();
    expect(ids(inspect(token, { clientId: CLIENT_ID }))).toEqual([]);
    expect(ids(inspect(token, { clientId: 'another-client' }))).toEqual(['netsuite/InvalidIssuer']);
  });

  it('makes a refresh token used where an access token belongs an error, and a refresh use fine', async () => {
    const token = await netsuiteRefresh();
    const asAccess = inspect(token, { use: 'access' });
    expect(errorIds(asAccess)).toEqual(
      expect.arrayContaining(['netsuite/TokenRejected', 'netsuite/InvalidTokenType']),
    );
    expect(asAccess.findings.find((f) => f.id === 'netsuite/TokenRejected')?.evidence).toMatch(
      /jti marker \.r\./,
    );
    const unknown = inspect(token);
    expect(unknown.findings.find((f) => f.id === 'netsuite/TokenRejected')?.severity).toBe(
      'warning',
    );
    expect(ids(inspect(token, { use: 'refresh' }))).toEqual([]);
  });

  it('reports an access token sent as refresh_token', async () => {
    const result = inspect(await netsuiteAccess(), { use: 'refresh' });
    expect(errorIds(result)).toEqual(['netsuite/InvalidTokenType']);
  });

  it('reports a NetSuite assertion without exp or iat', async () => {
    const codes = inspect(await assertion({ exp: undefined, iat: undefined })).findings.map(
      (f) => f.code,
    );
    expect(codes).toEqual(expect.arrayContaining(['token.exp.missing', 'token.iat.missing']));
  });

  it('says a time claim written as a string is not a number, rather than missing', async () => {
    const result = inspect(await assertion({ exp: String(NOW_S + 600), iat: String(NOW_S) }));
    const codes = result.findings.map((f) => f.code);
    expect(codes).toEqual(
      expect.arrayContaining(['token.exp.not-a-number', 'token.iat.not-a-number']),
    );
    expect(codes).not.toContain('token.exp.missing');
    expect(codes).not.toContain('token.iat.missing');
    const exp = result.findings.find((f) => f.code === 'token.exp.not-a-number');
    expect(exp?.severity).toBe('error');
    expect(exp?.evidence).toBe(`exp is the string "${String(NOW_S + 600)}"`);
  });

  describe('a time claim outside any calendar date is not a valid NumericDate', () => {
    const generic = (claims: Record<string, unknown>) =>
      inspect(`${b64({ alg: 'PS256', typ: 'JWT' })}.${b64({ sub: 'x', ...claims })}.c2ln`);

    it('says so for exp -1e308 and iat 1e308, and shows no age for them', () => {
      const result = generic({ exp: -1e308, iat: 1e308 });
      const codes = result.findings.map((f) => f.code);
      expect(codes).toEqual(
        expect.arrayContaining(['token.exp.out-of-range', 'token.iat.out-of-range']),
      );
      expect(codes).not.toContain('token.expired');
      expect(codes).not.toContain('token.iat.future');
      const exp = result.findings.find((f) => f.code === 'token.exp.out-of-range');
      expect(exp?.title).toMatch(/^The exp claim is not a valid NumericDate/);
      expect(exp?.evidence).toBe('exp is -1e+308');
      expect(result.times).toEqual([]);
    });

    it.each([
      ['milliseconds', NOW_S * 1000],
      ['the first second of year 10000', 253_402_300_800],
      ['a second before year 0', -62_167_219_201],
    ])('exp in %s', (_what, exp) => {
      const codes = generic({ exp }).findings.map((f) => f.code);
      expect(codes).toContain('token.exp.out-of-range');
      expect(codes).not.toContain('token.expired');
    });

    it('keeps the last second of year 9999 and the first of year 0 as dates', () => {
      const late = generic({ exp: 253_402_300_799 });
      expect(late.findings.map((f) => f.code)).not.toContain('token.exp.out-of-range');
      expect(late.times.map((t) => t.utc)).toEqual(['9999-12-31T23:59:59Z']);
      const early = generic({ exp: -62_167_219_200 });
      expect(early.times.map((t) => t.utc)).toEqual(['0000-01-01T00:00:00Z']);
    });

    it('says it once for an assertion (its lifetime rule reads iat too)', async () => {
      const result = inspect(await assertion({ iat: 1e308, nbf: 'soon' }));
      const codes = result.findings.map((f) => f.code);
      expect(codes.filter((c) => c === 'token.iat.out-of-range')).toHaveLength(1);
      expect(codes).toContain('token.nbf.not-a-number');
      expect(codes).not.toContain('token.iat.missing');
    });
  });

  it('warns about an unsigned token', () => {
    const token = `${b64({ alg: 'none' })}.${b64({ sub: 'x', exp: NOW_S + 60 })}.`;
    expect(inspect(token).findings.map((f) => f.code)).toContain('token.alg.none');
  });
});

describe('inspectToken: malformed input', () => {
  const header = b64({ alg: 'PS256', typ: 'JWT' });
  const payload = b64({ sub: 'x' });
  it.each([
    ['an empty string', '', 'token.malformed.empty'],
    ['one part', 'abc', 'token.malformed.parts'],
    ['two parts', `${header}.${payload}`, 'token.malformed.parts'],
    ['four parts', `${header}.${payload}.sig.more`, 'token.malformed.parts'],
    ['an empty header', `.${payload}.sig`, 'token.malformed.header.empty'],
    ['an empty payload', `${header}..sig`, 'token.malformed.payload.empty'],
    [
      'standard base64 in the payload',
      `${header}.${payload}+/.sig`,
      'token.malformed.payload.base64url',
    ],
    [
      'an impossible base64url length',
      `${header}.${payload}AB.sig`,
      'token.malformed.payload.base64url',
    ],
    [
      'a payload that is not JSON',
      `${header}.${b64('not json')}.sig`,
      'token.malformed.payload.json',
    ],
    [
      'a payload that is a JSON array',
      `${header}.${b64([1, 2])}.sig`,
      'token.malformed.payload.not-object',
    ],
    [
      'a payload that is a JSON number',
      `${header}.${b64(42)}.sig`,
      'token.malformed.payload.not-object',
    ],
    [
      'a payload that is JSON null',
      `${header}.${b64(null)}.sig`,
      'token.malformed.payload.not-object',
    ],
    [
      'a header that is a string',
      `${b64('"x"')}.${payload}.sig`,
      'token.malformed.header.not-object',
    ],
    [
      'a header that is not UTF-8',
      `${Buffer.from([0xff, 0xfe, 0xfd]).toString('base64url')}.${payload}.sig`,
      'token.malformed.header.json',
    ],
    ['a 1 MB string', 'a'.repeat(1024 * 1024), 'token.malformed.too-long'],
    [
      'a 1 MB token-shaped string',
      `${header}.${'A'.repeat(1024 * 1024)}.sig`,
      'token.malformed.too-long',
    ],
    [
      'a JWE',
      `${b64({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.${b64('k')}.${b64('iv')}.${b64('ct')}.${b64('tag')}`,
      'token.encrypted',
    ],
  ])('gives %s a finding instead of a crash', (_, input, code) => {
    const result = inspect(input);
    expect(result.decoded).toBe(false);
    expect(result.header).toBeNull();
    expect(result.findings[0]?.code).toBe(code);
    expect(result.kind).toBe(code === 'token.encrypted' ? 'encrypted' : 'malformed');
  });

  it('explains standard base64 by naming the character', () => {
    const f = inspect(`${header}.${payload}+.sig`).findings[0];
    expect(f?.evidence).toBe('character "+" is not base64url (standard base64 was used)');
  });

  it('cleans what people paste around a token', async () => {
    const token = await netsuiteAccess();
    for (const pasted of [
      `Bearer ${token}`,
      `Authorization: Bearer ${token}\n`,
      `"${token}"`,
      `${token.slice(0, 40)}\n${token.slice(40)}`,
      `{"access_token":"${token}","expires_in":3600}`,
    ]) {
      const result = inspect(pasted);
      expect(result.kind).toBe('netsuite-access');
      expect(result.findings.map((f) => f.code)).toContain('token.input.cleaned');
    }
  });
});
