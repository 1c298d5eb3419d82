import { makeFinding } from '../../finding.js';
import { callApi } from '../flow/api-call.js';
import { FORM_HEADERS, formBody } from '../flow/form.js';
import { CheckRecorder, type CheckDeps } from '../flow/recorder.js';
import { readNetsuiteApi } from './api.js';
import { requestWithSecret } from '../flow/client-secret.js';
import { interpretNetsuiteToken, predictedLatCodes } from './token-answer.js';
import { checkAssertion, planAssertion, signAssertion, type AssertionPlan } from './assertion.js';
import { preflightNetsuite, type PreparedNetsuite } from './preflight.js';
import type { TokenVerdict } from '../flow/token-answer.js';
import type { CheckOutcome, NetsuiteCheckInput } from '../types.js';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** NetSuite: client credentials (M2M) with a signed assertion, or the refresh-token grant. */
export async function checkNetsuite(
  raw: NetsuiteCheckInput,
  deps: CheckDeps,
): Promise<CheckOutcome> {
  const rec = new CheckRecorder('netsuite', deps);
  const now = deps.now();
  const prepared = preflightNetsuite(raw, deps.policy, now);
  const { input, target, tokenUrl } = prepared;
  const secrets = [
    raw.clientSecret,
    raw.refreshToken,
    input.clientSecret,
    input.refreshToken,
    ...privateParts(raw),
  ];
  const plan =
    tokenUrl === null || prepared.algorithm === null ? null : makePlan(prepared, tokenUrl, now);
  const preflight = [
    ...prepared.findings,
    ...(plan === null
      ? []
      : checkAssertion(plan, { clientId: input.clientId, tokenUrl: tokenUrl ?? '', now })),
  ];
  if (!rec.preflight(preflight) || tokenUrl === null) return rec.finish(false, target, secrets);
  const predicted = predictedLatCodes(preflight);
  const verdict =
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
  const token = verdict?.ok === true ? verdict.reply.accessToken : undefined;
  if (token === undefined) return rec.finish(false, target, secrets);
  if (input.apiUrl === undefined) return rec.finish(true, target, [...secrets, token]);
  const apiOk = await callApi(rec, input.apiUrl, token, readNetsuiteApi);
  return rec.finish(apiOk, target, [...secrets, token]);
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

async function clientCredentials(
  rec: CheckRecorder,
  input: NetsuiteCheckInput,
  plan: AssertionPlan | null,
  tokenUrl: string,
  predicted: readonly string[],
): Promise<TokenVerdict | null> {
  if (plan === null || input.privateKey === undefined) return null;
  let assertion: string;
  try {
    assertion = await signAssertion(plan, input.privateKey);
  } catch {
    rec.findings.push(
      makeFinding('preflight', {
        code: 'preflight.private-key.sign',
        title: `The private key could not sign with ${plan.header.alg}`,
        evidence: 'signing the assertion failed',
        fields: ['privateKey'],
        score: 100,
      }),
    );
    rec.step('sign assertion', false, `could not sign with ${plan.header.alg}`);
    return null;
  }
  rec.step(
    'sign assertion',
    true,
    `${plan.header.alg}, kid ${plan.header.kid ?? '(none)'}, valid ${plan.claims.exp - plan.claims.iat} s`,
  );
  const name = 'token request (client_credentials grant, private_key_jwt)';
  const body = formBody({
    grant_type: 'client_credentials',
    client_assertion_type: ASSERTION_TYPE,
    client_assertion: assertion,
  });
  const result = await rec.send(name, {
    method: 'POST',
    url: tokenUrl,
    headers: { ...FORM_HEADERS },
    body,
  });
  if (rec.request !== null)
    rec.request = { ...rec.request, assertion: { header: plan.header, claims: plan.claims } };
  if (result.kind === 'failure') return null;
  const verdict = interpretNetsuiteToken(
    'client_credentials',
    result.status,
    result.headers,
    result.body,
    predicted,
  );
  rec.step(
    name,
    verdict.ok,
    `HTTP ${result.status}${verdict.reply.oauthError === undefined ? '' : ` ${verdict.reply.oauthError}`}`,
  );
  rec.findings.push(...verdict.findings);
  if (verdict.ok) rec.authMethod = 'private_key_jwt';
  return verdict;
}

/** Secret members of the private key, so they can never appear in an outcome. */
function privateParts(raw: NetsuiteCheckInput): string[] {
  const key = raw.privateKey;
  if (key === undefined) return [];
  return ['d', 'p', 'q', 'dp', 'dq', 'qi'].flatMap((k) =>
    typeof key[k] === 'string' ? [key[k]] : [],
  );
}
