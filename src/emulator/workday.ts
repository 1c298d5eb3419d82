import type { IncomingMessage } from 'node:http';
import { bearerToken, clientCredentials, isForm, json, text, type Answer } from './http-util.js';
import { issueToken, type EmulatorState } from './state.js';
import type { EmulatorEvent, WorkdayTenant } from './types.js';

export interface Handled {
  readonly answer: Answer;
  readonly event: Omit<EmulatorEvent, 'method' | 'path'>;
}

const TOKEN_PATH = /^\/ccx\/oauth2\/([^/]+)\/token$/;

/** Workday token endpoint as the seeds describe: 404 path, 503 tenant, 401 invalid_client, 400 invalid_grant. */
export function workdayToken(
  state: EmulatorState,
  req: IncomingMessage,
  path: string,
  body: string,
): Handled {
  const tenantName = decodeURIComponent(TOKEN_PATH.exec(path)?.[1] ?? '');
  const tenant = state.config.workday?.[tenantName];
  const ev = (status: number, extra: Partial<Handled['event']> = {}) => ({
    system: 'workday' as const,
    status,
    ...extra,
  });
  if (tenant === undefined) return { answer: text(503, 'Service Unavailable'), event: ev(503) };
  if (req.method !== 'POST') return { answer: text(405, 'Method Not Allowed'), event: ev(405) };
  if (!isForm(req))
    return {
      answer: json(400, {
        error: 'invalid_request',
        error_description: 'Content-Type must be application/x-www-form-urlencoded',
      }),
      event: ev(400),
    };
  const form = new URLSearchParams(body);
  const creds = clientCredentials(
    req,
    form,
    (id) => findClient(tenant, id)?.basicDecoding ?? 'rfc',
  );
  const auth = { clientAuth: creds.via };
  if (creds.via === 'both' || creds.via === 'none') {
    return { answer: json(400, { error: 'invalid_request' }), event: ev(400, auth) };
  }
  const client = creds.clientId === undefined ? undefined : findClient(tenant, creds.clientId);
  const challenge =
    creds.via === 'basic' ? { 'www-authenticate': 'Basic realm="workday"' } : undefined;
  if (
    tenant.apiClientsEnabled === false ||
    client === undefined ||
    client.clientSecret !== creds.clientSecret
  ) {
    return { answer: json(401, { error: 'invalid_client' }, challenge), event: ev(401, auth) };
  }
  if (form.get('grant_type') !== 'refresh_token')
    return { answer: json(400, { error: 'unsupported_grant_type' }), event: ev(400, auth) };
  if (!client.refreshTokens.includes(form.get('refresh_token') ?? '')) {
    return {
      answer: json(400, { error: 'invalid_grant', error_description: 'Invalid refresh token' }),
      event: ev(400, auth),
    };
  }
  const accessToken = issueToken(state, issuedFor(tenantName, client.clientId), 'wd-at-');
  const rotated =
    client.rotatesRefreshTokens === true
      ? {
          refresh_token: issueToken(state, { ...issuedFor(tenantName, client.clientId) }, 'wd-rt-'),
        }
      : {};
  return {
    answer: json(200, {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: 3600,
      ...rotated,
    }),
    event: ev(200, auth),
  };
}

function issuedFor(realm: string, clientId: string) {
  return { system: 'workday' as const, realm, clientId, scopes: [] };
}

function findClient(tenant: WorkdayTenant, id: string) {
  return tenant.clients.find((c) => c.clientId === id);
}

/** REST stub `/ccx/api/...`: S22 and insufficient scope after a good token, per client configuration. */
export function workdayApi(state: EmulatorState, req: IncomingMessage, path: string): Handled {
  const seg = path.split('/').filter((s) => s !== '');
  const tenantName = /^v\d+/.test(seg[2] ?? '') ? seg[3] : seg[4];
  const issued = state.tokens.get(bearerToken(req) ?? '');
  const ev = (status: number) => ({ system: 'workday' as const, status });
  if (issued?.system !== 'workday' || issued.realm !== tenantName) {
    return {
      answer: json(
        401,
        { error: 'invalid access token' },
        { 'www-authenticate': 'Bearer error="invalid_token"' },
      ),
      event: ev(401),
    };
  }
  const client = state.config.workday?.[issued.realm]?.clients.find(
    (c) => c.clientId === issued.clientId,
  );
  if (client?.api === 's22') {
    return {
      answer: json(403, {
        error: 'S22',
        errors: [{ error: 'The task submitted is not authorized. (S22)' }],
      }),
      event: ev(403),
    };
  }
  if (client?.api === 'insufficient_scope') {
    return {
      answer: json(
        403,
        { error: 'insufficient scope' },
        { 'www-authenticate': 'Bearer error="insufficient_scope"' },
      ),
      event: ev(403),
    };
  }
  return { answer: json(200, { total: 0, data: [] }), event: ev(200) };
}
