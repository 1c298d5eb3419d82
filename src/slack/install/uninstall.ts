import type { App, Context, InstallationStore } from '@slack/bolt';
import type { Logger } from '../../adapters/logger.js';

/**
 * Forgets an installation when Slack says it is over: the app was removed from the workspace (or
 * the org, for an org-wide install), or its bot token was revoked. Bolt runs these listeners
 * without looking the installation up first, so they work after the token stopped working. A
 * redelivered event deletes nothing more. User tokens are never requested, so a revoked user
 * token (`tokens.oauth`) leaves the bot's installation alone.
 */
export function registerUninstall(
  app: App,
  installations: Required<Pick<InstallationStore, 'deleteInstallation'>>,
  logger: Logger,
): void {
  const forget = async (context: Context, reason: string): Promise<void> => {
    const query = {
      teamId: context.teamId,
      enterpriseId: context.enterpriseId,
      isEnterpriseInstall: context.isEnterpriseInstall,
    };
    await installations.deleteInstallation(query);
    logger.info(
      {
        surface: 'install',
        reason,
        teamId: query.teamId,
        enterpriseId: query.enterpriseId,
        orgWide: query.isEnterpriseInstall,
      },
      'installation deleted',
    );
  };
  app.event('app_uninstalled', async ({ context }) => {
    await forget(context, 'app_uninstalled');
  });
  app.event('tokens_revoked', async ({ event, context }) => {
    if ((event.tokens.bot ?? []).length === 0) return;
    await forget(context, 'tokens_revoked');
  });
}
