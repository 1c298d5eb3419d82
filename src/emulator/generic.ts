import type { IncomingMessage } from 'node:http';
import { bearerToken, clientCredentials, isForm, json } from './http-util.js';
import { issueToken, type EmulatorState } from './state.js';
import type { Handled } from './workday.js';

/** A plain RFC 6749 client-credentials server at /oauth2/token and a protected /api/resource. */
export function genericToken(state: EmulatorState, req: IncomingMessage, body: string): Handled {
  const clients = state.config.oauth2 ?? [];
  const ev = (status: number, clientAuth?: Handled['event']['clientAuth']) => ({
    system: 'oauth2' as const,
    status,
    ...(clientAuth === undefined ? {} : { clientAuth }),
  });
  if (!isForm(req))
    return {
      answer: json(400, { error: 'invalid_request', error_description: 'form body required' }),
      event: ev(400),
    };
  const form = new URLSearchParams(body);
  const creds = clientCredentials(
    req,
    form,
    (id) => clients.find((c) => c.clientId === id)?.basicDecoding ?? 'rfc',
  );
  if (creds.via === 'both' || creds.via === 'none')
    return { answer: json(400, { error: 'invalid_request' }), event: ev(400, creds.via) };
  const client = clients.find((c) => c.clientId === creds.clientId);
  if (client === undefined || client.clientSecret !== creds.clientSecret) {
    const challenge =
      creds.via === 'basic' ? { 'www-authenticate': 'Basic realm="emulator"' } : undefined;
    return {
      answer: json(
        401,
        { error: 'invalid_client', error_description: 'Client authentication failed' },
        challenge,
      ),
      event: ev(401, creds.via),
    };
  }
  if (form.get('grant_type') !== 'client_credentials')
    return { answer: json(400, { error: 'unsupported_grant_type' }), event: ev(400, creds.via) };
  const requested = (form.get('scope') ?? '').split(' ').filter((s) => s !== '');
  const allowed = client.scopes ?? [];
  if (requested.some((s) => !allowed.includes(s))) {
    return {
      answer: json(400, {
        error: 'invalid_scope',
        error_description: 'Requested scope is not allowed',
      }),
      event: ev(400, creds.via),
    };
  }
  const scopes = requested.length > 0 ? requested : allowed;
  const accessToken = issueToken(
    state,
    { system: 'oauth2', realm: '', clientId: client.clientId, scopes },
    'g-at-',
  );
  return {
    answer: json(200, {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: '3600',
      scope: scopes.join(' '),
    }),
    event: ev(200, creds.via),
  };
}

export function genericApi(state: EmulatorState, req: IncomingMessage): Handled {
  const issued = state.tokens.get(bearerToken(req) ?? '');
  if (issued?.system !== 'oauth2') {
    return {
      answer: json(
        401,
        { error: 'invalid_token' },
        { 'www-authenticate': 'Bearer error="invalid_token"' },
      ),
      event: { system: 'oauth2', status: 401 },
    };
  }
  if (!issued.scopes.includes('api.read')) {
    return {
      answer: json(
        403,
        { error: 'insufficient_scope' },
        { 'www-authenticate': 'Bearer error="insufficient_scope", scope="api.read"' },
      ),
      event: { system: 'oauth2', status: 403 },
    };
  }
  return { answer: json(200, { ok: true }), event: { system: 'oauth2', status: 200 } };
}
