import pg from 'pg';
import PgBoss from 'pg-boss';
import { AuthHelpError } from '../../../core/errors.js';
import { sqlInstallationStore } from '../installations.js';
import { pendingMigrations } from '../migrations.js';
import { sqlKeyStore, sweepKeys } from '../key-store.js';
import { sqlLearningStore, sweepLearning } from '../learning.js';
import type { Sealer } from '../sealing.js';
import { numberPlaceholders, type Sql } from '../sql.js';
import type { Clock, Store } from '../types.js';
import { JOB_QUEUE, pgBossJobQueue, type InTransaction } from './jobs.js';
import { POSTGRES_MIGRATIONS } from './schema.js';

export interface PostgresStoreOptions {
  readonly url: string;
  /** Schema for authhelp's tables; pg-boss gets `<schema>_jobs`. */
  readonly schema: string;
  readonly sealer: Sealer;
  readonly now: Clock;
  readonly leaseMs: number;
  readonly keepFailedMs: number;
  /** AUTHHELP_RETENTION_DAYS: how long masked pastes are kept (0: never stored). */
  readonly retentionDays: number;
  /** Connections per instance for work after the acks (sending replies, records, upkeep). */
  readonly poolSize?: number;
  /** Connections per instance kept for the new jobs an ack waits for (and installations). */
  readonly ackPoolSize?: number;
  /** Connections per instance kept for the keys an ack claims. */
  readonly keyPoolSize?: number;
}

/** The three pools of one instance; see openPostgresStore. */
interface Pools {
  /** After the acks: pg-boss (claims, completions, retries, upkeep), records, sweeps. */
  readonly pool: pg.Pool;
  /** The jobs an ack owes, and installations: each commit waits for the WAL to reach disk. */
  readonly ackPool: pg.Pool;
  /** The keys an ack claims. */
  readonly keyPool: pg.Pool;
}

