import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { AuthHelpError } from '../../../core/errors.js';
import { sqlInstallationStore } from '../installations.js';
import { pendingMigrations } from '../migrations.js';
import { sqlKeyStore, sweepKeys } from '../key-store.js';
import { sqlLearningStore, sweepLearning } from '../learning.js';
import type { Sealer } from '../sealing.js';
import type { Sql } from '../sql.js';
import type { Clock, Store } from '../types.js';
import { startCheckpointer } from './checkpointer.js';
import { sqliteJobQueue } from './jobs.js';
import { SQLITE_MIGRATIONS } from './schema.js';

export const SQLITE_FILE = 'authhelp.db';

export interface SqliteStoreOptions {
  readonly dataDir: string;
  readonly sealer: Sealer;
  readonly now: Clock;
  readonly leaseMs: number;
  /** How long failed jobs stay for an operator to read. */
  readonly keepFailedMs: number;
  /** AUTHHELP_RETENTION_DAYS: how long masked pastes are kept (0: never stored). */
  readonly retentionDays: number;
  /**
   * Checkpoint the write-ahead log from a worker thread this often (see checkpointer.ts); 0 leaves
   * it to SQLite, inside the writes (short commands such as `authhelp migrate`).
   */
  readonly checkpointEveryMs?: number;
}

/** The embedded store: one SQLite file in WAL mode under the data directory. */
export function openSqliteStore(options: SqliteStoreOptions): Store {
  const file = resolve(join(options.dataDir, SQLITE_FILE));
  const db = openDatabase(options.dataDir, file);
  let migrated: string[];
  try {
    migrated = migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  const sql = sqliteSql(db);
  const { now } = options;
  const checkpointer = backgroundCheckpoints(db, file, options.checkpointEveryMs ?? 0);
  return {
    backend: 'sqlite',
    location: file,
    keys: sqlKeyStore(sql, now),
    jobs: sqliteJobQueue(db, now, options.leaseMs),
    installations: sqlInstallationStore(sql, options.sealer, now),
    learning: sqlLearningStore(sql, now, options.retentionDays),
    migrated,
    ping() {
      const started = performance.now();
      try {
        db.prepare('SELECT 1').get();
        return Promise.resolve({ ok: true, ms: performance.now() - started });
      } catch (err) {
        return Promise.resolve({ ok: false, reason: `sqlite: ${errorText(err)}` });
      }
    },
    async sweep() {
      const t = now();
      await sweepKeys(sql, t);
      await sweepLearning(sql, t, options.retentionDays);
      db.prepare("DELETE FROM jobs WHERE state = 'failed' AND updated_at <= ?").run(
        t - options.keepFailedMs,
      );
    },
    async close() {
      await checkpointer?.stop();
      if (db.open) db.close();
    },
  };
}

function backgroundCheckpoints(db: Database, file: string, everyMs: number) {
  if (everyMs <= 0) return undefined;
  db.pragma('wal_autocheckpoint = 0');
  return startCheckpointer(file, everyMs, () => {
    // Without the thread the log would grow for ever: SQLite checkpoints inside writes again.
    if (db.open) db.pragma('wal_autocheckpoint = 1000');
  });
}

function openDatabase(dataDir: string, file: string): Database {
  try {
    mkdirSync(dataDir, { recursive: true });
    const db = new BetterSqlite3(file);
    // WAL: readers never block the writer; NORMAL sync survives a process crash (not a power cut).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Another process on the same file (a second instance, `authhelp migrate`) waits, not fails.
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (err) {
    throw new AuthHelpError(
      'STORE_UNAVAILABLE',
      `cannot open the store at ${file} (${errorText(err)}); check AUTHHELP_DATA_DIR`,
      { cause: err, context: { file } },
    );
  }
}

/** Applies pending migrations in one write transaction, so two processes never both apply one. */
function migrate(db: Database): string[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)',
  );
  const applied: string[] = [];
  db.transaction(() => {
    const done = new Set(
      (db.prepare('SELECT name FROM schema_migrations').all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    for (const m of pendingMigrations(done, SQLITE_MIGRATIONS)) {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(
        m.name,
        Date.now(),
      );
      applied.push(m.name);
    }
  }).immediate();
  return applied;
}

function sqliteSql(db: Database): Sql {
  // Shared code sends a handful of fixed statements: prepare each once.
  const prepared = new Map<string, BetterSqlite3.Statement>();
  return {
    dialect: 'sqlite',
    all<R extends object>(text: string, params: readonly unknown[] = []) {
      let stmt = prepared.get(text);
      if (stmt === undefined) {
        stmt = db.prepare(text);
        prepared.set(text, stmt);
      }
      return Promise.resolve(
        (stmt.reader ? stmt.all(...params) : (stmt.run(...params), [])) as R[],
      );
    },
  };
}

function errorText(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : err instanceof Error ? err.message : String(err);
}
