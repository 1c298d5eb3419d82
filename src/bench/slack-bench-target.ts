import { App, HTTPReceiver, webApi } from '@slack/bolt';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pino } from 'pino';
import { loadCatalogue } from '../adapters/catalogue-files.js';
import { createLogger } from '../adapters/logger.js';
import { openStore } from '../adapters/store/open.js';
import { loadStoreConfig } from '../config.js';
import { createSlackApp } from '../slack/app.js';
import { deliver } from '../slack/replies/delivery.js';
import { createFailureHandler } from '../slack/replies/failure.js';
import { ReplyQueue } from '../slack/replies/queue.js';
import { slackClientOptions, startSlackRuntime } from '../slack/runtime.js';
import { listenerState } from '../slack/state/listener-state.js';
import { memoryKeyStore } from '../slack/state/memory-keys.js';
import { toBoltLogger } from '../slack/bolt-logger.js';
import { createCatalogueHealth } from '../slack/learning/health.js';
import { createRecorder } from '../slack/learning/recorder.js';
import { createServices } from '../slack/services.js';

/** The in-memory app records nothing: it stands for the app before the store. */
const noStore = () => Promise.resolve({ recorded: true, textKept: false } as const);
const noRecords = { readSince: () => Promise.resolve({ diagnoses: [], feedback: [] }) };

/**
 * One app under load, in a process of its own so the load generator does not share its event loop:
 * `sqlite` / `postgres` (the app as `npm start` runs it: replies kept in the store until Slack
 * confirms them), `memory` (the app before the store: replies queued in memory, as measured before)
 * or `bare` (Bolt with one command listener that only acks).
 * argv: <kind> <signingSecret> <slackApiUrl> [<store env as JSON>]; reports its port over IPC.
 */
async function startTarget(
  kind: string,
  signingSecret: string,
  apiUrl: string,
  storeEnv: Readonly<Record<string, string>>,
): Promise<number> {
  // Production log level (info), written nowhere, so logging cost is measured but output is not kept.
  const logger = createLogger({
    level: 'info',
    destination: pino.destination({ dest: '/dev/null', sync: false }),
  });
  if (kind === 'sqlite' || kind === 'postgres')
    return durableApp(signingSecret, apiUrl, logger, storeEnv);
  const app =
    kind === 'bare'
      ? bareApp(signingSecret, apiUrl, logger)
      : await memoryApp(signingSecret, apiUrl, logger);
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  return (server.address() as AddressInfo).port;
}

/** The runtime main.ts starts, with the store settings (and their defaults) of `storeEnv`. */
async function durableApp(
  signingSecret: string,
  apiUrl: string,
  logger: ReturnType<typeof createLogger>,
  storeEnv: Readonly<Record<string, string>>,
): Promise<number> {
  const storeConfig = loadStoreConfig(storeEnv);
  const store = await openStore(storeConfig);
  const catalogue = await loadCatalogue();
  const services = createServices({ catalogue, logger, policy: { allowLocalTargets: false } });
  const runtime = await startSlackRuntime({
    config: {
      ...storeConfig,
      botToken: 'xoxb-bench',
      install: undefined,
      signingSecret,
      appToken: undefined,
      apiUrl,
      port: 0,
      channels: [],
      maintainers: [],
      shutdownGraceMs: 2_000,
      jobAttemptTimeoutMs: 15_000,
    },
    services,
    store,
    logger,
    host: '127.0.0.1',
  });
  // As a load balancer would: no load before Slack has accepted the token.
  while (runtime.tokenCheck.status.state !== 'ok') await new Promise((r) => setTimeout(r, 20));
  process.once('SIGTERM', () => {
    void runtime
      .stop()
      .then(() => store.close())
      .finally(() => process.exit(0));
  });
  return runtime.port;
}

async function memoryApp(
  signingSecret: string,
  apiUrl: string,
  logger: ReturnType<typeof createLogger>,
): Promise<App> {
  const catalogue = await loadCatalogue();
  const services = createServices({ catalogue, logger, policy: { allowLocalTargets: false } });
  const clientOptions = slackClientOptions(apiUrl);
  const client = new webApi.WebClient('xoxb-bench', clientOptions);
  const slack = { clientFor: () => Promise.resolve(client), fetch: clientOptions.fetch ?? fetch };
  const keys = memoryKeyStore();
  return createSlackApp({
    receiver: new HTTPReceiver({ signingSecret, logger: toBoltLogger(logger) }),
    authorize: () => Promise.resolve({ botToken: 'xoxb-bench', botId: 'BBOT', botUserId: 'UBOT' }),
    clientOptions,
    logger,
    services,
    replies: new ReplyQueue({
      send: (d, origin) => deliver(slack, d, origin.workspace),
      onFailure: createFailureHandler({ logger, slack }),
      keys,
    }),
    state: listenerState(keys),
    channels: [],
    // No store here: records are templated and dropped, so their cost is still measured.
    recorder: createRecorder({
      log: { recordDiagnosis: noStore, recordFeedback: noStore },
      services,
      logger,
    }),
    health: createCatalogueHealth({ learning: noRecords, services, maintainers: [] }),
  });
}

function bareApp(
  signingSecret: string,
  apiUrl: string,
  logger: ReturnType<typeof createLogger>,
): App {
  const app = new App({
    token: 'xoxb-bench',
    receiver: new HTTPReceiver({ signingSecret, logger: toBoltLogger(logger) }),
    logger: toBoltLogger(logger),
    clientOptions: { slackApiUrl: apiUrl },
  });
  app.command('/authhelp', async ({ ack }) => {
    await ack();
  });
  return app;
}

/**
 * Asked over IPC between cells: CPU time used and the event loop's delay p99 since the last ask,
 * so a cell's cost per command is read apart from what other processes take from the machine.
 */
function answerProbes(): void {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let cpu = process.cpuUsage();
  process.on('message', (m) => {
    if ((m as { probe?: unknown }).probe !== true) return;
    const used = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    process.send?.({
      cpuMs: (used.user + used.system) / 1000,
      loopDelayP99Ms: delay.percentile(99) / 1e6,
    });
    delay.reset();
  });
}

const [kind, secret, apiUrl, storeEnv] = process.argv.slice(2);
if (
  kind !== undefined &&
  secret !== undefined &&
  apiUrl !== undefined &&
  process.send !== undefined
) {
  const env = JSON.parse(storeEnv ?? '{}') as Record<string, string>;
  const port = await startTarget(kind, secret, apiUrl, env);
  answerProbes();
  process.send({ port });
}
