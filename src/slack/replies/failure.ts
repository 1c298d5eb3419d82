import type { Logger } from '../../adapters/logger.js';
import { apologyMessage, apologyView } from '../blocks/help.js';
import { errorFields } from '../log-fields.js';
import { deliver, privately, type SlackCalls } from './delivery.js';
import { someoneWaits, type Origin } from './origin.js';

/**
 * The one place failures end up, from a listener or from work after its ack: log it (never the
 * payload) and tell the person waiting, privately, that it did not work. Never throws, so the
 * process and the receiver carry on.
 */
export function createFailureHandler(deps: {
  logger: Logger;
  slack: SlackCalls;
}): (error: Error, origin: Origin) => Promise<void> {
  return async (error, origin) => {
    const waiting = someoneWaits(origin);
    deps.logger.error(
      { ...errorFields(error), surface: origin.surface, apologised: waiting },
      'slack listener failed',
    );
    if (!waiting) return;
    try {
      await apologise(deps.slack, origin);
    } catch (apologyError) {
      deps.logger.warn(errorFields(apologyError), 'could not send the apology either');
    }
  };
}

/** Where the person is looking: the modal, else the response_url, else an ephemeral note. */
async function apologise(slack: SlackCalls, origin: Origin): Promise<void> {
  if (origin.viewId !== undefined) {
    await deliver(
      slack,
      { kind: 'update-view', viewId: origin.viewId, view: apologyView() },
      origin.workspace,
    );
    return;
  }
  if (origin.responseUrl !== undefined) {
    try {
      await deliver(slack, privately(origin.responseUrl, apologyMessage()));
      return;
    } catch {
      // The response_url may be what failed; try the conversation instead.
    }
  }
  if (origin.channel !== undefined && origin.user !== undefined) {
    await deliver(
      slack,
      { kind: 'ephemeral', channel: origin.channel, user: origin.user, message: apologyMessage() },
      origin.workspace,
    );
  }
}
