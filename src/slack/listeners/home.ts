import type { App } from '@slack/bolt';
import { homeView } from '../blocks/home.js';
import { originOf } from '../replies/origin.js';
import { owed } from '../replies/owed.js';
import type { Replies } from '../replies/replies.js';
import type { Services } from '../services.js';

/** App Home: publish the tab each time it is opened (the catalogue may have changed). */
export function registerHome(app: App, services: Services, replies: Replies): void {
  app.event('app_home_opened', async ({ event, body }) => {
    if (event.tab !== 'home') return;
    const user = event.user;
    await replies.owe(originOf(body), () => [
      owed({ kind: 'publish-home', user, view: homeView(services.knowledge().catalogue) }),
    ]);
  });
}
