import { App, type Authorize, type Receiver, type webApi } from '@slack/bolt';
import type { Logger } from '../adapters/logger.js';
import { toBoltLogger } from './bolt-logger.js';
import { registerAnswerButtons } from './listeners/answer-buttons.js';
import { registerChannelReplies } from './listeners/channel.js';
import { registerCheck } from './listeners/check.js';
import { registerCommand } from './listeners/command.js';
import { registerGuard } from './listeners/guard.js';
import { registerHome } from './listeners/home.js';
import { registerInspector } from './listeners/inspect.js';
import type { CatalogueHealth } from './learning/health.js';
import type { Recorder } from './learning/recorder.js';
import { registerShortcut } from './listeners/shortcut.js';
import { errorFields } from './log-fields.js';
import { logFieldsOf, originOf, type Origin } from './replies/origin.js';
import type { Replies } from './replies/replies.js';
import type { Services } from './services.js';
import type { ListenerState } from './state/listener-state.js';

export interface SlackAppParts {
  readonly receiver: Receiver;
  /** The one token's authorize; left out when the receiver's OAuth installer authorizes. */
  readonly authorize?: Authorize<boolean>;
  readonly clientOptions: webApi.WebClientOptions;
  readonly logger: Logger;
  readonly services: Services;
  readonly replies: Replies;
  readonly state: ListenerState;
  /** Records diagnoses and feedback for the maintainers' review. */
  readonly recorder: Recorder;
  /** App Home's "Catalogue health" for AUTHHELP_MAINTAINERS. */
  readonly health: CatalogueHealth;
  /** Channel ids the app may answer in on its own; empty: every channel it is in. */
  readonly channels: readonly string[];
  /** Installed into many workspaces: answers a request from one without an installation. */
  readonly notInstalled?: (error: Error, origin: Origin) => Promise<boolean>;
}

/** The Bolt app with every listener; runtime.ts builds its parts and runs it. */
export function createSlackApp(parts: SlackAppParts): App {
  const app = new App({
    receiver: parts.receiver,
    ...(parts.authorize === undefined ? {} : { authorize: parts.authorize }),
    logger: toBoltLogger(parts.logger),
    clientOptions: parts.clientOptions,
    extendedErrorHandler: true,
    // No listener reads conversation state; Bolt's default store costs a lookup per request.
    convoStore: false,
  });
  registerListeners(app, parts);
  // A listener throws only when its reply could not be kept (the store is down): the request is
  // not acked, so Slack shows an error or redelivers the event; nothing was promised.
  app.error(async (args: { error: Error; body?: unknown }) => {
    const origin = originOf(args.body);
    if ((await parts.notInstalled?.(args.error, origin)) === true) return;
    parts.logger.error(
      { ...logFieldsOf(origin), ...errorFields(args.error) },
      'request not acked: its reply could not be kept',
    );
    throw args.error;
  });
  return app;
}

/** Every listener of the app, in one list: the place to start reading. */
export function registerListeners(
  app: App,
  parts: Pick<SlackAppParts, 'services' | 'replies' | 'state' | 'channels' | 'recorder' | 'health'>,
): void {
  const { services, replies, state, recorder } = parts;
  registerCommand(app, services, replies, recorder);
  registerChannelReplies(app, services, replies, {
    channels: parts.channels,
    state: state.channel,
    recorder,
  });
  registerShortcut(app, services, replies, recorder);
  registerAnswerButtons(app, services, replies, recorder);
  registerHome(app, services, replies, parts.health);
  registerCheck(app, services, replies, state.check);
  registerInspector(app, services, replies);
  registerGuard(app, services, replies, state.guard);
}
