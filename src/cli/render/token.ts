import type { Finding } from '../../core/finding.js';
import type { Inspection } from '../../core/jwt/types.js';
import { maskSecrets } from '../../core/secrets/detect.js';

const MARK: Readonly<Record<Finding['severity'], string>> = {
  error: '✗ error  ',
  warning: '! warning',
  info: '· info   ',
};

/** The inspection for a person. Every line passes the secret detector: claims can carry tokens. */
export function renderInspection(inspection: Inspection): string[] {
  const lines = [
    `Token ${inspection.fingerprint}: ${inspection.kindLabel}`,
    verificationLine(inspection),
    '',
    ...renderFindings(inspection.findings),
  ];
  if (inspection.header !== null) lines.push('', 'Header:', ...indentJson(inspection.header));
  if (inspection.claims !== null) lines.push('', 'Claims:', ...indentJson(inspection.claims));
  if (inspection.times.length > 0) {
    lines.push('', 'Times (UTC):');
    for (const t of inspection.times) lines.push(`  ${t.claim.padEnd(9)} ${t.utc}  ${t.relative}`);
  }
  return lines.map(maskSecrets);
}

function verificationLine(inspection: Inspection): string {
  if (!inspection.decoded) return 'Could not be decoded.';
  const codes = inspection.findings.map((f) => f.code);
  if (codes.includes('token.signature.valid')) return 'Signature verified.';
  if (codes.some((c) => c.startsWith('token.signature.')))
    return 'Signature NOT verified (see below).';
  return 'Decoded WITHOUT verifying the signature.';
}

function renderFindings(findings: readonly Finding[]): string[] {
  const shown = findings.filter((f) => f.code !== 'token.unverified');
  if (shown.length === 0) return ['No problems found in the header and claims.'];
  const lines = ['Findings:'];
  for (const f of shown) {
    lines.push(`  ${MARK[f.severity]}  ${f.id === null ? '' : `${f.id}: `}${f.title}`);
    lines.push(`             ${f.evidence}`);
    if (f.id !== null && f.severity !== 'info')
      lines.push(`             more: authhelp show ${f.id}`);
  }
  return lines;
}

function indentJson(value: object): string[] {
  return JSON.stringify(value, null, 2)
    .split('\n')
    .map((l) => `  ${l}`);
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
