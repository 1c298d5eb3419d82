import type { CheckRecorder } from './recorder.js';
import { readApiAnswer, type VendorApiReading } from './api-reply.js';

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
  rec.step('API call', verdict.ok, `GET ${new URL(apiUrl).pathname} → HTTP ${result.status}`);
  return verdict.ok;
}
