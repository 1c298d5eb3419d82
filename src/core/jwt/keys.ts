import {
  createLocalJWKSet,
  importJWK,
  importSPKI,
  importX509,
  type CompactVerifyGetKey,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
} from 'jose';

/** Public key material as the user gave it: a PEM public key or certificate, a JWK, or a JWK set. */
export type KeyMaterial =
  | { readonly kind: 'spki'; readonly pem: string }
  | { readonly kind: 'x509'; readonly pem: string }
  | { readonly kind: 'jwk'; readonly jwk: JWK }
  | { readonly kind: 'jwks'; readonly jwks: JSONWebKeySet };

export type ParsedKey =
  | { readonly ok: true; readonly material: KeyMaterial }
  | { readonly ok: false; readonly reason: string };

// Only public members: a private JWK given by mistake is used for its public half and nothing else.
const PUBLIC_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e', 'kid', 'alg', 'use', 'key_ops'];

/** Reads key text (the content of a `.pem`, `.cer`, `.json` file or a JWKS reply); never throws. */
export function parseKeyMaterial(text: string): ParsedKey {
  const trimmed = text.trim();
  if (/-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/.test(trimmed)) {
    return { ok: false, reason: 'this is a private key: give the public key or the certificate' };
  }
  if (trimmed.includes('-----BEGIN RSA PUBLIC KEY-----')) {
    return {
      ok: false,
      reason:
        'PKCS#1 "RSA PUBLIC KEY" is not supported: convert it with `openssl rsa -RSAPublicKey_in -pubout`',
    };
  }
  const spki = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/.exec(trimmed);
  if (spki) return { ok: true, material: { kind: 'spki', pem: spki[0] } };
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(trimmed);
  if (cert) return { ok: true, material: { kind: 'x509', pem: cert[0] } };
  return parseJsonKey(trimmed);
}

function parseJsonKey(text: string): ParsedKey {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not a PEM public key, certificate, JWK or JWK set' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, reason: 'the JSON is not a JWK or a JWK set' };
  }
  const record = json as Record<string, unknown>;
  if (Array.isArray(record['keys'])) {
    const keys = record['keys'].filter((k): k is JWK => typeof k === 'object' && k !== null);
    return { ok: true, material: { kind: 'jwks', jwks: { keys: keys.map(publicJwk) } } };
  }
  if (typeof record['kty'] === 'string') {
    return { ok: true, material: { kind: 'jwk', jwk: publicJwk(record) } };
  }
  return { ok: false, reason: 'the JSON has neither "kty" (a JWK) nor "keys" (a JWK set)' };
}

function publicJwk(jwk: JWK): JWK {
  const out: Record<string, unknown> = {};
  for (const name of PUBLIC_MEMBERS) {
    const value = (jwk as Record<string, unknown>)[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** A key or key resolver jose's `compactVerify` accepts, for the token's `alg`. */
export async function importVerifier(
  material: KeyMaterial,
  alg: string,
): Promise<CryptoKey | Uint8Array | CompactVerifyGetKey> {
  switch (material.kind) {
    case 'spki':
      return importSPKI(material.pem, alg);
    case 'x509':
      return importX509(material.pem, alg);
    case 'jwk':
      return importJWK(material.jwk, alg);
    case 'jwks':
      return createLocalJWKSet(material.jwks);
  }
}

/** Where the key came from: the evidence label, and for a fetched key set, its URL and issuer. */
export interface KeySource {
  readonly material: KeyMaterial;
  readonly label: string;
  /** The key set's URL when it was fetched: its origin is compared with the token's `iss`. */
  readonly url?: string;
  /** The issuer the user named (`--issuer`): the token's `iss` must be it. */
  readonly issuer?: string;
  /** The key set's URL came from that issuer's own metadata (`jwks_uri`). */
  readonly fromIssuerMetadata?: boolean;
}
