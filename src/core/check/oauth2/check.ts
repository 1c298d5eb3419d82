import { requestWithSecret, type TokenResult } from '../flow/client-secret.js';
import { finishAfterToken } from '../flow/finish.js';
import { inputSecrets } from '../flow/input-secrets.js';
import { requestWithAssertion } from '../flow/key-auth.js';
import { CheckRecorder, type CheckDeps } from '../flow/recorder.js';
import { readTokenAnswer, type TokenVerdict } from '../flow/token-answer.js';
import type { CheckOutcome, OAuth2CheckInput } from '../types.js';
import { planClientAssertion, signClientAssertion } from './assertion.js';
import { interpretOAuth2Error } from './errors.js';
import { preflightOAuth2 } from './preflight.js';
import { scopeNotes } from './scope.js';

/** Generic OAuth 2.0: client credentials or refresh token, with a secret (basic/post) or a key. */
export async function checkOAuth2(raw: OAuth2CheckInput, deps: CheckDeps): Promise<CheckOutcome> {
  const rec = new CheckRecorder('oauth2', deps);
  const { input, findings, target, algorithm } = preflightOAuth2(raw, deps.policy);
  const secrets = inputSecrets(raw, input);
  if (!rec.preflight(findings, secrets)) return rec.finish(false, target, secrets);
  const refresh = input.grant === 'refresh_token';
  const grant = refresh
    ? { grant_type: 'refresh_token', refresh_token: input.refreshToken, scope: input.scope }
    : { grant_type: 'client_credentials', scope: input.scope };
  const label = `${grant.grant_type} grant`;
  const result = await send(rec, input, algorithm, grant, label, deps.now());
  if (result?.verdict.ok === true) rec.findings.push(...scopeNotes(input.scope, result.verdict));
  return finishAfterToken(rec, result, {
    target,
    secrets,
    apiUrl: input.apiUrl,
    sentRefreshToken: refresh ? input.refreshToken : undefined,
  });
}

function interpret(
  status: number,
  headers: Readonly<Record<string, string>>,
  body: string,
): TokenVerdict {
  const { reply, verdict } = readTokenAnswer(status, headers, body, null);
  return verdict ?? { ok: false, reply, findings: interpretOAuth2Error(reply, body) };
}

function send(
  rec: CheckRecorder,
  input: OAuth2CheckInput,
  algorithm: string | null,
  grant: Readonly<Record<string, string | undefined>>,
  label: string,
  now: Date,
): Promise<TokenResult | null> {
  const key = input.privateKey;
  if (key === undefined)
    return requestWithSecret(rec, {
      tokenUrl: input.tokenUrl,
      clientId: input.clientId,
      clientSecret: input.clientSecret ?? '',
      grant,
      first: input.auth,
      label,
      interpret,
    });
  if (algorithm === null) return Promise.resolve(null);
  const plan = planClientAssertion(input.clientId, input.tokenUrl, algorithm, now);
  return requestWithAssertion(rec, {
    tokenUrl: input.tokenUrl,
    grant,
    label,
    alg: algorithm,
    header: plan.header,
    claims: plan.claims,
    signedDetail: `${algorithm}, valid ${plan.claims.exp - plan.claims.iat} s`,
    sign: () => signClientAssertion(plan, key),
    interpret,
  });
}
