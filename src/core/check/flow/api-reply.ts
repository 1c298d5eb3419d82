import { makeFinding, type Finding } from '../../finding.js';
import { redirectFinding } from './network.js';
import { bearerError, bodyExcerpt } from './token-reply.js';
import { quote } from './quote.js';

interface ApiVerdict {
  readonly ok: boolean;
  readonly findings: readonly Finding[];
}

/** The API's refusal as the vendor rules read it. */
export interface ApiAnswer {
  readonly status: number;
  readonly body: string;
  /** `error` of a `WWW-Authenticate: Bearer` challenge (RFC 6750 §3). */
  readonly bearer: string | undefined;
  readonly evidence: string;
}

/** Vendor-specific reading of a refused API call; an empty list falls back to RFC 6750. */
export type VendorApiReading = (answer: ApiAnswer) => Finding[];

/** The API call with the new token: a token that works but is not allowed is an authorization problem. */
export function readApiAnswer(
  status: number,
  headers: Readonly<Record<string, string>>,
  body: string,
  vendor?: VendorApiReading,
): ApiVerdict {
  if (status >= 200 && status < 300) return { ok: true, findings: [] };
  if (status >= 300 && status < 400)
    return { ok: false, findings: [redirectFinding(status, headers['location'], 'api', null)] };
  const bearer = bearerError(headers['www-authenticate']);
  const evidence = `HTTP ${status}${bearer === undefined ? '' : `, WWW-Authenticate error=${quote(bearer, 40)}`}${body.trim() === '' ? '' : `, body ${quote(bodyExcerpt(body, 120))}`}`;
  const found = vendor?.({ status, body, bearer, evidence }) ?? [];
  if (found.length > 0) return { ok: false, findings: found };
  if (bearer === 'insufficient_scope')
    return {
      ok: false,
      findings: [
        apiFinding(
          'oauth2/insufficient_scope',
          'api.insufficient_scope',
          'The token works but lacks the scope this API needs',
          evidence,
          90,
        ),
      ],
    };
  if (bearer === 'invalid_token' || status === 401)
    return {
      ok: false,
      findings: [
        apiFinding(
          'oauth2/invalid_token',
          'api.invalid_token',
          'The API refused the new token',
          evidence,
          85,
        ),
      ],
    };
  return {
    ok: false,
    findings: [
      apiFinding(null, `api.${status}`, `The API call failed with HTTP ${status}`, evidence, 70),
    ],
  };
}

export function apiFinding(
  id: string | null,
  code: string,
  title: string,
  evidence: string,
  score: number,
): Finding {
  return makeFinding('api', { id, code, title, evidence, fields: ['apiUrl'], score });
}
