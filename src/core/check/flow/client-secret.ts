import { makeFinding, type Finding } from '../../finding.js';
import type { AuthMethod, ClientAuth } from '../types.js';
import { basicAuthorization, FORM_HEADERS, formBody } from './form.js';
import type { CheckRecorder } from './recorder.js';
import type { Issued } from './issued.js';
import type { TokenVerdict } from './token-answer.js';

interface SecretGrant {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Grant fields such as grant_type and refresh_token. */
  readonly grant: Readonly<Record<string, string | undefined>>;
  readonly first: ClientAuth | undefined;
  readonly label: string;
  readonly interpret: (
    status: number,
    headers: Readonly<Record<string, string>>,
    body: string,
  ) => TokenVerdict;
}

const METHOD: Readonly<Record<ClientAuth, AuthMethod>> = {
  basic: 'client_secret_basic',
  post: 'client_secret_post',
};

/** A token answer as read, with the tokens it issued (kept apart from what is shown). */
export interface TokenResult {
  readonly verdict: TokenVerdict;
  readonly issued: Issued;
}

/**
 * Token request with a client secret: Basic first (RFC 6749 §2.3.1), and if the server answers
 * invalid_client, once more with the secret in the body; the outcome says which one worked.
 */
export async function requestWithSecret(
  rec: CheckRecorder,
  g: SecretGrant,
): Promise<TokenResult | null> {
  const methods: ClientAuth[] =
    g.first === 'post' ? ['post'] : g.first === 'basic' ? ['basic'] : ['basic', 'post'];
  let basicRefused = false;
  for (const method of methods) {
    const name = `token request (${g.label}, ${METHOD[method]})`;
    const headers =
      method === 'basic'
        ? { ...FORM_HEADERS, authorization: basicAuthorization(g.clientId, g.clientSecret) }
        : { ...FORM_HEADERS };
    const body = formBody(
      method === 'post'
        ? { ...g.grant, client_id: g.clientId, client_secret: g.clientSecret }
        : g.grant,
    );
    const result = await rec.send(
      name,
      { method: 'POST', url: g.tokenUrl, headers, body },
      g.clientId,
    );
    if (result.kind === 'failure') return null;
    const verdict = g.interpret(result.status, result.headers, result.body);
    const error = verdict.reply.oauthError;
    rec.step(name, verdict.ok, `HTTP ${result.status}${error === undefined ? '' : ` ${error}`}`);
    const clientAccepted =
      verdict.ok ||
      (error !== undefined && error !== 'invalid_client' && error !== 'invalid_request');
    if (basicRefused && clientAccepted) rec.findings.push(basicFallbackNote());
    if (verdict.ok) {
      rec.authMethod = METHOD[method];
      rec.tokenIssued = true;
    }
    const retry = method === 'basic' && error === 'invalid_client' && methods.length > 1;
    if (!retry) {
      rec.findings.push(...verdict.findings);
      return { verdict, issued: result.issued };
    }
    basicRefused = true;
  }
  return null;
}

function basicFallbackNote(): Finding {
  return makeFinding('token', {
    id: 'oauth2/client-secret-basic-encoding',
    code: 'token.basic-refused-post-accepted',
    severity: 'warning',
    title:
      'client_secret_basic was refused but client_secret_post was accepted: configure your client to send the secret in the body',
    evidence:
      'first attempt (Basic header) got invalid_client; second attempt (form body) authenticated the client',
    fields: ['auth', 'clientSecret'],
    score: 50,
  });
}
