/** PostgreSQL migrations for authhelp's own tables (the job queue is pg-boss's, migrated by it). */
import type { Migration } from '../migrations.js';

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    name: '001-keys-jobs-installations',
    sql: `
      CREATE TABLE store_keys (
        namespace TEXT NOT NULL,
        key TEXT NOT NULL,
        expires_at BIGINT NOT NULL,
        PRIMARY KEY (namespace, key)
      );
      CREATE INDEX store_keys_expiry ON store_keys (expires_at);

      CREATE TABLE store_counters (
        namespace TEXT NOT NULL,
        key TEXT NOT NULL,
        window_start BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        count BIGINT NOT NULL,
        PRIMARY KEY (namespace, key)
      );
      CREATE INDEX store_counters_expiry ON store_counters (expires_at);

      CREATE TABLE installations (
        scope TEXT NOT NULL CHECK (scope IN ('team', 'enterprise')),
        scope_id TEXT NOT NULL,
        key_id TEXT NOT NULL,
        box TEXT NOT NULL,
        installed_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        PRIMARY KEY (scope, scope_id)
      );
    `,
  },
  {
    // What the app learns from use: see learning.ts. Times are epoch ms, as in every other table.
    name: '002-learning',
    sql: `
      CREATE TABLE diagnoses (
        id TEXT PRIMARY KEY,
        time BIGINT NOT NULL,
        team TEXT NOT NULL,
        user_id TEXT NOT NULL,
        surface TEXT NOT NULL CHECK (surface IN ('command', 'channel', 'shortcut', 'cli')),
        entry_id TEXT,
        confidence DOUBLE PRECISION NOT NULL,
        answered SMALLINT NOT NULL CHECK (answered IN (0, 1)),
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
        time BIGINT NOT NULL,
        PRIMARY KEY (diagnosis_id, user_id)
      );
    `,
  },
];
