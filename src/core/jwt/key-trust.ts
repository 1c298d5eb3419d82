import { makeFinding, type Finding } from '../finding.js';
import type { Inspection } from './types.js';
import type { KeySource } from './keys.js';

function originOf(url: string | undefined): string | null {
  if (url === undefined) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * A valid signature only says the key set's owner signed the token. It says the issuer did when the
 * key set is the issuer's: from the issuer's own metadata, or served from the origin of `iss` (or of
 * the `--issuer` the user named). Anything else is a warning; an `iss` other than `--issuer` an error.
 */
export function keyTrustFindings(inspection: Inspection, source: KeySource): Finding[] {
  const iss = inspection.claims?.['iss'];
  const claimed = typeof iss === 'string' ? iss : undefined;
  const out: Finding[] = [];
  if (source.issuer !== undefined && claimed !== source.issuer) {
    out.push(
      makeFinding('token', {
        code: 'token.iss.not-expected-issuer',
        title: 'The token was not issued by the issuer you named',
        evidence: `iss ${claimed === undefined ? 'missing' : JSON.stringify(claimed.slice(0, 100))}, --issuer ${JSON.stringify(source.issuer.slice(0, 100))}`,
        fields: ['issuer'],
        score: 95,
      }),
    );
  }
  if (source.url === undefined || source.fromIssuerMetadata === true) return out;
  const keys = originOf(source.url);
  const trusted = [originOf(claimed), originOf(source.issuer)];
  // An assertion's iss is a client id, not an issuer URL: there is no origin to hold it to.
  if (trusted.every((t) => t === null)) return out;
  if (keys !== null && trusted.includes(keys)) return out;
  out.push(
    makeFinding('token', {
      code: 'token.signature.key-set-origin',
      severity: 'warning',
      title:
        "The key set is not served by the token's issuer: the signature proves only that the key set's owner signed it. Name the issuer with --issuer",
      evidence: `key set from ${keys ?? 'an unreadable URL'}, iss ${claimed === undefined ? 'missing' : JSON.stringify(claimed.slice(0, 100))}`,
      fields: ['jwksUrl', 'issuer'],
      score: 60,
    }),
  );
  return out;
}
