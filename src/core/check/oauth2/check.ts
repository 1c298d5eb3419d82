import { callApi } from '../flow/api-call.js';
import { CheckRecorder, type CheckDeps } from '../flow/recorder.js';
import { requestWithSecret } from '../flow/client-secret.js';
import { readTokenAnswer } from '../flow/token-answer.js';
import { interpretOAuth2Error } from './errors.js';
import { preflightOAuth2 } from './preflight.js';
import type { CheckOutcome, OAuth2CheckInput } from '../types.js';

/** Generic OAuth 2.0 client-credentials grant with basic or post client authentication. */
export async function checkOAuth2(raw: OAuth2CheckInput, deps: CheckDeps): Promise<CheckOutcome> {
  const rec = new CheckRecorder('oauth2', deps);
  const { input, findings, target } = preflightOAuth2(raw, deps.policy);
  const secrets = [raw.clientSecret, input.clientSecret];
  if (!rec.preflight(findings)) return rec.finish(false, target, secrets);
  const verdict = await requestWithSecret(rec, {
    tokenUrl: input.tokenUrl,
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    grant: { grant_type: 'client_credentials', scope: input.scope },
    first: input.auth,
    label: 'client_credentials grant',
    interpret: (status, headers, body) => {
      const { reply, verdict: common } = readTokenAnswer(status, headers, body, null);
      return common ?? { ok: false, reply, findings: interpretOAuth2Error(reply, body) };
    },
  });
  if (verdict?.ok !== true || verdict.reply.accessToken === undefined)
    return rec.finish(false, target, secrets);
  const token = verdict.reply.accessToken;
  if (input.apiUrl === undefined) return rec.finish(true, target, [...secrets, token]);
  const apiOk = await callApi(rec, input.apiUrl, token);
  return rec.finish(apiOk, target, [...secrets, token]);
}
