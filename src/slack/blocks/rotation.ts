import { vendorTokenFamily } from '../../core/secrets/rules/vendor-token.js';
import type { SecretFinding } from '../../core/secrets/types.js';

/** A credential family, for the rotation advice. */
export type CredentialFamily =
  | 'client-secret'
  | 'refresh-token'
  | 'access-token'
  | 'api-token'
  | 'assertion'
  | 'private-key'
  | 'password'
  | 'slack'
  | 'other';

/** Which vendor the token's claims point at, when a JWT says so. */
export type Vendor = 'netsuite' | 'workday' | 'unknown';

export function familyOf(finding: SecretFinding): CredentialFamily {
  switch (finding.kind) {
    case 'private-key':
      return 'private-key';
    case 'slack-token':
      return 'slack';
    // As its mask names it: Google's `ya29.` and GitHub's `gho_` are OAuth access tokens; an AWS
    // key id is half of a key pair.
    case 'vendor-token': {
      const family = vendorTokenFamily(finding.name);
      return family === 'access-key-id' ? 'other' : family;
    }
    case 'authorization-header':
      return schemeFamily(finding.name);
    case 'jwt':
      return jwtFamily(finding.name);
    case 'assignment':
      return assignmentFamily(finding.name);
    // `curl -u client_id:secret` is how a token endpoint is called; a URL's userinfo is a login.
    case 'basic-pair':
      return finding.name === 'curl' ? 'client-secret' : 'password';
  }
}

// OAuth's own schemes carry an access token; Negotiate and NTLM a login's ticket; the rest
// (Okta's SSWS, `ApiKey`, `Key`, `sso-key`, `GenieKey`, `Splunk`, `Bot`) an API token.
function schemeFamily(scheme: string | undefined): CredentialFamily {
  switch (scheme) {
    case 'basic':
      return 'client-secret';
    case 'bearer':
    case 'token':
    case 'dpop':
    case 'oauth':
    case 'zoho-oauthtoken':
      return 'access-token';
    case 'negotiate':
    case 'ntlm':
      return 'other';
    default:
      return 'api-token';
  }
}

function jwtFamily(name: string | undefined): CredentialFamily {
  if (name === 'refresh_token') return 'refresh-token';
  if (name === 'client_assertion') return 'assertion';
  return 'access-token';
}

function assignmentFamily(name: string | undefined): CredentialFamily {
  switch (name) {
    case 'client_secret':
    case 'consumer_secret':
    case 'token_secret':
    case 'api_key':
    case 'secret_key':
    case 'signing_secret':
      return 'client-secret';
    case 'refresh_token':
      return 'refresh-token';
    case 'access_token':
    case 'id_token':
      return 'access-token';
    // Header and API tokens (`X-Auth-Token`, `X-API-Token`, Azure API Management's subscription key,
    // HashiCorp Vault's token, GitLab's `PRIVATE-TOKEN`): long-lived tokens another service issued,
    // not a Workday or NetSuite client secret.
    case 'auth_token':
    case 'api_token':
    case 'subscription_key':
    case 'vault_token':
    case 'private_token':
    case 'header_credential':
    case 'token':
      return 'api-token';
    case 'client_assertion':
      return 'assertion';
    case 'password':
    case 'keystore_password':
      return 'password';
    default:
      return 'other';
  }
}

const WORKDAY: Readonly<Record<CredentialFamily, string | null>> = {
  'client-secret':
    '*Workday:* View API Clients (or View API Clients for Integrations) → the client → Related Actions → API Client → *Generate New Client Secret*, then update the integration.',
  'refresh-token':
    '*Workday:* *Manage Refresh Tokens for Integrations* → the integration system user → delete the token and generate a new one.',
  'access-token':
    '*Workday:* the access token stops working when it expires; revoke the refresh token it came from (*Manage Refresh Tokens for Integrations*) if that leaked too.',
  'api-token': null,
  assertion: null,
  'private-key':
    '*Workday:* replace the x509 certificate on the API client (View API Clients → Related Actions → API Client → Edit) with a new key pair.',
  password:
    '*Workday:* reset the integration system user password (*Maintain Password for Account*) and review its sign-ons.',
  slack: null,
  other: '*Workday:* regenerate the secret on the API client (*Generate New Client Secret*).',
};

const NETSUITE: Readonly<Record<CredentialFamily, string | null>> = {
  'client-secret':
    '*NetSuite:* Setup > Integration > Manage Integrations → the integration record → Edit → *Reset Credentials*; the new client ID and secret are shown once.',
  'refresh-token':
    '*NetSuite:* revoke the token (Setup > Integration > Manage Authentication > OAuth 2.0 Authorized Applications → *Revoke*, or the revoke endpoint) and authorise again.',
  'access-token':
    '*NetSuite:* access tokens expire after 60 minutes; revoke the authorisation (OAuth 2.0 Authorized Applications → *Revoke*) to end it now.',
  'api-token': null,
  assertion:
    '*NetSuite:* an assertion is usable until its `exp`; if the private key it was signed with leaked, rotate the certificate (below).',
  'private-key':
    '*NetSuite:* Setup > Integration > Manage Authentication > OAuth 2.0 Client Credentials (M2M) Setup → *revoke* the mapping, create a new key pair and upload the new certificate (*rotate*).',
  password:
    "*NetSuite:* change the user's password and check the Login Audit Trail for sign-ins you don't recognise.",
  slack: null,
  other: '*NetSuite:* reset the integration record credentials (*Reset Credentials*).',
};

/** An API token another service issued: neither Workday nor NetSuite rotates it. */
const API_TOKEN =
  '*API token:* revoke it where it was issued and create a new one (GitLab: your profile → Access tokens → *Revoke*; HashiCorp Vault: `vault token revoke`; Azure API Management: Subscriptions → the subscription → *Regenerate* the key), then update whatever sends it.';

const SLACK =
  '*Slack:* api.slack.com/apps → your app → OAuth & Permissions (or Basic Information for app-level tokens and webhooks) → rotate or revoke the token.';

/** Rotation steps for the credentials found, vendor-specific where the token says which vendor. */
export function rotationLines(
  credentials: readonly { family: CredentialFamily; vendor: Vendor }[],
): string[] {
  const lines = new Set<string>();
  for (const { family, vendor } of credentials) {
    if (family === 'slack') {
      lines.add(SLACK);
      continue;
    }
    if (family === 'api-token') {
      lines.add(API_TOKEN);
      continue;
    }
    const workday = WORKDAY[family];
    const netsuite = NETSUITE[family];
    if (vendor !== 'netsuite' && workday !== null) lines.add(workday);
    if (vendor !== 'workday' && netsuite !== null) lines.add(netsuite);
  }
  return [...lines];
}
