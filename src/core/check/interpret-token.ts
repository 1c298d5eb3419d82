import { makeFinding } from './findings.js';
import { redirectFinding } from './interpret-network.js';
import { bodyExcerpt, parseTokenReply, type TokenReply } from './token-reply.js';
import type { CheckField, Finding } from './types.js';

export const OAUTH2_ERRORS = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
] as const;

export interface TokenVerdict {
  readonly ok: boolean;
  readonly reply: TokenReply;
  readonly findings: readonly Finding[];
}

/** Evidence line for a token answer: status, error and description (bodies of successes are never shown). */
export function describeReply(reply: TokenReply, body: string): string {
  const parts = [`HTTP ${reply.status}`];
  if (reply.oauthError !== undefined) parts.push(`error "${reply.oauthError}"`);
  if (reply.errorDescription !== undefined)
    parts.push(`"${bodyExcerpt(reply.errorDescription, 120)}"`);
  if (reply.json === null && reply.status >= 400 && body.trim() !== '')
    parts.push(`body "${bodyExcerpt(body, 80)}"`);
  return parts.join(', ');
}

/** What every token answer has in common: success, redirect, not JSON, no access token. */
export function readTokenAnswer(
  status: number,
  headers: Readonly<Record<string, string>>,
  body: string,
  redirectId: string | null,
): { reply: TokenReply; verdict?: TokenVerdict } {
  const reply = parseTokenReply(status, headers, body);
  if (status >= 300 && status < 400) {
    return {
      reply,
      verdict: {
        ok: false,
        reply,
        findings: [redirectFinding(status, reply.location, 'token', redirectId)],
      },
    };
  }
  if (status >= 200 && status < 300) {
    if (reply.accessToken !== undefined)
      return { reply, verdict: { ok: true, reply, findings: successNotes(reply) } };
    const title =
      reply.json === null
        ? 'The token endpoint answered 2xx but the body is not JSON; the URL is probably a web page, not the token endpoint'
        : 'The token endpoint answered 2xx without an access_token';
    return {
      reply,
      verdict: {
        ok: false,
        reply,
        findings: [
          plain(
            'token.no-access-token',
            title,
            `HTTP ${status}, content-type ${reply.contentType || 'none'}`,
            ['tokenUrl'],
            88,
          ),
        ],
      },
    };
  }
  return { reply };
}

function successNotes(reply: TokenReply): Finding[] {
  const out: Finding[] = [];
  if (reply.tokenType !== undefined && reply.tokenType.toLowerCase() !== 'bearer') {
    out.push(
      plain(
        'token.type',
        `token_type is "${reply.tokenType}", not Bearer`,
        'token_type in the answer',
        [],
        20,
        'info',
      ),
    );
  }
  if (reply.expiresIn !== undefined && reply.expiresIn <= 0) {
    out.push(
      plain(
        'token.expires-in',
        `expires_in is ${reply.expiresIn}: the server did not state a lifetime`,
        'expires_in in the answer',
        [],
        15,
        'info',
      ),
    );
  }
  return out;
}

/** Generic RFC 6749 §5.2 mapping, used for OAuth 2.0 servers and for what vendors leave unexplained. */
export function interpretOAuth2Error(reply: TokenReply, body: string): Finding[] {
  const evidence = describeReply(reply, body);
  const error = reply.oauthError;
  if (error !== undefined && (OAUTH2_ERRORS as readonly string[]).includes(error)) {
    return [
      makeFinding('token', {
        id: `oauth2/${error}`,
        code: `token.${error}`,
        title: OAUTH2_TITLES[error] ?? error,
        evidence,
        fields: OAUTH2_FIELDS[error] ?? [],
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
  if (reply.status === 404)
    return [
      plain(
        'token.404',
        'The token URL was not found (404): check the path',
        evidence,
        ['tokenUrl'],
        88,
      ),
    ];
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

const OAUTH2_TITLES: Readonly<Record<string, string>> = {
  invalid_request: 'The token request was malformed or used two client authentication methods',
  invalid_client: 'The client id or client secret was refused',
  invalid_grant:
    'The grant (refresh token, code or assertion) was refused: invalid, expired or revoked',
  unauthorized_client: 'This client may not use this grant type',
  unsupported_grant_type: 'The server does not support this grant type',
  invalid_scope: 'The requested scope is invalid or not allowed for this client',
};

const OAUTH2_FIELDS: Readonly<Record<string, readonly CheckField[]>> = {
  invalid_client: ['clientId', 'clientSecret'],
  invalid_grant: ['refreshToken'],
  invalid_scope: ['scope'],
};

export function plain(
  code: string,
  title: string,
  evidence: string,
  fields: readonly CheckField[],
  score: number,
  severity: 'error' | 'info' = 'error',
): Finding {
  return makeFinding('token', { code, title, evidence, fields, score, severity });
}
