import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { catalogueProblemModal, draftModal } from '../blocks/catalogue-health.js';
import { homeView } from '../blocks/home.js';
import { ACTION } from '../ids.js';
import type { CatalogueHealth } from '../learning/health.js';
import { errorFields } from '../log-fields.js';
import { logFieldsOf, originOf } from '../replies/origin.js';
import { owed } from '../replies/owed.js';
import type { Replies } from '../replies/replies.js';
import type { Services } from '../services.js';

/**
 * App Home: publish the tab each time it is opened (the catalogue may have changed). Maintainers
 * also get "Catalogue health", read from the store after the ack, and its "Draft entry" modals.
 */
export function registerHome(
  app: App,
  services: Services,
  replies: Replies,
  health: CatalogueHealth,
): void {
  app.event('app_home_opened', async ({ event, body }) => {
    if (event.tab !== 'home') return;
    const user = event.user;
    const origin = originOf(body);
    if (!health.isMaintainer(user)) {
      await replies.owe(origin, () => [
        owed({ kind: 'publish-home', user, view: homeView(services.knowledge().catalogue) }),
      ]);
      return;
    }
    // Reading the week's records can take longer than an ack may: rendered after it.
    replies.later(origin, async () => {
      const summary = await health.summary().catch((err: unknown) => {
        services.logger.warn(
          { ...logFieldsOf(origin), ...errorFields(err) },
          'catalogue health unavailable',
        );
        return 'unavailable' as const;
      });
      return [
        owed({
          kind: 'publish-home',
          user,
          view: homeView(services.knowledge().catalogue, summary),
        }),
      ];
    });
  });

  app.action<BlockAction<ButtonAction>>(ACTION.draftEntry, async ({ ack, body, action }) => {
    await ack();
    const origin = originOf(body);
    // Only maintainers are shown the button; a click from anyone else is ignored.
    if (!health.isMaintainer(body.user.id)) {
      services.logger.warn(logFieldsOf(origin), 'draft entry asked for by a non-maintainer');
      return;
    }
    const view = await health.draft(action.value ?? '').then(
      (found) =>
        found === undefined
          ? catalogueProblemModal('gone')
          : draftModal(found.template, found.draft),
      (err: unknown) => {
        services.logger.warn({ ...logFieldsOf(origin), ...errorFields(err) }, 'draft failed');
        return catalogueProblemModal('unavailable');
      },
    );
    replies.now(origin, { kind: 'open-view', triggerId: body.trigger_id, view });
  });
}
