import { readKnowledgeSync } from '../adapters/knowledge.js';
import { watchDirectory } from '../adapters/knowledge-watch.js';
import type { Logger } from '../adapters/logger.js';
import { watchReloadRequests } from '../adapters/reload-requests.js';
import type { KeyStore } from '../adapters/store/types.js';
import type { KnowledgeSource } from '../core/catalogue/load.js';
import { catalogueVersion } from '../core/learning/catalogue-version.js';
import { createDiagnoser } from '../core/matching/diagnose.js';
import { errorFields } from './log-fields.js';
import type { Services } from './services.js';

/** What asked for a reload, for the log line. */
export type ReloadTrigger = 'watch' | 'SIGHUP' | 'request';

export type ReloadOutcome =
  | { readonly kind: 'reloaded'; readonly version: string; readonly previous: string }
  | { readonly kind: 'unchanged'; readonly version: string }
  /** Invalid or unreadable: the running catalogue (`version`) stays in place. */
  | { readonly kind: 'refused'; readonly version: string; readonly problems: readonly string[] };

export interface Reloader {
  /** Reads, validates and swaps in the knowledge directory; calls made meanwhile share one rerun. */
  readonly reload: (trigger: ReloadTrigger) => Promise<ReloadOutcome>;
}

export interface ReloaderParts {
  readonly dir: string;
  readonly services: Pick<Services, 'knowledge' | 'replaceKnowledge'>;
  readonly logger: Logger;
  /** Reads the directory's knowledge files (tests pass a failing one). */
  readonly read?: (dir: string) => KnowledgeSource[];
}

/** Problems listed in one refusal's log line; the rest are counted. */
const MAX_LOGGED_PROBLEMS = 50;

/**
 * Reloads the catalogue without a restart: the files are read once, checked with exactly the
 * validation of `authhelp lint`, built and indexed, then swapped in whole. An invalid catalogue is
 * refused with the lint messages in the log, and the running one keeps answering.
 */
function createReloader(parts: ReloaderParts): Reloader {
  let running: Promise<ReloadOutcome> | undefined;
  let rerun: Promise<ReloadOutcome> | undefined;
  const reload = (trigger: ReloadTrigger): Promise<ReloadOutcome> => {
    // A change seen while reading may be missed by that read: one more run after it covers it.
    if (running !== undefined) {
      const after = running;
      return (rerun ??= after.then(() => {
        rerun = undefined;
        return reload(trigger);
      }));
    }
    const run = Promise.resolve().then(() => reloadOnce(parts, trigger));
    running = run.finally(() => {
      running = undefined;
    });
    return running;
  };
  return { reload };
}

async function reloadOnce(parts: ReloaderParts, trigger: ReloadTrigger): Promise<ReloadOutcome> {
  const { dir, services, logger } = parts;
  const started = performance.now();
  const kept = services.knowledge().version();
  let sources: KnowledgeSource[];
  try {
    sources = (parts.read ?? readKnowledgeSync)(dir);
  } catch (err) {
    logger.error(
      { trigger, dir, kept, ...errorFields(err) },
      'catalogue reload refused: cannot read the knowledge directory; the running catalogue is kept',
    );
    return { kind: 'refused', version: kept, problems: [] };
  }
  // The YAML parser and the schema load only when a reload happens.
  const { buildCatalogue, formatProblem, lintKnowledge } =
    await import('../core/catalogue/load.js');
  const problems = lintKnowledge(sources).map(formatProblem);
  if (problems.length > 0) {
    logger.error(
      {
        trigger,
        dir,
        kept,
        problemCount: problems.length,
        problems: problems.slice(0, MAX_LOGGED_PROBLEMS),
      },
      'catalogue reload refused: authhelp lint finds problems; the running catalogue is kept',
    );
    return { kind: 'refused', version: kept, problems };
  }
  const catalogue = buildCatalogue(sources);
  const version = catalogueVersion(catalogue);
  if (version === kept) {
    logger.info({ trigger, dir, version }, 'catalogue reload: unchanged');
    return { kind: 'unchanged', version };
  }
  services.replaceKnowledge(catalogue, createDiagnoser(catalogue));
  const ms = Math.round(performance.now() - started);
  logger.info(
    { trigger, dir, version, previous: kept, entries: catalogue.size, ms },
    'catalogue reloaded',
  );
  return { kind: 'reloaded', version, previous: kept };
}

export interface ReloadingParts extends ReloaderParts {
  /** The store's keys, where `authhelp reload` leaves its request (see reload-requests.ts). */
  readonly keys: KeyStore;
  /** Watch the directory (AUTHHELP_WATCH_KNOWLEDGE, on by default). */
  readonly watch: boolean;
  readonly pollMs?: number;
  readonly debounceMs?: number;
}

export interface Reloading extends Reloader {
  stop(): void;
}

/**
 * Every way a running app learns of a changed catalogue, but SIGHUP (main.ts owns signals): the
 * directory watch, and reload requests left in the store by `authhelp reload`.
 */
export async function startReloading(parts: ReloadingParts): Promise<Reloading> {
  const { logger, dir } = parts;
  const reloader = createReloader(parts);
  const run = (trigger: ReloadTrigger): void => {
    reloader.reload(trigger).catch((err: unknown) => {
      logger.error({ trigger, dir, ...errorFields(err) }, 'catalogue reload failed');
    });
  };
  const requests = await watchReloadRequests(
    parts.keys,
    () => {
      run('request');
    },
    {
      ...(parts.pollMs === undefined ? {} : { pollMs: parts.pollMs }),
      onError: (err) => {
        logger.warn(errorFields(err), 'could not look for reload requests in the store');
      },
    },
  );
  let watcher: { close(): void } | undefined;
  if (parts.watch) {
    try {
      watcher = watchDirectory(
        dir,
        () => {
          run('watch');
        },
        {
          ...(parts.debounceMs === undefined ? {} : { debounceMs: parts.debounceMs }),
          onError: (err) => {
            logger.warn(
              { dir, ...errorFields(err) },
              'knowledge watch stopped; reload with SIGHUP or authhelp reload',
            );
          },
        },
      );
    } catch (err) {
      logger.warn(
        { dir, ...errorFields(err) },
        'cannot watch the knowledge directory; reload with SIGHUP or authhelp reload',
      );
    }
  }
  return {
    reload: reloader.reload,
    stop() {
      requests.stop();
      watcher?.close();
    },
  };
}
