import { importJWK, SignJWT } from 'jose';
import type { PrivateJwk } from '../types.js';

const LIFETIME_SECONDS = 300;

interface ClientAssertion {
  readonly header: { readonly alg: string; readonly typ: 'JWT' };
  readonly claims: {
    readonly iss: string;
    readonly sub: string;
    readonly aud: string;
    readonly jti: string;
    readonly iat: number;
    readonly exp: number;
  };
}

/** RFC 7523 §3: iss = sub = client id, aud = token endpoint, a fresh jti, a short lifetime. */
export function planClientAssertion(
  clientId: string,
  tokenUrl: string,
  alg: string,
  now: Date,
): ClientAssertion {
  const iat = Math.floor(now.getTime() / 1000);
  return {
    header: { alg, typ: 'JWT' },
    claims: {
      iss: clientId,
      sub: clientId,
      aud: tokenUrl,
      jti: globalThis.crypto.randomUUID(),
      iat,
      exp: iat + LIFETIME_SECONDS,
    },
  };
}

export async function signClientAssertion(plan: ClientAssertion, key: PrivateJwk): Promise<string> {
  const imported = await importJWK({ ...key }, plan.header.alg);
  return new SignJWT({ jti: plan.claims.jti })
    .setProtectedHeader({ ...plan.header })
    .setIssuer(plan.claims.iss)
    .setSubject(plan.claims.sub)
    .setAudience(plan.claims.aud)
    .setIssuedAt(plan.claims.iat)
    .setExpirationTime(plan.claims.exp)
    .sign(imported);
}
