import type { App } from '@slack/bolt';
import { homeView } from '../blocks/home.js';
import type { SlackDeps } from '../deps.js';

/** App Home: publish the tab each time it is opened (the catalogue may have changed). */
export function registerHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await client.views.publish({
      user_id: event.user,
      view: homeView(deps.catalogue, deps.homeButtons),
    });
  });
}
