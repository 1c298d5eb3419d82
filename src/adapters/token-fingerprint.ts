import { createHash } from 'node:crypto';

/** Identifies a token in output without showing it: the first 12 hex digits of its SHA-256. */
export function fingerprintToken(token: string): string {
  return `sha256:${createHash('sha256').update(token, 'utf8').digest('hex').slice(0, 12)}`;
}
