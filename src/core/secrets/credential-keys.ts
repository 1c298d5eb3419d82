/** A parameter or field name whose value is a credential. */
export interface CredentialKey {
  /** The name in snake_case, as a finding reports it. */
  readonly name: string;
  /** The name as a case-insensitive pattern source, in every spelling read. */
  readonly pattern: string;
  readonly label: string;
}

/**
 * Credential-bearing parameter names, in snake, kebab, camel, SCREAMING and "Title Case" spellings.
 * The detector reports their values when they look generated; stored pastes mask them always.
 */
export const CREDENTIAL_KEYS: readonly CredentialKey[] = [
  { name: 'client_secret', pattern: 'client[_ -]?secret', label: 'a client secret' },
  { name: 'consumer_secret', pattern: 'consumer[_ -]?secret', label: 'a consumer secret' },
  { name: 'token_secret', pattern: 'token[_ -]?secret', label: 'a token secret' },
  { name: 'refresh_token', pattern: 'refresh[_ -]?token', label: 'a refresh token' },
  { name: 'access_token', pattern: 'access[_ -]?token', label: 'an access token' },
  { name: 'id_token', pattern: 'id[_ -]?token', label: 'an ID token' },
  { name: 'client_assertion', pattern: 'client[_ -]?assertion', label: 'a client assertion' },
  { name: 'api_key', pattern: 'api[_ -]?key', label: 'an API key' },
  { name: 'secret_key', pattern: 'secret[_ -]?key', label: 'a secret key' },
  { name: 'signing_secret', pattern: 'signing[_ -]?secret', label: 'a signing secret' },
  { name: 'password', pattern: 'pass(?:word|wd)', label: 'a password' },
];

/**
 * Further keys whose values stored pastes mask, which the detector leaves to other rules or to
 * nobody: short or human values (`pwd`, `otp`), a bare `secret` or `assertion`, a PEM key (its own
 * rule), the token id, consumer key and signature of an OAuth 1.0 (NetSuite TBA) header. A bare
 * `code` is an error code (`"code": 401`) except in a query string (raw or URL-encoded), where it
 * is an OAuth grant.
 */
export const MASKED_ONLY_KEY_PATTERNS: readonly string[] = [
  'assertion',
  'secret',
  'pass(?:phrase)?',
  'pwd',
  '(?<=[?&#]|%26|%3f|%23)code',
  'code[_ -]?verifier',
  'otp',
  'private[_ -]?key',
  'oauth_(?:token|consumer_key|signature)',
];
