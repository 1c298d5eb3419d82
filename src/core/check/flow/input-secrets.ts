import type { PrivateJwk } from '../types.js';
import { privateParts } from './key-auth.js';

/** The credentials a check is given. */
interface Credentials {
  readonly clientSecret?: string;
  readonly refreshToken?: string;
  readonly privateKey?: PrivateJwk;
}

/**
 * What a check's outcome must never show: the secret and the refresh token as given and as the
 * preflight cleaned them, and a private key's secret members.
 */
export function inputSecrets(
  raw: Credentials,
  input: Omit<Credentials, 'privateKey'>,
): (string | undefined)[] {
  return [
    raw.clientSecret,
    raw.refreshToken,
    input.clientSecret,
    input.refreshToken,
    ...privateParts(raw.privateKey),
  ];
}
