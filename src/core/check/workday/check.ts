import { callApi } from '../flow/api-call.js';
import { CheckRecorder, type CheckDeps } from '../flow/recorder.js';
import { readWorkdayApi } from './api.js';
import { requestWithSecret } from '../flow/client-secret.js';
import { interpretWorkdayToken } from './token-answer.js';
import { preflightWorkday } from './preflight.js';
import type { CheckOutcome, WorkdayCheckInput } from '../types.js';

/** Workday integration client: refresh-token grant, then optionally one API call with the new token. */
export async function checkWorkday(raw: WorkdayCheckInput, deps: CheckDeps): Promise<CheckOutcome> {
  const rec = new CheckRecorder('workday', deps);
  const { input, findings, target } = preflightWorkday(raw, deps.policy);
  const secrets = [raw.clientSecret, raw.refreshToken, input.clientSecret, input.refreshToken];
  if (!rec.preflight(findings)) return rec.finish(false, target, secrets);
  const verdict = await requestWithSecret(rec, {
    tokenUrl: input.tokenUrl,
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    grant: { grant_type: 'refresh_token', refresh_token: input.refreshToken },
    first: input.auth,
    label: 'refresh_token grant',
    interpret: interpretWorkdayToken,
  });
  if (verdict?.ok !== true || verdict.reply.accessToken === undefined)
    return rec.finish(false, target, secrets);
  const token = verdict.reply.accessToken;
  if (input.apiUrl === undefined) return rec.finish(true, target, [...secrets, token]);
  const apiOk = await callApi(rec, input.apiUrl, token, readWorkdayApi);
  return rec.finish(apiOk, target, [...secrets, token]);
}
