import {
  SocketModeReceiver,
  webApi,
  type App,
  type CustomRoute,
  type SocketModeReceiverOptions,
} from '@slack/bolt';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../adapters/logger.js';
import { JobRunner, type StopResult } from '../adapters/store/jobs/runner.js';
import { createSealer } from '../adapters/store/sealing.js';
import type { Store } from '../adapters/store/types.js';
import type { SlackConfig, StoreConfig } from '../config.js';
import { AuthHelpError } from '../core/errors.js';
import { createSlackApp } from './app.js';
import { BotTokenCheck } from './auth/bot-token.js';
import { toBoltLogger } from './bolt-logger.js';
import { installMode } from './install/mode.js';
import { GuardedReceiver } from './receiver/guarded-receiver.js';
import { healthRoutes, type ReadinessCheck } from './receiver/health.js';
import type { SlackCalls } from './replies/delivery.js';
import type { Origin } from './replies/origin.js';
import { DurableReplies } from './replies/durable.js';
import { owed } from './replies/owed.js';
import { slackJobCodec } from './replies/job-codec.js';
import { onRunnerEvent, slackJobHandler, type SendJobDeps } from './replies/send-job.js';
import { createCatalogueHealth } from './learning/health.js';
import { createRecorder } from './learning/recorder.js';
import { startReloading, type Reloader, type ReloadingParts } from './reload.js';
import type { Services } from './services.js';
import { createSlackFetch } from './slack-fetch.js';
import { listenerState } from './state/listener-state.js';
import { KEY } from './state/namespaces.js';
import { storeOnceKeys } from './state/store-state.js';

/** One Slack call's time limit; the job runner retries, so no client-side retries. */
const CALL_TIMEOUT_MS = 5_000;

export type RuntimeConfig = Pick<
  SlackConfig,
  | 'botToken'
  | 'install'
  | 'signingSecret'
  | 'appToken'
  | 'apiUrl'
  | 'port'
  | 'channels'
  | 'shutdownGraceMs'
  | 'maintainers'
  | 'jobAttemptTimeoutMs'
> &
  Pick<StoreConfig, 'encryptionKeys' | 'jobConcurrency' | 'channelConcurrency'>;

export interface RuntimeParts {
  readonly config: RuntimeConfig;
  readonly services: Services;
  readonly store: Store;
  readonly logger: Logger;
  /** Loopback in tests; all interfaces by default. */
  readonly host?: string;
  /**
   * Reload the catalogue from this directory when it changes (with `watch`) or when `authhelp
   * reload` asks through the store; left out, the catalogue is fixed for the process's life.
   */
  readonly reload?: Pick<ReloadingParts, 'dir' | 'watch' | 'pollMs' | 'debounceMs'>;
  /** Test knobs: how often the runner looks for due replies, how the token is re-checked. */
  readonly tuning?: {
    readonly pollMs?: number;
    readonly attemptTimeoutMs?: number;
    readonly tokenRetryMs?: number;
    readonly checkFallbackMs?: number;
  };
}

export interface SlackRuntime {
  readonly app: App;
  /** Where it listens (HTTP mode, or Socket Mode's health port). */
  readonly port: number;
  readonly tokenCheck: BotTokenCheck;
  /** Reloads the catalogue now (SIGHUP); undefined when `reload` was not configured. */
  readonly reload: Reloader['reload'] | undefined;
  /**
   * Stops accepting requests, waits for connection tests under way and replies being sent, and
   * hands back to the store whatever is not sent within `graceMs`.
   */
  stop(graceMs?: number): Promise<StopResult & { readonly left: number }>;
}

