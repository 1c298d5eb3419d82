import { importJWK, SignJWT } from 'jose';
import { makeFinding, type Finding } from '../../finding.js';
import type { PrivateJwk } from '../types.js';

const DEFAULT_ASSERTION_LIFETIME = 300;
export const MAX_ASSERTION_LIFETIME = 3600;

interface AssertionHeader {
  readonly alg: string;
  readonly typ: 'JWT';
  readonly kid?: string;
}

interface AssertionClaims {
  readonly iss: string;
  readonly aud: string;
  readonly scope: readonly string[];
  readonly iat: number;
  readonly exp: number;
}

export interface AssertionPlan {
  readonly header: AssertionHeader;
  readonly claims: AssertionClaims;
}

/** NetSuite's request-token structure: iss = client id, aud = token URL, scope list, short lifetime, kid = certificate id. */
export function planAssertion(options: {
  readonly clientId: string;
  readonly tokenUrl: string;
  readonly scopes: readonly string[];
  readonly algorithm: string;
  readonly certificateId: string | undefined;
  readonly now: Date;
  readonly lifetime?: number;
}): AssertionPlan {
  const iat = Math.floor(options.now.getTime() / 1000);
  return {
    header: {
      alg: options.algorithm,
      typ: 'JWT',
      ...(options.certificateId === undefined ? {} : { kid: options.certificateId }),
    },
    claims: {
      iss: options.clientId,
      aud: options.tokenUrl,
      scope: [...options.scopes],
      iat,
      exp: iat + (options.lifetime ?? DEFAULT_ASSERTION_LIFETIME),
    },
  };
}

/** What NetSuite would refuse about the assertion, named by the Login Audit Trail code it logs. */
export function checkAssertion(
  plan: AssertionPlan,
  expected: { clientId: string; tokenUrl: string; now: Date },
): Finding[] {
  const out: Finding[] = [];
  const now = Math.floor(expected.now.getTime() / 1000);
  const { claims, header } = plan;
  if (header.kid === undefined || header.kid === '') {
    out.push(
      lat(
        'MissingKeyId',
        'The assertion has no kid: give the certificate id shown after mapping the certificate',
        'header kid is empty',
        ['certificateId'],
      ),
    );
  }
  if (claims.exp - claims.iat > MAX_ASSERTION_LIFETIME) {
    out.push(
      lat(
        'TokenValidityTooBroad',
        'The assertion is valid for more than 60 minutes',
        `exp − iat = ${claims.exp - claims.iat} s`,
        [],
      ),
    );
  }
  if (claims.iat > now + 5) {
    out.push(
      lat(
        'TokenNotAcceptable',
        'The assertion iat is in the future (clock ahead?)',
        `iat is ${claims.iat - now} s ahead`,
        [],
      ),
    );
  }
  if (claims.exp <= now) {
    out.push(
      lat(
        'TokenExpired',
        'The assertion has already expired',
        `exp was ${now - claims.exp} s ago`,
        [],
      ),
    );
  }
  if (claims.iss !== expected.clientId) {
    out.push(
      lat(
        'InvalidIssuer',
        'The assertion iss is not the client id',
        'iss differs from the client id',
        ['clientId'],
      ),
    );
  }
  if (claims.aud !== expected.tokenUrl) {
    out.push(
      makeFinding('preflight', {
        code: 'preflight.assertion.aud',
        title: 'The assertion aud is not the token URL',
        evidence: `aud ${claims.aud}`,
        fields: ['tokenUrl'],
      }),
    );
  }
  return out;
}

function lat(code: string, title: string, evidence: string, fields: Finding['fields']): Finding {
  return makeFinding('preflight', {
    id: `netsuite/${code}`,
    code: `preflight.assertion.${code}`,
    title,
    evidence,
    fields,
    score: 86,
  });
}

/** Signs the assertion; the key never leaves this call. */
export async function signAssertion(plan: AssertionPlan, key: PrivateJwk): Promise<string> {
  const imported = await importJWK({ ...key }, plan.header.alg);
  return new SignJWT({ scope: [...plan.claims.scope] })
    .setProtectedHeader({ ...plan.header })
    .setIssuer(plan.claims.iss)
    .setAudience(plan.claims.aud)
    .setIssuedAt(plan.claims.iat)
    .setExpirationTime(plan.claims.exp)
    .sign(imported);
}
