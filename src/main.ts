import { webApi } from '@slack/bolt';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from './adapters/knowledge.js';
import { createLogger } from './adapters/logger.js';
import { loadSlackConfig } from './config.js';
import { isAuthHelpError } from './core/errors.js';
import { createSlackApp, slackClientOptions } from './slack/app.js';
import { resolveBotIdentity } from './slack/bot-identity.js';
import { errorFields } from './slack/log-fields.js';
import { createServices } from './slack/services.js';

/** Composition root for the Slack app: config → catalogue → services → Bolt app. */
async function main(): Promise<void> {
  const config = loadSlackConfig(process.env);
  const logger = createLogger({ level: config.logLevel, name: 'authhelp-slack' });
  // The compiled snapshot when it matches the knowledge files, else the YAML (validated and indexed).
  const { catalogue, diagnoser } = await loadKnowledge(
    config.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR,
    {
      onStale: (message) => {
        logger.warn(message);
      },
    },
  );
  const identity = await resolveBotIdentity(
    new webApi.WebClient(config.botToken, slackClientOptions(config)),
    logger,
  );
  const app = createSlackApp({
    config,
    services: createServices({ catalogue, diagnoser, logger, policy: config.targetPolicy }),
    ...(identity === undefined ? {} : { identity }),
  });
  // A stray rejection is a bug to log, not a reason to drop every conversation in flight.
  process.on('unhandledRejection', (reason) => {
    logger.error(errorFields(reason), 'unhandled rejection');
  });
  await app.start(config.port);
  logger.info(
    {
      mode: config.socketMode ? 'socket' : 'http',
      port: config.port,
      entries: catalogue.size,
    },
    'authhelp Slack app running',
  );
  const stop = (): void => {
    app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

try {
  await main();
} catch (err) {
  // One line naming what to fix; no stack trace for configuration or catalogue mistakes.
  const message = isAuthHelpError(err)
    ? (err.message.split('\n')[0] ?? err.code)
    : err instanceof Error
      ? err.message
      : String(err);
  process.stderr.write(`authhelp: ${message}\n`);
  process.exit(1);
}
