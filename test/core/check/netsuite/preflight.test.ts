import { describe, expect, it } from '@jest/globals';
import { accountHostLabel, netsuiteTokenUrl } from '../../../../src/core/check/netsuite/account.js';
import { checkAssertion, planAssertion } from '../../../../src/core/check/netsuite/assertion.js';
import { checkNetsuiteKey } from '../../../../src/core/check/netsuite/key.js';
import { rankLatCandidates } from '../../../../src/core/check/netsuite/lat.js';

const codes = (r: { findings: readonly { code: string }[] }) => r.findings.map((f) => f.code);

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
