import { makeFinding, type Finding } from '../../finding.js';
import { describeReply, readTokenAnswer, type TokenVerdict } from '../flow/token-answer.js';
import { interpretOAuth2Error } from '../oauth2/errors.js';
import { LAT_CAUSE, LAT_CONFIRM, rankLatCandidates, type NetsuiteStep } from './lat.js';

/** How many Login Audit Trail candidates to list; the rest are too unlikely to help. */
const MAX_CANDIDATES = 5;

/** Preflight findings that named a NetSuite LAT code, in their order. */
export function predictedLatCodes(preflight: readonly Finding[]): string[] {
  return preflight.flatMap((f) =>
    f.id?.startsWith('netsuite/') === true ? [f.id.slice('netsuite/'.length)] : [],
  );
}

/** NetSuite answers a bare `{"error": …}`: give the likely LAT codes for this step and where to confirm. */
export function interpretNetsuiteToken(
  step: Exclude<NetsuiteStep, 'resource'>,
  status: number,
  headers: Readonly<Record<string, string>>,
  body: string,
  predicted: readonly string[],
  ruledOut: readonly string[] = [],
): TokenVerdict {
  const { reply, verdict } = readTokenAnswer(status, headers, body, null);
  if (verdict !== undefined) return verdict;
  const evidence = describeReply(reply, body);
  if (reply.oauthError === undefined && status !== 401)
    return { ok: false, reply, findings: interpretOAuth2Error(reply, body) };
  const error = reply.oauthError ?? 'invalid_client';
  const codes = rankLatCandidates(step, error, predicted, ruledOut).slice(0, MAX_CANDIDATES);
  const findings = codes.map((code, i) =>
    latFinding(code, i, step, evidence, predicted.includes(code)),
  );
  const generic = interpretOAuth2Error(reply, body).map((f) => ({ ...f, score: 50 }));
  return { ok: false, reply, findings: [...findings, ...generic] };
}

export function latFinding(
  code: string,
  rank: number,
  step: NetsuiteStep,
  evidence: string,
  predicted: boolean,
): Finding {
  const stepName =
    step === 'client_credentials'
      ? 'client-credentials'
      : step === 'refresh_token'
        ? 'refresh-token'
        : 'resource-call';
  return makeFinding(step === 'resource' ? 'api' : 'token', {
    id: `netsuite/${code}`,
    code: `token.lat.${code}`,
    title: `${code}: ${LAT_CAUSE[code] ?? 'see the catalogue entry'} (Login Audit Trail candidate, ${stepName} step${predicted ? '; preflight saw this' : ''})`,
    evidence,
    score: (predicted ? 91 : 89) - rank * 3,
    confirmAt: LAT_CONFIRM,
  });
}
