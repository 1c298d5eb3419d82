/**
 * Which request of an OAuth flow failed, as the paste shows it: the API call made with an access
 * token (RFC 6750: the resource server refuses the token, `invalid_token`), or the token request
 * (RFC 6749 section 5.2: the token endpoint refuses the grant or the client). The two share their
 * words ("token", "invalid", "expired", "401"), so an entry's phrases alone cannot tell them apart;
 * the request the failure is stated of can.
 */
export type FailedRequest = 'api' | 'token';

/** The request the paste shows failing, and the words that showed it (for `why`). */
export interface RequestSide {
  readonly request: FailedRequest;
  readonly seen: string;
  /**
   * The code whose failure those words state (`invalid_token` for "the access token is malformed"),
   * when they state one rather than only show the request (a token URL, an `Authorization` header).
   */
  readonly states?: string;
}

/** Words a failure is stated with ("expired", its misspellings "expiered", "expierd", and "expiring"). */
const FAILED = String.raw`(?:invalid|exp(?:ie?|ei)re?d?|expiring|malformed|revoked|rejected|(?:not |(?:is|was|are|were)n['’]?t |no longer )(?:valid|active|recogni[sz]ed)|(?:does|did) ?n['’]?t exist|(?:validation|verification) fail(?:ure|ed|s)?)`;
/** Words a failure is stated with in front of what failed ("invalid access token", `expired_access_token`). */
const FAILED_BEFORE = String.raw`(?:invalid|expired|malformed|revoked|rejected|bad)`;
/** An access token by name: "access token", `access_token`, `OAuthToken`, "bearer token", "API token". */
const ACCESS_TOKEN = String.raw`(?:access|oauth ?2?|bearer|api|auth(?:entication)?)[ _-]?token`;
/**
 * A token with no other name ("Token is not active"), which an API refuses too; not a refresh
 * token, an ID token or a code, which are sent to the token endpoint, nor the token endpoint,
 * request or response.
 */
const ANY_TOKEN = String.raw`(?<!(?:refresh|id|request|csrf|xsrf|reset|registration|verification|device|user|session|code|page|next|continuation)[ _-]?)token(?!\s+(?:endpoint|url|request|response|exchange))`;
/**
 * Verbs whose object is the token a token request hands out ("failed to get an access token"): an
 * access token named after one is what the token request was for, not what an API refused.
 */
const OBTAINED = String.raw`(?:to get|obtain(?:ing)?|fetch(?:ing)?|request(?:ing)?|retriev(?:e|ing)|exchang(?:e|ing)|generat(?:e|ing)|issu(?:e|ing)|refresh(?:ing)?|renew(?:ing)?)`;
/**
 * Words between a subject and its failure word that end its clause (the failure is another's) or
 * only suppose the failure ("might be expired", "will be rejected").
 */
const CLAUSE_END = String.raw`(?:and|but|so|because|when|while|if|then|after|before|to|or|might|may|could|would|should|will|must|can)`;

/**
 * A token named by `noun` stated refused: a failure word just before it ("Invalid OAuth token",
 * `expired_access_token`, "Invalid or expired oauth_token"), or after it in the same clause ("The
 * given OAuth 2 access token is malformed", "access token specified in … rejected", "Access token
 * validation failure"), where it is not the object of a token request ("when I get the access
 * token, … invalid_grant").
 */
function tokenRefused(noun: string): RegExp {
  return new RegExp(
    String.raw`(?<![\w.])${FAILED_BEFORE}[ _-](?:or (?:expired|invalid|revoked)[ _-])?${noun}(?![\w-])` +
      // The look-ahead first: the look-behinds are tried only where a token is named.
      String.raw`|(?=(?:access|oauth|bearer|api|auth|token))(?<![\w.])(?<!\b${OBTAINED}\s+(?:\S+\s+){0,3})${noun}s?(?![\w-])` +
      String.raw`(?:\s+(?!${CLAUSE_END}\b)[\w'’]+){0,4}?\s+(?:is\s+|was\s+|has\s+|have\s+|had\s+)?(?:been\s+)?${FAILED}\b` +
      String.raw`|\berror validating ${noun}\b`,
    'i',
  );
}

/**
 * An API's own code for a refused access token, written as a code (case kept): Microsoft Graph's
 * `InvalidAuthenticationToken`, Dropbox's `expired_access_token`, Square's `ACCESS_TOKEN_EXPIRED`.
 * Only the API a token was sent to answers so; a token request the text also tells of (the refresh
 * that got the token) is not what failed.
 */
