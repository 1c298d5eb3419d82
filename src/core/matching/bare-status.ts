import type { CodeHit } from './code-hit.js';
import { TOKEN_ENDPOINT } from './failed-request.js';
import type { MatchIndex } from './match-index.js';
import type { Signals } from './signals.js';

/** A reading of a bare status by the request it answered, as a code hit reads. */
export interface StatusReading {
  readonly entry: number;
  readonly code: string;
  readonly strength: number;
  readonly label: string;
  /**
   * The RFC names this reading as the one answer of the endpoint that gave the status (a token
   * endpoint's 401, a refresh request's 400); an API's 401 could be any refusal of the caller.
   */
  readonly byEndpoint: boolean;
  /** The question that decides between this reading and the others of the same bare status. */
  readonly asks?: string;
}

/**
 * What a bare status says, weaker than any code the response names: the endpoint decides between
 * readings the status alone leaves open, but a code or message in the text says more.
 */
const BARE_STRENGTH = 0.5;
/** A 401 from the token endpoint: RFC 6749 section 5.2 names its one reading (still below a code). */
const TOKEN_ENDPOINT_STRENGTH = 0.6;

/**
 * A refresh-token request: "refresh token", `refresh_token`, `async_refresh_token`, "refreshing the
 * token". Not "token refresh": a callback named `on_token_refresh` is no refresh request.
 */
const REFRESH = /(?<![a-z])refresh(?:ing)?[ _-]?(?:the |an? |my |our |access )?tokens?(?![a-z])/i;
/**
 * An authorization endpoint or a sign-in page (`/sso/signin?…`: a password refused, not a token):
 * the login page's URL, not an API answering a call (versioned paths such as
 * `/oauth2/v2.0/authorize` end in `/authorize` too). The page is the path's last segment,
 * as the token endpoint's is: Keycloak before 17 serves every endpoint under `/auth/realms/…`
 * (its user-info endpoint `/auth/realms/x/protocol/openid-connect/userinfo` is an API called with
 * a token), and `/api/auth/session` is an app's API, while `…/openid-connect/auth?client_id=` is
 * Keycloak's login page.
 */
