/** Login Audit Trail codes NetSuite may log for each flow step (domain notes §2.7), most common first. */

export const LAT_CONFIRM =
  'Confirm in NetSuite: Setup > Users/Roles > User Management > View Login Audit Trail, Detail column';

/** `confirmAt` for a finding that names a NetSuite Login Audit Trail code (any `netsuite/` entry). */
export function latConfirm(id: string | null): { confirmAt?: string } {
  return id?.startsWith('netsuite/') === true ? { confirmAt: LAT_CONFIRM } : {};
}

export type NetsuiteStep = 'client_credentials' | 'refresh_token' | 'resource';

/** Candidates per step and OAuth error; the `*` list is the step's full set in default order. */
const CANDIDATES: Readonly<Record<NetsuiteStep, Readonly<Record<string, readonly string[]>>>> = {
  client_credentials: {
    invalid_client: [
      'MissingKey',
      'SignatureValidation',
      'InvalidIssuer',
      'MissingKeyId',
      'UnsupportedAlgo',
    ],
    invalid_request: ['UnsupportedAlgo', 'MissingKeyId', 'TokenValidityTooBroad'],
    invalid_grant: ['TokenExpired', 'TokenNotAcceptable', 'TokenValidityTooBroad'],
    invalid_scope: ['ScopeMismatched'],
    unauthorized_client: ['ScopeMismatched', 'IntegrationBlocked'],
    '*': [
      'MissingKey',
      'SignatureValidation',
      'UnsupportedAlgo',
      'MissingKeyId',
      'InvalidIssuer',
      'TokenExpired',
      'TokenNotAcceptable',
      'TokenValidityTooBroad',
      'ScopeMismatched',
      'EntityOrRoleDisabled',
      'IntegrationBlocked',
      'FeatureDisabled',
    ],
  },
  refresh_token: {
    invalid_client: ['ClientAuthenticationFailed', 'InvalidIntegration', 'IntegrationBlocked'],
    invalid_grant: [
      'RefreshTokenExpired',
      'TokenBlocked',
      'InvalidTokenType',
      'InvalidSignature',
      'EntityOrRoleDisabled',
    ],
    invalid_scope: ['ScopeMismatched'],
    unauthorized_client: ['AuthorizationCodeGrantRequired', 'IntegrationBlocked'],
    '*': [
      'ClientAuthenticationFailed',
      'RefreshTokenExpired',
      'TokenBlocked',
      'InvalidTokenType',
      'InvalidSignature',
      'EntityOrRoleDisabled',
      'InvalidIntegration',
      'AuthorizationCodeGrantRequired',
      'ScopeMismatched',
      'IntegrationBlocked',
      'FeatureDisabled',
    ],
  },
  resource: {
    '*': [
      'ScopeMismatched',
      'EntityOrRoleDisabled',
      'FeatureDisabled',
      'IntegrationBlocked',
      'AccessTokenExpired',
      'InvalidSignature',
      'InvalidIntegration',
      'TokenRejected',
      'InvalidScope',
      'TokenBlocked',
      'InvalidIssuer',
    ],
  },
};

/** Every LAT code this module can name, for the catalogue contract test. */
export function allLatCandidates(): string[] {
  return [
    ...new Set(Object.values(CANDIDATES).flatMap((byError) => Object.values(byError).flat())),
  ];
}

/**
 * Ranked candidates: codes preflight predicted first, then those typical of the OAuth error, then the
 * rest of the step's set, without the codes what was sent rules out (a kid was sent: not MissingKeyId).
 * NetSuite's body names none of them; only the Login Audit Trail does.
 */
export function rankLatCandidates(
  step: NetsuiteStep,
  oauthError: string | undefined,
  predicted: readonly string[],
  ruledOut: readonly string[] = [],
): string[] {
  const table = CANDIDATES[step];
  const all = table['*'] ?? [];
  const typical = oauthError === undefined ? [] : (table[oauthError] ?? []);
  const fromPreflight = predicted.filter((c) => all.includes(c));
  return [...new Set([...fromPreflight, ...typical, ...all])].filter(
    (c) => !ruledOut.includes(c) || predicted.includes(c),
  );
}

/** Likely cause per Login Audit Trail code, in a few words (domain notes §2.7). */
export const LAT_CAUSE: Readonly<Record<string, string>> = {
  AccessTokenExpired: 'access token older than 60 minutes',
  EntityOrRoleDisabled:
    'the employee, contact or role is inactive or lost its OAuth 2.0 permission',
  InvalidSignature: 'token altered, truncated, or from another account or environment',
  TokenRejected: 'a refresh token was sent as the Bearer token',
  InvalidIntegration:
    'the integration record does not exist in this account (deleted, sandbox refresh)',
  ScopeMismatched: 'scope not enabled on the integration record, or token scope ≠ the API called',
  AuthorizationCodeGrantRequired:
    'Authorization Code Grant is not ticked on the integration record',
  InvalidScope: 'the token has an empty scope claim',
  FeatureDisabled: 'OAuth 2.0 is not enabled in Enable Features',
  IntegrationBlocked: 'the integration record state is Blocked',
  UnsupportedAlgo: 'assertion alg is not PS256/384/512 or ES256/384/512 (RS256 refused since 2025)',
  TokenValidityTooBroad: 'assertion exp − iat is longer than 60 minutes',
  TokenBlocked: 'the token was revoked',
  InvalidTokenType: 'an access token was sent as the refresh token, or the reverse',
  SignatureValidation:
    'the assertion was signed with a key that does not match the mapped certificate',
  ClientIdMismatch: 'the client id differs from the one used to get the code',
  TokenNotAcceptable: 'assertion iat is in the future (clock skew)',
  TokenExpired: 'the assertion or code has expired',
  InvalidIssuer: 'the assertion iss is not a client id of this account',
  MissingKeyId: 'the assertion header has no kid (certificate id)',
  MissingKey:
    'no valid certificate for this kid: revoked or expired, mapping cleared by a sandbox refresh, or another account',
  RefreshTokenExpired: 'the refresh token is older than its lifetime (7 days by default)',
  ClientAuthenticationFailed: 'client id or client secret is wrong',
};
