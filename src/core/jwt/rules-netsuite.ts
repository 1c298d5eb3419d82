import { latConfirm } from '../check/netsuite/lat.js';
import { NETSUITE_ISSUER } from './classify.js';
import { makeFinding, type Finding } from '../finding.js';
import type { RuleContext } from './rules-common.js';
import { numericClaim } from './time.js';
import type { TokenUse } from './types.js';

/** Algorithms NetSuite accepts for client-credentials assertions (RS256 refused since 2025-03-01). */
const NETSUITE_ASSERTION_ALGS = ['PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];
const NETSUITE_SCOPES = ['restlets', 'rest_webservices', 'suite_analytics', 'mcp'];
/** NetSuite refuses assertions valid for longer than this (request-token structure: "less than 60 minutes"). */
export const MAX_ASSERTION_SECONDS = 3600;

export interface NetsuiteOptions {
  readonly use: TokenUse | undefined;
  readonly clientId: string | undefined;
}

/** Rules for an assertion you sign for NetSuite's client-credentials grant. */
export function assertionFindings(ctx: RuleContext, opts: NetsuiteOptions): Finding[] {
  return [
    ...keyId(ctx),
    ...algorithm(ctx),
    ...lifetime(ctx),
    ...scope(ctx),
    ...assertionIssuer(ctx, opts.clientId),
  ];
}

/** Rules for an access or refresh token NetSuite issued. */
export function issuedTokenFindings(
  ctx: RuleContext,
  foreignIssuer: boolean,
  opts: NetsuiteOptions,
): Finding[] {
  const out = [...scope(ctx), ...tokenType(ctx, opts.use)];
  if (foreignIssuer) {
    const iss = ctx.claims['iss'];
    out.push(
      lat('InvalidIssuer', {
        title: `The token looks NetSuite-made but its iss is not ${NETSUITE_ISSUER}`,
        evidence: `iss ${typeof iss === 'string' ? JSON.stringify(iss.slice(0, 100)) : 'missing'}`,
      }),
    );
  }
  return out;
}

function keyId(ctx: RuleContext): Finding[] {
  const kid = ctx.header['kid'];
  if (typeof kid === 'string' && kid.trim() !== '') return [];
  return [
    lat('MissingKeyId', {
      title: 'The assertion header has no kid: set it to the certificate ID shown after mapping',
      evidence: kid === undefined ? 'no kid in the header' : `kid ${JSON.stringify(kid)}`,
      fields: ['certificateId'],
    }),
  ];
}

function algorithm(ctx: RuleContext): Finding[] {
  const alg = ctx.header['alg'];
  if (typeof alg === 'string' && NETSUITE_ASSERTION_ALGS.includes(alg)) return [];
  const shown = typeof alg === 'string' ? alg.slice(0, 20) : 'missing';
  return [
    lat('UnsupportedAlgo', {
      title: `NetSuite does not accept alg ${shown} for assertions`,
      evidence: `alg ${shown}; accepted: ${NETSUITE_ASSERTION_ALGS.join(', ')}${shown === 'RS256' ? ' (RS256 is refused since 1 March 2025)' : ''}`,
      fields: ['algorithm'],
    }),
  ];
}

function lifetime(ctx: RuleContext): Finding[] {
  const iat = numericClaim(ctx.claims, 'iat');
  const exp = numericClaim(ctx.claims, 'exp');
  if (iat === undefined) {
    if (ctx.claims['iat'] !== undefined) return []; // not a NumericDate: the common findings say so
    return [
      makeFinding('token', {
        code: 'token.iat.missing',
        title: 'The assertion has no iat claim: NetSuite requires it',
        evidence: 'no iat',
      }),
    ];
  }
  if (exp === undefined || exp - iat <= MAX_ASSERTION_SECONDS) return [];
  return [
    lat('TokenValidityTooBroad', {
      title: 'The assertion is valid for more than 60 minutes',
      evidence: `exp − iat = ${exp - iat} s (${Math.round(((exp - iat) / 3600) * 10) / 10} h); NetSuite allows at most ${MAX_ASSERTION_SECONDS} s`,
    }),
  ];
}

/** `scope` may be a string (space or comma separated) or an array; both are accepted. */
function scopeList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter((s) => s !== '');
  if (Array.isArray(value)) {
    return value.filter((s): s is string => typeof s === 'string' && s.trim() !== '');
  }
  return undefined;
}

