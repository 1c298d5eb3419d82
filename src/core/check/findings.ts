import type { CheckField, Finding, FindingSource, Severity } from './types.js';

export interface FindingSpec {
  readonly id?: string | null;
  readonly code: string;
  readonly severity?: Severity;
  readonly title: string;
  readonly evidence: string;
  readonly fields?: readonly CheckField[];
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
 * Most likely cause first. Findings that name the same catalogue entry are merged (the live answer and
 * the preflight guess agree, which makes the entry more likely, not a second finding).
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

export function hasBlocking(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.blocking === true);
}
