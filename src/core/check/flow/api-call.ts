import { decodeJwt } from 'jose';
import { makeFinding, type Finding } from '../../finding.js';
import { readApiAnswer, type VendorApiReading } from './api-reply.js';
import { quote } from './quote.js';
import type { CheckRecorder } from './recorder.js';

/** Optional API call with the new token; returns whether it worked. */
export async function callApi(
  rec: CheckRecorder,
  apiUrl: string,
  accessToken: string,
  vendor?: VendorApiReading,
): Promise<boolean> {
  const result = await rec.send('API call', {
    method: 'GET',
    url: apiUrl,
    headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
  });
  if (result.kind === 'failure') return false;
  const verdict = readApiAnswer(result.status, result.headers, result.body, vendor);
  rec.findings.push(...verdict.findings);
  if (!verdict.ok) rec.findings.push(...tokenClaims(accessToken, rec));
  rec.step('API call', verdict.ok, `GET ${new URL(apiUrl).pathname} → HTTP ${result.status}`);
  return verdict.ok;
}

/**
 * When the API refuses a token that was just issued, what the token is for (aud) and may do
 * (scope/scp) is usually the answer; read from the JWT without verifying it, when it is one.
 */
function tokenClaims(accessToken: string, rec: CheckRecorder): Finding[] {
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(accessToken);
  } catch {
    return [];
  }
  const shown = (v: unknown): string =>
    v === undefined
      ? 'none'
      : quote(rec.masked(typeof v === 'string' ? v : JSON.stringify(v)), 100);
  return [
    makeFinding('api', {
      code: 'api.token-claims',
      severity: 'info',
      title: "The issued token's audience and scope, to compare with what this API expects",
      evidence: `aud ${shown(claims['aud'])}, scope ${shown(claims['scope'] ?? claims['scp'])} (read from the token, not verified)`,
      fields: ['apiUrl', 'scope'],
      score: 84,
    }),
  ];
}
