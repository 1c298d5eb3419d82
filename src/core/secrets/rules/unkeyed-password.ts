import { looksRandom, type RandomnessBounds } from '../entropy.js';
import { readUnkeyedPasswords, TOKEN_NAMES, type ProseName } from '../unkeyed-passwords.js';
import type { SecretFinding } from '../types.js';
import { PASSWORD_BOUNDS } from './assignment.js';

const LABELS: Readonly<Record<ProseName, string>> = {
  password: 'a password',
  client_secret: 'a client secret',
  api_key: 'an API key',
  secret: 'a secret',
  token: 'a token',
  access_token: 'an access token',
  refresh_token: 'a refresh token',
};

/**
 * A token a sentence states is warned about only when it has a generated token's length: sentences
 * say more about tokens than about passwords (`the token is abc12345`, a build or a request id).
 */
const TOKEN_BOUNDS: RandomnessBounds = { minLength: 16, maxLength: 4096, minEntropy: 3 };

/**
 * Finds a password or secret no key names, written in a sentence (`my password is Sup3rS3cret!`,
 * `the client secret is …`), after a command's `-p` option beside its user (`mysql -u root
 * -pS3cr3tPass`) or in PowerShell's `ConvertTo-SecureString`, when it looks like a live one: the
 * bounds of a `password=` value.
 */
export function findUnkeyedPasswords(text: string): SecretFinding[] {
  return readUnkeyedPasswords(text)
    .filter((p) => looksRandom(p.text, TOKEN_NAMES.has(p.name) ? TOKEN_BOUNDS : PASSWORD_BOUNDS))
    .map((p): SecretFinding => ({
      kind: 'assignment',
      start: p.start,
      end: p.end,
      label: p.where === 'option' ? 'a password on a command line' : LABELS[p.name],
      name: p.name,
    }));
}
