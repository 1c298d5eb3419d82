import type { App } from '@slack/bolt';
import { homeView } from '../blocks/home.js';
import { originOf } from '../replies/origin.js';
import type { Replies } from '../replies/queue.js';
import type { Services } from '../services.js';

/** App Home: publish the tab each time it is opened (the catalogue may have changed). */
export function registerHome(app: App, services: Services, replies: Replies): void {
  app.event('app_home_opened', ({ event, body }) => {
    if (event.tab !== 'home') return Promise.resolve();
    const user = event.user;
    replies.defer(originOf(body), (send) =>
      send({ kind: 'publish-home', user, view: homeView(services.catalogue) }),
    );
    return Promise.resolve();
  });
}