const AUTHORIZE_ENDPOINT = /\/(?:authorize|auth|login|sign-?in)(?![\w.-]|\/\w)/i;
/** A URL called by the client (an API, a user-info endpoint). */
const URL_SHAPE = /\bhttps?:\/\/[^\s"'<>()]+|\b(?:GET|POST|PUT|PATCH|DELETE) \/[^\s"'<>]*/;

/**
 * A bare status read by the request it answered. A 400 to a refresh-token request with no code is
 * the refresh token refused (`invalid_grant`), and so is a 400 from the token endpoint: the grant
 * it was sent refused. A 401 with no code the catalogue knows, read by
 * where it came from: from a token endpoint it is client authentication failing (RFC 6749 section
 * 5.2: the token endpoint answers a client it cannot authenticate with 401, `invalid_client`); from
 * an API called with a token it is the token refused (RFC 6750 section 3.1, `invalid_token`); from
 * a login page, or with no URL at all, it is left unread. `coded` is whether the text names a code
 * already.
 */
export function bareStatusReadings(
  text: string,
  signals: Signals,
  index: MatchIndex,
  coded: boolean,
): StatusReading[] {
  if (coded) return [];
  // A 400 to a refresh: the token endpoint refuses an expired, revoked or unknown refresh token
  // with 400 invalid_grant (RFC 6749 section 5.2), by far the commonest 400 a refresh gets.
  if (signals.statuses.has(400) && !signals.statuses.has(401) && REFRESH.test(text))
    return readingsOf('invalid_grant', index, '400 to a refresh-token request', true);
  // A 400 from the token endpoint with no code: the grant it was sent (the code, the refresh
  // token, the assertion) refused, the commonest of its 400s (RFC 6749 section 5.2); a malformed
  // request says which parameter, and an unknown client answers 401.
  if (signals.statuses.has(400) && !signals.statuses.has(401) && TOKEN_ENDPOINT.test(text))
    return readingsOf('invalid_grant', index, '400 from the token endpoint', true);
  if (!signals.statuses.has(401)) return [];
  // The token endpoint's 401 is named by the RFC itself, a surer reading than the API's 401 below,
  // which could be any refusal of the caller.
  if (TOKEN_ENDPOINT.test(text))
    return readingsOf(
      'invalid_client',
      index,
      '401 from the token endpoint',
      true,
      TOKEN_ENDPOINT_STRENGTH,
    );
  if (AUTHORIZE_ENDPOINT.test(text) || !URL_SHAPE.test(text)) return [];
  return readingsOf('invalid_token', index, '401 from an API called with a token', false);
}

/**
 * A bare status the text gives no request for: weaker than a bare status read at its endpoint, so
 * that any word of the paste that reaches a reading ranks above it.
 */
const UNDECIDED_STRENGTH = 0.4;

/** A bare status's readings, one per request that answers with it, and the question between them. */
interface UndecidedStatus {
  readonly status: number;
  readonly codes: readonly string[];
  readonly question: string;
}

/**
 * A 401: the token endpoint refusing the client (RFC 6749 section 5.2, `invalid_client`) or an API
 * refusing the token (RFC 6750 section 3.1, `invalid_token`). A 403: an API refusing a token that
 * lacks the scope (RFC 6750 section 3.1, `insufficient_scope`) or the authorization request
 * refused (`access_denied`, which the catalogue documents with 403).
 */
const UNDECIDED: readonly UndecidedStatus[] = [
  {
    status: 401,
    codes: ['invalid_token', 'invalid_client'],
    question:
      'Which request answered 401: the token request (client authentication) or an API call with the token?',
  },
  {
    status: 403,
    codes: ['insufficient_scope', 'access_denied'],
    question:
      'Which request answered 403: an API call with the token (a scope it lacks) or the sign-in (authorization) request?',
  },
];

/**
 * A 401 or 403 with nothing else to read it by ("401 Unauthorized", `HTTP/1.1 403 Forbidden`): no
 * code or failure stated (`found` is empty), no URL, no request named, one such status only. The
 * RFCs give it one reading per request that answers with it: both are offered, neither as the
 * answer, with the question of which request it was (`asks`).
 */
export function undecidedStatusReadings(
  text: string,
  signals: Signals,
  index: MatchIndex,
  found: readonly CodeHit[],
): StatusReading[] {
  if (found.length > 0 || signals.failedRequest !== undefined) return [];
  const shown = UNDECIDED.filter((u) => signals.statuses.has(u.status));
  const [undecided] = shown;
  if (undecided === undefined || shown.length > 1) return [];
  if (URL_SHAPE.test(text) || AUTHORIZE_ENDPOINT.test(text) || REFRESH.test(text)) return [];
  const label = `${undecided.status} with no request named`;
  return undecided.codes.flatMap((code) =>
    readingsOf(code, index, label, false, UNDECIDED_STRENGTH).map((r) => ({
      ...r,
      asks: undecided.question,
    })),
  );
}

/** The resource server's refusal of an access token (RFC 6750 section 3.1). */
const RESOURCE_REFUSAL = 'invalid_token';

/**
 * A code as a server sends it, one word: `expired_access_token`, `CF-InvalidAuthToken`,
 * `InvalidAuthenticationToken` (a lower-case letter before a capital), not a sentence.
 */
const WRITTEN_CODE =
  /^[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)+$|^[A-Za-z0-9]*[a-z][A-Z][A-Za-z0-9]*$/;

/**
 * Readings of the resource server's refusal found by words at a token endpoint's 401 (a body's
 * "JWT is Invalid" from `/oauth/jwt/token`, Passport's "failed to obtain access token"): a token
 * endpoint is not called with an access token, so its 401 is the client's authentication refused
 * (RFC 6749 section 5.2), whatever token the words name; not where the text also shows another
 * URL, whose 401 it may be. `invalid_token` written out as the code stands: it is what the server
 * sent, and so does a provider's own code written as a code (Microsoft Graph's
 * `InvalidAuthenticationToken`, Dropbox's `expired_access_token`): the API that refused the token
 * sent it, whatever token request the text also tells of. The hits without them; the rest as given.
 */
export function withoutTokenEndpointMisreadings<
  H extends { entry: number; code: string; asWords?: boolean },
>(hits: H[], text: string, signals: Signals, index: MatchIndex): H[] {
  if (!signals.statuses.has(401) || !TOKEN_ENDPOINT.test(text) || callsOtherUrl(text)) return hits;
  const refusal = new Set(
    (index.codes.get(RESOURCE_REFUSAL) ?? []).flatMap((r) => {
      const system = index.entries[r.entry]?.system;
      return system !== undefined && !index.vendorSystems.has(system) ? [r.entry] : [];
    }),
  );
  return hits.filter(
    (h) =>
      !refusal.has(h.entry) ||
      h.code.toLowerCase() === RESOURCE_REFUSAL ||
      (h.asWords !== true && WRITTEN_CODE.test(h.code)),
  );
}

/** URLs and request lines, each in turn. */
const URL_SHAPES = new RegExp(URL_SHAPE.source, 'g');

/**
 * The text shows a URL that is no token endpoint (an API called with the token it got): the 401
 * may be that URL's, not the token endpoint's.
 */
function callsOtherUrl(text: string): boolean {
  for (const [url] of text.matchAll(URL_SHAPES)) if (!TOKEN_ENDPOINT.test(url)) return true;
  return false;
}

function readingsOf(
  code: string,
  index: MatchIndex,
  label: string,
  byEndpoint: boolean,
  strength = BARE_STRENGTH,
): StatusReading[] {
  // Only the vendor-neutral reading: a vendor's own entries answer a bare status through their
  // documented statuses beside their host or name (score.ts), where their phrases say which one.
  const neutral = (index.codes.get(code) ?? []).filter((r) => {
    const system = index.entries[r.entry]?.system;
    return system !== undefined && !index.vendorSystems.has(system);
  });
  return neutral.map((r) => ({
    entry: r.entry,
    code: r.code,
    strength: strength * r.strength,
    label,
    byEndpoint,
  }));
}