function scope(ctx: RuleContext): Finding[] {
  const raw = ctx.claims['scope'];
  const scopes = scopeList(raw);
  if (scopes === undefined || scopes.length === 0) {
    return [
      lat('InvalidScope', {
        title: 'The scope claim is empty',
        evidence:
          raw === undefined ? 'no scope claim' : `scope ${JSON.stringify(raw).slice(0, 60)}`,
        fields: ['scope'],
      }),
    ];
  }
  const unknown = scopes.filter((s) => !NETSUITE_SCOPES.includes(s));
  if (ctx.kind !== 'netsuite-assertion' || unknown.length === 0) return [];
  return [
    lat('ScopeMismatched', {
      severity: 'warning',
      title: 'The assertion asks for a scope NetSuite does not know',
      evidence: `unknown scope ${unknown.map((s) => JSON.stringify(s.slice(0, 40))).join(', ')}; known: ${NETSUITE_SCOPES.join(', ')}`,
      fields: ['scope'],
    }),
  ];
}

function assertionIssuer(ctx: RuleContext, clientId: string | undefined): Finding[] {
  const iss = ctx.claims['iss'];
  const shown = typeof iss === 'string' ? JSON.stringify(iss.slice(0, 100)) : 'missing';
  let problem: string | undefined;
  if (typeof iss !== 'string' || iss.trim() === '') problem = 'The assertion has no iss';
  else if (clientId !== undefined && iss !== clientId)
    problem = 'The assertion iss is not the client ID';
  else if (/^https?:\/\//i.test(iss)) problem = 'The assertion iss is a URL, not the client ID';
  if (problem === undefined) return [];
  return [
    lat('InvalidIssuer', {
      title: `${problem}: iss must be the integration record's client ID`,
      evidence: `iss ${shown}${clientId === undefined ? '' : ', expected the given client ID'}`,
      fields: ['clientId'],
    }),
  ];
}

/** A refresh token where an access token belongs (TokenRejected) or the other way round. */
function tokenType(ctx: RuleContext, use: TokenUse | undefined): Finding[] {
  const evidence = refreshEvidence(ctx);
  if (ctx.kind === 'netsuite-refresh' && use !== 'refresh') {
    const severity = use === 'access' ? 'error' : 'warning';
    return [
      lat('TokenRejected', {
        severity,
        title: 'This is a refresh token: sent as a Bearer token, NetSuite rejects it',
        evidence,
        fields: ['refreshToken'],
      }),
      lat('InvalidTokenType', {
        severity,
        title:
          'Use it only as refresh_token in grant_type=refresh_token, not where an access token belongs',
        evidence,
        fields: ['refreshToken'],
        score: severity === 'error' ? 80 : 40,
      }),
    ];
  }
  if (ctx.kind === 'netsuite-access' && use === 'refresh') {
    return [
      lat('InvalidTokenType', {
        title: 'This is an access token: NetSuite refuses it as refresh_token',
        evidence,
        fields: ['refreshToken'],
      }),
    ];
  }
  return [];
}

function refreshEvidence(ctx: RuleContext): string {
  const jti = ctx.claims['jti'];
  const iat = numericClaim(ctx.claims, 'iat');
  const exp = numericClaim(ctx.claims, 'exp');
  const parts: string[] = [];
  if (typeof jti === 'string' && /\.[ar]\./.test(jti))
    parts.push(`jti marker .${jti.includes('.r.') ? 'r' : 'a'}.`);
  if (iat !== undefined && exp !== undefined)
    parts.push(`lifetime ${Math.round((exp - iat) / 3600)} h`);
  return parts.length === 0 ? 'claims of a NetSuite token' : parts.join(', ');
}

function lat(
  code: string,
  spec: {
    title: string;
    evidence: string;
    severity?: 'error' | 'warning';
    fields?: Finding['fields'];
    score?: number;
  },
): Finding {
  const id = `netsuite/${code}`;
  return makeFinding('token', { id, code: `token.netsuite.${code}`, ...latConfirm(id), ...spec });
}
