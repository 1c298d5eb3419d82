import { decodeJwt } from 'jose';
import { makeFinding, type Finding } from '../../finding.js';
import {
  accountFromTokenUrl,
  badAccountId,
  checkNetsuiteTokenUrl,
  netsuiteTokenUrl,
} from './account.js';
import { basicEncodingNote } from '../flow/secret-encoding.js';
import { checkNetsuiteKey } from './key.js';
import { checkTargetUrl } from '../flow/target.js';
import {
  cleanPasted,
  cleanSecret,
  findingCollector,
  looksLikeJwt,
  missingValue,
} from '../flow/values.js';
import type { NetsuiteCheckInput, Prepared, TargetPolicy } from '../types.js';

const NETSUITE_SCOPES = ['restlets', 'rest_webservices', 'suite_analytics', 'mcp'] as const;

export interface PreparedNetsuite extends Prepared<NetsuiteCheckInput> {
  /** The token URL the check will call (explicit, or built from the account id). */
  readonly tokenUrl: string | null;
  readonly algorithm: string | null;
}

/** Account → host → token URL, key and algorithm, scopes, refresh token shape; nothing is sent. */
export function preflightNetsuite(
  raw: NetsuiteCheckInput,
  policy: TargetPolicy,
  now: Date,
): PreparedNetsuite {
  const { findings, take } = findingCollector();
  const opt = (
    field: 'accountId' | 'tokenUrl' | 'certificateId' | 'apiUrl',
    v: string | undefined,
  ): string | undefined => {
    const cleaned = v === undefined ? '' : take(cleanPasted(field, v));
    return cleaned === '' ? undefined : cleaned;
  };
  const accountId = opt('accountId', raw.accountId);
  const explicitUrl = opt('tokenUrl', raw.tokenUrl);
  const certificateId = opt('certificateId', raw.certificateId);
  const apiUrl = opt('apiUrl', raw.apiUrl);
  const clientId = take(cleanPasted('clientId', raw.clientId));
  if (clientId === '') findings.push(missingValue('clientId'));
  const scopes =
    raw.scopes !== undefined && raw.scopes.length > 0 ? raw.scopes : ['rest_webservices'];
  findings.push(...checkScopes(scopes));
  let input: NetsuiteCheckInput = {
    ...stripOptional(raw),
    clientId,
    scopes,
    ...(accountId === undefined ? {} : { accountId }),
    ...(explicitUrl === undefined ? {} : { tokenUrl: explicitUrl }),
    ...(certificateId === undefined ? {} : { certificateId }),
    ...(apiUrl === undefined ? {} : { apiUrl }),
  };
  const resolved = resolveTokenUrl(accountId, explicitUrl, policy);
  findings.push(...resolved.findings);
  let algorithm: string | null = null;
  if (input.grant === 'client_credentials') {
    const key = prepareKey(input);
    findings.push(...key.findings);
    algorithm = key.algorithm;
  } else {
    const secrets = prepareRefresh(input, now);
    findings.push(...secrets.findings);
    input = secrets.input;
  }
  if (apiUrl !== undefined)
    findings.push(...checkTargetUrl(apiUrl, 'netsuite', 'apiUrl', policy).findings);
  const account = accountId ?? resolved.account;
  const target =
    resolved.url === null
      ? null
      : { host: resolved.url.host, ...(account === undefined ? {} : { account }) };
  return { input, findings, target, tokenUrl: resolved.url?.href ?? null, algorithm };
}

function stripOptional(raw: NetsuiteCheckInput): NetsuiteCheckInput {
  const { accountId: _a, tokenUrl: _t, certificateId: _c, apiUrl: _p, ...rest } = raw;
  return rest;
}

function resolveTokenUrl(
  accountId: string | undefined,
  explicit: string | undefined,
  policy: TargetPolicy,
) {
  const findings: Finding[] = [];
  if (explicit === undefined && accountId === undefined) {
    return { url: null, account: undefined, findings: [missingValue('accountId')] };
  }
  const built = accountId === undefined ? null : netsuiteTokenUrl(accountId);
  if (accountId !== undefined && built === null && explicit === undefined) {
    return { url: null, account: undefined, findings: [badAccountId(accountId)] };
  }
  const raw = explicit ?? built ?? '';
  const target = checkTargetUrl(raw, 'netsuite', 'tokenUrl', policy);
  findings.push(...target.findings);
  if (target.url === null) return { url: null, account: undefined, findings };
  if (explicit !== undefined) findings.push(...checkNetsuiteTokenUrl(target.url, accountId));
  return { url: target.url, account: accountFromTokenUrl(target.url), findings };
}

