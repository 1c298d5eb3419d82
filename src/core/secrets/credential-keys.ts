import type { KeyPattern } from './keyed-values.js';

/** A parameter or field name whose value is a credential. */
export interface CredentialKey extends KeyPattern {
  /** The name in snake_case, as a finding reports it. */
  readonly name: string;
  readonly label: string;
  /**
   * A word logs and prose use too (`Parser found secret: BasicAuthenticationSecretParser`): the
   * detector reports its value only when it holds a digit, as generated secrets all but always do.
   */
  readonly needsDigit?: boolean;
}

// Shorthand for `glued: true` in the lists below.
const glued = true;

/**
 * Credential-bearing parameter names, in snake, kebab, camel, SCREAMING and "Title Case" spellings,
 * most also after a prefix glued on (`dbpassword`, `apiclientsecret`). The detector reports their
 * values when they look generated; stored pastes mask them always.
 */
export const CREDENTIAL_KEYS: readonly CredentialKey[] = [
  { name: 'client_secret', pattern: 'client[_ -]?secret', label: 'a client secret', glued },
  { name: 'consumer_secret', pattern: 'consumer[_ -]?secret', label: 'a consumer secret', glued },
  { name: 'token_secret', pattern: 'token[_ -]?secret', label: 'a token secret', glued },
  { name: 'refresh_token', pattern: 'refresh[_ -]?token', label: 'a refresh token', glued },
  { name: 'access_token', pattern: 'access[_ -]?token', label: 'an access token', glued },
  { name: 'id_token', pattern: 'id[_ -]?token', label: 'an ID token' },
  {
    name: 'client_assertion',
    pattern: 'client[_ -]?assertion',
    label: 'a client assertion',
    glued,
  },
  { name: 'api_key', pattern: 'api[_ -]?key', label: 'an API key', glued },
  // Header credentials: `X-Auth-Token` (not after letters: `oauth_token` is OAuth 1.0's token id),
  // `X-API-Token`, Azure API Management's `Ocp-Apim-Subscription-Key`, `X-Vault-Token` (HashiCorp
  // Vault), GitLab's `PRIVATE-TOKEN`. "auth token" and "API token" with a space are prose ("Failed
  // to obtain auth token: HTTP 400").
  { name: 'auth_token', pattern: 'auth[_-]?token', label: 'an auth token' },
  { name: 'api_token', pattern: 'api[_-]?token', label: 'an API token', glued },
  {
    name: 'subscription_key',
    pattern: 'subscription[_ -]?key',
    label: 'an API subscription key',
    glued,
  },
  { name: 'vault_token', pattern: 'vault[_ -]?token', label: 'a Vault token', glued },
  { name: 'private_token', pattern: 'private[_ -]?token', label: 'a private token', glued },
  { name: 'secret_key', pattern: 'secret[_ -]?key', label: 'a secret key', glued },
  { name: 'signing_secret', pattern: 'signing[_ -]?secret', label: 'a signing secret', glued },
  // AWS's credentials file, environment and STS output (`aws_secret_access_key`,
  // `"SecretAccessKey"`, `aws_session_token`, `"SessionToken"`); an Azure Storage or Service Bus
  // connection string's `AccountKey=` and `SharedAccessKey=` (not `SharedAccessKeyName=`).
  {
    name: 'secret_access_key',
    pattern: 'secret[_ -]?access[_ -]?key',
    label: 'an AWS secret access key',
    glued,
  },
  // Not inside an `X-…-Token` header's name: header_credential names those.
  {
    name: 'session_token',
    pattern: '(?<!(?<![\\w-])x-(?:[a-z0-9]{1,32}-){0,4})session[_ -]?token',
    label: 'a session token',
    glued,
  },
  { name: 'account_key', pattern: 'account[_ -]?key', label: 'a storage account key', glued },
  {
    name: 'shared_access_key',
    pattern: 'shared[_ -]?access[_ -]?key',
    label: 'a shared access key',
    glued,
  },
  // NetSuite's legacy NLAuth header sends the user's password as `nlauth_signature`.
  { name: 'password', pattern: 'pass(?:word|wd)|nlauth_signature', label: 'a password', glued },
  // Java keytool's `-storepass`, `-keypass`, `-srcstorepass`, `-destkeypass` …; not
  // `-storepass:env VAR` or `:file PATH`, which name where the password is.
  {
    name: 'keystore_password',
    pattern: '(?:src|dest)?(?:store|key)pass(?!:(?:env|file)\\b)',
    label: 'a keystore password',
  },
  // Any other `X-…-Key`, `X-…-Secret` or `X-…-Token` header (Cloudflare's `X-Auth-Key`, AWS's
  // `X-Amz-Security-Token`, Azure Functions' `x-functions-key`, `X-CSRF-Token`): the key is its
  // last word, so a header a key above names (`X-Api-Key`, `X-Auth-Token`) is read as that.
  {
    name: 'header_credential',
    pattern: '(?<=(?<![\\w-])x-(?:[a-z0-9]{1,32}-){0,4})(?:key|secret|token)',
    label: 'a credential header',
  },
  { name: 'secret', pattern: 'secret', label: 'a secret', glued, needsDigit: true },
  // A variable named for a token, set in an environment file or a shell (`GITHUB_TOKEN=…`,
  // `export DEPLOY_TOKEN="…"`, `docker run -e NPM_TOKEN=…`): an upper-case name ending `_TOKEN`
  // at a line's start or after a blank, then `=`. So a log's `invalid_token: …` stays prose,
  // OAuth 1.0's `oauth_token=` (a token id, masked on its own) is no credential here, and neither
  // is a URL's or an API's pagination token (`?page_token=…`, `next_token=`, `continuation_token`).
  {
    name: 'token',
    pattern: 'token(?<=[A-Za-z0-9]_token)(?<!oauth_token)(?=[ \\t]*=(?!=))',
    label: 'a token',
    line: /(?:^|\s)[A-Z][A-Z0-9_]*_TOKEN$/,
  },
];

/**
 * Further keys whose values stored pastes mask, which the detector leaves to other rules or to
 * nobody: short or human values (`pwd`, `otp`), a bare `assertion`, a PEM key (its own
 * rule), the token id, consumer key and signature of an OAuth 1.0 (NetSuite TBA) header and of its
 * SOAP form, the `<tokenPassport>` (there only as elements: a bare `token` or `signature` is prose).
 * A bare `code` is an error code (`"code": 401`) and a bare `token` is prose, except in a query
 * string (raw or URL-encoded), where they are an OAuth grant and a credential (`?token=…`), and a
 * `token` quoted as a JSON key (`{"token": "…"}`; not a URL ending `/token": 400`). An Azure SAS
 * URL's `sig=` is its signature. A bare `pass` is read only on its own (`bypass`, `compass`).
 */
export const MASKED_ONLY_KEYS: readonly KeyPattern[] = [
  { pattern: 'assertion', glued },
  { pattern: 'passphrase', glued },
  { pattern: 'pass' },
  { pattern: 'pwd', glued },
  { pattern: '(?<=[?&#]|%26|%3f|%23)(?:code|token|sig)' },
  { pattern: '(?<=")token(?=\\\\?"[ \\t]*:)' },
  { pattern: 'code[_ -]?verifier', glued },
  { pattern: 'otp' },
  { pattern: 'private[_ -]?key', glued },
  { pattern: 'oauth_(?:token|consumer_key|signature)' },
  { pattern: '(?<=<(?:[\\w.-]{1,64}:)?)(?:consumer[_ -]?key|token|signature)' },
];
