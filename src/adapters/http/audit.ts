import type { Logger } from '../logger.js';
import type { CheckOutcome } from '../../core/check/types.js';

/** Who ran a check, against what, and how it ended; one line per check and never a secret. */
interface AuditRecord {
  readonly event: 'credential_check';
  readonly who: string;
  readonly system: string;
  readonly host: string | null;
  readonly tenant?: string;
  readonly account?: string;
  readonly outcome: 'ok' | 'failed' | 'blocked';
  readonly finding: string | null;
  readonly durationMs: number;
}

function auditRecord(who: string, outcome: CheckOutcome): AuditRecord {
  const top = outcome.findings[0];
  const blocked = outcome.findings.some((f) => f.blocking === true);
  return {
    event: 'credential_check',
    who,
    system: outcome.system,
    host: outcome.target?.host ?? null,
    ...(outcome.target?.tenant === undefined ? {} : { tenant: outcome.target.tenant }),
    ...(outcome.target?.account === undefined ? {} : { account: outcome.target.account }),
    outcome: outcome.ok ? 'ok' : blocked ? 'blocked' : 'failed',
    finding: top === undefined ? null : (top.id ?? top.code),
    durationMs: outcome.durationMs,
  };
}

export function writeAudit(logger: Logger, who: string, outcome: CheckOutcome): void {
  logger.info({ audit: auditRecord(who, outcome) }, 'credential check');
}
