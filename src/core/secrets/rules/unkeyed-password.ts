import { looksRandom } from '../entropy.js';
import { readUnkeyedPasswords } from '../unkeyed-passwords.js';
import type { SecretFinding } from '../types.js';
import { PASSWORD_BOUNDS } from './assignment.js';

/**
 * Finds a password no key names, written in a sentence (`my password is Sup3rS3cret!`) or after a
 * command's `-p` option beside its user (`mysql -u root -pS3cr3tPass`), when it looks like a live
 * one: the bounds of a `password=` value.
 */
export function findUnkeyedPasswords(text: string): SecretFinding[] {
  return readUnkeyedPasswords(text)
    .filter((p) => looksRandom(p.text, PASSWORD_BOUNDS))
    .map((p): SecretFinding => ({
      kind: 'assignment',
      start: p.start,
      end: p.end,
      label: p.where === 'prose' ? 'a password' : 'a password on a command line',
      name: 'password',
    }));
}