const ACCESS_TOKEN_CODE = new RegExp(
  String.raw`(?<![\w-])(?:` +
    String.raw`(?:Invalid|Expired|Revoked|Bad)(?:Access|Auth|Authentication|OAuth|Bearer)Token` +
    String.raw`|(?:invalid|expired|revoked|bad)_(?:access|auth|authentication|oauth|bearer)_token` +
    String.raw`|(?:INVALID|EXPIRED|REVOKED|BAD)_(?:ACCESS|AUTH|AUTHENTICATION|OAUTH|BEARER)_TOKEN` +
    String.raw`|(?:ACCESS|AUTH|AUTHENTICATION|OAUTH|BEARER)_TOKEN_(?:INVALID|EXPIRED|REVOKED)` +
    String.raw`)(?![\w-])`,
);

/** An access token named as such stated refused: the failure of `invalid_token` stated in words. */
const ACCESS_TOKEN_REFUSED = tokenRefused(ACCESS_TOKEN);
/**
 * Any token stated refused: the API's refusal as a poster or an API words it ("Invalid token",
 * "Token is not active"), though a token endpoint's words for a refresh token can read so too.
 */
const TOKEN_REFUSED = tokenRefused(ANY_TOKEN);
/**
 * A failure stated of an access token or another credential ("Invalid API key or access token"):
 * the API refused what the call carried, without saying it was the token.
 */
const CREDENTIAL_OR_TOKEN_REFUSED = new RegExp(
  String.raw`(?<![\w.])${FAILED_BEFORE} (?:[\w-]+ ){1,2}or ${ACCESS_TOKEN}(?![\w-])`,
  'i',
);
/**
 * A token left unrefreshed ("the token is not refreshed", "does not automatically refresh this
 * token"): no token request was made, so what failed is the API refusing the expired access token
 * it was still sent. A refresh that was made and failed reads as the token request (REFRESH_FAILED,
 * tried first).
 */
const NOT_REFRESHED = new RegExp(
  String.raw`\btokens?\s+(?:(?:is|was|are|were)\s+)?(?:(?:not|never)\s+|(?:is|was|are|were)n['’]?t\s+)(?:been\s+|being\s+)?(?:\w+ly\s+)?refreshed\b` +
    String.raw`|\b(?:does|did|do|is|was|are|were)(?:\s+not|n['’]?t)\s+(?:\w+ly\s+)?refresh(?:ing)?\s+(?:it|the|this|that|its|my|their)\b(?:\s+(?:access\s+)?tokens?\b)?` +
    // "Unable to refresh access token without refresh token": the refresh could not be tried.
    String.raw`|\brefresh(?:ing)?\b[^.\n]{0,40}?\bwithout\s+(?:an?\s+|the\s+|any\s+)?refresh[ _-]?token\b`,
  'i',
);
/**
 * A token refreshed and still refused ("Post Auth token refresh contents are still unauthorized"):
 * the refresh went through, so what refuses is the API the new token was sent to.
 */
const STILL_REFUSED_AFTER_REFRESH =
  /\brefresh(?:ed|ing)?\b[^.\n]{0,60}?\bstill\s+(?:\w+\s+){0,2}?(?:unauthori[sz]ed|401|403|forbidden|denied|rejected|refused|fail(?:s|ing)?)\b/i;
/** A span of time an access token lives (minutes or hours; a refresh token lives for days). */
const MINUTES_OR_HOURS = String.raw`(?:every|each|after|in|within)\s+(?:\d+|an?|one|a few)\s*(?:h|hrs?|hours?|mins?|minutes?|m|seconds?|secs?|s)\b`;
/**
 * An access token's lifetime told as what the failure follows ("access token and id token expires
 * every 5 minutes", "token expires every 24h", "retry after 1 hour (token expiration time)"): an
 * access token lives minutes or hours (RFC 6749 section 4.2.2's `expires_in`), a refresh token
 * days, so a token that expires so soon is the access token an API refuses once it has. Not a
 * refresh token's.
 */
const ACCESS_LIFETIME = new RegExp(
  String.raw`(?<!refresh[ _-]?)\btokens?\b(?:\s+(?!${CLAUSE_END}\b)[\w'’]+){0,4}?\s+(?:expires?|expiring|lasts?|is valid|are valid)\s+(?:only\s+)?${MINUTES_OR_HOURS}` +
    String.raw`|${MINUTES_OR_HOURS}\s*\(\s*(?:access\s+)?token expir`,
  'i',
);
/**
 * An authorization code stated refused ("An API error occurred: invalid_code", "invalid
 * authorization code", "the authorization code has expired"): a code is sent only to the token
 * endpoint, to be exchanged (RFC 6749 section 5.2: `invalid_grant`). Not a PKCE code verifier or
 * challenge.
 */
