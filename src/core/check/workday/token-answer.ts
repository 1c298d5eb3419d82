import { makeFinding, type Finding } from '../../finding.js';
import { describeReply, readTokenAnswer, type TokenVerdict } from '../flow/token-answer.js';
import { interpretOAuth2Error } from '../oauth2/errors.js';

/**
 * Workday's token endpoint: 404 for a wrong path, 503 for an unknown tenant, 401 invalid_client for a bad
 * id/secret (or API clients disabled in the tenant), 400 invalid_grant for a bad refresh token.
 */
export function interpretWorkdayToken(
  status: number,
  headers: Readonly<Record<string, string>>,
  body: string,
): TokenVerdict {
  const { reply, verdict } = readTokenAnswer(status, headers, body, 'workday/invalid-token-url');
  if (verdict !== undefined) return verdict;
  const evidence = describeReply(reply, body);
  const findings: Finding[] = [];
  if (status === 503) {
    findings.push(
      wd(
        'workday/invalid-tenant-name',
        'token.503',
        'The tenant name in the token URL is not known (503): check Tenant Setup for the exact name',
        evidence,
        ['tokenUrl', 'tenant'],
        92,
      ),
    );
  } else if (
    reply.oauthError === 'invalid_client' ||
    (status === 401 && reply.oauthError === undefined)
  ) {
    findings.push(
      wd(
        'workday/invalid-credentials',
        'token.invalid_client',
        'The client id or client secret was refused',
        evidence,
        ['clientId', 'clientSecret'],
        90,
      ),
      wd(
        'workday/api-clients-disabled',
        'token.invalid_client.disabled',
        'If the id and secret are right: API clients may be disabled in Edit Tenant Setup – Security',
        evidence,
        [],
        55,
      ),
    );
  } else if (reply.oauthError === 'invalid_grant') {
    findings.push(
      wd(
        'workday/invalid-credentials',
        'token.invalid_grant',
        'The refresh token was refused: invalid, revoked, or generated for another client or account',
        evidence,
        ['refreshToken'],
        90,
      ),
    );
  } else {
    findings.push(...interpretOAuth2Error(reply, body));
  }
  return { ok: false, reply, findings };
}

function wd(
  id: string,
  code: string,
  title: string,
  evidence: string,
  fields: Finding['fields'],
  score: number,
): Finding {
  return makeFinding('token', { id, code, title, evidence, fields, score });
}
