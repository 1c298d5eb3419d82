import { CheckRecorder, type CheckDeps } from '../flow/recorder.js';
import { readWorkdayApi } from './api.js';
import { requestWithSecret } from '../flow/client-secret.js';
import { inputSecrets } from '../flow/input-secrets.js';
import { finishAfterToken } from '../flow/finish.js';
import { interpretWorkdayToken } from './token-answer.js';
import { preflightWorkday } from './preflight.js';
import type { CheckOutcome, WorkdayCheckInput } from '../types.js';

/** Workday integration client: refresh-token grant, then optionally one API call with the new token. */
export async function checkWorkday(raw: WorkdayCheckInput, deps: CheckDeps): Promise<CheckOutcome> {
  const rec = new CheckRecorder('workday', deps);
  const { input, findings, target } = preflightWorkday(raw, deps.policy);
  const secrets = inputSecrets(raw, input);
  if (!rec.preflight(findings, secrets)) return rec.finish(false, target, secrets);
  const result = await requestWithSecret(rec, {
    tokenUrl: input.tokenUrl,
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    grant: { grant_type: 'refresh_token', refresh_token: input.refreshToken },
    first: input.auth,
    label: 'refresh_token grant',
    interpret: interpretWorkdayToken,
  });
  return finishAfterToken(rec, result, {
    target,
    secrets,
    apiUrl: input.apiUrl,
    readApi: readWorkdayApi,
    sentRefreshToken: input.refreshToken,
  });
}