function checkScopes(scopes: readonly string[]): Finding[] {
  const unknown = scopes.filter((s) => !(NETSUITE_SCOPES as readonly string[]).includes(s));
  const out: Finding[] = [];
  if (unknown.length > 0) {
    out.push(
      makeFinding('preflight', {
        id: 'netsuite/ScopeMismatched',
        code: 'preflight.scope.unknown',
        title: `Unknown NetSuite scope ${unknown.join(', ')}; use restlets, rest_webservices, suite_analytics or mcp`,
        evidence: `scope ${scopes.join(' ')}`,
        fields: ['scope'],
        score: 60,
      }),
    );
  }
  if (scopes.includes('mcp') && scopes.length > 1) {
    out.push(
      makeFinding('preflight', {
        id: 'netsuite/ScopeMismatched',
        code: 'preflight.scope.mcp-combined',
        title: 'The mcp scope cannot be combined with other scopes',
        evidence: `scope ${scopes.join(' ')}`,
        fields: ['scope'],
        score: 60,
      }),
    );
  }
  return out;
}

function prepareKey(input: NetsuiteCheckInput): { algorithm: string | null; findings: Finding[] } {
  if (input.privateKey === undefined)
    return { algorithm: null, findings: [missingValue('privateKey')] };
  const key = checkNetsuiteKey(input.privateKey, input.algorithm);
  const findings = [...key.findings];
  if (input.certificateId === undefined) {
    findings.push(
      makeFinding('preflight', {
        id: 'netsuite/MissingKeyId',
        code: 'preflight.certificate-id.missing',
        title:
          'No certificate id: NetSuite finds the public key by the kid, which must be the Certificate ID from the M2M setup',
        evidence: 'certificate id is empty, so the assertion has no kid',
        fields: ['certificateId'],
        score: 87,
      }),
    );
  }
  return { algorithm: key.algorithm, findings };
}

function prepareRefresh(
  input: NetsuiteCheckInput,
  now: Date,
): { input: NetsuiteCheckInput; findings: Finding[] } {
  const findings: Finding[] = [];
  const clean = (field: 'clientSecret' | 'refreshToken', v: string | undefined): string => {
    const { value, findings: found } = cleanSecret(field, v ?? '');
    findings.push(...found);
    if (value === '') findings.push(missingValue(field));
    return value;
  };
  const clientSecret = clean('clientSecret', input.clientSecret);
  const refreshToken = clean('refreshToken', input.refreshToken);
  findings.push(...basicEncodingNote(clientSecret));
  if (refreshToken !== '') findings.push(...inspectRefreshToken(refreshToken, now));
  return { input: { ...input, clientSecret, refreshToken }, findings };
}

/** NetSuite refresh tokens are JWTs valid 7 days; reading (not verifying) one predicts the LAT code. */
function inspectRefreshToken(token: string, now: Date): Finding[] {
  if (!looksLikeJwt(token)) {
    return [
      makeFinding('preflight', {
        code: 'preflight.refresh-token.not-jwt',
        severity: 'warning',
        title: 'NetSuite refresh tokens are JWTs; this value is not one',
        evidence: 'refresh token does not start with eyJ',
        fields: ['refreshToken'],
      }),
    ];
  }
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(token);
  } catch {
    return [];
  }
  const out: Finding[] = [];
  const exp = typeof claims['exp'] === 'number' ? claims['exp'] : undefined;
  if (exp !== undefined && exp * 1000 <= now.getTime()) {
    out.push(
      makeFinding('preflight', {
        id: 'netsuite/RefreshTokenExpired',
        code: 'preflight.refresh-token.expired',
        title:
          'The refresh token has expired (NetSuite refresh tokens last 7 days); authorize again',
        evidence: `exp ${new Date(exp * 1000).toISOString()}`,
        fields: ['refreshToken'],
        score: 84,
      }),
    );
  }
  const jti = typeof claims['jti'] === 'string' ? claims['jti'] : '';
  if (jti !== '' && !jti.includes('.r.')) {
    out.push(
      makeFinding('preflight', {
        id: 'netsuite/InvalidTokenType',
        code: 'preflight.refresh-token.access-token',
        title: 'This looks like an access token, not a refresh token',
        evidence: 'token jti has no ".r." refresh marker',
        fields: ['refreshToken'],
        score: 83,
      }),
    );
  }
  return out;
}
