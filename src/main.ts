import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from './adapters/knowledge.js';
import { createLogger, type Logger } from './adapters/logger.js';
import { openStore } from './adapters/store/open.js';
import { loadSlackConfig, loadStoreConfig } from './config.js';
import { isAuthHelpError } from './core/errors.js';
import { errorFields } from './slack/log-fields.js';
import { startSlackRuntime } from './slack/runtime.js';
import { createServices } from './slack/services.js';

const NAME = 'authhelp-slack';

/**
 * Composition root for the Slack app: config → store → catalogue → services → runtime. Run it as
 * `node dist/main.js` (or `exec` it from a script) so SIGTERM reaches this process: see README.
 */
async function main(): Promise<void> {
  const config = loadSlackConfig(process.env);
  const storeConfig = loadStoreConfig(process.env);
  const logger = createLogger({ level: config.logLevel, name: NAME });
  jsonWarnings(logger);
  const store = await openStore(storeConfig, { leaseMs: config.jobLeaseMs });
  logger.info(
    { backend: store.backend, location: store.location, migrated: store.migrated },
    'store open',
  );
  const knowledgeDir = config.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR;
  // The compiled snapshot when it matches the knowledge files, else the YAML (validated and indexed).
  const { catalogue, diagnoser } = await loadKnowledge(knowledgeDir, {
    onStale: (message) => {
      logger.warn({}, message);
    },
  });
  const services = createServices({ catalogue, diagnoser, logger, policy: config.targetPolicy });
  // A stray rejection is a bug to log, not a reason to drop every conversation in flight.
  process.on('unhandledRejection', (reason) => {
    logger.error(errorFields(reason), 'unhandled rejection');
  });
  const runtime = await startSlackRuntime({
    config: { ...config, ...storeConfig },
    services,
    store,
    logger,
    reload: { dir: knowledgeDir, watch: config.watchKnowledge },
  });
  // `kill -HUP <pid>`: re-read the knowledge directory (validated; an invalid one is refused).
  process.on('SIGHUP', () => {
    runtime.reload?.('SIGHUP').catch((err: unknown) => {
      logger.error(errorFields(err), 'catalogue reload failed');
    });
  });
  logger.info(
    {
      mode: config.socketMode ? 'socket' : 'http',
      workspaces: config.install === undefined ? 'one' : 'many',
      port: runtime.port,
      entries: catalogue.size,
      catalogue: services.knowledge().version(),
    },
    'authhelp Slack app running',
  );
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting at once; unsent replies stay in the store');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, graceMs: config.shutdownGraceMs }, 'stopping');
    runtime
      .stop()
      .then(() => store.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error(errorFields(err), 'stop failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** Node's own warnings as JSON lines too, like every other line the app writes. */
function jsonWarnings(logger: Logger): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    logger.warn(
      { warning: warning.name, code: (warning as { code?: string }).code },
      warning.message,
    );
  });
}

try {
  await main();
} catch (err) {
  // One JSON line naming what to fix; no stack trace for configuration, store or catalogue mistakes.
  const message = isAuthHelpError(err)
    ? (err.message.split('\n')[0] ?? err.code)
    : err instanceof Error
      ? err.message
      : String(err);
  createLogger({ name: NAME }).error(
    isAuthHelpError(err) ? { code: err.code } : errorFields(err),
    `authhelp: ${message}`,
  );
  process.exit(1);
}