const CODE_REFUSED = new RegExp(
  String.raw`(?<![\w.])(?:invalid|expired|bad)(?:_|[ _-](?:authori[sz]ation|auth|oauth)[ _-])code(?![\w-]|\s+(?:verifier|challenge))` +
    String.raw`|\b(?:authori[sz]ation|auth|oauth)[ _-]code\b(?:\s+(?!${CLAUSE_END}\b)[\w'’]+){0,3}?\s+(?:is\s+|was\s+|has\s+)?(?:been\s+|already\s+)*(?:${FAILED}|used|redeemed)\b`,
  'i',
);
/**
 * A code stated refused in plain words ("invalid code, hints: …" from a token request for an
 * `access_token`): read so only where the text tells of a token or OAuth, as a one-time password
 * or a program is "invalid code" too.
 */
const PLAIN_CODE_REFUSED = /(?<![\w.])(?:invalid|expired) code(?![\w-]|\s+(?:verifier|challenge))/i;
/**
 * The scope an access token carries stated short of what the API needs ("the scope of the request
 * is not right", `"field":"activity:read_permission","code":"missing"`, "missing the required
 * scope"): the API refused the token for its scope (RFC 6750 section 3.1: `insufficient_scope`),
 * not because it expired. Not a scope stated invalid: that is the token request's `invalid_scope`.
 */
const SCOPE_SHORT = new RegExp(
  String.raw`\bscopes?\b(?:\s+(?!${CLAUSE_END}\b)[\w'’]+){0,4}?\s+(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:not right|missing|insufficient|not (?:granted|enough|sufficient))\b` +
    String.raw`|\b(?:missing|insufficient|lacks?|lacking)(?:\s+(?:the|a|required|necessary|needed))*\s+(?:[\w:.-]+\s+)?(?:scopes?|permissions?)\b` +
    String.raw`|\b[\w:.]*(?:scope|permission)s?"?\s*,\s*"code"\s*:\s*"missing"`,
  'i',
);
/**
 * The failed request's URL as a JSON error body or an HTTP client's error names it (`"path":
 * "/v2/bookings"`, axios's `"url":"https://people.googleapis.com/v1/…"`), where it is no token,
 * authorization or login endpoint: the request that failed was an API call, whatever else the
 * prose tells of the token endpoint.
 */
