import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { privateKeyFromPem } from '../../../src/adapters/http/private-key.js';
import { checkTargetUrl } from '../../../src/core/check/flow/target.js';
import { parseTokenReply } from '../../../src/core/check/flow/token-reply.js';
import { interpretOAuth2Error } from '../../../src/core/check/oauth2/errors.js';
import { preflightOAuth2 } from '../../../src/core/check/oauth2/preflight.js';
import { preflightWorkday } from '../../../src/core/check/workday/preflight.js';
import { startHarness, type Harness } from '../../support/check-runner.js';

const policy = { allowLocalTargets: false };

function read(error: string, description?: string) {
  const body = JSON.stringify({
    error,
    ...(description === undefined ? {} : { error_description: description }),
  });
  return interpretOAuth2Error(parseTokenReply(400, {}, body), body)[0];
}

describe('reading an OAuth 2.0 error the way the server meant it', () => {
  it.each([
    [
      'requested grant type is not allowed for this client',
      'token.invalid_request.grant-not-allowed',
      'oauth2/unauthorized_client',
      ['clientId'],
    ],
    [
      'The client credentials are not properly encoded',
      'token.invalid_request.encoding',
      'oauth2/client-secret-basic-encoding',
      ['clientSecret', 'auth'],
    ],
    [
      'client authentication must only be provided using one mechanism',
      'token.invalid_request.two-methods',
      'oauth2/invalid_request',
      ['auth'],
    ],
  ])('invalid_request "%s" → %s', (description, code, id, fields) => {
    expect(read('invalid_request', description)).toMatchObject({ code, id, fields });
  });

  it('an invalid_request nobody recognises gets a neutral title that quotes the server', () => {
    const f = read('invalid_request', 'Missing parameter: resource');
    expect(f?.title).toBe(
      'The server refused the request as invalid: "Missing parameter: resource"',
    );
    expect(f?.title).not.toMatch(/two client authentication methods|malformed/);
    expect(read('invalid_request')?.title).toMatch(/without saying why/);
  });

  it('invalid_grant descriptions name a reused, expired or unknown refresh token', () => {
    expect(read('invalid_grant', 'refresh token already used')?.code).toBe(
      'token.invalid_grant.reused',
    );
    expect(read('invalid_grant', 'Refresh token expired')?.code).toBe(
      'token.invalid_grant.expired',
    );
    expect(read('invalid_grant', 'refresh token not found')?.code).toBe(
      'token.invalid_grant.unknown',
    );
  });
});

describe('preflight', () => {
  it('warns about characters outside printable ASCII in a secret sent in a Basic header', () => {
    const input = {
      system: 'oauth2' as const,
      tokenUrl: 'https://idp.example.com/token',
      clientId: 'c',
      clientSecret: 'pässwörd-€-1',
    };
    const codes = (auth?: 'basic' | 'post') =>
      preflightOAuth2(auth === undefined ? input : { ...input, auth }, policy).findings.map(
        (f) => f.code,
      );
    expect(codes()).toContain('preflight.secret.non-ascii-basic');
    expect(codes('basic')).toContain('preflight.secret.non-ascii-basic');
    expect(codes('post')).not.toContain('preflight.secret.non-ascii-basic');
  });

  it.each(['\n', '\r', '\t', ' ', '\u0085'])(
    'blocks a token URL with %j inside, naming --token-url',
    (ch) => {
      const raw = `https://wd2-impl-services1.workday.com/ccx/oauth2/acme${ch}/token`;
      const [f] = checkTargetUrl(raw, 'workday', 'tokenUrl', policy).findings;
      expect(f).toMatchObject({ code: 'preflight.url.whitespace', blocking: true });
      expect(f?.fields).toEqual(['tokenUrl']);
      const pasted = preflightWorkday(
        { system: 'workday', tokenUrl: raw, clientId: 'c', clientSecret: 's', refreshToken: 'r' },
        policy,
      );
      expect(pasted.target).toBeNull();
    },
  );
});

describe('NetSuite candidates against the emulator', () => {
  let h: Harness;
  const rsa2048 = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 3072 });
  beforeAll(async () => {
    h = await startHarness({
      config: (demo) => ({
        ...demo.config,
        netsuite: {
          '7654321': {
            integrations: [
              { clientId: 'ns-rsa', certificates: [{ id: 'k1', publicKey: other.publicKey }] },
            ],
          },
        },
      }),
    });
  });
  afterAll(async () => {
    await h.emulator.close();
  });

  it('the certain preflight problem (a 2048-bit key) leads; the list never contradicts the request', async () => {
    const pem = rsa2048.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const o = await h.run(
      {
        system: 'netsuite',
        grant: 'client_credentials',
        accountId: '7654321',
        tokenUrl: `${h.emulator.url}/7654321/services/rest/auth/oauth2/v1/token`,
        clientId: 'ns-rsa',
        certificateId: 'k1',
        privateKey: privateKeyFromPem(pem),
        algorithm: 'PS256',
      },
      'readings',
    );
    expect(o.ok).toBe(false);
    expect(o.findings[0]?.code).toBe('preflight.private-key.rsa-small');
    const candidates = o.findings.filter((f) => f.code.startsWith('token.lat.')).map((f) => f.id);
    expect(candidates.length).toBeGreaterThan(0);
    // The request carried a kid, PS256 and a 300 s lifetime.
    expect(candidates).not.toContain('netsuite/MissingKeyId');
    expect(candidates).not.toContain('netsuite/UnsupportedAlgo');
    expect(candidates).not.toContain('netsuite/TokenValidityTooBroad');
  });
});
