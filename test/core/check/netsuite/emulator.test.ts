import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { privateKeyFromPem } from '../../../../src/adapters/http/private-key.js';
import { createCheckRunner } from '../../../../src/adapters/http/runner.js';
import type { NetsuiteCheckInput } from '../../../../src/core/check/types.js';
import { captureLogger, ids, startHarness, type Harness } from '../../../support/check-runner.js';

let h: Harness;
const rsa3072 = generateKeyPairSync('rsa', { modulusLength: 3072 });
const otherEc = generateKeyPairSync('ec', { namedCurve: 'P-256' });

beforeAll(async () => {
  h = await startHarness({
    config: (demo) => ({
      ...demo.config,
      netsuite: {
        ...demo.config.netsuite,
        '7654321': {
          integrations: [
            {
              clientId: 'ns-rsa',
              certificates: [{ id: 'cert-rsa', publicKey: rsa3072.publicKey }],
              scopes: ['rest_webservices'],
            },
            { clientId: 'ns-blocked', clientSecret: 's', blocked: true, refreshTokens: {} },
            {
              clientId: 'ns-norest',
              certificates: [{ id: 'cert-rsa', publicKey: rsa3072.publicKey }],
              resourceLat: 'EntityOrRoleDisabled',
            },
          ],
        },
      },
    }),
  });
});
afterAll(async () => {
  await h.emulator.close();
});

const tokenUrl = (acct = '1234567_SB1') =>
  `${h.emulator.url}/${acct}/services/rest/auth/oauth2/v1/token`;

function m2m(over: Partial<NetsuiteCheckInput> = {}): NetsuiteCheckInput {
  return {
    system: 'netsuite',
    grant: 'client_credentials',
    accountId: '1234567_SB1',
    tokenUrl: tokenUrl(),
    clientId: 'ns-client',
    certificateId: 'cert-demo-1',
    privateKey: privateKeyFromPem(h.demo.privateKeyPem),
    ...over,
  };
}

function refresh(over: Partial<NetsuiteCheckInput> = {}): NetsuiteCheckInput {
  return {
    system: 'netsuite',
    grant: 'refresh_token',
    accountId: '1234567_SB1',
    tokenUrl: tokenUrl(),
    clientId: 'ns-client',
    clientSecret: 'ns-secret',
    refreshToken: h.demo.netsuiteRefresh.valid,
    ...over,
  };
}

describe('netsuite client credentials (M2M) against the emulator', () => {
  it('gets a token with an ES256 assertion and shows the claims, never the assertion', async () => {
    const o = await h.run(
      m2m({ apiUrl: `${h.emulator.url}/1234567_SB1/services/rest/record/v1/customer` }),
      'alice',
    );
    expect(o.ok).toBe(true);
    expect(o.authMethod).toBe('private_key_jwt');
    expect(o.target).toMatchObject({ account: '1234567_SB1' });
    expect(o.requests.at(-1)?.assertion).toMatchObject({
      header: { alg: 'ES256', kid: 'cert-demo-1', typ: 'JWT' },
      claims: { iss: 'ns-client', aud: tokenUrl(), scope: ['rest_webservices'] },
    });
    expect(o.requests.at(-1)?.form['client_assertion']).toBe('••••');
  });

  it('signs PS256 with an RSA 3072 key', async () => {
    const o = await h.run(
      m2m({
        accountId: '7654321',
        tokenUrl: tokenUrl('7654321'),
        clientId: 'ns-rsa',
        certificateId: 'cert-rsa',
        privateKey: privateKeyFromPem(
          rsa3072.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
        ),
      }),
      'alice',
    );
    expect(o.ok).toBe(true);
    expect(o.requests.at(-1)?.assertion?.header).toMatchObject({ alg: 'PS256' });
  });

  // Each row: what was wrong, what the emulator logged, and where our ranking put it.
  const rsaKey = () =>
    privateKeyFromPem(rsa3072.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
  it.each<[string, () => Partial<NetsuiteCheckInput>, string, number]>([
    ['unknown certificate id', () => ({ certificateId: 'cert-gone' }), 'MissingKey', 0],
    ['no certificate id', () => ({ certificateId: '' }), 'MissingKeyId', 0],
    [
      'key not matching the certificate',
      () => ({
        privateKey: privateKeyFromPem(
          otherEc.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
        ),
      }),
      'SignatureValidation',
      1,
    ],
    [
      'RS256 forced',
      () => ({
        accountId: '7654321',
        tokenUrl: tokenUrl('7654321'),
        clientId: 'ns-rsa',
        certificateId: 'cert-rsa',
        privateKey: rsaKey(),
        algorithm: 'RS256',
      }),
      'UnsupportedAlgo',
      0,
    ],
    ['assertion valid two hours', () => ({ assertionLifetime: 7200 }), 'TokenValidityTooBroad', 0],
    ['unknown client id', () => ({ clientId: 'ns-nobody' }), 'InvalidIssuer', 2],
    [
      'scope not enabled on the integration',
      () => ({ scopes: ['suite_analytics'] }),
      'ScopeMismatched',
      0,
    ],
  ])(
    '%s: the emulator logs the expected LAT code and our ranking places it',
    async (_what, over, lat, rank) => {
      const o = await h.run(m2m(over()), 'alice');
      expect(o.ok).toBe(false);
      expect(h.emulator.lastLat()).toBe(lat);
      const latIds = ids(o).filter((id) => id?.startsWith('netsuite/'));
      expect(latIds.indexOf(`netsuite/${lat}`)).toBe(rank);
      const top = o.findings.find((f) => f.id === `netsuite/${lat}`);
      expect(
        top?.confirmAt ?? o.findings.find((f) => f.confirmAt !== undefined)?.confirmAt,
      ).toMatch(/View Login Audit Trail/);
    },
  );

  it('a clock running ahead gives TokenNotAcceptable among the candidates', async () => {
    const ahead = createCheckRunner({
      policy: { allowLocalTargets: true },
      logger: captureLogger([]),
      now: () => new Date(Date.now() + 10 * 60_000),
    });
    const o = await ahead(m2m(), 'alice');
    expect(h.emulator.lastLat()).toBe('TokenNotAcceptable');
    expect(ids(o).slice(0, 3)).toContain('netsuite/TokenNotAcceptable');
  });

  it('preflight rejects a 2048-bit RSA key and an EC key for a PS algorithm', async () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    const o = await h.run(
      m2m({ privateKey: privateKeyFromPem(small), certificateId: 'cert-demo-1' }),
      'alice',
    );
    expect(o.findings.some((f) => f.code === 'preflight.private-key.rsa-small')).toBe(true);
    const before = h.emulator.requestCount();
    const wrongAlg = await h.run(m2m({ algorithm: 'PS256' }), 'alice');
    expect(wrongAlg.findings[0]?.code).toBe('preflight.private-key.alg-key');
    expect(h.emulator.requestCount()).toBe(before);
  });
});

