import type { Logger } from '../../adapters/logger.js';
import { createRateLimiter } from '../../adapters/http/rate-limit.js';
import { createCheckRunner } from '../../adapters/http/runner.js';
import { createCheckModal, type CheckModal } from './modal.js';

/** The connection test for the Slack app: guarded runner, 5 checks a minute per user, the modal. */
export function createSlackCheck(options: {
  allowLocalTargets: boolean;
  logger: Logger;
}): CheckModal {
  const runner = createCheckRunner({
    allowLocalTargets: options.allowLocalTargets,
    logger: options.logger,
  });
  return createCheckModal({
    runner,
    rateLimiter: createRateLimiter(),
    allowLocalTargets: options.allowLocalTargets,
  });
}
