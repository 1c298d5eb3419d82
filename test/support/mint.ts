// Test helper (not a test file): mints tokens with jose so every test uses real signatures.
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { createHash } from 'node:crypto';
import type { InspectOptions } from '../../src/core/jwt/types.js';

/** The inspection clock of every test: 2025-09-16T10:00:00Z. */
export const NOW = new Date('2025-09-16T10:00:00Z');
export const NOW_S = NOW.getTime() / 1000;
export const TOKEN_URL =
  'https://3902117.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token';
export const CLIENT_ID = '5c2a9e1b7d3f4068a2c1e9b7d5f3a1c05c2a9e1b7d3f4068a2c1e9b7d5f3a1c0';

export const options = (extra: Partial<InspectOptions> = {}): InspectOptions => ({
  now: NOW,
  fingerprint: (t) => `sha256:${createHash('sha256').update(t).digest('hex').slice(0, 12)}`,
  ...extra,
});

const keys = new Map<string, Promise<{ publicKey: CryptoKey; privateKey: CryptoKey }>>();

/** One key pair per algorithm for the whole run (RSA generation is slow). */
export function keyPair(alg: string) {
  let pair = keys.get(alg);
  if (pair === undefined) {
    pair = generateKeyPair(alg, { extractable: true });
    keys.set(alg, pair);
  }
  return pair;
}

/** Claims to put in a token; `undefined` leaves a claim out. */
export type Claims = Readonly<Record<string, unknown>>;
/** Header overrides; `kid: undefined` leaves kid out (the default is a kid). */
export interface HeaderSpec {
  readonly alg?: string;
  readonly kid?: string | undefined;
  readonly typ?: string;
}

export async function mint(claims: Claims, header: HeaderSpec = {}): Promise<string> {
  const alg = header.alg ?? 'PS256';
  const key =
    alg === 'HS256' ? new TextEncoder().encode('x'.repeat(32)) : (await keyPair(alg)).privateKey;
  const protectedHeader: Record<string, string> = { alg, typ: header.typ ?? 'JWT' };
  const kid = 'kid' in header ? header.kid : 'cert-1';
  if (kid !== undefined) protectedHeader['kid'] = kid;
  return new SignJWT({ ...claims })
    .setProtectedHeader(protectedHeader as { alg: string })
    .sign(key);
}

/** A NetSuite client-credentials assertion that NetSuite would accept, with overrides. */
export function assertion(claims: Claims = {}, header: HeaderSpec = {}) {
  return mint(
    {
      iss: CLIENT_ID,
      aud: TOKEN_URL,
      scope: ['rest_webservices'],
      iat: NOW_S - 60,
      exp: NOW_S + 240,
      ...claims,
    },
    { alg: 'PS256', kid: 'Jp7tX2qL9wRb', ...header },
  );
}

/** A NetSuite-issued access token (1 h), with overrides. */
export function netsuiteAccess(claims: Claims = {}) {
  return mint(
    {
      iss: 'https://system.netsuite.com',
      sub: '4030059;0;3;7;N',
      aud: ['app:1a2b3c', CLIENT_ID],
      scope: ['restlets', 'rest_webservices'],
      jti: '3902117.a.0f8fad5b-d9cb-469f-a165-70867728950e_1757999000000.0',
      iat: NOW_S - 600,
      exp: NOW_S + 3000,
      ...claims,
    },
    { alg: 'PS256', kid: 's.SYSTEM.2020_1' },
  );
}

/** A NetSuite-issued refresh token (7 days, `.r.` jti), with overrides. */
export function netsuiteRefresh(claims: Claims = {}) {
  return netsuiteAccess({
    jti: '3902117.r.0f8fad5b-d9cb-469f-a165-70867728950e_1757999000000.0',
    iat: NOW_S - 86400,
    exp: NOW_S - 86400 + 604800,
    ...claims,
  });
}

export async function publicJwk(alg: string, kid?: string) {
  const jwk = await exportJWK((await keyPair(alg)).publicKey);
  return kid === undefined ? jwk : { ...jwk, kid };
}

export const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
