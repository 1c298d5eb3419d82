import { makeFinding, type Finding } from '../../finding.js';
import type { PrivateJwk } from '../types.js';

const CURVE_ALG: Readonly<Record<string, string>> = {
  'P-256': 'ES256',
  'P-384': 'ES384',
  'P-521': 'ES512',
  Ed25519: 'EdDSA',
};
const RSA_ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];

interface ClientKey {
  readonly algorithm: string | null;
  readonly findings: readonly Finding[];
}

/** A private key for private_key_jwt: it must be private, and the algorithm must fit it. */
export function checkClientKey(jwk: PrivateJwk, requested: string | undefined): ClientKey {
  if (typeof jwk.d !== 'string')
    return block('public', 'This is a public key; private_key_jwt needs the private key');
  const fallback =
    jwk.kty === 'RSA' ? 'RS256' : (CURVE_ALG[typeof jwk.crv === 'string' ? jwk.crv : ''] ?? null);
  const alg = requested ?? fallback;
  if (alg === null)
    return block('type', `A ${jwk.kty} key cannot sign a client assertion; use RSA, EC or Ed25519`);
  const fits = jwk.kty === 'RSA' ? RSA_ALGS.includes(alg) : CURVE_ALG[String(jwk.crv)] === alg;
  if (!fits) return block('alg-key', `Algorithm ${alg} cannot be used with this ${jwk.kty} key`);
  return { algorithm: alg, findings: [] };
}

function block(code: string, title: string): ClientKey {
  return {
    algorithm: null,
    findings: [
      makeFinding('preflight', {
        code: `preflight.private-key.${code}`,
        title,
        evidence: 'the --private-key file',
        fields: ['privateKey', 'algorithm'],
        blocking: true,
        score: 100,
      }),
    ],
  };
}
