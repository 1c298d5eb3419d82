import { webApi, type InstallationQuery } from '@slack/bolt';
import { AuthHelpError } from '../../core/errors.js';
import type { Workspace } from './workspace.js';

/** Bolt's installer's authorize: the installation's bot token (refreshed when it rotates). */
export type Authorize = (
  query: InstallationQuery<boolean>,
) => Promise<{ botToken?: string; teamId?: string }>;

/** Clients kept for reuse: each holds its workspace's request queue and rate-limit pause. */
const MAX_CLIENTS = 500;

/**
 * The Web API client for a reply to `workspace`, with the token of its installation looked up when
 * the reply is sent (so a reply kept in the store carries ids, never a token, and an uninstalled
 * workspace is not written to). Clients are reused per token and workspace; `teamId` is set so an
 * org-wide token addresses the right workspace, as Bolt does for listener clients.
 */
export function installedClients(
  authorize: Authorize,
  options: webApi.WebClientOptions,
): (workspace: Workspace | undefined) => Promise<webApi.WebClient> {
  const clients = new Map<string, webApi.WebClient>();
  return async (workspace) => {
    if (workspace === undefined)
      throw new AuthHelpError('INPUT_INVALID', 'the request names no workspace to answer in');
    const auth = await authorize({
      teamId: workspace.teamId,
      enterpriseId: workspace.enterpriseId,
      isEnterpriseInstall: workspace.isEnterpriseInstall,
    });
    const token = auth.botToken;
    if (token === undefined)
      throw new AuthHelpError('STORE_INVALID', 'the installation holds no bot token', {
        context: { teamId: workspace.teamId ?? '', enterpriseId: workspace.enterpriseId ?? '' },
      });
    const teamId = auth.teamId ?? workspace.teamId;
    const key = `${teamId ?? ''}\u0000${token}`;
    let client = clients.get(key);
    if (client === undefined) {
      if (clients.size >= MAX_CLIENTS) clients.delete(clients.keys().next().value ?? '');
      client = new webApi.WebClient(token, {
        ...options,
        ...(teamId === undefined ? {} : { teamId }),
      });
      clients.set(key, client);
    }
    return client;
  };
}
