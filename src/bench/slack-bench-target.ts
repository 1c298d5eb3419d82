import { App, HTTPReceiver, webApi } from '@slack/bolt';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { loadCatalogue } from '../adapters/catalogue-files.js';
import { createLogger } from '../adapters/logger.js';
import { createSlackApp } from '../slack/app.js';
import { deliver } from '../slack/replies/delivery.js';
import { createFailureHandler } from '../slack/replies/failure.js';
import { ReplyQueue } from '../slack/replies/queue.js';
import { slackClientOptions } from '../slack/runtime.js';
import { listenerState } from '../slack/state/listener-state.js';
import { memoryKeyStore } from '../slack/state/memory-keys.js';
import { toBoltLogger } from '../slack/bolt-logger.js';
import { createServices } from '../slack/services.js';

/**
 * One app under load, in a process of its own so the load generator does not share its event loop:
 * `authhelp` (the real app) or `bare` (Bolt with one command listener that only acks).
 * argv: <authhelp|bare> <signingSecret> <slackApiUrl>; reports its port over IPC.
 */
export async function startTarget(
  kind: string,
  signingSecret: string,
  apiUrl: string,
): Promise<number> {
  // Production log level (info), written nowhere, so logging cost is measured but output is not kept.
  const logger = createLogger({
    level: 'info',
    destination: pino.destination({ dest: '/dev/null', sync: false }),
  });
  const app =
    kind === 'bare'
      ? bareApp(signingSecret, apiUrl, logger)
      : await authhelpApp(signingSecret, apiUrl, logger);
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  return (server.address() as AddressInfo).port;
}

async function authhelpApp(
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

const [kind, secret, apiUrl] = process.argv.slice(2);
if (
  kind !== undefined &&
  secret !== undefined &&
  apiUrl !== undefined &&
  process.send !== undefined
) {
  const port = await startTarget(kind, secret, apiUrl);
  process.send({ port });
}
