import {
  App,
  HTTPReceiver,
  SocketModeReceiver,
  type CustomRoute,
  type Receiver,
} from '@slack/bolt';
import type { RetryOptions, WebClientOptions } from '@slack/web-api';
import type { Logger } from '../adapters/logger.js';
import type { Catalogue } from '../core/catalogue/catalogue.js';
import type { Diagnoser } from '../core/matching/types.js';
import type { SlackConfig } from '../config.js';
import type { ButtonSpec } from './blocks/limits.js';
import { AfterAck } from './after-ack.js';
import type { BotIdentity } from './bot-identity.js';
import { toBoltLogger } from './bolt-logger.js';
import { TtlSet } from './dedupe.js';
import type { Feedback, SlackDeps } from './deps.js';
import { createErrorHandler } from './error-handler.js';
import { createSlackFetch } from './slack-fetch.js';
import { registerListeners, type RegisterListeners } from './listeners/index.js';
import { openCheckModal, type OpenCheckModal } from './open-check-modal.js';

export const EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/healthz';

/** A person is waiting on every call we make: fail within seconds, not the client's ~30 minutes. */
export const USER_FACING_RETRIES: RetryOptions = {
  retries: 2,
  factor: 2,
  minTimeout: 200,
  maxTimeout: 1000,
};
export const USER_FACING_TIMEOUT_MS = 5000;
/** Slack redelivers within minutes; an hour covers every retry. */
const DEDUPE_TTL_MS = 60 * 60 * 1000;

export type SlackAppConfig = Pick<
  SlackConfig,
  'botToken' | 'signingSecret' | 'appToken' | 'apiUrl' | 'port' | 'channels'
>;

export interface SlackAppOptions {
  readonly config: SlackAppConfig;
  readonly catalogue: Catalogue;
  readonly diagnoser: Diagnoser;
  readonly logger: Logger;
  readonly openCheckModal?: OpenCheckModal;
  readonly recordFeedback?: (feedback: Feedback) => void;
  readonly homeButtons?: readonly ButtonSpec[];
  /** Extra surfaces (token inspector, credential guard) registered after the core ones. */
  readonly listeners?: readonly RegisterListeners[];
  /** The bot's ids when already known (see `resolveBotIdentity`); Bolt then skips its auth.test. */
  readonly identity?: BotIdentity;
}

/** Web API client settings for every Slack call the app makes: base URL, short retries, timeouts. */
export function slackClientOptions(config: Pick<SlackAppConfig, 'apiUrl'>): WebClientOptions {
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
  const { config, logger } = options;
  // Also bounds respond() (response_url), which Bolt sends with the same fetch.
  const clientOptions = slackClientOptions(config);
  const fetchFn = clientOptions.fetch ?? createSlackFetch(USER_FACING_TIMEOUT_MS);
  const app = new App({
    token: config.botToken,
    ...(options.identity ?? {}),
    receiver: createReceiver(config, logger, clientOptions),
    logger: toBoltLogger(logger),
    clientOptions,
    extendedErrorHandler: true,
    // No listener reads conversation state; Bolt's default store costs a lookup per request.
    convoStore: false,
  });
  const onError = createErrorHandler({ logger, client: app.client, fetch: fetchFn });
  const deps: SlackDeps = {
    catalogue: options.catalogue,
    diagnoser: options.diagnoser,
    logger,
    channels: config.channels,
    openCheckModal: options.openCheckModal ?? openCheckModal,
    recordFeedback:
      options.recordFeedback ??
      ((feedback) => {
        logger.info({ ...feedback }, 'feedback');
      }),
    homeButtons: options.homeButtons ?? [],
    seenEvents: new TtlSet({ ttlMs: DEDUPE_TTL_MS }),
    answeredThreads: new TtlSet({ ttlMs: DEDUPE_TTL_MS }),
    afterAck: new AfterAck(onError),
  };
  registerListeners(app, deps, options.listeners);
  app.error(onError);
  return app;
}

function createReceiver(
  config: SlackAppConfig,
  logger: Logger,
  clientOptions: WebClientOptions,
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
