import { makeFinding, type Finding, type FindingField } from '../../finding.js';
import { quote } from '../flow/quote.js';
import { describeReply, plain } from '../flow/token-answer.js';
import type { TokenReply } from '../flow/token-reply.js';
import { readDescription } from './descriptions.js';

export const OAUTH2_ERRORS = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
] as const;

/** Generic RFC 6749 §5.2 mapping, used for OAuth 2.0 servers and for what vendors leave unexplained. */
export function interpretOAuth2Error(reply: TokenReply, body: string): Finding[] {
  const evidence = describeReply(reply, body);
  const error = reply.oauthError;
  if (error !== undefined && (OAUTH2_ERRORS as readonly string[]).includes(error)) {
    const known = readDescription(error, reply.errorDescription);
    return [
      makeFinding('token', {
        id: known?.id ?? `oauth2/${error}`,
        code: known === undefined ? `token.${error}` : `token.${error}.${known.code}`,
        title: known?.title ?? titleFor(error, reply.errorDescription),
        evidence,
        fields: known?.fields ?? OAUTH2_FIELDS[error] ?? [],
        score: 90,
      }),
    ];
  }
  if (reply.status === 401) {
    return [
      makeFinding('token', {
        id: 'oauth2/invalid_client',
        code: 'token.401',
        title: 'The client was not authenticated: check the client id and secret',
        evidence,
        fields: ['clientId', 'clientSecret'],
        score: 85,
      }),
    ];
  }
  if (reply.status >= 500)
    return [
      plain(
        'token.server-error',
        `The token endpoint failed on its side (${reply.status}); try again later`,
        evidence,
        [],
        70,
      ),
    ];
  if (reply.json === null)
    return [
      plain(
        'token.not-json',
        'The token endpoint did not answer with JSON; check the token URL',
        evidence,
        ['tokenUrl'],
        80,
      ),
    ];
  return [
    plain(
      'token.unexpected',
      `Unexpected answer from the token endpoint (${reply.status})`,
      evidence,
      [],
      60,
    ),
  ];
}

/**
 * invalid_request covers anything from a missing parameter to a client the server will not serve,
 * so its title quotes what the server said instead of guessing.
 */
function titleFor(error: string, description: string | undefined): string {
  if (error !== 'invalid_request') return OAUTH2_TITLES[error] ?? error;
  return description === undefined
    ? 'The server refused the request as invalid (invalid_request) without saying why'
    : `The server refused the request as invalid: ${quote(description, 160)}`;
}

const OAUTH2_TITLES: Readonly<Record<string, string>> = {
  invalid_client: 'The client id or client secret was refused',
  invalid_grant:
    'The grant (refresh token, code or assertion) was refused: invalid, expired or revoked',
  unauthorized_client:
    "This client may not use this grant type: allow it in the client's grant settings",
  unsupported_grant_type: 'The server does not support this grant type',
  invalid_scope: 'The requested scope is invalid or not allowed for this client',
};

const OAUTH2_FIELDS: Readonly<Record<string, readonly FindingField[]>> = {
  invalid_client: ['clientId', 'clientSecret'],
  invalid_grant: ['refreshToken'],
  unauthorized_client: ['clientId'],
  invalid_scope: ['scope'],
};
