/**
 * Authorization schemes whose value is a credential, as their specifications or vendors spell
 * them: Basic, Bearer, Token; Okta's `SSWS` API tokens, RFC 9449's `DPoP`, SPNEGO's `Negotiate`
 * and `NTLM`, API keys sent as `Key`, `ApiKey`, `Api-Key`, GoDaddy's `sso-key`, Opsgenie's
 * `GenieKey`, Splunk's `Splunk`, Discord's `Bot`, Zoho's `Zoho-oauthtoken`, Salesforce's `OAuth`.
 */
const SCHEMES = [
  'Basic',
  'Bearer',
  'Token',
  'SSWS',
  'DPoP',
  'Negotiate',
  'NTLM',
  'Key',
  'ApiKey',
  'Api-Key',
  'sso-key',
  'GenieKey',
  'Splunk',
  'Bot',
  'Zoho-oauthtoken',
  'OAuth',
] as const;

/**
 * The schemes as a case-insensitive pattern source, without capturing groups. `OAuth` followed by
 * `name=` is OAuth 1.0's parameter list (`OAuth realm="…", oauth_consumer_key="…"`), whose values
 * the credential keys read: it is not read as one credential.
 */
export const AUTHORIZATION_SCHEME = SCHEMES.map((s) =>
  s === 'OAuth' ? String.raw`oauth(?![ \t]+[A-Za-z_]+=)` : s,
).join('|');

/** The scheme as its specification spells it (`ssws` → `SSWS`), for a person. */
export function schemeTitle(written: string): string {
  const lower = written.toLowerCase();
  return SCHEMES.find((s) => s.toLowerCase() === lower) ?? written;
}
