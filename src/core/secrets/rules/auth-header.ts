import { looksRandom, percentDecoded } from '../entropy.js';
import type { SecretFinding } from '../types.js';
import { AUTHORIZATION_SCHEME, schemeTitle } from '../auth-schemes.js';
import { SCHEMELESS_AUTHORIZATION } from '../unkeyed-values.js';

/**
 * `Authorization: Bearer …` in raw HTTP, curl `-H`, JSON or code (`"Authorization": "Basic …"`),
 * and URL- or form-encoded (`Authorization: Basic%20…`, `authorization=Basic+…`, `%3A%20Bearer%20…`),
 * where the value runs to an encoded space, quote, `&` or `,`; `%XX` is one unit (no backtracking).
 * Values are token68 plus `!`: a Salesforce access token is its org id, `!`, then the session part.
 * A value may follow its scheme on the next line (a wrapped log, a folded header).
 */
const HEADER = new RegExp(
  String.raw`(?:\b|(?<=%[0-9a-f]{2}))(?:proxy-)?authorization(?:["']|%22)?(?:\s|%20|\+)*(?:[:=]|%3[ad])(?:\s|%20|\+)*(?:["']|%22)?(${AUTHORIZATION_SCHEME})(?:(?:[ \t]+|[ \t]*\r?\n[ \t]*)([A-Za-z0-9._~+/!-]+=*)|(?:%20|\+)((?:[A-Za-z0-9._~+/!=-]|%(?!0[9ad]|2[0267c])[0-9a-f]{2})+))`,
  'gi',
);
/** A bare `Bearer <token>` outside a header line, e.g. in a log; needs a longer, random value. */
const BARE_BEARER = /\bbearer[ \t]+([A-Za-z0-9._~+/!-]{20,}=*)(?![A-Za-z0-9._~+/=!-])/gi;

const HEADER_BOUNDS = { minLength: 8, maxLength: 16384, minEntropy: 3 };
const BARE_BOUNDS = { minLength: 20, maxLength: 16384, minEntropy: 3.5 };

/**
 * Finds credentials sent in an Authorization header (Basic, Bearer, Token, SSWS, DPoP, Negotiate …
 * schemes, or none: an API key sent as the whole header, which must hold a digit as a bare Bearer
 * value must).
 */
export function findAuthorizationHeaders(text: string): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const m of text.matchAll(HEADER)) {
    const [whole, scheme = '', plain, encoded] = m;
    const value = plain ?? encoded ?? '';
    if (!looksRandom(percentDecoded(value, HEADER_BOUNDS.maxLength), HEADER_BOUNDS)) continue;
    const end = m.index + whole.length;
    found.push(headerFinding(scheme, end - value.length, end));
  }
  for (const m of text.matchAll(BARE_BEARER)) {
    const [whole, value = ''] = m;
    // Prose and logs say "Bearer <request id>" too: a bare value must not be a UUID or a hex digest.
    if (!/\d/.test(value) || /^[0-9a-f-]+$/i.test(value)) continue;
    if (!looksRandom(value, BARE_BOUNDS)) continue;
    const end = m.index + whole.length;
    found.push(headerFinding('Bearer', end - value.length, end));
  }
  for (const m of text.matchAll(SCHEMELESS_AUTHORIZATION)) {
    const [, header = '', value = ''] = m;
    if (!/\d/.test(value) || !looksRandom(value, HEADER_BOUNDS)) continue;
    const start = m.index + header.length;
    found.push({
      kind: 'authorization-header',
      start,
      end: start + value.length,
      label: 'an Authorization header',
    });
  }
  return found;
}

function headerFinding(scheme: string, start: number, end: number): SecretFinding {
  return {
    kind: 'authorization-header',
    start,
    end,
    label: `an Authorization: ${schemeTitle(scheme)} header`,
    name: scheme.toLowerCase(),
  };
}
