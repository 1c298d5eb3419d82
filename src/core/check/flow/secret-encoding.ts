import { makeFinding, type Finding } from '../../finding.js';

/**
 * In client_secret_basic the secret is form-encoded, then Base64-encoded (RFC 6749 §2.3.1); many
 * servers skip the form-decoding, so a secret with characters outside printable ASCII (or the
 * `%`, `+`, `:` that encoding changes) often fails there and works in the body.
 */
export function basicEncodingNote(secret: string): Finding[] {
  const outside = Array.from(secret).filter((c) => !/^[\x20-\x7e]$/.test(c));
  if (outside.length === 0) return [];
  return [
    makeFinding('preflight', {
      id: 'oauth2/client-secret-basic-encoding',
      code: 'preflight.secret.non-ascii-basic',
      severity: 'warning',
      title:
        'The client secret has characters outside printable ASCII: in a Basic header servers decode these differently; if the server says the secret is not properly encoded, use --auth post',
      evidence: `${outside.length} character(s) outside printable ASCII (not shown)`,
      fields: ['clientSecret', 'auth'],
      score: 45,
    }),
  ];
}
