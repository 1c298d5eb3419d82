import type { Logger } from '../../adapters/logger.js';
import { errorFields } from '../log-fields.js';
import { apologies } from './apology.js';
import { deliver, type SlackCalls } from './delivery.js';
import { logFieldsOf, someoneWaits, type Origin } from './origin.js';

/**
 * For replies kept in memory (queue.ts): log a failure (never the payload) and tell the person
 * waiting, privately, that it did not work, trying each place an apology can reach them. Never
 * throws, so the process and the receiver carry on.
 */
export function createFailureHandler(deps: {
  logger: Logger;
  slack: SlackCalls;
}): (error: Error, origin: Origin) => Promise<void> {
  return async (error, origin) => {
    deps.logger.error(
      { ...logFieldsOf(origin), ...errorFields(error), apologised: someoneWaits(origin) },
      'slack listener failed',
    );
    for (const apology of apologies(origin)) {
      try {
        await deliver(deps.slack, apology, origin.workspace);
        return;
      } catch (apologyError) {
        deps.logger.warn(errorFields(apologyError), 'could not send the apology that way');
      }
    }
  };
}
