import { makeFinding, type Finding, type FindingField } from '../../finding.js';
import { redirectFinding } from './network.js';
import { bodyExcerpt, parseTokenReply, type TokenReply } from './token-reply.js';

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

export function plain(
  code: string,
  title: string,
  evidence: string,
  fields: readonly FindingField[],
  score: number,
  severity: 'error' | 'info' = 'error',
): Finding {
  return makeFinding('token', { code, title, evidence, fields, score, severity });
}