describe('netsuite refresh-token grant against the emulator', () => {
  it('gets a token (expires_in as a string) and calls REST', async () => {
    const o = await h.run(
      refresh({ apiUrl: `${h.emulator.url}/1234567_SB1/services/rest/record/v1/customer` }),
      'alice',
    );
    expect(o.ok).toBe(true);
    expect(o.authMethod).toBe('client_secret_basic');
  });

  it.each<[string, () => Partial<NetsuiteCheckInput>, string]>([
    [
      'expired refresh token',
      () => ({ refreshToken: h.demo.netsuiteRefresh.expired }),
      'RefreshTokenExpired',
    ],
    [
      'revoked refresh token',
      () => ({ refreshToken: h.demo.netsuiteRefresh.revoked }),
      'TokenBlocked',
    ],
    ['wrong client secret', () => ({ clientSecret: 'nope' }), 'ClientAuthenticationFailed'],
    [
      'token from another account',
      () => ({ refreshToken: 'eyJhbGciOiJIUzI1NiJ9.eyJqdGkiOiJ4LnIueSJ9.c2ln' }),
      'InvalidSignature',
    ],
  ])('%s: the emulator LAT code is among the top candidates', async (_what, over, lat) => {
    const o = await h.run(refresh(over()), 'alice');
    expect(o.ok).toBe(false);
    expect(h.emulator.lastLat()).toBe(lat);
    expect(ids(o).slice(0, 5)).toContain(`netsuite/${lat}`);
  });

  it('ranks RefreshTokenExpired first because preflight read the token exp', async () => {
    const o = await h.run(refresh({ refreshToken: h.demo.netsuiteRefresh.expired }), 'alice');
    expect(o.findings[0]?.id).toBe('netsuite/RefreshTokenExpired');
  });

  it('ranks ClientAuthenticationFailed first on invalid_client', async () => {
    const o = await h.run(refresh({ clientSecret: 'nope' }), 'alice');
    expect(o.findings[0]?.id).toBe('netsuite/ClientAuthenticationFailed');
  });

  it('explains INVALID_LOGIN from the REST stub', async () => {
    const o = await h.run(
      m2m({
        accountId: '7654321',
        tokenUrl: tokenUrl('7654321'),
        clientId: 'ns-norest',
        certificateId: 'cert-rsa',
        privateKey: privateKeyFromPem(
          rsa3072.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
        ),
        apiUrl: `${h.emulator.url}/7654321/services/rest/record/v1/customer`,
      }),
      'alice',
    );
    expect(o.ok).toBe(false);
    expect(o.findings[0]?.id).toBe('netsuite/InvalidLogin');
    expect(h.emulator.lastLat()).toBe('EntityOrRoleDisabled');
    expect(ids(o)).toContain('netsuite/EntityOrRoleDisabled');
  });
});

describe('netsuite preflight', () => {
  it('builds the token URL from the account id (sandbox → -sb1 host)', async () => {
    const strict = createCheckRunner({
      policy: { allowLocalTargets: false },
      logger: captureLogger([]),
      resolve: () => Promise.resolve([{ address: '10.0.0.7', family: 4 }]),
    });
    const { tokenUrl: _unused, ...fromAccount } = m2m();
    const o = await strict(fromAccount, 'alice');
    expect(o.requests.at(-1)?.url).toBe(
      'https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token',
    );
    // Resolved to a private address in this test, so nothing was sent.
    expect(o.findings[0]?.code).toBe('network.blocked');
  });

  it('flags a token URL for another account', async () => {
    const strict = createCheckRunner({
      policy: { allowLocalTargets: false },
      logger: captureLogger([]),
      resolve: () => Promise.resolve([{ address: '10.0.0.7', family: 4 }]),
    });
    const o = await strict(
      m2m({
        tokenUrl: 'https://7654321.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token',
      }),
      'alice',
    );
    expect(o.findings.some((f) => f.code === 'preflight.token-url.other-account')).toBe(true);
  });
});
