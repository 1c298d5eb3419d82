import { makeFinding, type Finding } from '../finding.js';
import { audienceList } from './classify.js';
import type { JsonObject, TokenKind, TokenUse } from './types.js';

/** Claims only an OpenID Connect ID token carries (OIDC Core §2, §3.1.3.6, §3.3.2.11). */
const ID_TOKEN_CLAIMS = ['nonce', 'at_hash', 'c_hash', 's_hash'];
/** Claims that make a JWT an access token (RFC 9068 §2.2, and common vendor spellings). */
const ACCESS_CLAIMS = ['scope', 'scp', 'client_id', 'cid', 'roles', 'appid'];

/**
 * An ID token tells a client who signed in; it is not an access token, and APIs refuse it as a
 * Bearer token. Recognised by its own claims, or by its shape: a subject and an audience that is a
 * client id (not an API URL), with nothing an access token carries. Said as an error when the
 * caller says the token goes where an access token belongs.
 */
export function idTokenFindings(
  kind: TokenKind,
  header: JsonObject,
  claims: JsonObject,
  use: TokenUse | undefined,
): Finding[] {
  if (kind !== 'generic') return [];
  const typ = typeof header['typ'] === 'string' ? header['typ'].toLowerCase() : '';
  if (typ === 'at+jwt' || typ === 'application/at+jwt') return [];
  if (ACCESS_CLAIMS.some((c) => claims[c] !== undefined)) return [];
  const marks = ID_TOKEN_CLAIMS.filter((c) => claims[c] !== undefined);
  const audiences = audienceList(claims);
  const clientAudience =
    audiences.length > 0 && audiences.every((a) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(a));
  if (marks.length === 0 && !(typeof claims['sub'] === 'string' && clientAudience)) return [];
  const asAccess = use === 'access';
  return [
    makeFinding('token', {
      id: asAccess ? 'oauth2/invalid_token' : null,
      code: 'token.id-token',
      severity: asAccess ? 'error' : 'warning',
      title: asAccess
        ? 'This is an OpenID Connect ID token, not an access token: APIs refuse it as a Bearer token; send the access_token from the same answer'
        : 'This looks like an OpenID Connect ID token: it says who signed in and is not for calling APIs (send the access_token instead)',
      evidence:
        marks.length > 0
          ? `claims ${marks.join(', ')} are only in ID tokens`
          : `aud ${JSON.stringify(audiences.join(' ').slice(0, 60))} is a client id, and no scope, scp or client_id claim`,
      score: asAccess ? 88 : 50,
    }),
  ];
}
