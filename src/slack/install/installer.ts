import type { InstallationStore, webApi } from '@slack/bolt';
import type { Logger } from '../../adapters/logger.js';
import type { InstallConfig } from '../../config.js';
import { errorFields } from '../log-fields.js';
import type { InstallerSettings } from '../receiver/guarded-receiver.js';
import { isVisitorMistake, sendFailurePage, sendSuccessPage } from './pages.js';

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

/**
 * The bot scopes an install asks for: what the listeners need, no more (manifest.yml lists the
 * same; a test holds them equal).
 */
export const BOT_SCOPES = ['commands', 'chat:write', 'channels:history', 'groups:history'] as const;

export interface InstallerDeps {
  readonly installations: InstallationStore;
  /** The Web API settings of every other call: `oauth.v2.access` goes to the same Slack. */
  readonly clientOptions: webApi.WebClientOptions;
  /** SLACK_API_URL; the authorize page is on the same host (slack.com/api/ → slack.com/oauth/v2/authorize). */
  readonly apiUrl: string | undefined;
  readonly logger: Logger;
}

/**
 * `GET /slack/install` sends the browser straight to Slack's authorize page (no landing page of
 * ours) with a signed `state` bound to the browser by a cookie; `GET /slack/oauth_redirect`
 * checks it, exchanges the code (`oauth.v2.access`), stores the installation (sealed) and shows a
 * page saying what to do next. Works with the HTTP and the Socket Mode receiver alike.
 */
export function installerReceiverOptions(
  install: InstallConfig,
  deps: InstallerDeps,
): InstallerSettings {
  const redirectPath =
    install.redirectUri === undefined ? REDIRECT_PATH : new URL(install.redirectUri).pathname;
  return {
    clientId: install.clientId,
    clientSecret: install.clientSecret,
    stateSecret: install.stateSecret,
    ...(install.redirectUri === undefined ? {} : { redirectUri: install.redirectUri }),
    installationStore: deps.installations,
    scopes: [...BOT_SCOPES],
    installerOptions: {
      directInstall: true,
      stateVerification: install.stateVerification,
      installPath: INSTALL_PATH,
      redirectUriPath: redirectPath,
      clientOptions: deps.clientOptions,
      ...(deps.apiUrl === undefined
        ? {}
        : { authorizationUrl: new URL('/oauth/v2/authorize', deps.apiUrl).toString() }),
      callbackOptions: {
        success: (installation, _options, _req, res) => {
          deps.logger.info(
            {
              surface: 'install',
              teamId: installation.team?.id,
              enterpriseId: installation.enterprise?.id,
              orgWide: installation.isEnterpriseInstall === true,
            },
            'installed',
          );
          sendSuccessPage(res, installation);
        },
        failure: (error, _options, _req, res) => {
          const code = error.code;
          const fields = { surface: 'install', ...errorFields(error) };
          // An expired or foreign link is routine; Slack refusing the code, or the store failing, is not.
          if (isVisitorMistake(code)) deps.logger.warn(fields, 'install refused');
          else deps.logger.error(fields, 'install failed');
          sendFailurePage(res, code, INSTALL_PATH);
        },
      },
    },
  };
}
