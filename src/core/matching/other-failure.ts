import { guarded, type TestRule } from './testers.js';

/**
 * A failure that is not authentication: TLS, DNS, network, rate limit, server error, cloud IAM.
 * Each pattern is scanned only in a text holding one of its literals (see `guarded`): most pastes
 * show none of these failures, and a 40 KB log was scanned whole by each pattern.
 */
export const OTHER_FAILURE: readonly TestRule[] = [
  [
    // Library wordings besides the protocol names: Go crypto/x509 ("x509: certificate signed by
    // unknown authority"), OpenSSL ("unable to get local issuer certificate"), .NET ("The remote
    // certificate is invalid"), Node (ERR_TLS_CERT_ALTNAME_INVALID), Java ValidatorException.
    'TLS',
    guarded(
      [
        'ssl',
        'tls',
        'handshake',
        'certificat',
        'self',
        'leaf_signature',
        'cert_',
        'pkix',
        'x509',
        'validatorexception',
      ],
      /\bSSL\b|\bTLS\b|handshake|certificate (?:verify|has expired|is not trusted|unknown|chain|signed by unknown authority|is (?:not )?valid for)|self[- ]signed|UNABLE_TO_VERIFY_LEAF_SIGNATURE|CERT_\w+|PKIX path|unable to find valid certification path|\bx509: |unable to get local issuer certificate|remote certificate is invalid|\bERR_TLS_|ValidatorException/i,
    ),
  ],
  [
    'DNS',
    guarded(
      ['enotfound', 'getaddrinfo', 'name or service', 'resolve host', 'nxdomain', 'unknownhost'],
      /\bENOTFOUND\b|getaddrinfo|Name or service not known|could not resolve host|NXDOMAIN|UnknownHostException/i,
    ),
  ],
  [
    // Also node-fetch's FetchError for a system error: "request to https://… failed, reason: …"
    // (a terminal UI may draw its box border inside the line); a relying party that got no answer
    // from the provider (Proxmox's "Failed to contact token endpoint: Request failed", WordPress's
    // `http_request_failed`, "Couldn't reach the MCP server"): not its answer with a code.
    'network',
    guarded(
      [
        'econn',
        'etimedout',
        'ehostunreach',
        'connection',
        'socket',
        'time',
        'unable to read',
        'request to',
        'request failed',
        'reach',
        'request_failed',
      ],
      /\bfailed to contact [^:\n]{0,60}: request failed\b|\bhttp_request_failed\b|\b(?:could not|couldn['’]t|cannot|can['’]t|unable to) reach (?:the )?(?:[\w-]+ )?server\b|\bECONNREFUSED\b|\bECONNRESET\b|\bETIMEDOUT\b|\bEHOSTUNREACH\b|connection (?:refused|reset|timed out|was (?:forcibly )?closed)|socket hang up|\btimed? ?out\b|\btimeout\b|SocketException|unable to read data from the transport|\brequest to\s+(?:[│┃|]\s*)*https?:\/\/\S+ failed, reason:/i,
    ),
  ],
  [
    'rate limit',
    guarded(
      ['429', 'too many', 'limit', 'throttl'],
      /\b429\b|too many requests|rate[- ]?limit|throttl/i,
    ),
  ],
  [
    'server error',
    guarded(
      [
        '50',
        'internal server',
        'bad gateway',
        'service unavailable',
        'gateway time',
        'unknown_error',
      ],
      /\b50[0234]\b|internal server error|bad gateway|service unavailable|gateway time-?out|\bunknown_error\b/i,
    ),
  ],
  ['CORS', /\bCORS\b|Access-Control-Allow-Origin/i],
  // The client could not read what it got ("Could not decode access_token: InvalidToken", "failed
  // to parse the response"): its own parsing, not a server refusing the credentials. Also a
  // response that was not JSON at all (an HTML page), as Go ("invalid character '<' looking for
  // beginning of value"), Node ("Unexpected token < in JSON") and Python (JSONDecodeError) print it.
  [
    'parse',
    guarded(
      ['decode', 'parse', 'deseriali', 'beginning of value', 'unexpected token', 'json'],
      /\b(?:could not|couldn['’]t|can['’]t|cannot|failed to|unable to) (?:decode|parse|deseriali[sz]e)\b|\blooking for beginning of value\b|\bUnexpected token '?<'?,? (?:in JSON|"<)|\bJSONDecodeError\b|\bis not valid JSON\b/i,
    ),
  ],
  [
    // The client library refused before or after any request, on its own reading (oauthlib:
    // "MissingTokenError: (missing_token) Missing access token parameter." when the answer held no
    // token, "TokenExpiredError: (token_expired)" when its stored token's expiry has passed and it
    // sends nothing, "MismatchingStateError: (mismatching_state)" on the callback): no server
    // refused the credentials. Read with oauthlib's code in brackets or its raise, not a bare class
    // name (jsonwebtoken's "TokenExpiredError: jwt expired" is a server verifying a token).
    'client library',
    guarded(
      ['missing_token', 'token_expired', 'mismatching_state', 'insecure_transport', 'raise '],
      /\b(?:MissingToken|TokenExpired|MismatchingState|InsecureTransport)Error\b:?[ \t]*\((?:missing_token|token_expired|mismatching_state|insecure_transport)\)|\braise (?:MissingToken|TokenExpired|MismatchingState|InsecureTransport)Error\b/i,
    ),
  ],
  [
    // A cloud provider's permission check (IAM, RBAC): the caller is known, its policy says no.
    'cloud permission',
    guarded(
      ['arn:aws', 'to perform', 'identity-based'],
      /\barn:aws[\w-]*:|\bis not authorized to perform:|\bno identity-based policy allows\b|\bdoes not have authorization to perform action\b/i,
    ),
  ],
];
