import { findJwts } from '../secrets/rules/jwt.js';

/** Longest input we try to decode; real tokens are a few KB. */
export const MAX_TOKEN_LENGTH = 64 * 1024;

export interface Normalised {
  readonly token: string;
  /** What was cleaned up, for an info finding ("removed a Bearer prefix"). */
  readonly notes: readonly string[];
}

/**
 * Cleans what people paste around a token: whitespace, quotes, `Bearer `, a header or a JSON reply
 * around it, line breaks from wrapping. Returns the input trimmed when nothing better is found.
 */
export function normaliseToken(input: string): Normalised {
  const notes: string[] = [];
  let token = input.trim();
  const unquoted = token.replace(/^(["'`])(.*)\1$/s, '$2').trim();
  if (unquoted !== token) notes.push('removed surrounding quotes');
  token = unquoted;
  const unprefixed = token.replace(/^(?:authorization:\s*)?bearer\s+/i, '');
  if (unprefixed !== token) notes.push('removed the "Bearer " prefix');
  token = unprefixed;
  if (/\s/.test(token) && /^[A-Za-z0-9_.=\s-]+$/.test(token)) {
    token = token.replace(/\s+/g, '');
    notes.push('removed line breaks and spaces inside the token');
  }
  if (!/^[A-Za-z0-9_.=-]+$/.test(token)) {
    const embedded = findJwts(token);
    const [only] = embedded;
    if (embedded.length === 1 && only !== undefined) {
      notes.push('found one JWT in the pasted text and inspected it');
      token = token.slice(only.start, only.end);
    }
  }
  return { token, notes };
}
