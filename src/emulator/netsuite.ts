import type { IncomingMessage } from 'node:http';
import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { bearerToken, clientCredentials, isForm, json, type Answer } from './http-util.js';
import { issueToken, type EmulatorState } from './state.js';
import type { NetsuiteAccount, NetsuiteIntegration } from './types.js';
import type { Handled } from './workday.js';

export const NS_TOKEN_PATH = '/services/rest/auth/oauth2/v1/token';
const ALGS = ['PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface NetsuiteRoute {
  readonly label: string;
  readonly accountId: string;
  readonly account: NetsuiteAccount;
  /** Path below the account: `/services/rest/...`. */
  readonly rest: string;
}

/** Account from the Host header (`<acct>.suitetalk.api.netsuite.com`) or a path prefix (`/<acct>/services/...`). */
export function netsuiteRoute(
  state: EmulatorState,
  host: string,
  path: string,
): NetsuiteRoute | null {
  const accounts = state.config.netsuite ?? {};
  const labelOf = (id: string) => id.toLowerCase().replace(/_/g, '-');
  const fromHost = /^([a-z0-9-]+)\.suitetalk\.api\.netsuite\.com(:\d+)?$/i.exec(host)?.[1];
  const prefix = /^\/([A-Za-z0-9_-]+)(\/services\/.*)$/.exec(path);
  const label =
    fromHost?.toLowerCase() ?? (prefix?.[1] === undefined ? undefined : labelOf(prefix[1]));
  const rest = fromHost === undefined ? prefix?.[2] : path;
  if (label === undefined || rest === undefined) return null;
  const accountId = Object.keys(accounts).find((id) => labelOf(id) === label);
  const account = accountId === undefined ? undefined : accounts[accountId];
  return accountId === undefined || account === undefined
    ? null
    : { label, accountId, account, rest };
}

function fail(
  status: number,
  error: string,
  lat: string,
  account: string,
  extra: Record<string, string> = {},
  clientAuth?: Handled['event']['clientAuth'],
): Handled {
  return {
    answer: json(status, { error }, extra),
    event: {
      system: 'netsuite',
      status,
      lat,
      account,
      ...(clientAuth === undefined ? {} : { clientAuth }),
    },
  };
}

/** Token endpoint: bare `{"error": …}` bodies, and the Login Audit Trail code recorded per failure. */
export async function netsuiteToken(
  state: EmulatorState,
  req: IncomingMessage,
  route: NetsuiteRoute,
  body: string,
): Promise<Handled> {
  const acct = route.accountId;
  if (!isForm(req)) return fail(400, 'invalid_request', 'InvalidRequest', acct);
  const form = new URLSearchParams(body);
  if (route.account.featureEnabled === false)
    return fail(401, 'invalid_client', 'FeatureDisabled', acct);
  const grant = form.get('grant_type');
  if (grant === 'client_credentials') return clientCredentialsGrant(state, req, route, form);
  if (grant === 'refresh_token') return refreshGrant(state, req, route, form);
  return fail(400, 'unsupported_grant_type', 'UnsupportedGrantType', acct);
}

async function clientCredentialsGrant(
  state: EmulatorState,
  req: IncomingMessage,
  route: NetsuiteRoute,
  form: URLSearchParams,
): Promise<Handled> {
  const acct = route.accountId;
  const assertion = form.get('client_assertion') ?? '';
  if (req.headers.authorization !== undefined)
    return fail(400, 'invalid_request', 'InvalidRequest', acct, {}, 'both');
  if (form.get('client_assertion_type') !== ASSERTION_TYPE || assertion === '')
    return fail(400, 'invalid_request', 'InvalidRequest', acct, {}, 'none');
  let header: { alg?: string; kid?: string };
  let claims: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(assertion);
    claims = decodeJwt(assertion);
  } catch {
    return fail(400, 'invalid_request', 'InvalidSignature', acct, {}, 'assertion');
  }
  const reject = (status: number, error: string, lat: string) =>
    fail(status, error, lat, acct, {}, 'assertion');
  if (!ALGS.includes(header.alg ?? '')) return reject(400, 'invalid_request', 'UnsupportedAlgo');
  if (header.kid === undefined || header.kid === '')
    return reject(400, 'invalid_request', 'MissingKeyId');
  const integration = route.account.integrations.find((i) => i.clientId === claims['iss']);
  if (integration === undefined) return reject(401, 'invalid_client', 'InvalidIssuer');
  if (integration.blocked === true) return reject(401, 'invalid_client', 'IntegrationBlocked');
  const cert = integration.certificates?.find((c) => c.id === header.kid);
  if (cert === undefined) return reject(401, 'invalid_client', 'MissingKey');
  try {
    await jwtVerify(assertion, cert.publicKey, { algorithms: ALGS, currentDate: new Date(0) });
  } catch {
    return reject(401, 'invalid_client', 'SignatureValidation');
  }
  const timing = checkTiming(claims, state.now());
  if (timing !== null) return reject(400, timing.error, timing.lat);
  if (claims['aud'] !== tokenUrlSeen(req, route))
    return reject(400, 'invalid_grant', 'InvalidAudience');
  const scopes = readScopes(claims['scope']);
  if (
    scopes.length === 0 ||
    scopes.some((s) => !(integration.scopes ?? ['rest_webservices', 'restlets']).includes(s))
  ) {
    return reject(400, 'invalid_scope', 'ScopeMismatched');
  }
  return success(state, route, integration, scopes, 'assertion');
}

