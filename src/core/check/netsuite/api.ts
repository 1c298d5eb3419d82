import type { Finding } from '../../finding.js';
import { apiFinding, type ApiAnswer } from '../flow/api-reply.js';
import { LAT_CONFIRM, rankLatCandidates } from './lat.js';
import { latFinding } from './token-answer.js';

/** NetSuite REST answers INVALID_LOGIN for every refusal; only the Login Audit Trail says why. */
export function readNetsuiteApi({ status, body, evidence }: ApiAnswer): Finding[] {
  if (status !== 401 && !body.includes('INVALID_LOGIN')) return [];
  const head = apiFinding(
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
