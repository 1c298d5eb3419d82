import type { Finding } from '../../core/finding.js';
import type { Inspection } from '../../core/jwt/types.js';
import { maskSecrets } from '../../core/secrets/detect.js';
import { printable } from './terminal.js';

const MARK: Readonly<Record<Finding['severity'], string>> = {
  error: '✗ error  ',
  warning: '! warning',
  info: '· info   ',
};

/** The inspection for a person. Every line passes the secret detector: claims can carry tokens. */
export function renderInspection(inspection: Inspection): string[] {
  const lines = [
    `Token ${printable(inspection.fingerprint)}: ${printable(inspection.kindLabel)}`,
    verificationLine(inspection),
    '',
    ...renderFindings(inspection.findings),
  ];
  if (inspection.header !== null) lines.push('', 'Header:', ...indentJson(inspection.header));
  if (inspection.claims !== null) lines.push('', 'Claims:', ...indentJson(inspection.claims));
  if (inspection.times.length > 0) {
    lines.push('', 'Times (UTC):');
    for (const t of inspection.times)
      lines.push(`  ${t.claim.padEnd(9)} ${printable(t.utc)}  ${printable(t.relative)}`);
  }
  return lines.map(maskSecrets);
}

function verificationLine(inspection: Inspection): string {
  const codes = inspection.findings.map((f) => f.code);
  if (codes.includes('token.signature.not-verified'))
    return 'Signature NOT verified: verification was asked for and failed (see below).';
  if (!inspection.decoded) return 'Could not be decoded.';
  if (codes.includes('token.signature.valid'))
    return codes.includes('token.signature.key-set-origin')
      ? "Signature verified, but with a key set that is not the token's issuer's (see below)."
      : 'Signature verified.';
  return 'Decoded WITHOUT verifying the signature.';
}

function renderFindings(findings: readonly Finding[]): string[] {
  const shown = findings.filter((f) => f.code !== 'token.unverified');
  if (shown.length === 0) return ['No problems found in the header and claims.'];
  const lines = ['Findings:'];
  for (const f of shown) {
    lines.push(`  ${MARK[f.severity]}  ${f.id === null ? '' : `${f.id}: `}${printable(f.title)}`);
    lines.push(`             ${printable(f.evidence)}`);
    if (f.id !== null && f.severity !== 'info')
      lines.push(`             more: authhelp show ${f.id}`);
  }
  return lines;
}

function indentJson(value: object): string[] {
  // JSON escapes C0 controls; printable() also catches DEL, C1 and bidi overrides in claim values.
  return JSON.stringify(value, null, 2)
    .split('\n')
    .map((l) => `  ${printable(l)}`);
}

/** `--json`: the same findings shape as `authhelp check`, plus header, claims and times. */
export function inspectionJson(inspection: Inspection): string {
  const verified = inspection.findings.some((f) => f.code === 'token.signature.valid');
  return maskSecrets(
    JSON.stringify({
      fingerprint: inspection.fingerprint,
      kind: inspection.kind,
      kindLabel: inspection.kindLabel,
      decoded: inspection.decoded,
      verified,
      findings: inspection.findings,
      header: inspection.header,
      claims: inspection.claims,
      times: inspection.times,
    }),
  );
}
