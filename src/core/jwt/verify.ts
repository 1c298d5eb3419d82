import { makeFinding, sortFindings, type Finding } from '../finding.js';
import type { KeySource } from './keys.js';
import { keyTrustFindings } from './key-trust.js';
import { checkSignature } from './signature.js';
import type { Inspection } from './types.js';

/**
 * Checks the signature of an inspected token in place of the "not verified" note, and fails closed:
 * unless the signature holds, a `not-verified` error stands (exit status 1), whatever the reason.
 */
export async function verifyInspection(
  inspection: Inspection,
  token: string,
  source: KeySource,
): Promise<Inspection> {
  if (!inspection.decoded || inspection.header === null)
    return notVerified(inspection, 'the token could not be decoded');
  const result = await checkSignature(token, inspection, source);
  const rest = inspection.findings.filter((f) => f.code !== 'token.unverified');
  const trust = result.code === 'token.signature.valid' ? keyTrustFindings(inspection, source) : [];
  const verified = { ...inspection, findings: sortFindings([...rest, result, ...trust]) };
  return result.code === 'token.signature.valid'
    ? verified
    : notVerified(verified, `${result.title} (${result.evidence})`);
}

/** Verification was asked for and not achieved: an error finding, so the exit status is 1. */
export function notVerified(inspection: Inspection, reason: string): Inspection {
  const finding: Finding = makeFinding('token', {
    code: 'token.signature.not-verified',
    title: 'The signature was NOT verified: do not trust this token’s claims',
    evidence: reason,
    score: 97,
  });
  const rest = inspection.findings.filter((f) => f.code !== 'token.unverified');
  return { ...inspection, findings: sortFindings([...rest, finding]) };
}
