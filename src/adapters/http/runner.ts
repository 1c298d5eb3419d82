import { runCheck } from '../../core/check/check.js';
import type { CheckInput, CheckOutcome, TargetPolicy } from '../../core/check/types.js';
import { makeFinding } from '../../core/finding.js';
import type { Logger } from '../logger.js';
import { writeAudit } from './audit.js';
import { createGuardedAgent, LIMITS, type Resolver } from './guarded-agent.js';
import type { RateLimiter } from './rate-limit.js';
import { createTransport } from './transport.js';

export interface CheckRunnerOptions {
  readonly policy: TargetPolicy;
  readonly logger: Logger;
  readonly rateLimiter?: RateLimiter;
  readonly resolve?: Resolver;
  readonly now?: () => Date;
  readonly connectTimeoutMs?: number;
  readonly totalTimeoutMs?: number;
  readonly maxBodyBytes?: number;
}

export type CheckRunner = (input: CheckInput, who: string) => Promise<CheckOutcome>;

/**
 * Wires the pure check to the guarded network: a fresh agent per check, one overall deadline,
 * the per-user rate limit, and one audit line whatever happens.
 */
export function createCheckRunner(options: CheckRunnerOptions): CheckRunner {
  const now = options.now ?? (() => new Date());
  return async (input, who) => {
    const decision = options.rateLimiter?.take(who);
    if (decision !== undefined && !decision.allowed) {
      const limited = rateLimited(input, decision.retryAfterSeconds);
      writeAudit(options.logger, who, limited);
      return limited;
    }
    const agent = createGuardedAgent({
      policy: options.policy,
      ...(options.resolve === undefined ? {} : { resolve: options.resolve }),
      connectTimeoutMs: options.connectTimeoutMs ?? LIMITS.connectTimeoutMs,
      headersTimeoutMs: options.totalTimeoutMs ?? LIMITS.totalTimeoutMs,
      maxBodyBytes: options.maxBodyBytes ?? LIMITS.maxBodyBytes,
    });
    const signal = AbortSignal.timeout(options.totalTimeoutMs ?? LIMITS.totalTimeoutMs);
    try {
      const transport = createTransport({
        dispatcher: agent,
        signal,
        ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
      });
      const outcome = await runCheck(input, {
        transport,
        now,
        policy: options.policy,
      });
      writeAudit(options.logger, who, outcome);
      return outcome;
    } finally {
      await agent.destroy().catch(() => undefined);
    }
  };
}

function rateLimited(input: CheckInput, retryAfterSeconds: number): CheckOutcome {
  const finding = makeFinding('preflight', {
    code: 'check.rate-limited',
    title: `Too many checks: at most 5 a minute per person. Try again in ${retryAfterSeconds} s`,
    evidence: 'per-user rate limit reached',
    blocking: true,
    score: 100,
  });
  return {
    ok: false,
    system: input.system,
    findings: [finding],
    steps: [{ name: 'rate limit', status: 'failed', detail: `retry in ${retryAfterSeconds} s` }],
    request: null,
    durationMs: 0,
    target: null,
  };
}
