/** Login Audit Trail codes NetSuite may log for each flow step (domain notes §2.7), most common first. */

export const LAT_CONFIRM =
  'Confirm in NetSuite: Setup > Users/Roles > User Management > View Login Audit Trail, Detail column';

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
 * rest of the step's set. NetSuite's body names none of them; only the Login Audit Trail does.
 */
export function rankLatCandidates(
  step: NetsuiteStep,
  oauthError: string | undefined,
  predicted: readonly string[],
): string[] {
  const table = CANDIDATES[step];
  const all = table['*'] ?? [];
  const typical = oauthError === undefined ? [] : (table[oauthError] ?? []);
  const fromPreflight = predicted.filter((c) => all.includes(c));
  return [...new Set([...fromPreflight, ...typical, ...all])];
}