/** exp − iat ≤ 3600, iat not ahead of our clock, exp not passed (NetSuite's request-token rules). */
function checkTiming(
  claims: Record<string, unknown>,
  now: Date,
): { error: string; lat: string } | null {
  const iat = typeof claims['iat'] === 'number' ? claims['iat'] : NaN;
  const exp = typeof claims['exp'] === 'number' ? claims['exp'] : NaN;
  const t = Math.floor(now.getTime() / 1000);
  if (Number.isNaN(iat) || Number.isNaN(exp))
    return { error: 'invalid_request', lat: 'TokenNotAcceptable' };
  if (exp - iat > 3600) return { error: 'invalid_request', lat: 'TokenValidityTooBroad' };
  if (iat > t + 5) return { error: 'invalid_grant', lat: 'TokenNotAcceptable' };
  if (exp <= t) return { error: 'invalid_grant', lat: 'TokenExpired' };
  return null;
}

function tokenUrlSeen(req: IncomingMessage, route: NetsuiteRoute): string {
  const host = req.headers.host ?? '';
  const local = !host.endsWith('.netsuite.com');
  return local
    ? `http://${host}/${route.accountId}${NS_TOKEN_PATH}`
    : `https://${host}${NS_TOKEN_PATH}`;
}

function readScopes(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((s): s is string => typeof s === 'string');
  return typeof value === 'string' ? value.split(/[\s,]+/).filter((s) => s !== '') : [];
}

function refreshGrant(
  state: EmulatorState,
  req: IncomingMessage,
  route: NetsuiteRoute,
  form: URLSearchParams,
): Handled {
  const acct = route.accountId;
  const creds = clientCredentials(req, form);
  if (creds.via === 'both') return fail(400, 'invalid_request', 'InvalidRequest', acct, {}, 'both');
  const integration = route.account.integrations.find((i) => i.clientId === creds.clientId);
  const challenge = { 'www-authenticate': `Basic realm="${acct}"` };
  if (integration?.clientSecret === undefined || integration.clientSecret !== creds.clientSecret) {
    return fail(401, 'invalid_client', 'ClientAuthenticationFailed', acct, challenge, creds.via);
  }
  if (integration.blocked === true)
    return fail(401, 'invalid_client', 'IntegrationBlocked', acct, challenge, creds.via);
  const token = form.get('refresh_token') ?? '';
  const refreshState = integration.refreshTokens?.[token];
  const invalid = (lat: string) => fail(400, 'invalid_grant', lat, acct, {}, creds.via);
  if (refreshState === undefined)
    return invalid(state.tokens.has(token) ? 'InvalidTokenType' : 'InvalidSignature');
  if (refreshState === 'expired') return invalid('RefreshTokenExpired');
  if (refreshState === 'revoked') return invalid('TokenBlocked');
  if (refreshState === 'role-disabled') return invalid('EntityOrRoleDisabled');
  return success(state, route, integration, integration.scopes ?? ['rest_webservices'], creds.via);
}

function success(
  state: EmulatorState,
  route: NetsuiteRoute,
  integration: NetsuiteIntegration,
  scopes: readonly string[],
  clientAuth: Handled['event']['clientAuth'] & string,
): Handled {
  const accessToken = issueToken(
    state,
    { system: 'netsuite', realm: route.label, clientId: integration.clientId, scopes },
    'ns-at-',
  );
  // NetSuite has been seen sending expires_in as a string; the emulator does too.
  const answer: Answer = json(200, {
    access_token: accessToken,
    expires_in: '3600',
    token_type: 'bearer',
  });
  return {
    answer,
    event: { system: 'netsuite', status: 200, account: route.accountId, clientAuth },
  };
}

/** REST stub: 401 INVALID_LOGIN unless the token is one we issued for this account (and not refused). */
export function netsuiteResource(
  state: EmulatorState,
  req: IncomingMessage,
  route: NetsuiteRoute,
): Handled {
  const token = bearerToken(req) ?? '';
  const issued = state.tokens.get(token);
  const integration = route.account.integrations.find((i) => i.clientId === issued?.clientId);
  let lat: string | undefined;
  if (issued?.system !== 'netsuite' || issued.realm !== route.label) {
    const isRefresh = route.account.integrations.some(
      (i) => i.refreshTokens?.[token] !== undefined,
    );
    lat = isRefresh ? 'TokenRejected' : 'InvalidSignature';
  } else if (integration?.resourceLat !== undefined) {
    lat = integration.resourceLat;
  }
  if (lat === undefined)
    return {
      answer: json(200, { items: [], count: 0 }),
      event: { system: 'netsuite', status: 200, account: route.accountId },
    };
  const body = {
    type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2',
    title: 'Unauthorized',
    status: 401,
    'o:errorDetails': [
      {
        detail:
          'Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.',
        'o:errorCode': 'INVALID_LOGIN',
      },
    ],
  };
  return {
    answer: json(401, body, { 'www-authenticate': 'Bearer' }),
    event: { system: 'netsuite', status: 401, lat, account: route.accountId },
  };
}
