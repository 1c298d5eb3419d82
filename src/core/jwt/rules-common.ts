import { latConfirm } from '../check/netsuite/lat.js';
import { makeFinding, type Finding } from '../finding.js';
import { formatDuration, numericClaim, utc } from './time.js';
import type { JsonObject, TokenKind } from './types.js';

/** The catalogue entry for "this token has expired", by what the token is. */
const EXPIRED_ID: Readonly<Record<TokenKind, string | null>> = {
  'netsuite-access': 'netsuite/AccessTokenExpired',
  'netsuite-refresh': 'netsuite/RefreshTokenExpired',
  'netsuite-assertion': 'netsuite/TokenExpired',
  'workday-access': 'workday/invalid-access-token',
  'workday-assertion': 'oauth2/invalid_grant',
  generic: 'oauth2/invalid_token',
  encrypted: null,
  malformed: null,
};

const NOT_YET_VALID_ID: Readonly<Record<TokenKind, string | null>> = {
  'netsuite-access': 'netsuite/TokenNotAcceptable',
  'netsuite-refresh': 'netsuite/TokenNotAcceptable',
  'netsuite-assertion': 'netsuite/TokenNotAcceptable',
  'workday-access': 'oauth2/invalid_token',
  'workday-assertion': 'oauth2/invalid_grant',
  generic: 'oauth2/invalid_token',
  encrypted: null,
  malformed: null,
};

export interface RuleContext {
  readonly kind: TokenKind;
  readonly header: JsonObject;
  readonly claims: JsonObject;
  /** Inspection clock in seconds. */
  readonly now: number;
  readonly leeway: number;
}

/** Findings every kind shares: expiry, not-yet-valid, unsigned. */
export function commonFindings(ctx: RuleContext): Finding[] {
  return [...expiry(ctx), ...notYetValid(ctx), ...unsigned(ctx)];
}

function expiry(ctx: RuleContext): Finding[] {
  const exp = numericClaim(ctx.claims, 'exp');
  if (exp === undefined) {
    const wrong = notANumericDate(ctx.claims, 'exp');
    if (wrong !== undefined) return [wrong];
    const required = ctx.kind === 'netsuite-assertion';
    return [
      makeFinding('token', {
        code: 'token.exp.missing',
        severity: required ? 'error' : 'info',
        title: required
          ? 'The assertion has no exp claim: NetSuite requires one (at most 60 minutes after iat)'
          : 'The token has no exp claim, so it does not say when it expires',
        evidence: 'no exp',
      }),
    ];
  }
  if (exp > ctx.now) return [];
  return [
    makeFinding('token', {
      id: EXPIRED_ID[ctx.kind],
      ...latConfirm(EXPIRED_ID[ctx.kind]),
      code: 'token.expired',
      title: 'The token has expired',
      evidence: `exp ${utc(exp)}, expired ${formatDuration(ctx.now - exp)} ago`,
      score: 90,
    }),
  ];
}

/** `iat` or `nbf` ahead of the inspection clock, or not a NumericDate. */
function notYetValid(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const claim of ['iat', 'nbf'] as const) {
    const value = numericClaim(ctx.claims, claim);
    if (value === undefined) {
      const wrong = notANumericDate(ctx.claims, claim);
      if (wrong !== undefined) out.push(wrong);
      continue;
    }
    if (value <= ctx.now + ctx.leeway) continue;
    out.push(
      makeFinding('token', {
        id: NOT_YET_VALID_ID[ctx.kind],
        ...latConfirm(NOT_YET_VALID_ID[ctx.kind]),
        code: `token.${claim}.future`,
        title:
          claim === 'iat'
            ? 'The token was issued in the future: the clock that made it runs ahead'
            : 'The token is not valid yet (nbf is in the future)',
        evidence: `${claim} ${utc(value)}, ${formatDuration(value - ctx.now)} ahead of the inspection clock`,
        score: 88,
      }),
    );
  }
  return out;
}

function unsigned(ctx: RuleContext): Finding[] {
  const alg = ctx.header['alg'];
  if (typeof alg === 'string' && alg.toLowerCase() !== 'none') return [];
  if (ctx.kind === 'netsuite-assertion') return []; // UnsupportedAlgo says it with the entry
  return [
    makeFinding('token', {
      code: 'token.alg.none',
      severity: 'warning',
      title: 'The token is unsigned (alg none or missing): no server should accept it',
      evidence: `alg ${typeof alg === 'string' ? alg : 'missing'}`,
    }),
  ];
}

/**
 * A time claim that is there but is no NumericDate (RFC 7519 §2: seconds since 1970 as a JSON
 * number): hand-built tokens write `"exp": "1700000000"`, and servers reject or ignore it. A number
 * outside any calendar date (`-1e308`, milliseconds written for seconds) is none either, and has no
 * age to show. Saying "no exp" would send the reader looking for a claim they can see.
 */
function notANumericDate(claims: JsonObject, claim: 'exp' | 'iat' | 'nbf'): Finding | undefined {
  const value = claims[claim];
  if (value === undefined || numericClaim(claims, claim) !== undefined) return undefined;
  if (typeof value === 'number') {
    return makeFinding('token', {
      code: `token.${claim}.out-of-range`,
      title: `The ${claim} claim is not a valid NumericDate: it must be seconds since 1970, within years 0 to 9999`,
      evidence: `${claim} is ${value}`,
      score: 85,
    });
  }
  const shape =
    typeof value === 'string'
      ? `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value)}`
      : value === null
        ? 'null'
        : Array.isArray(value)
          ? 'an array'
          : `a ${typeof value}`;
  return makeFinding('token', {
    code: `token.${claim}.not-a-number`,
    title: `The ${claim} claim is not a number: it must be seconds since 1970 as a JSON number`,
    evidence: `${claim} is ${shape}`,
    score: 85,
  });
}