/**
 * PostgreSQL shared by every instance: authhelp's tables plus a pg-boss queue. What an ack waits
 * for (claiming a key, writing the job it owes) has pools of its own, so it never queues behind the
 * replies being sent and the records being written, which under load held 20 queries waiting on
 * average.
 *
 * Only what must survive a crash of the database server waits for its commit to reach disk: a new
 * job (durable before the ack) and an installation. Everything else commits with
 * `synchronous_commit = off`: at once visible to every instance, atomic, and lost only if the server
 * itself crashes within a fraction of a second (wal_writer_delay). Losing those is safe: a claim,
 * completion or retry of a job rolls back to a job that is sent again (delivery is at least once);
 * a key claimed before a job is written is flushed with that job's commit, which comes later in the
 * log; a record is only a record. Every commit waiting for its own flush queued the acks' job
 * inserts behind the replies' bookkeeping on one disk.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const location = describeUrl(options.url, options.schema);
  const pools: Pools = {
    pool: newPool(options, options.poolSize ?? 10, { waitForDisk: false }),
    ackPool: newPool(options, options.ackPoolSize ?? 4, { waitForDisk: true }),
    keyPool: newPool(options, options.keyPoolSize ?? 3, { waitForDisk: false }),
  };
  try {
    const migrated = await migrate(pools.ackPool, options.schema);
    const boss = await startBoss(pools.pool, options);
    return assemble(pools, boss, migrated, location, options);
  } catch (err) {
    await endPools(pools);
    throw unavailable(err, location);
  }
}

async function endPools(pools: Pools): Promise<void> {
  await Promise.all(Object.values(pools).map((p: pg.Pool) => p.end().catch(() => undefined)));
}

function newPool(
  options: PostgresStoreOptions,
  max: number,
  { waitForDisk }: { waitForDisk: boolean },
): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max,
    connectionTimeoutMillis: 5_000,
    application_name: 'authhelp',
    options: `-c search_path=${options.schema}${waitForDisk ? '' : ' -c synchronous_commit=off'}`,
  });
  // An idle connection dropped by the server is replaced on next use; ping reports outages.
  pool.on('error', () => undefined);
  return pool;
}

function assemble(
  pools: Pools,
  boss: PgBoss,
  migrated: string[],
  location: string,
  options: PostgresStoreOptions,
): Store {
  const { pool, ackPool, keyPool } = pools;
  const sql = postgresSql(pool);
  const ackDb: PgBoss.Db = { executeSql: (text, values) => ackPool.query(text, values) };
  return {
    backend: 'postgres',
    location,
    keys: sqlKeyStore(postgresSql(keyPool), options.now),
    jobs: pgBossJobQueue(boss, transaction(pool), options.leaseMs, ackDb),
    installations: sqlInstallationStore(postgresSql(ackPool), options.sealer, options.now),
    learning: sqlLearningStore(sql, options.now, options.retentionDays),
    migrated,
    async ping() {
      const started = performance.now();
      try {
        await pool.query('SELECT 1');
        return { ok: true, ms: performance.now() - started };
      } catch (err) {
        return { ok: false, reason: `postgres ${location}: ${errorText(err)}` };
      }
    },
    async sweep() {
      const t = options.now();
      await sweepKeys(sql, t);
      await sweepLearning(sql, t, options.retentionDays);
    },
    async close() {
      await boss.stop({ graceful: false, close: false });
      await Promise.all([pool.end(), ackPool.end(), keyPool.end()]);
    },
  };
}

async function startBoss(pool: pg.Pool, options: PostgresStoreOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    schema: `${options.schema}_jobs`,
    migrate: true,
    supervise: true,
    schedule: false,
    maintenanceIntervalSeconds: 60,
    archiveFailedAfterSeconds: Math.max(60, Math.round(options.keepFailedMs / 1000)),
  });
  // Maintenance errors (a lost connection) must not become an unhandled 'error' event.
  boss.on('error', () => undefined);
  await boss.start();
  await boss.createQueue(JOB_QUEUE, { name: JOB_QUEUE, policy: 'standard' });
  return boss;
}

/** Applies pending migrations under an advisory lock, so instances starting together take turns. */
async function migrate(pool: pg.Pool, schema: string): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `authhelp-migrate/${schema}`,
    ]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)`,
    );
    const done = new Set(
      (
        await client.query<{ name: string }>(`SELECT name FROM ${schema}.schema_migrations`)
      ).rows.map((r) => r.name),
    );
    for (const m of pendingMigrations(done, POSTGRES_MIGRATIONS)) {
      await client.query(m.sql);
      await client.query(
        `INSERT INTO ${schema}.schema_migrations (name, applied_at) VALUES ($1, $2)`,
        [m.name, Date.now()],
      );
      applied.push(m.name);
    }
    await client.query('COMMIT');
    return applied;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

function transaction(pool: pg.Pool): InTransaction {
  return async (work) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const commit = await work({ executeSql: (text, values) => client.query(text, values) });
      await client.query(commit ? 'COMMIT' : 'ROLLBACK');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };
}

function postgresSql(pool: pg.Pool): Sql {
  return {
    dialect: 'postgres',
    async all<R extends object>(text: string, params: readonly unknown[] = []) {
      const result = await pool.query(numberPlaceholders(text), [...params]);
      return result.rows as R[];
    },
  };
}

/** host:port/database (schema …): what an operator needs, without the password. */
function describeUrl(url: string, schema: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port === '' ? '5432' : u.port}${u.pathname} (schema ${schema})`;
  } catch {
    return `(unparsable DATABASE_URL) (schema ${schema})`;
  }
}

function unavailable(err: unknown, location: string): AuthHelpError {
  if (err instanceof AuthHelpError) return err;
  return new AuthHelpError(
    'STORE_UNAVAILABLE',
    `cannot use PostgreSQL at ${location}: ${errorText(err)}`,
    { cause: err },
  );
}

function errorText(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown } | null;
  const message = typeof e?.message === 'string' ? e.message.split('\n')[0] : String(err);
  return typeof e?.code === 'string' && message !== undefined && !message.includes(e.code)
    ? `${message} (${e.code})`
    : (message ?? String(err));
}
