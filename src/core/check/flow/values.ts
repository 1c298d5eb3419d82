import { makeFinding, type Finding, type FindingField } from '../../finding.js';

export interface CleanedValue {
  readonly value: string;
  readonly findings: readonly Finding[];
}

const LABELS: Readonly<Record<FindingField, string>> = {
  tokenUrl: 'token URL',
  tenant: 'tenant',
  accountId: 'account id',
  clientId: 'client id',
  clientSecret: 'client secret',
  refreshToken: 'refresh token',
  certificateId: 'certificate id',
  privateKey: 'private key',
  algorithm: 'algorithm',
  scope: 'scope',
  apiUrl: 'API URL',
  auth: 'client authentication',
  jwksUrl: 'JWKS URL',
  issuer: 'issuer URL',
};

export function fieldLabel(field: FindingField): string {
  return LABELS[field];
}

const JWT_SHAPE = /^eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export function looksLikeJwt(value: string): boolean {
  return JWT_SHAPE.test(value);
}

/**
 * Pasted values often carry a trailing newline, spaces or the quotes of a config file. They are trimmed
 * and reported as a warning so the user fixes the stored value too; the check goes on.
 */
export function cleanPasted(field: FindingField, raw: string): CleanedValue {
  const findings: Finding[] = [];
  let value = raw.trim();
  const quoted = /^(["'`])(.*)\1$/s.exec(value);
  if (quoted?.[2] !== undefined) value = quoted[2].trim();
  const what: string[] = [];
  if (value !== raw.trim()) what.push('quotes');
  if (raw !== raw.trim()) what.push(/[\r\n]/.test(raw) ? 'whitespace or a newline' : 'whitespace');
  if (what.length > 0) {
    findings.push(
      makeFinding('preflight', {
        code: 'preflight.value.trimmed',
        severity: 'warning',
        title: `The ${fieldLabel(field)} had surrounding ${what.join(' and ')}; removed for this check`,
        evidence: `${fieldLabel(field)}: ${raw.length} characters pasted, ${value.length} after trimming`,
        fields: [field],
      }),
    );
  }
  return { value, findings };
}

/** A `Bearer ` prefix or a JWT where an opaque secret belongs means the wrong value was copied. */
function checkSecretShape(field: 'clientSecret' | 'refreshToken', value: string): CleanedValue {
  const findings: Finding[] = [];
  let out = value;
  const bearer = /^bearer\s+/i.exec(out);
  if (bearer !== null) {
    out = out.slice(bearer[0].length);
    findings.push(
      makeFinding('preflight', {
        code: 'preflight.secret.bearer-prefix',
        severity: 'warning',
        title: `The ${fieldLabel(field)} started with "Bearer "; removed — store the bare value`,
        evidence: `${fieldLabel(field)} began with the word Bearer and a space`,
        fields: [field],
        score: 45,
      }),
    );
  }
  if (field === 'clientSecret' && looksLikeJwt(out)) {
    findings.push(
      makeFinding('preflight', {
        code: 'preflight.secret.jwt-as-secret',
        severity: 'warning',
        title:
          'The client secret looks like a JWT (an access or refresh token), not a client secret',
        evidence: 'client secret has the three dot-separated parts of a JWT starting with eyJ',
        fields: [field],
        score: 60,
      }),
    );
  }
  return { value: out, findings };
}

/** A pasted secret: trimmed and unquoted, then stripped of a `Bearer ` prefix; findings in that order. */
export function cleanSecret(field: 'clientSecret' | 'refreshToken', raw: string): CleanedValue {
  const pasted = cleanPasted(field, raw);
  const shaped = checkSecretShape(field, pasted.value);
  return { value: shaped.value, findings: [...pasted.findings, ...shaped.findings] };
}

/** Findings gathered while cleaning values: `take` records a cleaning's findings and returns its value. */
export function findingCollector(): {
  readonly findings: Finding[];
  readonly take: (r: CleanedValue) => string;
} {
  const findings: Finding[] = [];
  const take = (r: CleanedValue): string => {
    findings.push(...r.findings);
    return r.value;
  };
  return { findings, take };
}

export function missingValue(field: FindingField): Finding {
  return makeFinding('preflight', {
    code: 'preflight.value.missing',
    title: `The ${fieldLabel(field)} is missing`,
    evidence: `no ${fieldLabel(field)} was given`,
    fields: [field],
    blocking: true,
    score: 100,
  });
}
