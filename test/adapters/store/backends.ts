import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { loadStoreConfig, type EncryptionKey, type StoreConfig } from '../../../src/config.js';
import { openStore, type OpenStoreOptions } from '../../../src/adapters/store/open.js';
import { SQLITE_FILE } from '../../../src/adapters/store/sqlite/store.js';
import type { Store } from '../../../src/adapters/store/types.js';

/**
 * The store back ends a test file runs against. SQLite always; PostgreSQL when the machine's server
 * answers (each run in its own schema, dropped afterwards, since other people share the server).
 * With AUTHHELP_TEST_REQUIRE_POSTGRES=1 (CI) an unreachable server fails the run instead.
 */
export interface Backend {
  readonly name: 'sqlite' | 'postgres';
  /** Store config for one isolated place: a temp dir or a fresh schema. */
  readonly config: (keys?: readonly EncryptionKey[]) => StoreConfig;
  /** Opens another connection to the same place (another "instance"). */
  readonly open: (options?: OpenStoreOptions, keys?: readonly EncryptionKey[]) => Promise<Store>;
  /** Reads tables directly, bypassing the store, e.g. to look for a token in plain text. */
  readonly raw: (sql: string) => Promise<Record<string, unknown>[]>;
  /** Changes tables directly, as someone with database access could. */
  readonly exec: (sql: string) => Promise<void>;
  readonly cleanup: () => Promise<void>;
}

const TEST_URL =
  process.env['AUTHHELP_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const REQUIRE_POSTGRES = process.env['AUTHHELP_TEST_REQUIRE_POSTGRES'] === '1';

let probe: Promise<string | undefined> | undefined;

/** Undefined when reachable, else why not. */
function postgresProblem(): Promise<string | undefined> {
  probe ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_URL, connectionTimeoutMillis: 3_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return undefined;
    } catch (err) {
      const e = err as { code?: string; message?: string };
      return e.code ?? e.message ?? String(err);
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return probe;
}

/** Names of the back ends to run; fails (in CI) or leaves PostgreSQL out when it is not there. */
export async function backendNames(): Promise<('sqlite' | 'postgres')[]> {
  const problem = await postgresProblem();
  report(problem === undefined ? 'postgres' : `postgres skipped: ${problem}`);
  report('sqlite');
  if (problem !== undefined && REQUIRE_POSTGRES)
    throw new Error(
      `PostgreSQL is required (AUTHHELP_TEST_REQUIRE_POSTGRES=1) but ${TEST_URL} is unreachable: ${problem}`,
    );
  return problem === undefined ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** Lets scripts/run-jest.mjs print which back ends ran. */
function report(line: string): void {
  const dir = process.env['AUTHHELP_TEST_REPORT_DIR'];
  if (dir !== undefined) appendFileSync(join(dir, 'store-backends'), `${line}\n`);
}

export const TEST_KEY: EncryptionKey = keyFrom(1);

/** A fixed test key, parsed as AUTHHELP_ENCRYPTION_KEY would be (so its id is the real one). */
export function keyFrom(seed: number): EncryptionKey {
  const [key] = loadStoreConfig({
    AUTHHELP_ENCRYPTION_KEY: Buffer.alloc(32, seed).toString('base64'),
  }).encryptionKeys;
  return key!;
}

const baseConfig = (
  keys: readonly EncryptionKey[],
): Omit<StoreConfig, 'backend' | 'databaseUrl'> => ({
  dataDir: '',
  databaseSchema: 'authhelp',
  encryptionKeys: keys,
  jobConcurrency: 32,
  channelConcurrency: 4,
  retentionDays: 30,
});

/** The environment the app (and the CLI) reads for a back end's isolated place. */
export function storeEnv(backend: Backend): Record<string, string> {
  const config = backend.config();
  return config.backend === 'sqlite'
    ? { AUTHHELP_DATA_DIR: config.dataDir }
    : { DATABASE_URL: config.databaseUrl ?? '', AUTHHELP_DATABASE_SCHEMA: config.databaseSchema };
}

export function createBackend(name: 'sqlite' | 'postgres'): Promise<Backend> {
  return Promise.resolve(name === 'sqlite' ? sqliteBackend() : postgresBackend());
}

function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'authhelp-store-'));
  const config = (keys: readonly EncryptionKey[] = [TEST_KEY]): StoreConfig => ({
    ...baseConfig(keys),
    backend: 'sqlite',
    dataDir: dir,
    databaseUrl: undefined,
  });
  return {
    name: 'sqlite',
    config,
    open: (options = {}, keys) => openStore(config(keys), { sweepEveryMs: 0, ...options }),
    raw: (sql) =>
      Promise.resolve(withFile(dir, (db) => db.prepare(sql).all() as Record<string, unknown>[])),
    exec: (sql) => {
      withFile(dir, (db) => db.exec(sql));
      return Promise.resolve();
    },
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

function withFile<T>(dir: string, work: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(join(dir, SQLITE_FILE));
  try {
    return work(db);
  } finally {
    db.close();
  }
}

function postgresBackend(): Backend {
  const schema = `authhelp_t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const config = (keys: readonly EncryptionKey[] = [TEST_KEY]): StoreConfig => ({
    ...baseConfig(keys),
    backend: 'postgres',
    databaseUrl: TEST_URL,
    databaseSchema: schema,
  });
  const admin = async <T>(work: (c: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: TEST_URL });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    name: 'postgres',
    config,
    open: (options = {}, keys) => openStore(config(keys), { sweepEveryMs: 0, ...options }),
    raw: (sql) =>
      admin(async (c) => {
        await c.query(`SET search_path = ${schema}`);
        return (await c.query(sql)).rows as Record<string, unknown>[];
      }),
    exec: (sql) =>
      admin(async (c) => {
        await c.query(`SET search_path = ${schema}`);
        await c.query(sql);
      }),
    // Only the schemas this run created.
    cleanup: () =>
      admin(async (c) => {
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await c.query(`DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`);
      }),
  };
}

/** Waits until `check` holds, polling; fails with `what` after `ms`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  ms = 15_000,
): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
