import { makeFinding } from './findings.js';
import { redirectFinding } from './interpret-network.js';
import { latFinding } from './interpret-netsuite.js';
import { LAT_CONFIRM, rankLatCandidates } from './netsuite-lat.js';
import { bearerError, bodyExcerpt } from './token-reply.js';
import type { CheckSystem, Finding } from './types.js';

export interface ApiVerdict {
  readonly ok: boolean;
  readonly findings: readonly Finding[];
}

/** The API call with the new token: a token that works but is not allowed is an authorization problem. */
export function interpretApiReply(
  system: CheckSystem,
  status: number,
  headers: Readonly<Record<string, string>>,
  body: string,
): ApiVerdict {
  if (status >= 200 && status < 300) return { ok: true, findings: [] };
  if (status >= 300 && status < 400)
    return { ok: false, findings: [redirectFinding(status, headers['location'], 'api', null)] };
  const bearer = bearerError(headers['www-authenticate']);
  const evidence = `HTTP ${status}${bearer === undefined ? '' : `, WWW-Authenticate error="${bearer}"`}${body.trim() === '' ? '' : `, body "${bodyExcerpt(body, 120)}"`}`;
  const found =
    system === 'workday'
      ? workday(status, bearer, body, evidence)
      : system === 'netsuite'
        ? netsuite(status, body, evidence)
        : [];
  if (found.length > 0) return { ok: false, findings: found };
  if (bearer === 'insufficient_scope')
    return {
      ok: false,
      findings: [
        api(
          'oauth2/insufficient_scope',
          'api.insufficient_scope',
          'The token works but lacks the scope this API needs',
          evidence,
          90,
        ),
      ],
    };
  if (bearer === 'invalid_token' || status === 401)
    return {
      ok: false,
      findings: [
        api(
          'oauth2/invalid_token',
          'api.invalid_token',
          'The API refused the new token',
          evidence,
          85,
        ),
      ],
    };
  return {
    ok: false,
    findings: [api(null, `api.${status}`, `The API call failed with HTTP ${status}`, evidence, 70)],
  };
}

function workday(
  status: number,
  bearer: string | undefined,
  body: string,
  evidence: string,
): Finding[] {
  if (/\bS22\b/.test(body)) {
    return [
      api(
        'workday/api-forbidden-s22',
        'api.s22',
        'Token accepted, but the integration user is not allowed (S22): domain security or authentication policy',
        evidence,
        92,
      ),
    ];
  }
  if (bearer === 'insufficient_scope' || /insufficient[ _]scope/i.test(body)) {
    return [
      api(
        'workday/insufficient-scope',
        'api.insufficient-scope',
        'Token accepted, but the API client lacks the functional-area scope for this API (regenerate the refresh token after changing scopes)',
        evidence,
        92,
      ),
    ];
  }
  if (status === 401)
    return [
      api(
        'workday/invalid-access-token',
        'api.401',
        'The API refused the new access token',
        evidence,
        85,
      ),
    ];
  return [];
}

function netsuite(status: number, body: string, evidence: string): Finding[] {
  if (status !== 401 && !body.includes('INVALID_LOGIN')) return [];
  const head = api(
    'netsuite/InvalidLogin',
    'api.invalid-login',
    'NetSuite refused the call with INVALID_LOGIN; the reason is only in the Login Audit Trail',
    evidence,
    92,
  );
  const codes = rankLatCandidates('resource', undefined, []).slice(0, 4);
  return [
    { ...head, confirmAt: LAT_CONFIRM },
    ...codes.map((c, i) => latFinding(c, i + 1, 'resource', evidence, false)),
  ];
}

function api(
  id: string | null,
  code: string,
  title: string,
  evidence: string,
  score: number,
): Finding {
  return makeFinding('api', { id, code, title, evidence, fields: ['apiUrl'], score });
}
