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
  /** Connections per instance kept for what an ack waits for: keys and new jobs. */
  readonly ackPoolSize?: number;
}

/**
 * PostgreSQL shared by every instance: authhelp's tables plus a pg-boss queue. Two pools: what an
 * ack waits for (claiming a key, writing the job it owes) never queues behind the replies being
 * sent and the records being written, which under load held 20 queries waiting on average.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const location = describeUrl(options.url, options.schema);
  const pool = newPool(options, options.poolSize ?? 10);
  const ackPool = newPool(options, options.ackPoolSize ?? 6);
  try {
    const migrated = await migrate(pool, options.schema);
    const boss = await startBoss(pool, options);
    return assemble({ pool, ackPool }, boss, migrated, location, options);
  } catch (err) {
    await pool.end().catch(() => undefined);
    await ackPool.end().catch(() => undefined);
    throw unavailable(err, location);
  }
}

function newPool(options: PostgresStoreOptions, max: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max,
    connectionTimeoutMillis: 5_000,
    application_name: 'authhelp',
    options: `-c search_path=${options.schema}`,
  });
  // An idle connection dropped by the server is replaced on next use; ping reports outages.
  pool.on('error', () => undefined);
  return pool;
}

function assemble(
  { pool, ackPool }: { pool: pg.Pool; ackPool: pg.Pool },
  boss: PgBoss,
  migrated: string[],
  location: string,
  options: PostgresStoreOptions,
): Store {
  const sql = postgresSql(pool);
  const ackDb: PgBoss.Db = { executeSql: (text, values) => ackPool.query(text, values) };
  return {
    backend: 'postgres',
    location,
    keys: sqlKeyStore(postgresSql(ackPool), options.now),
    jobs: pgBossJobQueue(boss, transaction(pool), options.leaseMs, ackDb),
    installations: sqlInstallationStore(sql, options.sealer, options.now),
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
      await pool.end();
      await ackPool.end();
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
