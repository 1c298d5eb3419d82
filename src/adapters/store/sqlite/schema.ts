/** Embedded store migrations, applied in order and recorded in `schema_migrations`. */
import type { Migration } from '../migrations.js';

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    name: '001-keys-jobs-installations',
    sql: `
      CREATE TABLE store_keys (
        namespace TEXT NOT NULL,
        key TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (namespace, key)
      ) WITHOUT ROWID;
      CREATE INDEX store_keys_expiry ON store_keys (expires_at);

      CREATE TABLE store_counters (
        namespace TEXT NOT NULL,
        key TEXT NOT NULL,
        window_start INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (namespace, key)
      ) WITHOUT ROWID;
      CREATE INDEX store_counters_expiry ON store_counters (expires_at);

      CREATE TABLE jobs (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        channel TEXT,
        deadline INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued', 'active', 'failed')),
        attempt INTEGER NOT NULL DEFAULT 0,
        run_at INTEGER NOT NULL,
        lease TEXT,
        lease_until INTEGER,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX jobs_due ON jobs (state, run_at);
      CREATE INDEX jobs_leases ON jobs (state, lease_until);

      CREATE TABLE installations (
        scope TEXT NOT NULL CHECK (scope IN ('team', 'enterprise')),
        scope_id TEXT NOT NULL,
        key_id TEXT NOT NULL,
        box TEXT NOT NULL,
        installed_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (scope, scope_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    // What the app learns from use: see learning.ts. Times are epoch ms, as in every other table.
    name: '002-learning',
    sql: `
      CREATE TABLE diagnoses (
        id TEXT PRIMARY KEY,
        time INTEGER NOT NULL,
        team TEXT NOT NULL,
        user_id TEXT NOT NULL,
        surface TEXT NOT NULL CHECK (surface IN ('command', 'channel', 'shortcut', 'cli')),
        entry_id TEXT,
        confidence REAL NOT NULL,
        answered INTEGER NOT NULL CHECK (answered IN (0, 1)),
        catalogue_version TEXT NOT NULL,
        masked_text TEXT CHECK (length(masked_text) <= 4096),
        template TEXT,
        template_id TEXT
      );
      CREATE INDEX diagnoses_time ON diagnoses (time);

      CREATE TABLE feedback (
        diagnosis_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('up', 'down', 'instead')),
        instead_entry_id TEXT,
        time INTEGER NOT NULL,
        PRIMARY KEY (diagnosis_id, user_id)
      ) WITHOUT ROWID;
    `,
  },
];