const API_URL_FIELD =
  /"(?:url|path|uri|request_?url)"\s*:\s*"(?![^"]*(?:token|oauth|authori[sz]e|\/auth\b|login|signin|connect\/|\/sts\b|saml))(?:https?:\/\/[^"/\s]+)?\/[^"\s]*"/i;
/**
 * A token answered with a refusal ("responding with a 401 to that refreshed token"): the token was
 * what the request carried, as an API call carries it; a token request is answered with one.
 */
const TOKEN_ANSWERED_REFUSAL =
  /\b(?:401|403|unauthori[sz]ed)\s+(?:to|for|with|on)\s+(?:the|that|this|my|our|a)\s+(?:(?:new|refreshed|fresh|valid)\s+)?(?:access\s+)?token\b/i;
/** The request was sent with an access token: an `Authorization: Bearer` header. */
const BEARER_REQUEST = /\bauthorization\s*["']?\s*:\s*["']?bearer\b/i;
/**
 * An API call failed ("API Error: 401", "Error in call to API function", "the API returned an
 * error", "causes the API to fail", "the API fails with 401"): the failure is the API's, not the
 * token endpoint's. Not an API failing "with an invalid client error": that failure names its own.
 */
const API_CALL =
  /(?<!\b(?:token|oauth2?|auth|identity|login|authorization)\s)\bAPI (?:error|request|calls?|returned|responded|server|to fail|fail(?:s|ed|ing)? with (?:an? )?(?:HTTP |status (?:code )?|error )?(?:401|403|unauthori[sz]ed|forbidden))\b|\b(?:call(?:ing|s)?|requests?) (?:to )?(?:the |any )?(?:(?!(?:token|oauth2?|auth|identity|login)\b)[\w-]+ ){0,2}?API\b/i;

/**
 * A client library's exception for HTTP 401, named by the status under the library's name
 * (`Restforce::UnauthorizedError`, `Octokit::Unauthorized`, tweepy's `errors.Unauthorized`,
 * Spring's `HttpClientErrorException$Unauthorized`, `HttpUnauthorizedException`): the library's
 * data call refused (RFC 6750: the resource server refuses the token). A token request that fails
 * so shows its endpoint or grant (read first); a library's OAuth error names its code. Not a bare
 * `UnauthorizedError`, which an app throws at its own callers, nor `UnauthorizedClient…`, the code
 * `unauthorized_client` itself.
 */
const LIBRARY_UNAUTHORIZED =
  /(?:[A-Za-z\d](?:::|\$|\.)|\bHttp)Unauthori[sz]ed(?:Error|Exception)?(?![\w$])/;
/**
 * A request that carried the access token ("when I make a request with the access token", "every
 * call using my bearer token"): what a token request is sent with is a grant, never an access token.
 */
const CARRIES_TOKEN =
  /\b(?:requests?|calls?)\b(?:\s+[\w/.-]+){0,3}?\s+(?:with|using|passing)\s+(?:the|my|an?|our|this|that|its|their)\s+(?:(?:new|valid|fresh|refreshed|current)\s+)?(?:access|bearer|oauth2?)[ _-]?token\b/i;

/**
 * The user-info endpoint called ("An error occurred while attempting to retrieve the UserInfo
 * Resource: 401", Spring Security): a protected resource the client calls with the access token
 * (OpenID Connect Core 5.3.3: its errors are RFC 6750's), not a token request.
 */
const USER_INFO = /\buser[ _-]?info (?:resource|endpoint|request)\b/i;

/**
 * A token endpoint: a URL or path whose last segment is `token` (`/oauth2/v2.0/token`,
 * `/protocol/openid-connect/token`, `POST /api/v9/oauth2/token`) or Intuit's `/oauth2/v1/tokens/bearer`
 * (QuickBooks Online, as its OAuth 2.0 documentation names it), the endpoint named in words
 * ("token endpoint", Spring's "Access Token Response") or by the setting that holds it (`token_url`
 * in Grafana's generic_oauth, OAuthenticator, Authlib), or a token requested in words: Go's
 * golang.org/x/oauth2 "cannot fetch token", "fails … trying to get token with code" (only the token
 * endpoint hands out a token; an API is called with one).
 */
export const TOKEN_ENDPOINT =
  /(?:\/(?:access_)?token(?![\w.-]|\/\w)|\/tokens\/bearer(?![\w.-]|\/\w)|\btoken endpoint\b|\baccess token response\b|\btoken[_ ]?url\b|\b(?:cannot|can['’]?t|could ?n['’]?o?t|unable to|fail(?:s|ed)? to|trying to|tries to|attempting to) (?:get|fetch|request|retrieve|obtain) (?:an? |the )?(?:access |oauth2? )?token\b)/i;
/** A token request's body: only a token request carries a grant type. */
const GRANT_TYPE = /\bgrant[_ ]type\b/i;
/**
 * A refresh that failed: "failed to refresh", "error refreshing the token", "attempts to refresh
 * the token are failing", "the refresh token is invalid", "invalid refresh token".
 */
const REFRESH_FAILED = new RegExp(
  String.raw`\b(?:fail(?:s|ed|ure)?|unable|errors?|cannot|can['’]?t|could ?n['’]?t)(?: to| while| when| on)? refresh(?:ing)?\b(?![^.\n]{0,40}?\bwithout\s+(?:an?\s+|the\s+|any\s+)?refresh[ _-]?token)` +
    String.raw`|\brefresh(?:ing)?(?: the| an?| my)?(?: access)? tokens?(?: \w+){0,2} fail` +
    String.raw`|\brefresh[ _-]?token\b(?:\s+(?!${CLAUSE_END}\b)[\w'’]+){0,3}?\s+(?:is\s+|was\s+|has\s+)?(?:been\s+)?${FAILED}\b` +
    String.raw`|(?<![\w.])${FAILED_BEFORE}[ _-]refresh[ _-]?token(?![a-z])`,
  'i',
);
/**
 * The client's credentials stated refused ("invalid client_id", "The client assertion provided in
 * the request is invalid"): the client authenticates at the token endpoint, never at an API.
 */
const CLIENT_REFUSED = new RegExp(
  String.raw`\bclient[ _-]?(?:id|secret|assertion|credentials?)\b(?:\s+(?!${CLAUSE_END}\b)[\w'’]+){0,4}?\s+(?:is\s+|was\s+|has\s+)?(?:been\s+)?${FAILED}\b` +
    String.raw`|(?<![\w.])${FAILED_BEFORE}[ _-]client[ _-]?(?:id|secret|assertion|credentials?)\b`,
  'i',
);

/** A shape of a paste that shows a request failing, and the code whose failure it states. */
interface Shape {
  readonly test: RegExp;
  readonly request: FailedRequest;
  readonly states?: string;
  /**
   * Words every match of `test` holds (each pattern here, in any case): a paste without them is
   * passed over without trying `test` at every position of it (most pastes state no such failure).
   */
  readonly holds?: readonly RegExp[];
}

/** Every shape's words of a failure (FAILED, FAILED_BEFORE and "error validating"), in any case. */
const FAILURE_WORDS =
  /valid|exp(?:i|ei)e?r|malformed|revoked|rejected|bad|active|recogni|exist|fail/i;
const TOKEN_WORD = /token/i;

/**
 * The token request's shapes first: an API refuses an expired access token before the client
 * refreshes it, so a paste that shows both (the access token expired, then the refresh failing)
 * reports the refresh; but an API's own code for the refused token, once the refresh and the client
 * are not stated failing, outranks a token URL or grant the text only shows. Within a request, the
 * shapes that state a failure first.
 */
const SHAPES: readonly Shape[] = [
  { test: REFRESH_FAILED, request: 'token', holds: [/refresh/i] },
  { test: CLIENT_REFUSED, request: 'token', states: 'invalid_client', holds: [/client/i] },
  {
    test: CODE_REFUSED,
    request: 'token',
    states: 'invalid_grant',
    holds: [/code/i],
  },
  {
    test: PLAIN_CODE_REFUSED,
    request: 'token',
    states: 'invalid_grant',
    holds: [/code/i, /token|oauth/i],
  },
  { test: ACCESS_TOKEN_CODE, request: 'api', states: 'invalid_token', holds: [TOKEN_WORD] },
  {
    test: SCOPE_SHORT,
    request: 'api',
    states: 'insufficient_scope',
    holds: [
      /scope|permission/i,
      /missing|insufficient|lack|not right|not granted|not enough|not sufficient/i,
    ],
  },
  { test: API_URL_FIELD, request: 'api', holds: [/"(?:url|path|uri|request_?url)"/i] },
  { test: TOKEN_ENDPOINT, request: 'token' },
  { test: GRANT_TYPE, request: 'token' },
  {
    test: ACCESS_TOKEN_REFUSED,
    request: 'api',
    states: 'invalid_token',
    holds: [TOKEN_WORD, FAILURE_WORDS],
  },
  { test: TOKEN_REFUSED, request: 'api', holds: [TOKEN_WORD, FAILURE_WORDS] },
  { test: CREDENTIAL_OR_TOKEN_REFUSED, request: 'api', holds: [TOKEN_WORD, FAILURE_WORDS] },
  { test: NOT_REFRESHED, request: 'api', holds: [/refresh/i] },
  { test: STILL_REFUSED_AFTER_REFRESH, request: 'api', holds: [/refresh/i, /still/i] },
  { test: ACCESS_LIFETIME, request: 'api', holds: [TOKEN_WORD] },
  { test: TOKEN_ANSWERED_REFUSAL, request: 'api', holds: [TOKEN_WORD] },
  { test: BEARER_REQUEST, request: 'api' },
  { test: USER_INFO, request: 'api' },
  { test: API_CALL, request: 'api' },
  { test: CARRIES_TOKEN, request: 'api', holds: [TOKEN_WORD] },
  { test: LIBRARY_UNAUTHORIZED, request: 'api', holds: [/unauthori[sz]ed/i] },
];

/**
 * A condition or a question in the clause before a failure ("if the access token is invalid", "why
 * the client_id is invalid"): a failure supposed or asked about, not stated.
 */
const SUPPOSED = /\b(?:if|when(?:ever)?|whether|why|how|unless|in case|once)\b[^,.;:!?\n]*$/i;
/** How far back the clause of a failure is looked at for a condition or a question. */
const CLAUSE_BEFORE = 80;

/** The request the paste shows failing, or undefined when it shows neither. */
export function failedRequest(text: string): RequestSide | undefined {
  for (const { test, request, states, holds } of SHAPES) {
    if (holds?.some((h) => !h.test(text)) === true) continue;
    const m = test.exec(text);
    if (m === null) continue;
    const seen = m[0].trim();
    const before = text.slice(Math.max(0, m.index - CLAUSE_BEFORE), m.index);
    return states === undefined || SUPPOSED.test(before)
      ? { request, seen }
      : { request, seen, states };
  }
  return undefined;
}