/** Web API client settings for every Slack call: base URL, one try per call, a 5 s limit. */
export function slackClientOptions(
  apiUrl: string | undefined,
  logger?: Logger,
): webApi.WebClientOptions {
  return {
    // The client's own warnings as our JSON lines, not its console output.
    ...(logger === undefined ? {} : { logger: toBoltLogger(logger) }),
    ...(apiUrl === undefined ? {} : { slackApiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/` }),
    // The job runner retries with backoff up to the reply's deadline; one try per call here.
    retryConfig: { retries: 0 },
    timeout: 0,
    rejectRateLimitedCalls: true,
    fetch: createSlackFetch(CALL_TIMEOUT_MS),
  };
}

/**
 * The Slack app as it runs: the store-backed replies and their runner, the bot token check, the
 * guarded receiver with /healthz and /readyz, and an orderly stop. main.ts and the tests start it
 * the same way.
 */
export async function startSlackRuntime(parts: RuntimeParts): Promise<SlackRuntime> {
  const { config, store, logger, services } = parts;
  const clientOptions = slackClientOptions(config.apiUrl, logger);
  const client = new webApi.WebClient(config.botToken, clientOptions);
  // Installed into many workspaces (config.install), each request and reply uses its own token.
  const install = installMode(config.install, {
    installations: store.installations,
    clientOptions,
    apiUrl: config.apiUrl,
    logger,
  });
  const tokenCheck = new BotTokenCheck({
    client,
    logger,
    ...(parts.tuning?.tokenRetryMs === undefined
      ? {}
      : { minDelayMs: parts.tuning.tokenRetryMs, maxDelayMs: parts.tuning.tokenRetryMs * 4 }),
  });
  let stopping = false;
  const readiness: ReadinessCheck[] = [
    () => Promise.resolve(stopping ? 'shutting down' : undefined),
    async () => {
      const ping = await store.ping();
      return ping.ok ? undefined : `store unreachable: ${ping.reason}`;
    },
    () => Promise.resolve(install === undefined ? tokenCheck.problem() : undefined),
  ];
  const routes = healthRoutes(readiness);
  const receiver =
    config.appToken === undefined
      ? new GuardedReceiver({
          signingSecret: config.signingSecret ?? '',
          logger,
          seen: storeOnceKeys(store.keys, KEY.replay.namespace, KEY.replay.ttlMs),
          routes,
          ...(install === undefined ? {} : { installer: install.receiverOptions }),
        })
      : new SocketModeReceiver({
          appToken: config.appToken,
          logger: toBoltLogger(logger),
          customRoutes: Object.entries(routes).map(([path, handler]): CustomRoute => ({
            path,
            method: ['GET'],
            handler,
          })),
          ...install?.receiverOptions,
          // Socket Mode serves /healthz and the install pages on its own HTTP server on PORT.
          installerOptions: {
            ...(install?.receiverOptions
              .installerOptions as SocketModeReceiverOptions['installerOptions']),
            port: config.port,
            clientOptions,
          },
        });
  // One token answers every workspace; installs to many look each one's token up when sending.
  const slack: SlackCalls = {
    clientFor: install?.clients(receiver) ?? (() => Promise.resolve(client)),
    fetch: clientOptions.fetch ?? createSlackFetch(CALL_TIMEOUT_MS),
  };
  const codec = slackJobCodec(createSealer(config.encryptionKeys));
  const replies = new DurableReplies({ jobs: store.jobs, keys: store.keys, codec, slack, logger });
  const recorder = createRecorder({ log: store.learning, services, logger });
  const app = createSlackApp({
    receiver,
    ...(install === undefined
      ? { authorize: tokenCheck.authorize(oneToken(config.botToken)) }
      : {}),
    clientOptions,
    logger,
    services,
    replies,
    state: listenerState(store.keys, {
      ...(parts.tuning?.checkFallbackMs === undefined
        ? {}
        : { checkFallbackMs: parts.tuning.checkFallbackMs }),
    }),
    channels: config.channels,
    recorder,
    health: createCatalogueHealth({
      learning: store.learning,
      services,
      maintainers: config.maintainers,
    }),
    ...(install === undefined
      ? {}
      : {
          notInstalled: (error: Error, origin: Origin) =>
            install.notInstalled(error, origin, (o, delivery) =>
              replies.keep(o, [owed(delivery)], []),
            ),
        }),
  });
  install?.register(app);
  const jobDeps: SendJobDeps = {
    slack,
    keys: store.keys,
    codec,
    replies,
    logger,
    onTokenRefused: (slackError) => {
      tokenCheck.refused(slackError);
    },
  };
  const runner = new JobRunner({
    queue: store.jobs,
    handler: slackJobHandler(jobDeps),
    concurrency: config.jobConcurrency,
    channelConcurrency: config.channelConcurrency,
    onEvent: onRunnerEvent(jobDeps),
    ...(parts.tuning?.pollMs === undefined ? {} : { pollMs: parts.tuning.pollMs }),
    attemptTimeoutMs: parts.tuning?.attemptTimeoutMs ?? config.jobAttemptTimeoutMs,
  });
  if (install === undefined) tokenCheck.start();
  runner.start();
  const reloading =
    parts.reload === undefined
      ? undefined
      : await startReloading({ ...parts.reload, services, logger, keys: store.keys });
  const server = (await (receiver instanceof GuardedReceiver
    ? app.start({ port: config.port, ...(parts.host === undefined ? {} : { host: parts.host }) })
    : app.start())) as Server | undefined;
  const port = (server?.address() as AddressInfo | null)?.port ?? config.port;
  return {
    app,
    port,
    tokenCheck,
    reload: reloading?.reload,
    async stop(graceMs = config.shutdownGraceMs) {
      const deadline = Date.now() + graceMs;
      const remaining = () => Math.max(0, deadline - Date.now());
      stopping = true;
      reloading?.stop();
      await (receiver instanceof GuardedReceiver
        ? receiver.stop(Math.min(remaining(), 5_000))
        : app.stop());
      const rendering = await replies.settle(remaining());
      await recorder.settle(Math.min(remaining(), 2_000));
      const result = await runner.stop(Math.max(0, remaining() - 500));
      tokenCheck.stop();
      const left = await store.jobs
        .stats()
        .then((s) => s.queued + s.active)
        .catch(() => -1);
      logger.info(
        { sent: result.sent, handedBack: result.handedBack, left, unfinishedChecks: rendering },
        'stopped: replies sent, and left in the store for the next instance',
      );
      return { ...result, left };
    },
  };
}

/** The one workspace's token; the configuration guarantees it when not installing into many. */
function oneToken(botToken: string | undefined): string {
  if (botToken === undefined)
    throw new AuthHelpError('CONFIG_INVALID', 'SLACK_BOT_TOKEN is not set (nor SLACK_CLIENT_ID)');
  return botToken;
}
