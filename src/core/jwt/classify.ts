import { numericClaim } from './time.js';
import type { JsonObject, TokenKind } from './types.js';

export const NETSUITE_ISSUER = 'https://system.netsuite.com';
/** NetSuite's token endpoint path; an assertion's `aud` is the full URL. */
const NETSUITE_TOKEN_PATH = /\/services\/rest\/auth\/oauth2\/v1\/token\/?$/;
/** NetSuite token ids: `<company>.r.<uuid>_<ms>.0` for refresh tokens (`.a.` assumed for access). */
const NETSUITE_JTI = /^[0-9A-Za-z_-]+\.[a-z]\.[0-9a-f-]{8,}/i;
/** A NetSuite refresh token lives 7 days by default (1–720 h configurable); an access token 1 h. */
const ACCESS_MAX_SPAN = 2 * 3600;

export interface Classification {
  readonly kind: TokenKind;
  /** The token looks NetSuite-issued but its `iss` is not NetSuite's. */
  readonly foreignIssuer: boolean;
}

export const KIND_LABELS: Readonly<Record<TokenKind, string>> = {
  'netsuite-access': 'a NetSuite access token',
  'netsuite-refresh': 'a NetSuite refresh token',
  'netsuite-assertion': 'a NetSuite client-credentials assertion (a JWT you sign)',
  'workday-access': 'a Workday access token',
  'workday-assertion': 'a Workday JWT bearer assertion',
  generic: 'a JWT (not recognised as NetSuite or Workday)',
  encrypted: 'an encrypted JWT (JWE)',
  malformed: 'not a readable JWT',
};

/** Tells a NetSuite-issued token from a NetSuite assertion, a Workday token, or anything else. */
export function classify(claims: JsonObject): Classification {
  const iss = typeof claims['iss'] === 'string' ? claims['iss'] : '';
  const audiences = audienceList(claims);
  if (audiences.some((a) => NETSUITE_TOKEN_PATH.test(a))) {
    return { kind: 'netsuite-assertion', foreignIssuer: false };
  }
  if (iss === NETSUITE_ISSUER || looksNetsuiteIssued(claims, iss)) {
    const kind = isNetsuiteRefresh(claims) ? 'netsuite-refresh' : 'netsuite-access';
    return { kind, foreignIssuer: iss !== NETSUITE_ISSUER };
  }
  if (audiences.includes('wd')) return { kind: 'workday-assertion', foreignIssuer: false };
  if (/workday/i.test(iss) || audiences.some((a) => /workday\.com/i.test(a))) {
    return { kind: 'workday-access', foreignIssuer: false };
  }
  return { kind: 'generic', foreignIssuer: false };
}

export function audienceList(claims: JsonObject): string[] {
  const aud = claims['aud'];
  if (typeof aud === 'string') return [aud];
  return Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : [];
}

/** NetSuite-shaped claims (jti pattern, `sub` role;entity, netsuite in iss) with another issuer. */
function looksNetsuiteIssued(claims: JsonObject, iss: string): boolean {
  if (/netsuite/i.test(iss)) return true;
  const jti = claims['jti'];
  const sub = claims['sub'];
  const nsJti = typeof jti === 'string' && NETSUITE_JTI.test(jti);
  const nsSub = typeof sub === 'string' && /^\d+;\d+(;[^;]*)*$/.test(sub);
  return nsJti && nsSub;
}

function isNetsuiteRefresh(claims: JsonObject): boolean {
  const jti = claims['jti'];
  if (typeof jti === 'string' && jti.includes('.r.')) return true;
  if (typeof jti === 'string' && jti.includes('.a.')) return false;
  const exp = numericClaim(claims, 'exp');
  const iat = numericClaim(claims, 'iat');
  return exp !== undefined && iat !== undefined && exp - iat > ACCESS_MAX_SPAN;
}
