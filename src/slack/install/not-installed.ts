import type { Logger } from '../../adapters/logger.js';
import { isAuthHelpError } from '../../core/errors.js';
import { noticeMessage } from '../blocks/help.js';
import type { SlackMessage } from '../blocks/message.js';
import { privately, type Delivery } from '../replies/delivery.js';
import type { Origin } from '../replies/origin.js';

/**
 * A request from a workspace with no installation (never installed, or removed while someone still
 * had a message open) is no fault of ours: it is logged at `warn` and acked, and whoever waits
 * with a response_url (which needs no token) gets a private note saying how to get it installed.
 * True when `error` was that.
 */
export function notInstalledHandler(deps: {
  readonly keep: (origin: Origin, delivery: Delivery) => Promise<void>;
  readonly logger: Logger;
  /** The public install link, when known (SLACK_REDIRECT_URI's host). */
  readonly installUrl: string | undefined;
}): (error: Error, origin: Origin) => Promise<boolean> {
  return async (error, origin) => {
    if (!isNotInstalled(error)) return false;
    deps.logger.warn(
      {
        surface: origin.surface,
        teamId: origin.workspace?.teamId,
        enterpriseId: origin.workspace?.enterpriseId,
      },
      'request from a workspace where authhelp is not installed',
    );
    if (origin.responseUrl !== undefined)
      await deps.keep(origin, privately(origin.responseUrl, notInstalledMessage(deps.installUrl)));
    return true;
  };
}

function notInstalledMessage(installUrl: string | undefined): SlackMessage {
  const link =
    installUrl === undefined
      ? 'its install page (`https://<authhelp host>/slack/install`)'
      : `<${installUrl}|its install page>`;
  return noticeMessage(
    ':electric_plug: authhelp is not installed in this workspace (any more), so it cannot answer here.',
    `Someone allowed to add apps can install it from ${link}; ask whoever runs authhelp if you do not know the link.`,
  );
}

/** Bolt wraps the installer's error, which wraps the store's: NOT_INSTALLED anywhere in the chain. */
function isNotInstalled(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    if (isAuthHelpError(current)) return current.code === 'NOT_INSTALLED';
    const e = current as { original?: unknown; cause?: unknown };
    current = e.original ?? e.cause;
  }
  return false;
}
