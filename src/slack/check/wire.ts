import type { Logger } from '../../adapters/logger.js';
import type { TargetPolicy } from '../../core/check/types.js';
import { createRateLimiter } from '../../adapters/http/rate-limit.js';
import { createCheckRunner } from '../../adapters/http/runner.js';
import { createCheckModal, type CheckModal } from './modal.js';

/** The connection test for the Slack app: guarded runner, 5 checks a minute per user, the modal. */
export function createSlackCheck(options: { policy: TargetPolicy; logger: Logger }): CheckModal {
  const runner = createCheckRunner({
    policy: options.policy,
    logger: options.logger,
  });
  return createCheckModal({
    runner,
    rateLimiter: createRateLimiter(),
    policy: options.policy,
  });
}
