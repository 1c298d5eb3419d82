import { makeFinding, type Finding, type FindingField } from '../../finding.js';
import { redirectFinding } from './network.js';
import { bodyExcerpt, parseTokenReply, type TokenReply } from './token-reply.js';
import { quote } from './quote.js';

export interface TokenVerdict {
  readonly ok: boolean;
  readonly reply: TokenReply;
  readonly findings: readonly Finding[];
}

/** Evidence line for a token answer: status, error and description (bodies of successes are never shown). */
export function describeReply(reply: TokenReply, body: string): string {
  const parts = [`HTTP ${reply.status}`];
  if (reply.oauthError !== undefined) parts.push(`error ${quote(reply.oauthError, 60)}`);
  if (reply.errorDescription !== undefined)
    parts.push(quote(bodyExcerpt(reply.errorDescription, 120)));
  if (reply.json === null && reply.status >= 400 && body.trim() !== '')
    parts.push(`body ${quote(bodyExcerpt(body, 80))}`);
  return parts.join(', ');
}

/**
 * What every token answer has in common: success, redirect, a wrong path (404/405, read before any
 * error code in the body: many servers answer an unknown route with an OAuth error), no token.
 * `wrongUrlId` is the catalogue entry for a wrong token URL on this system, if it has one.
 */
export function readTokenAnswer(
  status: number,
  headers: Readonly<Record<string, string>>,
  body: string,
  wrongUrlId: string | null,
): { reply: TokenReply; verdict?: TokenVerdict } {
  const reply = parseTokenReply(status, headers, body);
  const fail = (finding: Finding) => ({
    reply,
    verdict: { ok: false, reply, findings: [finding] },
  });
  if (status >= 300 && status < 400)
    return fail(redirectFinding(status, reply.location, 'token', wrongUrlId));
  if (status === 404 || status === 405) return fail(wrongPath(status, reply, body, wrongUrlId));
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
            `HTTP ${status}, content-type ${reply.contentType === '' ? 'none' : quote(reply.contentType, 60)}`,
            ['tokenUrl'],
            88,
          ),
        ],
      },
    };
  }
  return { reply };
}

function wrongPath(status: 404 | 405, reply: TokenReply, body: string, id: string | null): Finding {
  return makeFinding('token', {
    id,
    code: `token.${status}`,
    title:
      status === 404
        ? 'The token URL was not found (404): the path is wrong; copy the token endpoint exactly'
        : 'The token URL does not take POST (405): it is not the token endpoint',
    evidence: describeReply(reply, body),
    fields: ['tokenUrl'],
    score: 95,
  });
}

function successNotes(reply: TokenReply): Finding[] {
  const out: Finding[] = [];
  if (reply.tokenType !== undefined && reply.tokenType.toLowerCase() !== 'bearer') {
    out.push(
      plain(
        'token.type',
        `token_type is ${quote(reply.tokenType, 40)}, not Bearer`,
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
