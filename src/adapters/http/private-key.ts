import { createPrivateKey } from 'node:crypto';
import { AuthHelpError } from '../../core/errors.js';
import type { PrivateJwk } from '../../core/check/types.js';

/**
 * PEM (PKCS#8, PKCS#1 or SEC1) → JWK for the pure core. Errors never quote the file: it is a secret.
 */
export function privateKeyFromPem(pem: string): PrivateJwk {
  if (pem.includes('-----BEGIN CERTIFICATE-----') && !pem.includes('PRIVATE KEY-----')) {
    throw new AuthHelpError(
      'INPUT_INVALID',
      'the key file holds a certificate: give the private key that belongs to it',
    );
  }
  if (/ENCRYPTED PRIVATE KEY|Proc-Type: 4,ENCRYPTED/.test(pem)) {
    throw new AuthHelpError(
      'INPUT_INVALID',
      'the private key is encrypted: export it without a passphrase for the check',
    );
  }
  try {
    const jwk = createPrivateKey({ key: pem, format: 'pem' }).export({ format: 'jwk' });
    return jwk as PrivateJwk;
  } catch {
    throw new AuthHelpError(
      'INPUT_INVALID',
      'the private key is not a PEM private key (expected -----BEGIN PRIVATE KEY-----)',
    );
  }
}
