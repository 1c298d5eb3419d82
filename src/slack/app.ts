import {
  App,
  HTTPReceiver,
  SocketModeReceiver,
  type CustomRoute,
  type Receiver,
  type webApi,
} from '@slack/bolt';
import type { Logger } from '../adapters/logger.js';
import type { SlackConfig } from '../config.js';
import type { BotIdentity } from './bot-identity.js';
import { toBoltLogger } from './bolt-logger.js';
import { registerAnswerButtons } from './listeners/answer-buttons.js';
import { registerChannelReplies, type ChannelState } from './listeners/channel.js';
import { registerCheck, type CheckState } from './listeners/check.js';
import { registerCommand } from './listeners/command.js';
import { registerGuard, type GuardState } from './listeners/guard.js';
import { registerHome } from './listeners/home.js';
import { registerInspector } from './listeners/inspect.js';
import { registerShortcut } from './listeners/shortcut.js';
import { deliver, type SlackCalls } from './replies/delivery.js';
import { createFailureHandler } from './replies/failure.js';
import { originOf } from './replies/origin.js';
import { ReplyQueue, type Replies } from './replies/queue.js';
import type { Services } from './services.js';
import { createSlackFetch } from './slack-fetch.js';
import { memoryOnceKeys } from './state/once-keys.js';
import { memoryRateLimit } from './state/rate-limit.js';

export const EVENTS_PATH = '/slack/events';
const HEALTH_PATH = '/healthz';

/** A person is waiting on every call we make: fail within seconds, not the client's ~30 minutes. */
const USER_FACING_RETRIES: webApi.RetryOptions = {
  retries: 2,
  factor: 2,
  minTimeout: 200,
  maxTimeout: 1000,
};
const USER_FACING_TIMEOUT_MS = 5000;
/** Slack redelivers within minutes; an hour covers every retry. */
const DEDUPE_TTL_MS = 60 * 60 * 1000;

export type SlackAppConfig = Pick<
  SlackConfig,
  'botToken' | 'signingSecret' | 'appToken' | 'apiUrl' | 'port' | 'channels'
>;

/** What listeners remember between requests, each part behind its listener's own interface. */
export interface ListenerState {
  readonly channel: ChannelState;
  readonly check: CheckState;
  readonly guard: GuardState;
}

/** One process's memory; a shared store can provide the same interfaces for several instances. */
export function memoryListenerState(): ListenerState {
  return {
    channel: {
      seenEvents: memoryOnceKeys({ ttlMs: DEDUPE_TTL_MS }),
      answeredThreads: memoryOnceKeys({ ttlMs: DEDUPE_TTL_MS }),
    },
    check: { perUser: memoryRateLimit() },
    guard: { warnedEvents: memoryOnceKeys({ ttlMs: DEDUPE_TTL_MS }) },
  };
}

export interface SlackAppOptions {
  readonly config: SlackAppConfig;
  readonly services: Services;
  readonly state?: ListenerState;
  /** The bot's ids when already known (see `resolveBotIdentity`); Bolt then skips its auth.test. */
  readonly identity?: BotIdentity;
}

/** Web API client settings for every Slack call the app makes: base URL, short retries, timeouts. */
export function slackClientOptions(
  config: Pick<SlackAppConfig, 'apiUrl'>,
): webApi.WebClientOptions {
  return {
    ...(config.apiUrl === undefined ? {} : { slackApiUrl: withTrailingSlash(config.apiUrl) }),
    retryConfig: USER_FACING_RETRIES,
    // Timeouts live in the fetch function; a per-call AbortSignal would only add cost.
    timeout: 0,
    rejectRateLimitedCalls: true,
    fetch: createSlackFetch(USER_FACING_TIMEOUT_MS),
  };
}

/** The Bolt app: HTTP receiver on /slack/events (+ GET /healthz), or Socket Mode with an app token. */
export function createSlackApp(options: SlackAppOptions): App {
  const { config, services } = options;
  const clientOptions = slackClientOptions(config);
  const app = new App({
    token: config.botToken,
    ...(options.identity ?? {}),
    receiver: createReceiver(config, services.logger, clientOptions),
    logger: toBoltLogger(services.logger),
    clientOptions,
    extendedErrorHandler: true,
    // No listener reads conversation state; Bolt's default store costs a lookup per request.
    convoStore: false,
  });
  const slack: SlackCalls = {
    clientFor: () => Promise.resolve(app.client),
    fetch: clientOptions.fetch ?? createSlackFetch(USER_FACING_TIMEOUT_MS),
  };
  const onFailure = createFailureHandler({ logger: services.logger, slack });
  const replies = new ReplyQueue({
    send: (d, origin) => deliver(slack, d, origin.workspace),
    onFailure,
  });
  registerListeners(app, {
    services,
    replies,
    state: options.state ?? memoryListenerState(),
    channels: config.channels,
  });
  // extendedErrorHandler: Bolt passes the request body too, so the apology finds the person.
  app.error((args: { error: Error; body?: unknown }) => onFailure(args.error, originOf(args.body)));
  return app;
}

/** Every listener of the app, in one list: the place to start reading. */
export function registerListeners(
  app: App,
  parts: {
    services: Services;
    replies: Replies;
    state: ListenerState;
    channels: readonly string[];
  },
): void {
  const { services, replies, state } = parts;
  registerCommand(app, services, replies);
  registerChannelReplies(app, services, replies, {
    channels: parts.channels,
    state: state.channel,
  });
  registerShortcut(app, services, replies);
  registerAnswerButtons(app, services, replies);
  registerHome(app, services, replies);
  registerCheck(app, services, replies, state.check);
  registerInspector(app, services, replies);
  registerGuard(app, services, replies, state.guard);
}

function createReceiver(
  config: SlackAppConfig,
  logger: Logger,
  clientOptions: webApi.WebClientOptions,
): Receiver {
  const boltLogger = toBoltLogger(logger);
  const customRoutes = [healthRoute()];
  if (config.appToken !== undefined) {
    return new SocketModeReceiver({
      appToken: config.appToken,
      logger: boltLogger,
      customRoutes,
      installerOptions: { port: config.port, clientOptions },
    });
  }
  return new HTTPReceiver({
    signingSecret: config.signingSecret ?? '',
    endpoints: EVENTS_PATH,
    customRoutes,
    logger: boltLogger,
  });
}

function healthRoute(): CustomRoute {
  return {
    path: HEALTH_PATH,
    method: ['GET'],
    handler: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    },
  };
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
