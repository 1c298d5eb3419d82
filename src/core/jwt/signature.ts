import { compactVerify, type CompactVerifyGetKey, type CryptoKey } from 'jose';
import { latConfirm } from '../check/netsuite/lat.js';
import { makeFinding, type Finding } from '../finding.js';
import { importVerifier, type KeySource } from './keys.js';
import type { Inspection, TokenKind } from './types.js';

const BAD_SIGNATURE: Readonly<Record<TokenKind, string | null>> = {
  'netsuite-access': 'netsuite/InvalidSignature',
  'netsuite-refresh': 'netsuite/InvalidSignature',
  'netsuite-assertion': 'netsuite/SignatureValidation',
  'workday-access': 'oauth2/invalid_token',
  'workday-assertion': 'oauth2/invalid_grant',
  generic: 'oauth2/invalid_token',
  encrypted: null,
  malformed: null,
};

const NO_KEY: Readonly<Record<TokenKind, string | null>> = {
  ...BAD_SIGNATURE,
  'netsuite-access': 'netsuite/MissingKey',
  'netsuite-refresh': 'netsuite/MissingKey',
  'netsuite-assertion': 'netsuite/MissingKey',
};

/**
 * The signature checked against the key: one finding, `token.signature.valid` only when it holds.
 * jose errors are mapped by their stable `code`, never by message text; nothing throws.
 */
export async function checkSignature(
  token: string,
  inspection: Inspection,
  source: KeySource,
): Promise<Finding> {
  const alg = inspection.header?.['alg'];
  if (typeof alg !== 'string' || alg === 'none') {
    return verifyFinding(
      'no-alg',
      null,
      'error',
      'An unsigned token cannot be verified',
      'alg none or missing',
    );
  }
  // Every key material we take is public and asymmetric: an HMAC alg here is the classic
  // algorithm-confusion forgery (a token "signed" with the public key as the HMAC secret).
  if (/^HS\d+$/i.test(alg)) {
    return verifyFinding(
      'hmac-with-public-key',
      BAD_SIGNATURE[inspection.kind],
      'error',
      `The token claims ${alg} (HMAC, a shared secret) but the key is a public key: a server that accepted this would take tokens forged with its own public key`,
      `alg ${alg}, checked with ${source.label}`,
      96,
    );
  }
  let key: CryptoKey | Uint8Array | CompactVerifyGetKey;
  try {
    key = await importVerifier(source.material, alg);
  } catch (err) {
    return keyProblem(err, alg, source);
  }
  try {
    await verifyWithKey(token, key);
    return verifyFinding(
      'valid',
      null,
      'info',
      'The signature is valid',
      `verified with ${source.label}, alg ${alg}`,
      1,
    );
  } catch (err) {
    return mapVerifyError(err, inspection.kind, alg, source);
  }
}

/** With a JWK set, several keys may match (no kid): try each, as jose's docs suggest. */
async function verifyWithKey(token: string, key: CryptoKey | Uint8Array | CompactVerifyGetKey) {
  try {
    return await compactVerify(token, key as CompactVerifyGetKey);
  } catch (err) {
    if (codeOf(err) !== 'ERR_JWKS_MULTIPLE_MATCHING_KEYS') throw err;
    let last: unknown = err;
    for await (const candidate of err as AsyncIterable<CryptoKey>) {
      try {
        return await compactVerify(token, candidate);
      } catch (inner) {
        last = inner;
      }
    }
    throw last;
  }
}

function mapVerifyError(err: unknown, kind: TokenKind, alg: string, source: KeySource): Finding {
  switch (codeOf(err)) {
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return verifyFinding(
        'signature-invalid',
        BAD_SIGNATURE[kind],
        'error',
        'The signature does not match the key',
        `alg ${alg}, checked with ${source.label}: the token was altered or truncated, or was signed with another key`,
        92,
      );
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return verifyFinding(
        'key-not-found',
        NO_KEY[kind],
        'error',
        "No key in the key set matches the token's kid and alg",
        `${source.label} has no key for this kid/alg (revoked or expired certificate, or another account's key)`,
        92,
      );
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return verifyFinding(
        'unsupported',
        null,
        'warning',
        `alg ${alg} cannot be verified with this key`,
        `${source.label}, alg ${alg}`,
      );
    case 'ERR_JWS_INVALID':
      return verifyFinding(
        'jws-invalid',
        null,
        'error',
        'The token is not a valid JWS',
        'jose ERR_JWS_INVALID',
      );
    default:
      return keyProblem(err, alg, source);
  }
}

function keyProblem(err: unknown, alg: string, source: KeySource): Finding {
  const code = codeOf(err);
  return verifyFinding(
    'key-unusable',
    null,
    'error',
    `The key cannot verify an ${alg} signature (wrong key type, curve or format)`,
    `${source.label}${code === undefined ? '' : `, jose ${code}`}`,
  );
}

function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function verifyFinding(
  code: string,
  id: string | null,
  severity: 'error' | 'warning' | 'info',
  title: string,
  evidence: string,
  score?: number,
): Finding {
  return makeFinding('token', {
    id,
    ...latConfirm(id),
    code: `token.signature.${code}`,
    severity,
    title,
    evidence,
    ...(score === undefined ? {} : { score }),
  });
}
