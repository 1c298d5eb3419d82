import { inputSecrets } from '../flow/input-secrets.js';
import { requestWithAssertion } from '../flow/key-auth.js';
import { CheckRecorder, type CheckDeps } from '../flow/recorder.js';
import { readNetsuiteApi } from './api.js';
import { requestWithSecret, type TokenResult } from '../flow/client-secret.js';
import { finishAfterToken } from '../flow/finish.js';
import { interpretNetsuiteToken, predictedLatCodes } from './token-answer.js';
import {
  checkAssertion,
  MAX_ASSERTION_LIFETIME,
  planAssertion,
  signAssertion,
  type AssertionPlan,
} from './assertion.js';
import { NETSUITE_ALGORITHMS } from './key.js';
import { preflightNetsuite, type PreparedNetsuite } from './preflight.js';
import type { CheckOutcome, NetsuiteCheckInput } from '../types.js';

/** NetSuite: client credentials (M2M) with a signed assertion, or the refresh-token grant. */
export async function checkNetsuite(
  raw: NetsuiteCheckInput,
  deps: CheckDeps,
): Promise<CheckOutcome> {
  const rec = new CheckRecorder('netsuite', deps);
  const now = deps.now();
  const prepared = preflightNetsuite(raw, deps.policy, now);
  const { input, target, tokenUrl } = prepared;
  const secrets = inputSecrets(raw, input);
  const plan =
    tokenUrl === null || prepared.algorithm === null ? null : makePlan(prepared, tokenUrl, now);
  const preflight = [
    ...prepared.findings,
    ...(plan === null
      ? []
      : checkAssertion(plan, { clientId: input.clientId, tokenUrl: tokenUrl ?? '', now })),
  ];
  if (!rec.preflight(preflight, secrets) || tokenUrl === null)
    return rec.finish(false, target, secrets);
  const predicted = predictedLatCodes(preflight);
  const result =
    input.grant === 'client_credentials'
      ? await clientCredentials(rec, input, plan, tokenUrl, predicted)
      : await requestWithSecret(rec, {
          tokenUrl,
          clientId: input.clientId,
          clientSecret: input.clientSecret ?? '',
          grant: { grant_type: 'refresh_token', refresh_token: input.refreshToken },
          first: 'basic',
          label: 'refresh_token grant',
          interpret: (s, h, b) => interpretNetsuiteToken('refresh_token', s, h, b, predicted),
        });
  return finishAfterToken(rec, result, {
    target,
    secrets,
    apiUrl: input.apiUrl,
    readApi: readNetsuiteApi,
    sentRefreshToken: input.grant === 'refresh_token' ? input.refreshToken : undefined,
  });
}

function makePlan(prepared: PreparedNetsuite, tokenUrl: string, now: Date): AssertionPlan | null {
  const { input } = prepared;
  if (input.grant !== 'client_credentials' || prepared.algorithm === null) return null;
  return planAssertion({
    clientId: input.clientId,
    tokenUrl,
    scopes: input.scopes ?? ['rest_webservices'],
    algorithm: prepared.algorithm,
    certificateId: input.certificateId,
    now,
    ...(input.assertionLifetime === undefined ? {} : { lifetime: input.assertionLifetime }),
  });
}

/** Login Audit Trail codes the assertion we sent cannot have caused. */
function ruledOutBy(plan: AssertionPlan): string[] {
  const out: string[] = [];
  if (plan.header.kid !== undefined && plan.header.kid !== '') out.push('MissingKeyId');
  if ((NETSUITE_ALGORITHMS as readonly string[]).includes(plan.header.alg))
    out.push('UnsupportedAlgo');
  if (plan.claims.exp - plan.claims.iat <= MAX_ASSERTION_LIFETIME)
    out.push('TokenValidityTooBroad');
  return out;
}

function clientCredentials(
  rec: CheckRecorder,
  input: NetsuiteCheckInput,
  plan: AssertionPlan | null,
  tokenUrl: string,
  predicted: readonly string[],
): Promise<TokenResult | null> {
  const key = input.privateKey;
  if (plan === null || key === undefined) return Promise.resolve(null);
  return requestWithAssertion(rec, {
    tokenUrl,
    grant: { grant_type: 'client_credentials' },
    label: 'client_credentials grant',
    alg: plan.header.alg,
    header: plan.header,
    claims: plan.claims,
    signedDetail: `${plan.header.alg}, kid ${plan.header.kid ?? '(none)'}, valid ${plan.claims.exp - plan.claims.iat} s`,
    sign: () => signAssertion(plan, key),
    interpret: (s, h, b) =>
      interpretNetsuiteToken('client_credentials', s, h, b, predicted, ruledOutBy(plan)),
  });
}
