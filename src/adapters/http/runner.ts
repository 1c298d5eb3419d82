import { runCheck } from '../../core/check/check.js';
import type { CheckInput, CheckOutcome, TargetPolicy } from '../../core/check/types.js';
import type { Logger } from '../logger.js';
import { writeAudit } from './audit.js';
import { createGuardedAgent, LIMITS, type Resolver } from './guarded-agent.js';
import { createTransport } from './transport.js';

export interface CheckRunnerOptions {
  readonly policy: TargetPolicy;
  readonly logger: Logger;
  readonly resolve?: Resolver;
  readonly now?: () => Date;
  readonly connectTimeoutMs?: number;
  readonly totalTimeoutMs?: number;
  readonly maxBodyBytes?: number;
}

export interface RunOptions {
  /** Receives a refresh token the server issued in place of the one sent; it is never in the outcome. */
  readonly keepRefreshToken?: (token: string) => void;
}

export type CheckRunner = (
  input: CheckInput,
  who: string,
  run?: RunOptions,
) => Promise<CheckOutcome>;

/**
 * Wires the pure check to the guarded network: a fresh agent per check, one overall deadline and
 * one audit line whatever happens. How often someone may check is the caller's business (the
 * Slack connection test limits checks per person before it acks).
 */
export function createCheckRunner(options: CheckRunnerOptions): CheckRunner {
  const now = options.now ?? (() => new Date());
  return async (input, who, run = {}) => {
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
        ...(run.keepRefreshToken === undefined ? {} : { keepRefreshToken: run.keepRefreshToken }),
      });
      writeAudit(options.logger, who, outcome);
      return outcome;
    } finally {
      await agent.destroy().catch(() => undefined);
    }
  };
}
