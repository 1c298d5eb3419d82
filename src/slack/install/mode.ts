import type { App, InstallationStore, Receiver, webApi } from '@slack/bolt';
import type { Logger } from '../../adapters/logger.js';
import type { InstallConfig } from '../../config.js';
import { AuthHelpError } from '../../core/errors.js';
import type { Delivery, SlackCalls } from '../replies/delivery.js';
import type { Origin } from '../replies/origin.js';
import { installedClients, type Authorize } from './clients.js';
import type { InstallerSettings } from '../receiver/guarded-receiver.js';
import { INSTALL_PATH, installerReceiverOptions } from './installer.js';
import { notInstalledHandler } from './not-installed.js';
import { registerUninstall } from './uninstall.js';

/**
 * Installs into many workspaces, as one seam for the runtime: options for the receiver (which
 * builds Bolt's installer, whose `authorize` the App then uses for every request), the Web API
 * client per workspace that replies are sent with, the uninstall listeners, and the answer to a
 * request from a workspace without an installation.
 */
export interface InstallMode {
  readonly receiverOptions: InstallerSettings;
  /** Once the receiver exists: a client holding the token of the workspace a reply goes to. */
  clients(receiver: Receiver): SlackCalls['clientFor'];
  /** Once the App exists: forget installations on `app_uninstalled` / `tokens_revoked`. */
  register(app: App): void;
  /**
   * For the App's error handler: true when `error` is a request from a workspace without an
   * installation, after keeping a note for the person (through `keep`) saying how to install.
   */
  notInstalled(
    error: Error,
    origin: Origin,
    keep: (origin: Origin, delivery: Delivery) => Promise<void>,
  ): Promise<boolean>;
}

export function installMode(
  install: InstallConfig | undefined,
  deps: {
    readonly installations: InstallationStore;
    readonly clientOptions: webApi.WebClientOptions;
    readonly apiUrl: string | undefined;
    readonly logger: Logger;
  },
): InstallMode | undefined {
  if (install === undefined) return undefined;
  const { installations, logger } = deps;
  const deleteInstallation = installations.deleteInstallation?.bind(installations);
  if (deleteInstallation === undefined)
    throw new AuthHelpError('INTERNAL', 'the installation store cannot delete installations');
  const installUrl =
    install.redirectUri === undefined
      ? undefined
      : new URL(INSTALL_PATH, install.redirectUri).toString();
  return {
    receiverOptions: installerReceiverOptions(install, deps),
    clients(receiver) {
      const authorize = (receiver as { installer?: { authorize?: Authorize } }).installer
        ?.authorize;
      if (authorize === undefined)
        throw new AuthHelpError('INTERNAL', 'the receiver did not set up the Slack installer');
      return installedClients(authorize, deps.clientOptions);
    },
    register(app) {
      registerUninstall(app, { deleteInstallation }, logger);
    },
    notInstalled: (error, origin, keep) =>
      notInstalledHandler({ keep, logger, installUrl })(error, origin),
  };
}
