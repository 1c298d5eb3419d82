/** One finding shape for the live check and the token inspector, so every surface renders both alike. */

type Severity = 'error' | 'warning' | 'info';
type FindingSource = 'preflight' | 'token' | 'api' | 'network';

/** The input a finding is about, so a form can put the error next to the right field. */
export type FindingField =
  | 'tokenUrl'
  | 'tenant'
  | 'accountId'
  | 'clientId'
  | 'clientSecret'
  | 'refreshToken'
  | 'certificateId'
  | 'privateKey'
  | 'algorithm'
  | 'scope'
  | 'apiUrl'
  | 'auth'
  | 'jwksUrl'
  | 'issuer';

export interface Finding {
  /** Catalogue entry id, or null when the finding is a plain explanation. */
  readonly id: string | null;
  /** Stable machine code of this finding, e.g. `preflight.token-url.no-ccx`. */
  readonly code: string;
  readonly severity: Severity;
  readonly source: FindingSource;
  /** One line in plain words. */
  readonly title: string;
  /** What was seen, never a secret. */
  readonly evidence: string;
  readonly fields: readonly FindingField[];
  /** Higher is more likely the cause; findings are sorted by it. */
  readonly score: number;
  /** Where a person can confirm it (NetSuite Login Audit Trail). */
  readonly confirmAt?: string;
  /** Preflight only: the check must not send anything while this stands. */
  readonly blocking?: boolean;
}

interface FindingSpec {
  readonly id?: string | null;
  readonly code: string;
  readonly severity?: Severity;
  readonly title: string;
  readonly evidence: string;
  readonly fields?: readonly FindingField[];
  readonly score?: number;
  readonly confirmAt?: string;
  readonly blocking?: boolean;
}

const DEFAULT_SCORE: Readonly<Record<Severity, number>> = { error: 80, warning: 40, info: 10 };

export function makeFinding(source: FindingSource, spec: FindingSpec): Finding {
  const severity = spec.severity ?? 'error';
  return {
    id: spec.id ?? null,
    code: spec.code,
    severity,
    source,
    title: spec.title,
    evidence: spec.evidence,
    fields: spec.fields ?? [],
    score: spec.score ?? DEFAULT_SCORE[severity],
    ...(spec.confirmAt === undefined ? {} : { confirmAt: spec.confirmAt }),
    ...(spec.blocking === true ? { blocking: true } : {}),
  };
}

/**
 * Most likely cause first (stable for equal scores). Findings that name the same catalogue entry are
 * merged: the live answer and the preflight guess agree, which makes the entry more likely, not a
 * second finding.
 */
export function rankFindings(findings: readonly Finding[]): Finding[] {
  const merged: Finding[] = [];
  for (const f of findings) {
    const twin = f.id === null ? -1 : merged.findIndex((m) => m.id === f.id);
    const other = twin === -1 ? undefined : merged[twin];
    if (other === undefined) {
      merged.push(f);
      continue;
    }
    const [lead, second] = f.score > other.score ? [f, other] : [other, f];
    merged[twin] = {
      ...lead,
      score: lead.score + 5,
      evidence: `${lead.evidence}; ${second.evidence}`,
      fields: [...new Set([...lead.fields, ...second.fields])],
    };
  }
  return merged.sort((a, b) => b.score - a.score);
}

/** Most likely first, stable for equal scores, without merging (the inspector's findings are all distinct). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => b.score - a.score);
}

export function hasBlocking(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.blocking === true);
}
