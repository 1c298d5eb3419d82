import { LAT_CONFIRM } from '../check/netsuite-lat.js';
import type { Severity, TokenField, TokenFinding } from './types.js';

const SCORE: Readonly<Record<Severity, number>> = { error: 85, warning: 45, info: 10 };

export interface FindingSpec {
  readonly id?: string | null;
  readonly code: string;
  readonly severity?: Severity;
  readonly title: string;
  readonly evidence: string;
  readonly fields?: readonly TokenField[];
  readonly score?: number;
}

export function tokenFinding(spec: FindingSpec): TokenFinding {
  const severity = spec.severity ?? 'error';
  const id = spec.id ?? null;
  return {
    id,
    code: spec.code,
    severity,
    source: 'token',
    title: spec.title,
    evidence: spec.evidence,
    fields: spec.fields ?? [],
    score: spec.score ?? SCORE[severity],
    ...(id?.startsWith('netsuite/') === true ? { confirmAt: LAT_CONFIRM } : {}),
  };
}

/** Most likely cause first; stable for equal scores. */
export function sortFindings(findings: readonly TokenFinding[]): TokenFinding[] {
  return [...findings].sort((a, b) => b.score - a.score);
}
