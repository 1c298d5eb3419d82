import type { Finding } from '../../finding.js';
import { apiFinding, type ApiAnswer } from '../flow/api-reply.js';

/** Workday REST: S22 is a security-policy refusal, insufficient_scope a missing functional area. */
export function readWorkdayApi({ status, bearer, body, evidence }: ApiAnswer): Finding[] {
  if (/\bS22\b/.test(body)) {
    return [
      apiFinding(
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
      apiFinding(
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
      apiFinding(
        'workday/invalid-access-token',
        'api.401',
        'The API refused the new access token',
        evidence,
        85,
      ),
    ];
  return [];
}
