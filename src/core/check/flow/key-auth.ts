import { makeFinding } from '../../finding.js';
import type { TokenResult } from './client-secret.js';
import { FORM_HEADERS, formBody } from './form.js';
import type { CheckRecorder } from './recorder.js';
import type { TokenVerdict } from './token-answer.js';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

interface AssertionGrant {
  readonly tokenUrl: string;
  /** Grant fields such as grant_type, scope and refresh_token. */
  readonly grant: Readonly<Record<string, string | undefined>>;
  readonly label: string;
  readonly alg: string;
  /** Decoded header and claims of the assertion, shown with the request (never the signature). */
  readonly header: object;
  readonly claims: object;
  /** Step detail once signed, e.g. "ES256, kid k1, valid 300 s". */
  readonly signedDetail: string;
  readonly sign: () => Promise<string>;
  readonly interpret: (
    status: number,
    headers: Readonly<Record<string, string>>,
    body: string,
  ) => TokenVerdict;
}

/** Token request with private_key_jwt (RFC 7523 §2.2): a signed assertion instead of a secret. */
export async function requestWithAssertion(
  rec: CheckRecorder,
  g: AssertionGrant,
): Promise<TokenResult | null> {
  let assertion: string;
  try {
    assertion = await g.sign();
  } catch {
    rec.findings.push(
      makeFinding('preflight', {
        code: 'preflight.private-key.sign',
        title: `The private key could not sign with ${g.alg}`,
        evidence: 'signing the assertion failed',
        fields: ['privateKey'],
        score: 100,
      }),
    );
    rec.step('sign assertion', false, `could not sign with ${g.alg}`);
    return null;
  }
  rec.step('sign assertion', true, g.signedDetail);
  const name = `token request (${g.label}, private_key_jwt)`;
  const body = formBody({
    ...g.grant,
    client_assertion_type: ASSERTION_TYPE,
    client_assertion: assertion,
  });
  const result = await rec.send(name, {
    method: 'POST',
    url: g.tokenUrl,
    headers: { ...FORM_HEADERS },
    body,
  });
  const last = rec.requests.length - 1;
  const sent = rec.requests[last];
  if (sent !== undefined)
    rec.requests[last] = { ...sent, assertion: { header: g.header, claims: g.claims } };
  if (result.kind === 'failure') return null;
  const verdict = g.interpret(result.status, result.headers, result.body);
  const error = verdict.reply.oauthError;
  rec.step(name, verdict.ok, `HTTP ${result.status}${error === undefined ? '' : ` ${error}`}`);
  rec.findings.push(...verdict.findings);
  if (verdict.ok) {
    rec.authMethod = 'private_key_jwt';
    rec.tokenIssued = true;
  }
  return { verdict, issued: result.issued };
}

/** Secret members of a private JWK, so they can never appear in an outcome. */
export function privateParts(key: Readonly<Record<string, unknown>> | undefined): string[] {
  if (key === undefined) return [];
  return ['d', 'p', 'q', 'dp', 'dq', 'qi'].flatMap((k) => {
    const v = key[k];
    return typeof v === 'string' ? [v] : [];
  });
}
