import type { StoreConfig } from '../../config.js';
import { createSealer } from './sealing.js';
import { openSqliteStore, type SqliteStoreOptions } from './sqlite/store.js';
import type { Clock, Store } from './types.js';

export interface OpenStoreOptions {
  readonly now?: Clock;
  /** How long a claimed job stays invisible to other runners (longer than any one Slack call). */
  readonly leaseMs?: number;
  /** How often expired keys and old failed jobs are dropped; 0 turns the timer off. */
  readonly sweepEveryMs?: number;
  /**
   * Embedded store: how often a worker thread checkpoints the write-ahead log, off the event loop
   * (default 500 ms); 0 leaves it to SQLite inside the writes, for short commands.
   */
  readonly checkpointEveryMs?: number;
}

const DEFAULT_LEASE_MS = 60_000;
const KEEP_FAILED_MS = 7 * 24 * 60 * 60 * 1000;
const DEFAULT_CHECKPOINT_MS = 500;

/** Opens the configured back end and applies pending migrations; close it when done. */
export async function openStore(
  config: StoreConfig,
  options: OpenStoreOptions = {},
): Promise<Store> {
  const common = {
    sealer: createSealer(config.encryptionKeys),
    now: options.now ?? Date.now,
    leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
    keepFailedMs: KEEP_FAILED_MS,
    retentionDays: config.retentionDays,
  };
  return withSweeper(
    await openBackend(config, common, options.checkpointEveryMs),
    options.sweepEveryMs ?? 60_000,
  );
}

async function openBackend(
  config: StoreConfig,
  common: Omit<SqliteStoreOptions, 'dataDir'>,
  checkpointEveryMs: number | undefined,
): Promise<Store> {
  if (config.databaseUrl === undefined)
    return openSqliteStore({
      ...common,
      dataDir: config.dataDir,
      checkpointEveryMs: checkpointEveryMs ?? DEFAULT_CHECKPOINT_MS,
    });
  // Loaded only when used: pg and pg-boss would cost the embedded store start-up time and memory.
  const { openPostgresStore } = await import('./postgres/store.js');
  return openPostgresStore({ ...common, url: config.databaseUrl, schema: config.databaseSchema });
}

function withSweeper(store: Store, everyMs: number): Store {
  if (everyMs <= 0) return store;
  const timer = setInterval(() => {
    // A failed sweep is retried at the next tick; ping is what reports an unreachable store.
    store.sweep().catch(() => undefined);
  }, everyMs);
  timer.unref();
  return {
    ...store,
    close: () => {
      clearInterval(timer);
      return store.close();
    },
  };
}
