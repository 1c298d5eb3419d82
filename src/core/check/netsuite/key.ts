import { makeFinding, type Finding } from '../../finding.js';
import type { PrivateJwk } from '../types.js';

export const NETSUITE_ALGORITHMS = ['PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'] as const;
const CURVE_ALG: Readonly<Record<string, string>> = {
  'P-256': 'ES256',
  'P-384': 'ES384',
  'P-521': 'ES512',
};

export interface KeyCheck {
  /** Algorithm to sign with, or null when this key cannot sign anything NetSuite could take. */
  readonly algorithm: string | null;
  readonly findings: readonly Finding[];
  readonly description: string;
}

/** Bits of an RSA modulus from the JWK `n` (base64url, no padding). */
function rsaBits(n: string): number {
  const bytes = Math.floor((n.length * 6) / 8);
  // A leading zero bit is never encoded, so round to the usual key sizes.
  return Math.round((bytes * 8) / 256) * 256;
}

/** Key type and size, and the algorithm: RSA ≥ 3072 with PS*, EC P-256/384/521 with ES*. */
export function checkNetsuiteKey(jwk: PrivateJwk, requested: string | undefined): KeyCheck {
  const findings: Finding[] = [];
  let defaultAlg: string | null = null;
  let description: string;
  if (jwk.kty === 'RSA' && typeof jwk.n === 'string') {
    const bits = rsaBits(jwk.n);
    description = `RSA ${bits}-bit`;
    defaultAlg = 'PS256';
    if (bits < 3072)
      findings.push(
        keyFinding(
          'rsa-small',
          `The private key is RSA ${bits}-bit; NetSuite accepts RSA 3072 or 4096-bit certificates only`,
          description,
        ),
      );
  } else if (jwk.kty === 'EC' && typeof jwk.crv === 'string') {
    description = `EC ${jwk.crv}`;
    defaultAlg = CURVE_ALG[jwk.crv] ?? null;
    if (defaultAlg === null)
      findings.push(
        keyFinding(
          'curve',
          `The private key uses curve ${jwk.crv}; NetSuite accepts P-256, P-384 or P-521`,
          description,
          true,
        ),
      );
  } else {
    description = `${jwk.kty} key`;
    findings.push(
      keyFinding(
        'type',
        `The private key is a ${jwk.kty} key; NetSuite needs an RSA (3072+ bits) or EC key`,
        description,
        true,
      ),
    );
  }
  if (typeof jwk.d !== 'string')
    findings.push(
      keyFinding(
        'public',
        'This is a public key; the check needs the private key that matches the certificate',
        description,
        true,
      ),
    );
  const alg = requested ?? defaultAlg;
  if (alg === null) return { algorithm: null, findings, description };
  findings.push(...checkAlgorithm(alg, jwk));
  const canSign = !findings.some((f) => f.blocking === true);
  return { algorithm: canSign ? alg : null, findings, description };
}

function checkAlgorithm(alg: string, jwk: PrivateJwk): Finding[] {
  const family = alg.slice(0, 2);
  const fits =
    family === 'PS' || family === 'RS'
      ? jwk.kty === 'RSA'
      : family === 'ES' && CURVE_ALG[jwk.crv ?? ''] === alg;
  if (!fits) {
    return [
      keyFinding(
        'alg-key',
        `Algorithm ${alg} cannot be used with this key`,
        `${alg} with a ${jwk.kty} key`,
        true,
      ),
    ];
  }
  if ((NETSUITE_ALGORITHMS as readonly string[]).includes(alg)) return [];
  return [
    makeFinding('preflight', {
      id: 'netsuite/UnsupportedAlgo',
      code: 'preflight.assertion.alg',
      title: `Algorithm ${alg} is refused by NetSuite (RS256 since 1 March 2025); use PS256/384/512 or ES256/384/512`,
      evidence: `assertion header alg ${alg}`,
      fields: ['algorithm'],
      score: 88,
    }),
  ];
}

function keyFinding(code: string, title: string, evidence: string, blocking = false): Finding {
  return makeFinding('preflight', {
    code: `preflight.private-key.${code}`,
    title,
    evidence,
    fields: ['privateKey'],
    score: blocking ? 100 : 70,
    ...(blocking ? { blocking } : {}),
  });
}
